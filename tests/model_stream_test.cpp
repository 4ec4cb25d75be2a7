// ModelStream reads nodes and edges on a second thread while the parser writes the tape. After
// hand_over and the model's own reading on from there, the model must equal the one read after
// the parse, whatever the stream managed: all, part (escapes it must leave alone, a tape that had
// to grow), or nothing (arrays it guessed wrong).
#include <gtest/gtest.h>

#include <string>
#include <tuple>

#include "../bench/snapshot_generator.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/model.hpp"
#include "snaplint/model_stream.hpp"
#include "support/snapshot_mutator.hpp"

namespace snaplint::test {
namespace {

void expect_same_node(const Node& a, const Node& b, const std::string& where) {
  EXPECT_EQ(a.id, b.id) << where;
  EXPECT_EQ(a.index, b.index) << where;
  EXPECT_EQ(a.json, b.json) << where;
  EXPECT_EQ(a.id_ref, b.id_ref) << where;
  EXPECT_EQ(a.name_ref, b.name_ref) << where;
  EXPECT_EQ(a.type_ref, b.type_ref) << where;
  EXPECT_EQ(a.type, b.type) << where;
  EXPECT_EQ(a.is_global, b.is_global) << where;
  EXPECT_EQ(a.named_start, b.named_start) << where;
  EXPECT_EQ(a.named_end, b.named_end) << where;
  EXPECT_EQ(a.prompt_ref, b.prompt_ref) << where;
  EXPECT_EQ(a.global_condition_ref, b.global_condition_ref) << where;
  EXPECT_EQ(a.tool_ids_ref, b.tool_ids_ref) << where;
  EXPECT_EQ(a.nodeable_id_ref, b.nodeable_id_ref) << where;
  for (std::size_t kind = 0; kind < payload_kind_count; ++kind) {
    EXPECT_EQ(a.payloads[kind], b.payloads[kind]) << where;
  }
}

void expect_same_edge(const Edge& a, const Edge& b, const std::string& where) {
  EXPECT_EQ(a.id, b.id) << where;
  EXPECT_EQ(a.index, b.index) << where;
  EXPECT_EQ(a.json, b.json) << where;
  EXPECT_EQ(a.id_ref, b.id_ref) << where;
  EXPECT_EQ(a.from_ref, b.from_ref) << where;
  EXPECT_EQ(a.to_ref, b.to_ref) << where;
  EXPECT_EQ(a.label_ref, b.label_ref) << where;
  EXPECT_EQ(a.source, b.source) << where;
  EXPECT_EQ(a.target, b.target) << where;
}

struct Streamed {
  bool parsed = false;
  std::size_t nodes_handed_over = 0;  // nodes the stream read and the model kept
  std::size_t edges_handed_over = 0;
};

// Parses `text` followed by a ModelStream, builds the model from there, and compares it with the
// model read after a parse without one.
Streamed expect_streamed_model_is_the_model(const std::string& text, const std::string& label) {
  Streamed streamed;
  const SourceFile source{std::string(text)};
  JsonDocument doc(source);
  ModelStream stream;
  stream.min_bytes = 0;
  if (parse_json(source, doc, {}, &stream).error) return streamed;
  streamed.parsed = true;
  const Model expected = build_model(doc);

  Model model = begin_model(doc);
  stream.hand_over(model);
  streamed.nodes_handed_over = model.nodes.size();
  streamed.edges_handed_over = model.edges.size();
  read_edges(doc, model);
  read_nodes_and_tools(doc, model);
  resolve_edges(model);

  EXPECT_EQ(model.nodes.size(), expected.nodes.size()) << label;
  EXPECT_EQ(model.edges.size(), expected.edges.size()) << label;
  EXPECT_EQ(model.tools.size(), expected.tools.size()) << label;
  EXPECT_EQ(model.start_node, expected.start_node) << label;
  EXPECT_EQ(model.end_node, expected.end_node) << label;
  EXPECT_EQ(model.node_by_id.size(), expected.node_by_id.size()) << label;
  if (model.nodes.size() == expected.nodes.size()) {
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
      const std::string where = label + " node " + std::to_string(n);
      expect_same_node(model.nodes[n], expected.nodes[n], where);
      const std::uint32_t* position = model.node_by_id.find(expected.nodes[n].id);
      const std::uint32_t* expected_position = expected.node_by_id.find(expected.nodes[n].id);
      EXPECT_EQ(position ? *position : no_index, expected_position ? *expected_position : no_index)
          << where;
    }
  }
  if (model.edges.size() == expected.edges.size()) {
    for (std::size_t e = 0; e < model.edges.size(); ++e) {
      expect_same_edge(model.edges[e], expected.edges[e], label + " edge " + std::to_string(e));
    }
  }
  return streamed;
}

TEST(ModelStream, ReadsAGeneratedSnapshotWhileItIsParsed) {
  const std::string text = bench::generate_snapshot(3000, 7);
  const Streamed streamed = expect_streamed_model_is_the_model(text, "generated");
  ASSERT_TRUE(streamed.parsed);
  // The stream reads every element before it returns (the parser waits for it), so a snapshot
  // without escapes in its ids and keys is read whole.
  EXPECT_EQ(streamed.nodes_handed_over, 3000u);
  EXPECT_GT(streamed.edges_handed_over, 3000u);
}

TEST(ModelStream, MutatedSnapshotsGiveTheSameModel) {
  const std::string clean = bench::generate_snapshot(400, 3);
  std::size_t partly = 0;
  for (std::uint32_t seed = 0; seed < 80; ++seed) {
    const Streamed streamed = expect_streamed_model_is_the_model(mutate_snapshot(clean, seed, 30),
                                                                 "seed " + std::to_string(seed));
    partly += streamed.parsed && streamed.nodes_handed_over > 0;
  }
  EXPECT_GT(partly, 10u) << "the stream must have read nodes of many mutated snapshots";
}

// A snapshot, with the number of nodes and of edges the stream must hand over for it.
using HandOverCase = std::tuple<std::string, std::size_t, std::size_t>;

template <std::size_t N>
void expect_hand_overs(const HandOverCase (&cases)[N]) {
  std::size_t case_number = 0;
  for (const auto& [text, nodes, edges] : cases) {
    const std::string label = "case " + std::to_string(case_number++);
    const Streamed streamed = expect_streamed_model_is_the_model(text, label);
    EXPECT_TRUE(streamed.parsed) << label;
    EXPECT_EQ(streamed.nodes_handed_over, nodes) << label;
    EXPECT_EQ(streamed.edges_handed_over, edges) << label;
  }
}

TEST(ModelStream, StopsAtEscapesAndTheModelReadsOn) {
  // An escaped id, name, type, key, from or to is decoded text in a side table the parser may be
  // growing: the stream stops before that element.
  // With the nodes and edges the stream hands over: those before the escape.
  const HandOverCase cases[] = {
      {R"({"nodes": [{"id": "a", "name": "__start__"}, {"id": "b\u0041", "name": "x"},
          {"id": "c"}], "edges": [{"from": "a", "to": "bA"}]})",
       1, 0},
      {R"({"nodes": [{"id": "a"}, {"i\u0064": "b"}, {"id": "c"}], "edges": []})", 1, 0},
      {R"({"nodes": [{"id": "a"}, {"id": "b", "type": "Webhook\u004eode"}], "edges": []})", 1, 0},
      {R"({"nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"from": "a", "to": "b"},
          {"from": "\u0061", "to": "b"}, {"from": "b", "to": "a"}]})",
       2, 1},
      // Escapes elsewhere (a prompt's, a label's) do not stop it.
      {R"({"nodes": [{"id": "a", "prompt": "line\none"}, {"id": "b"}], "edges": [{"from": "a",
          "to": "b", "label": "x\ty"}]})",
       2, 1},
  };
  expect_hand_overs(cases);
}

TEST(ModelStream, ArraysItMustNotTakeForTheModels) {
  // With the nodes and edges the stream hands over: none where it watched the wrong arrays.
  const HandOverCase cases[] = {
      // Envelopes: the request's graph, the response's data.graph.
      {R"({"graph": {"nodes": [{"id": "a"}], "edges": [{"from": "a", "to": "a"}]}})", 1, 1},
      {R"({"data": {"graph": {"nodes": [{"id": "a"}], "edges": [{"from": "a", "to": "a"}]}}})", 1,
       1},
      // A bare snapshot whose "graph" member comes after: the model is the request's graph.
      {R"({"nodes": [{"id": "x"}], "edges": [], "graph": {"nodes": [{"id": "a"}], "edges": []}})",
       0, 0},
      // "nodes" repeated: the last one is the model's.
      {R"({"nodes": [{"id": "x"}], "edges": [], "nodes": [{"id": "a"}, {"id": "b"}]})", 0, 0},
      // Edges before nodes (only edges after the nodes are watched), and nodes not an array.
      {R"({"edges": [{"from": "a", "to": "a"}], "nodes": [{"id": "a"}]})", 1, 0},
      {R"({"nodes": {"id": "a"}, "edges": [{"from": "a", "to": "a"}]})", 0, 0},
      // Elements that are not objects, and nodes under a "graph" that is not the model's.
      {R"({"nodes": [1, {"id": "a"}, [], "s", {"id": "b"}], "edges": [2, {"from": "a",
          "to": "b"}]})",
       2, 1},
      {R"({"x": {"graph": {"nodes": [{"id": "a"}]}}, "nodes": [{"id": "b"}], "edges": []})", 0, 0},
      // Deeper than an envelope puts them: not watched.
      {R"({"data": {"graph": {"graph": {"nodes": [{"id": "a"}]}}}})", 0, 0},
  };
  expect_hand_overs(cases);
}

TEST(ModelStream, ATapeThatMustGrowStopsTheStream) {
  // Empty nodes take 3 bytes each, far more values than the tape reserves for the file's size: it
  // grows during the parse, and the stream must have stopped before it moved.
  std::string text = R"({"nodes": [{"id": "first"})";
  for (int i = 0; i < 200000; ++i) text += ",{}";
  text += R"(], "edges": [{"from": "first", "to": "first"}]})";
  const Streamed streamed = expect_streamed_model_is_the_model(text, "growing tape");
  EXPECT_TRUE(streamed.parsed);
  // Had the parser not stopped the stream, it would have read every node, from a tape that moved
  // under it: a crash, or a report from AddressSanitizer or ThreadSanitizer, which run this test.
  EXPECT_LT(streamed.nodes_handed_over, 200001u) << "the stream cannot have read past the growth";
}

}  // namespace
}  // namespace snaplint::test
