// The model reads each node and edge in one pass over its members and keeps the members rules
// read; each kept ref must be what a member() lookup finds, shadowed duplicate keys included.
#include <gtest/gtest.h>

#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "../bench/snapshot_generator.hpp"
#include "snaplint/huge_page_allocator.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/model.hpp"
#include "support/snapshot_mutator.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

// Every cached member of every node against a lookup, and the stepwise build against the whole.
// Returns how many cached refs were present, so that a caller can tell the check was not vacuous.
std::size_t expect_members_match_lookups(const std::string& text, const std::string& label) {
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  if (parse_json(source, doc).error) return 0;  // a mutation may break the JSON: nothing to model
  const Model model = build_model(doc);
  std::size_t present = 0;
  for (const Node& node : model.nodes) {
    for (const JsonRef ref :
         {node.prompt_ref, node.global_condition_ref, node.tool_ids_ref, node.nodeable_id_ref}) {
      present += ref != no_value;
    }
    for (const JsonRef ref : node.payloads) present += ref != no_value;
    const std::string where = label + " node " + std::to_string(node.index);
    EXPECT_EQ(node.prompt_ref, doc.member(node.json, "prompt")) << where;
    EXPECT_EQ(node.global_condition_ref, doc.member(node.json, "global_condition")) << where;
    EXPECT_EQ(node.tool_ids_ref, doc.member(node.json, "tool_ids")) << where;
    EXPECT_EQ(node.nodeable_id_ref, doc.member(node.json, "nodeable_id")) << where;
    for (std::size_t kind = 0; kind < payload_kind_count; ++kind) {
      EXPECT_EQ(node.payloads[kind], doc.member(node.json, payload_keys[kind]))
          << where << " " << payload_keys[kind];
    }
    const JsonRef id = doc.member(node.json, "id");
    EXPECT_EQ(node.id_ref, doc.is(id, JsonType::string) ? id : no_value) << where;
    // The texts the model reads back through its refs.
    const std::string_view name = doc.member_string(node.json, "name");
    EXPECT_EQ(model.name(node), name) << where;
    EXPECT_EQ(model.type_name(node), doc.member_string(node.json, "type")) << where;
    EXPECT_EQ(node.is_start(), node.has_name() && name == start_node_name) << where;
    EXPECT_EQ(node.is_end(), node.has_name() && name == end_node_name) << where;
  }
  for (const Edge& edge : model.edges) {
    const JsonRef to = doc.member(edge.json, "to");
    EXPECT_EQ(edge.to_ref, doc.is(to, JsonType::string) ? to : no_value) << label;
    EXPECT_EQ(model.to(edge), doc.member_string(edge.json, "to")) << label;
    EXPECT_EQ(model.from(edge), doc.member_string(edge.json, "from")) << label;
    EXPECT_EQ(model.label(edge), doc.member_string(edge.json, "label")) << label;
    const Node* target = edge.to_ref == no_value ? nullptr : model.find_node(model.to(edge));
    EXPECT_EQ(edge.target,
              target ? static_cast<std::uint32_t>(target - model.nodes.data()) : no_index)
        << label;
  }

  Model stepwise = begin_model(doc);
  read_edges(doc, stepwise);  // the order the engine's two threads may take
  read_nodes_and_tools(doc, stepwise);
  resolve_edges(stepwise);
  EXPECT_EQ(stepwise.nodes.size(), model.nodes.size()) << label;
  EXPECT_EQ(stepwise.edges.size(), model.edges.size()) << label;
  if (stepwise.edges.size() != model.edges.size()) return present;
  for (std::size_t e = 0; e < model.edges.size(); ++e) {
    EXPECT_EQ(stepwise.edges[e].source, model.edges[e].source) << label;
    EXPECT_EQ(stepwise.edges[e].target, model.edges[e].target) << label;
  }
  EXPECT_EQ(stepwise.start_node, model.start_node) << label;
  EXPECT_EQ(stepwise.tools.size(), model.tools.size()) << label;
  return present;
}

TEST(Model, CachedNodeMembersAreWhatLookupsFind) {
  const std::string clean = bench::generate_snapshot(300, 5);
  // A generated snapshot has prompts, payloads, tool lists and global conditions in plenty.
  EXPECT_GT(expect_members_match_lookups(clean, "clean"), 500u);
  for (std::uint32_t seed = 0; seed < 60; ++seed) {
    expect_members_match_lookups(mutate_snapshot(clean, seed, 30), "seed " + std::to_string(seed));
  }
}

TEST(Model, ARepeatedKeyCachesTheLastValue) {
  const std::string text = R"({"nodes": [{"id": "a", "name": "a", "type": "WebhookNode",
    "prompt": "first", "webhook": {"url": "x"}, "prompt": "second", "webhook": 7,
    "tool_ids": ["t"], "global_condition": "c", "global_condition": null}], "edges": []})";
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  ASSERT_FALSE(parse_json(source, doc).error);
  const Model model = build_model(doc);
  ASSERT_EQ(model.nodes.size(), 1u);
  const Node& node = model.nodes[0];
  EXPECT_EQ(doc.string(node.prompt_ref), "second");
  EXPECT_TRUE(doc.is(node.payloads[payload_index("webhook")], JsonType::integer));
  EXPECT_TRUE(doc.is(node.global_condition_ref, JsonType::null_value));
  EXPECT_TRUE(doc.is(node.tool_ids_ref, JsonType::array));
  EXPECT_EQ(node.nodeable_id_ref, no_value);
  EXPECT_EQ(payload_index("webhooks"), payload_kind_count);
}

// child_count of an array: small ones follow the tape's next links, large ones (256 elements
// and more) keep their length from the parse. Either must be the index the parser gave the last
// element, plus one, and the length the test wrote.
void expect_array_lengths(const std::string& text, const std::vector<std::uint32_t>& lengths) {
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  ASSERT_FALSE(parse_json(source, doc).error) << text.substr(0, 80);
  std::vector<std::uint32_t> counted;
  for (JsonRef ref = 0; ref < doc.size(); ++ref) {
    if (!doc.is(ref, JsonType::array)) continue;
    counted.push_back(doc.child_count(ref));
    JsonRef last = no_value;
    for (JsonRef child : doc.children(ref)) last = child;
    EXPECT_EQ(counted.back(), last == no_value ? 0 : doc.index(last) + 1) << doc.pointer(ref);
  }
  EXPECT_EQ(counted, lengths) << text.substr(0, 80);
}

TEST(JsonDocumentChildCount, ArraysCountTheirElementsWhateverTheyHold) {
  expect_array_lengths(R"([])", {0});
  expect_array_lengths(R"([1])", {1});
  expect_array_lengths(R"([[],[[]],{}])", {3, 0, 1, 0});
  expect_array_lengths(R"([{"a":[1,2,{"b":[]}]},"x",[3,[4,[5]]]])", {3, 3, 0, 2, 2, 1});
  expect_array_lengths(R"({"k":[[],[],[]],"j":[]})", {3, 0, 0, 0, 0});
  expect_array_lengths(R"([null,true,false,1.5,"s",{"a":1,"a":2}])", {6});
  // Large arrays, one inside another and one after: the lengths kept are found by ref.
  std::string large = "[[";
  for (int i = 0; i < 300; ++i) large += i == 0 ? "1" : ",1";
  large += "],[";
  for (int i = 0; i < 1000; ++i) large += i == 0 ? "[]" : ",[]";
  large += "]]";
  std::vector<std::uint32_t> lengths = {2, 300, 1000};
  lengths.insert(lengths.end(), 1000, 0);
  expect_array_lengths(large, lengths);
}

// parent() is made from the tape on first use: it must name the innermost container around each
// value, as a search of all containers finds it, and agree with is_member and pointer().
void expect_parents_are_the_innermost_containers(const std::string& text,
                                                 const std::string& label) {
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  if (parse_json(source, doc).error) return;
  for (JsonRef ref = 0; ref < doc.size(); ++ref) {
    JsonRef innermost = no_value;
    for (JsonRef container = 0; container < ref; ++container) {
      if (doc.at(container).next > ref) innermost = container;  // a later one is nested deeper
    }
    ASSERT_EQ(doc.parent(ref), innermost) << label << " value " << ref;
    EXPECT_EQ(doc.is_member(ref), doc.is(innermost, JsonType::object)) << label << " value " << ref;
    if (!doc.at(ref).shadowed && (innermost == no_value || !doc.at(innermost).shadowed)) {
      EXPECT_EQ(doc.resolve(doc.pointer(ref)), ref) << label << " " << doc.pointer(ref);
    }
  }
}

TEST(JsonDocumentParents, AreTheInnermostContainers) {
  for (const std::string text :
       {R"([])", R"({})", R"(1)", R"([[],[[]],{}])", R"({"a":{"b":{"c":[1,{"d":[]}]}},"e":2})",
        R"([{"a":[1,2,{"b":[]}]},"x",[3,[4,[5]]]])", R"({"a":1,"a":{"b":2},"c":[{}]})"}) {
    expect_parents_are_the_innermost_containers(text, text);
  }
  const std::string snapshot = bench::generate_snapshot(20, 3);
  expect_parents_are_the_innermost_containers(snapshot, "generated");
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    expect_parents_are_the_innermost_containers(mutate_snapshot(snapshot, seed, 10),
                                                "seed " + std::to_string(seed));
  }
}

// A container keeps no end: value_span finds it by walking down its last children. It must be
// one past the bracket that matches the container's opening one, as a scan of the text finds it.
std::uint32_t matching_bracket_end(std::string_view text, std::uint32_t open) {
  int depth = 0;
  bool in_string = false;
  for (std::uint32_t at = open; at < text.size(); ++at) {
    const char c = text[at];
    if (in_string) {
      if (c == '\\') {
        ++at;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return at + 1;
    }
  }
  return 0;
}

std::size_t expect_container_ends_match_brackets(const std::string& text,
                                                 const std::string& label) {
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  if (parse_json(source, doc).error) return 0;
  std::size_t containers = 0;
  for (JsonRef ref = 0; ref < doc.size(); ++ref) {
    const auto [begin, end] = doc.value_span(ref);
    if (doc.is(ref, JsonType::array) || doc.is(ref, JsonType::object)) {
      ++containers;
      EXPECT_EQ(end, matching_bracket_end(text, begin)) << label << " " << doc.pointer(ref);
    } else {
      EXPECT_GT(end, begin) << label << " " << doc.pointer(ref);
    }
    // next: the first value that starts past this one's end (the tape is in document order).
    JsonRef after = ref + 1;
    while (after < doc.size() && doc.value_begin(after) < end) ++after;
    EXPECT_EQ(doc.at(ref).next, after) << label << " " << doc.pointer(ref);
  }
  return containers;
}

TEST(JsonDocumentSpans, ContainersEndAtTheirMatchingBracket) {
  std::size_t containers = 0;
  for (const std::string text :
       {"[]", "{ }", "[ [ ] , { } ]", "{\"a\":[[[]]] }", "[1, [2, [3, {\"b\": \"]}\"}]]]  ",
        "{\"a\" : {\"b\" : [ {} , [] ] } , \"c\" : \"\\\"]\" }", " [ \"x\" , 1.5e3 , true ] "}) {
    containers += expect_container_ends_match_brackets(text, text);
  }
  const std::string snapshot = bench::generate_snapshot(30, 7);
  containers += expect_container_ends_match_brackets(snapshot, "generated");
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    containers += expect_container_ends_match_brackets(mutate_snapshot(snapshot, seed, 10),
                                                       "seed " + std::to_string(seed));
  }
  EXPECT_GT(containers, 200u);  // the check was not vacuous
}

// Two threads asking for parents of a fresh document at once: the table is made once, and both
// read the same answers (run under TSan in .ci/run, which runs ThreadSafety.*).
TEST(ThreadSafety, JsonDocumentParentsFirstAskedFromTwoThreadsAtOnce) {
  const std::string snapshot = bench::generate_snapshot(200, 4);
  for (int round = 0; round < 5; ++round) {
    const SourceFile source{std::string(snapshot)};
    JsonDocument doc(source);
    ASSERT_FALSE(parse_json(source, doc).error);
    std::vector<JsonRef> seen[2];
    const auto ask = [&](std::vector<JsonRef>& out) {
      for (JsonRef ref = 0; ref < doc.size(); ++ref) out.push_back(doc.parent(ref));
    };
    std::thread other(ask, std::ref(seen[1]));
    ask(seen[0]);
    other.join();
    ASSERT_EQ(seen[0].size(), doc.size());
    EXPECT_EQ(seen[0], seen[1]);
    EXPECT_EQ(seen[0][0], no_value);  // the root
    EXPECT_EQ(seen[0][1], 0u);        // the root's first member
  }
}

// Large blocks start on a 2 MiB boundary (where the kernel can give huge pages) and can be
// written end to end and given back.
TEST(HugePageAllocator, LargeBlocksAreAlignedTo2MiBAndUsable) {
  constexpr std::size_t two_mib = std::size_t{2} << 20;
  for (const std::size_t bytes : {huge_pages::threshold, huge_pages::threshold + 1,
                                  std::size_t{7} * two_mib + 12345, std::size_t{64} << 20}) {
    void* block = huge_pages::allocate(bytes);
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % two_mib, 0u) << bytes;
    std::memset(block, 0xA5, bytes);
    EXPECT_EQ(static_cast<unsigned char*>(block)[bytes - 1], 0xA5);
    huge_pages::deallocate(block, bytes);
  }
  HugePageAllocator<std::uint64_t> allocator;
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> values(allocator);
  for (std::uint64_t i = 0; i < (std::uint64_t{3} << 20); ++i) values.push_back(i);
  EXPECT_EQ(values.back(), (std::uint64_t{3} << 20) - 1);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(values.data()) % two_mib, 0u);
}

}  // namespace
}  // namespace snaplint::test
