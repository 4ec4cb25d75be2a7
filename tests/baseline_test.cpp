// Fingerprints and baselines: a finding keeps its identity through edits that do not touch it.
#include <gtest/gtest.h>

#include <sstream>

#define RAPIDJSON_HAS_STDSTRING 1
#include <rapidjson/document.h>

#include "snaplint/baseline.hpp"
#include "snaplint/fingerprint.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

// Two unreachable nodes and two global nodes with one condition (a pair finding, reported at
// whichever of the two comes second).
std::string agent(bool reordered, const std::string& indent, bool extra_node = false) {
  std::vector<std::string> nodes = {
      R"({"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""})",
      R"({"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""})",
      R"({"id": "draft", "name": "draft", "type": "DefaultNode", "prompt": "Later."})",
      R"({"id": "orphan", "name": "orphan", "type": "DefaultNode", "prompt": "Later."})",
      R"({"id": "human", "name": "human", "type": "HandoffNode", "global": true, "global_condition": "the user asks for a human", "handoff": {}})",
      R"({"id": "agent", "name": "agent", "type": "HandoffNode", "global": true, "global_condition": "The user asks for a human!", "handoff": {}})",
  };
  if (extra_node) {
    nodes.push_back(R"({"id": "help", "name": "help", "type": "DefaultNode", "prompt": "Help."})");
  }
  if (reordered) std::reverse(nodes.begin(), nodes.end());
  std::string edges = R"({"id": "e1", "from": "start", "to": "end"})";
  if (extra_node) {
    edges =
        R"({"id": "e1", "from": "start", "to": "help"}, {"id": "e2", "from": "help", "to": "end"})";
  }
  std::string text = "{\n" + indent + "\"graph\": {\n" + indent + indent + "\"nodes\": [\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    text += indent + indent + indent + nodes[i] + (i + 1 < nodes.size() ? ",\n" : "\n");
  }
  text += indent + indent + "],\n" + indent + indent + "\"edges\": [" + edges + "]\n" + indent +
          "}\n}\n";
  return text;
}

std::vector<FileReport> lint_agent(const std::string& text) {
  return {lint_text(text, {}, "agents/support.json")};
}

TEST(StableMessage, TakesOutIndicesAndPositionsButKeepsValues) {
  EXPECT_EQ(stable_message("edge id 'e8' is already used by edge #11"),
            "edge id 'e8' is already used by edge #");
  EXPECT_EQ(stable_message("first seen at line 12, column 4 and at 3:14"),
            "first seen at line , column  and at ");
  EXPECT_EQ(stable_message("timeout_minutes -5 of 'step-2'"), "timeout_minutes -5 of 'step-2'");
}

TEST(QuotedValues, FindsSingleAndDoubleQuotedValues) {
  EXPECT_EQ(quoted_values(R"(node 'a' has "the customer's order" and 'b')"),
            (std::vector<std::string_view>{"a", "the customer's order", "b"}));
}

TEST(Fingerprint, IsSixteenHexDigitsAndDependsOnPathRuleAndEntity) {
  Diagnostic diagnostic;
  diagnostic.rule = "unreachable-node";
  diagnostic.message = "node 'draft' is not reachable from '__start__'";
  diagnostic.entity = Entity{EntityKind::node, "draft", 3};
  const std::string print = fingerprint("a.json", diagnostic);
  EXPECT_EQ(print.size(), 16u);
  EXPECT_EQ(print.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(fingerprint("b.json", diagnostic), print);
  Diagnostic other_rule = diagnostic;
  other_rule.rule = "dead-end-node";
  EXPECT_NE(fingerprint("a.json", other_rule), print);
  Diagnostic other_entity = diagnostic;
  other_entity.entity.id = "orphan";
  EXPECT_NE(fingerprint("a.json", other_entity), print);
  Diagnostic moved = diagnostic;
  moved.range = Range{{40, 2}, {40, 9}};
  moved.pointer = "/graph/nodes/9";
  moved.entity.index = 9;
  EXPECT_EQ(fingerprint("a.json", moved), print);
}

TEST(Fingerprint, OfAPairFindingIgnoresWhichPartyComesFirst) {
  Diagnostic first;
  first.rule = "global-condition-conflict";
  first.entity = Entity{EntityKind::node, "agent", 5};
  first.message = "global nodes 'agent' and 'human' have the same condition";
  Diagnostic swapped = first;
  swapped.entity = Entity{EntityKind::node, "human", 0};
  swapped.message = "global nodes 'human' and 'agent' have the same condition";
  EXPECT_EQ(fingerprint("a.json", first), fingerprint("a.json", swapped));
}

TEST(Baseline, MatchesEveryFindingAfterReorderingReindentingAndAddingAnUnrelatedNode) {
  const std::vector<FileReport> before = lint_agent(agent(false, "  "));
  ASSERT_GE(before[0].diagnostics.size(), 3u);
  const Baseline baseline = Baseline::from_reports(before);
  EXPECT_EQ(baseline.size(), before[0].diagnostics.size());

  std::vector<FileReport> after = lint_agent(agent(true, "\t", /*extra_node=*/true));
  const std::size_t findings = after[0].diagnostics.size();
  const std::vector<StaleBaselineEntry> stale = baseline.apply(after);
  for (const Diagnostic& left : after[0].diagnostics) {
    ADD_FAILURE() << "not matched by the baseline: [" << left.rule << "] " << left.message;
  }
  EXPECT_TRUE(stale.empty());
  EXPECT_EQ(after[0].suppressed.size(), findings);
  for (const Diagnostic& diagnostic : after[0].suppressed) {
    ASSERT_TRUE(diagnostic.suppression);
    EXPECT_EQ(diagnostic.suppression->kind, Suppression::Kind::baseline);
  }
}

TEST(Baseline, ReportsANewDefectAndListsTheFixedOnesAsStale) {
  const Baseline baseline = Baseline::from_reports(lint_agent(agent(false, "  ")));
  // "orphan" is wired up (fixed); a new node "typo" is unreachable (new).
  std::string edited = agent(false, "  ");
  const std::string old_edge = R"({"id": "e1", "from": "start", "to": "end"})";
  edited.replace(
      edited.find(old_edge), old_edge.size(),
      R"({"id": "e1", "from": "start", "to": "orphan"}, {"id": "e2", "from": "orphan", "to": "end"})");
  const std::string draft = R"({"id": "draft")";
  edited.insert(edited.find(draft),
                R"({"id": "typo", "name": "typo", "type": "DefaultNode", "prompt": "x"}, )");
  std::vector<FileReport> reports = lint_agent(edited);
  const std::vector<StaleBaselineEntry> stale = baseline.apply(reports);
  ASSERT_EQ(reports[0].diagnostics.size(), 1u);
  EXPECT_EQ(reports[0].diagnostics[0].rule, "unreachable-node");
  EXPECT_EQ(reports[0].diagnostics[0].entity.id, "typo");
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].path, "agents/support.json");
  EXPECT_EQ(stale[0].rule, "unreachable-node");
  EXPECT_EQ(stale[0].entity, "node 'orphan'");
}

TEST(Baseline, OneEntryAbsorbsOneFinding) {
  std::vector<FileReport> one = lint_agent(agent(false, "  "));
  const Baseline baseline = Baseline::from_reports(one);
  // The same file twice under one path: the second copy's findings are new.
  std::vector<FileReport> twice = {one[0], one[0]};
  baseline.apply(twice);
  EXPECT_TRUE(twice[0].diagnostics.empty());
  EXPECT_EQ(twice[1].diagnostics.size(), one[0].diagnostics.size());
}

TEST(Baseline, IgnoresFilesThatWereNotLinted) {
  const Baseline baseline = Baseline::from_reports(lint_agent(agent(false, "  ")));
  std::vector<FileReport> other = {lint_text(agent(false, "  "), {}, "agents/other.json")};
  EXPECT_TRUE(baseline.apply(other).empty()) << "entries of agents/support.json are not stale";
  EXPECT_FALSE(other[0].diagnostics.empty()) << "another path is another file";
}

TEST(Baseline, RoundTripsThroughItsFileFormat) {
  const Baseline baseline = Baseline::from_reports(lint_agent(agent(false, "  ")));
  std::ostringstream text;
  baseline.write(text);
  EXPECT_NE(text.str().find("\"snaplint-baseline\": 1"), std::string::npos);
  std::string error;
  const auto parsed = Baseline::parse(text.str(), &error);
  ASSERT_TRUE(parsed) << error;
  std::ostringstream again;
  parsed->write(again);
  EXPECT_EQ(again.str(), text.str());
  std::vector<FileReport> reports = lint_agent(agent(true, " "));
  parsed->apply(reports);
  EXPECT_TRUE(reports[0].diagnostics.empty());
}

// File names are bytes: the baseline file must still be UTF-8 JSON (or it would not load again),
// and its entries must still match the file and, once fixed, be reported stale for it.
TEST(Baseline, AFileNameThatIsNotUtf8IsWrittenAsUtf8AndStillMatches) {
  const std::string path = "agents/bad\xff\xc3(name).json";
  const std::vector<FileReport> linted = {lint_text(agent(false, "  "), {}, path)};
  ASSERT_FALSE(linted[0].diagnostics.empty());
  const Baseline baseline = Baseline::from_reports(linted);
  std::ostringstream text;
  baseline.write(text);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.str().c_str(), text.str().size());
  ASSERT_FALSE(doc.HasParseError()) << "not UTF-8 JSON: " << text.str();
  EXPECT_STREQ(doc["findings"][0]["path"].GetString(), "agents/bad\uFFFD\uFFFD(name).json");

  std::string error;
  const auto parsed = Baseline::parse(text.str(), &error);
  ASSERT_TRUE(parsed) << error;
  std::vector<FileReport> again = linted;
  EXPECT_TRUE(parsed->apply(again).empty());
  EXPECT_TRUE(again[0].diagnostics.empty()) << "matched by the fingerprint of the real name";
  EXPECT_EQ(again[0].suppressed.size(), linted[0].diagnostics.size());

  // Fixed: the entries are stale for that file, whether read back or made in this run.
  std::vector<FileReport> clean = {lint_text("{\"graph\": {}}", {"unreachable-node"}, path)};
  ASSERT_TRUE(clean[0].failure.empty());
  EXPECT_EQ(parsed->apply(clean).size(), linted[0].diagnostics.size());
  EXPECT_EQ(baseline.apply(clean).size(), linted[0].diagnostics.size());
  // Another file is not looked at: its findings are not stale.
  std::vector<FileReport> other = {lint_text("{\"graph\": {}}", {}, "agents/bad.json")};
  EXPECT_TRUE(parsed->apply(other).empty());
}

TEST(Baseline, RejectsWhatIsNotABaselineWithAPosition) {
  std::string error;
  EXPECT_FALSE(Baseline::parse("{\"snaplint-baseline\": 1,\n  \"findings\": [}", &error));
  EXPECT_EQ(error.rfind("2:16: not a baseline file", 0), 0u) << error;
  EXPECT_FALSE(Baseline::parse("[]", &error));
  EXPECT_NE(error.find("expected an object"), std::string::npos) << error;
  EXPECT_FALSE(Baseline::parse(R"({"snaplint-baseline": 2, "findings": []})", &error));
  EXPECT_NE(error.find("format 2 is not supported"), std::string::npos) << error;
  EXPECT_FALSE(Baseline::parse(R"({"snaplint-baseline": 1, "findings": [{}]})", &error));
  EXPECT_NE(error.find("no \"fingerprint\""), std::string::npos) << error;
}

}  // namespace
}  // namespace snaplint::test
