#include "snaplint/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

const std::string graph_body = R"("nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "hi"},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [
    {"id": "e1", "from": "s", "to": "a"},
    {"id": "e2", "from": "a", "to": "nope"}
  ])";

std::vector<std::string> pointers_of(const FileReport& report, const std::string& rule) {
  std::vector<std::string> pointers;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule == rule) pointers.push_back(d.pointer);
  }
  return pointers;
}

TEST(Engine, RecognisesTheThreeEnvelopesAndPointsFromTheFileRoot) {
  const FileReport request = lint_text("{\"graph\": {" + graph_body + "}}");
  EXPECT_EQ(request.envelope, Envelope::request);
  EXPECT_EQ(pointers_of(request, "dangling-edge"), std::vector<std::string>{"/graph/edges/1/to"});

  const FileReport response = lint_text(
      "{\"data\": {\"id\": \"snap-1\", \"agent_id\": \"ag-1\", \"graph\": {" + graph_body + "}}}");
  EXPECT_EQ(response.envelope, Envelope::response);
  EXPECT_EQ(pointers_of(response, "dangling-edge"),
            std::vector<std::string>{"/data/graph/edges/1/to"});

  const FileReport bare = lint_text("{" + graph_body + "}");
  EXPECT_EQ(bare.envelope, Envelope::bare);
  EXPECT_EQ(pointers_of(bare, "dangling-edge"), std::vector<std::string>{"/edges/1/to"});
}

TEST(Engine, ReportsEveryProblemOfAFileInOneRunSortedByPosition) {
  const FileReport report = lint_text(R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "s", "name": "dup", "type": "DefaultNode", "prompt": "x"},
    {"id": "k", "name": "k", "type": "Custom", "prompt": "x"},
    {"id": "w", "name": "w", "type": "WebhookNode", "prompt": "x",
     "webhook": {"url": "ftp://x", "http_method": "GO"}}
  ],
  "edges": [
    {"id": "e1", "from": "s", "to": "w"},
    {"id": "e2", "from": "w", "to": "missing"}
  ]
}})");
  std::vector<std::string> rules;
  for (const Diagnostic& d : report.diagnostics) rules.push_back(d.rule);
  // The second 's' is unreachable too: edges resolve an id to its first node.
  const std::vector<std::string> expected = {
      "missing-end-node",  "unreachable-node", "duplicate-node-id", "unreachable-node",
      "unknown-node-type", "webhook-url",      "webhook-method",    "dangling-edge"};
  EXPECT_EQ(rules, expected);
  EXPECT_TRUE(
      std::is_sorted(report.diagnostics.begin(), report.diagnostics.end(), diagnostic_less));
}

TEST(Engine, InvalidJsonSuppressesEverythingElse) {
  const FileReport report = lint_text("{\"graph\": {\"nodes\": [}");
  ASSERT_EQ(report.diagnostics.size(), 1u);
  const Diagnostic& d = report.diagnostics[0];
  EXPECT_EQ(d.rule, "invalid-json");
  EXPECT_EQ(d.pointer, "");
  EXPECT_EQ(d.range.start, (Position{1, 22}));
  EXPECT_EQ(d.range.end, (Position{1, 23}));
  EXPECT_FALSE(report.envelope.has_value());
}

TEST(Engine, DuplicateKeysPointAtTheRepeatWithTheFirstAsRelated) {
  const FileReport report = lint_text(
      "{\"graph\": {\"nodes\": [{\"id\": \"a\", \"name\": \"x\", \"id\": \"b\"}], \"edges\": []}}",
      {"duplicate-key"});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  const Diagnostic& d = report.diagnostics[0];
  EXPECT_EQ(d.pointer, "/graph/nodes/0/id");
  EXPECT_EQ(d.range.start.column, 47u);
  EXPECT_EQ(d.range.end.column, 51u);
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.related[0].range.start.column, 23u);
  // The model keeps the last value: the node's id is 'b'.
  ASSERT_TRUE(d.entity.id.has_value());
  EXPECT_EQ(*d.entity.id, "b");
}

TEST(Engine, SchemaFindingsNameTheEntityAndWhatWasExpected) {
  const FileReport report = lint_text(R"({"graph": {"nodes": [
    {"id": "n1", "name": "n1", "type": "DefaultNode", "global": "yes"},
    {"name": "n2"}
  ], "edges": [{"from": "n1"}]}})",
                                      {"schema"});
  ASSERT_EQ(report.diagnostics.size(), 3u);
  EXPECT_EQ(report.diagnostics[0].pointer, "/graph/nodes/0/global");
  EXPECT_EQ(report.diagnostics[0].message, "'global' should be a boolean, found string \"yes\"");
  EXPECT_EQ(report.diagnostics[0].entity.kind, EntityKind::node);
  EXPECT_EQ(report.diagnostics[0].entity.id, "n1");
  EXPECT_EQ(report.diagnostics[1].pointer, "/graph/nodes/1");
  EXPECT_EQ(report.diagnostics[1].message, "node is missing required fields 'id' and 'type'");
  EXPECT_EQ(report.diagnostics[1].entity.index, 1u);
  EXPECT_FALSE(report.diagnostics[1].entity.id.has_value());
  EXPECT_EQ(report.diagnostics[2].pointer, "/graph/edges/0");
  EXPECT_EQ(report.diagnostics[2].message, "edge is missing required field 'to'");
  EXPECT_EQ(report.diagnostics[2].entity.kind, EntityKind::edge);
}

TEST(Engine, AcceptsWebhookHeadersAsObjectOrJsonString) {
  const FileReport report = lint_text(R"({"graph": {"nodes": [
    {"id": "w", "name": "w", "type": "WebhookNode", "webhook": {"headers": {"A": "b"}}},
    {"id": "v", "name": "v", "type": "WebhookNode", "webhook": {"headers": "{\"A\": \"b\"}"}}
  ], "edges": []}})",
                                      {"schema"});
  EXPECT_TRUE(report.diagnostics.empty());
}

TEST(Engine, AppliesTheSelectedSeverityAndSkipsDisabledRules) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  auto selection = RuleSelection::create(registry, {}, {"edges"}, &error);
  ASSERT_TRUE(selection);
  const Engine linter(registry, std::move(*selection));
  const FileReport report = linter.lint("{\"graph\": {" + graph_body + "}}", "x.json");
  EXPECT_TRUE(pointers_of(report, "dangling-edge").empty());
}

TEST(Engine, FillsTheCodeFrameExcerpt) {
  const FileReport report = lint_text("{\"graph\": {" + graph_body + "}}", {"dangling-edge"});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].excerpt.text,
            "    {\"id\": \"e2\", \"from\": \"a\", \"to\": \"nope\"}");
}

TEST(Engine, IsSafeToShareBetweenThreadsBecauseItIsConst) {
  // One linter, two sequential uses with different inputs, give independent results.
  const RuleRegistry& registry = rules::default_registry();
  const Engine linter(registry, RuleSelection::all(registry));
  const FileReport first = linter.lint("{\"graph\": {" + graph_body + "}}", "a.json");
  const FileReport second = linter.lint("[]", "b.json");
  EXPECT_EQ(pointers_of(first, "dangling-edge").size(), 1u);
  ASSERT_EQ(second.diagnostics.size(), 1u);
  EXPECT_EQ(second.diagnostics[0].rule, "schema");
}

}  // namespace
}  // namespace snaplint::test
