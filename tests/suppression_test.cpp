// Suppressions in a snapshot's metadata: keyed by entity id, so they survive re-indenting and
// reordering; unused and expired entries are reported.
#include <gtest/gtest.h>

#include <ctime>

#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

// A graph with one unreachable node, "draft", placed at `draft_position` among the nodes, and the
// given suppress entries. `indent` re-indents the whole text.
std::string snapshot(const std::string& suppress, bool draft_first = false,
                     const std::string& indent = "  ") {
  const std::string draft =
      R"({"id": "draft", "name": "draft", "type": "DefaultNode", "prompt": "Later."})";
  const std::string start =
      R"({"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""})";
  const std::string end =
      R"({"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""})";
  const std::string nl = "\n" + indent + indent + indent;
  std::string nodes = draft_first ? draft + "," + nl + start + "," + nl + end
                                  : start + "," + nl + end + "," + nl + draft;
  return "{\n" + indent + "\"graph\": {\n" + indent + indent + "\"nodes\": [" + nl + nodes +
         "],\n" + indent + indent + R"("edges": [{"id": "e1", "from": "start", "to": "end"}],)" +
         "\n" + indent + indent + R"("metadata": {"snaplint": {"suppress": [)" + suppress +
         "]}}\n" + indent + "}\n}\n";
}

FileReport lint_on(const std::string& json, const std::string& today) {
  const RuleRegistry& registry = rules::default_registry();
  const Engine linter(registry, RuleSelection::all(registry), {}, today);
  return linter.lint(json, "agent.json");
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> names;
  for (const Diagnostic& diagnostic : diagnostics) names.push_back(diagnostic.rule);
  return names;
}

const std::string draft_suppression =
    R"({"rule": "unreachable-node", "id": "draft", "reason": "wired up next sprint"})";

TEST(Suppression, WithoutOneTheFindingIsReported) {
  const FileReport report = lint_on(snapshot(""), "2026-11-28");
  EXPECT_EQ(rules_of(report.diagnostics), std::vector<std::string>{"unreachable-node"});
  EXPECT_TRUE(report.suppressed.empty());
}

TEST(Suppression, ByNodeIdMovesTheFindingToSuppressedWithItsReason) {
  const FileReport report = lint_on(snapshot(draft_suppression), "2026-11-28");
  EXPECT_TRUE(report.diagnostics.empty()) << report.diagnostics.front().message;
  ASSERT_EQ(report.suppressed.size(), 1u);
  EXPECT_EQ(report.suppressed[0].rule, "unreachable-node");
  ASSERT_TRUE(report.suppressed[0].suppression);
  EXPECT_EQ(report.suppressed[0].suppression->kind, Suppression::Kind::metadata);
  EXPECT_EQ(report.suppressed[0].suppression->reason, "wired up next sprint");
}

TEST(Suppression, SurvivesReorderingTheNodesAndReindentingTheFile) {
  const std::string original = snapshot(draft_suppression);
  const std::string edited = snapshot(draft_suppression, /*draft_first=*/true, "\t");
  ASSERT_NE(original, edited);
  const FileReport before = lint_on(original, "2026-11-28");
  const FileReport after = lint_on(edited, "2026-11-28");
  EXPECT_TRUE(after.diagnostics.empty());
  ASSERT_EQ(after.suppressed.size(), 1u);
  EXPECT_EQ(after.suppressed[0].entity.id, before.suppressed[0].entity.id);
  EXPECT_NE(after.suppressed[0].entity.index, before.suppressed[0].entity.index);
  EXPECT_NE(after.suppressed[0].range, before.suppressed[0].range);
}

TEST(Suppression, ForAnotherIdDoesNotApplyAndIsUnused) {
  const FileReport report = lint_on(
      snapshot(R"({"rule": "unreachable-node", "id": "drafts", "reason": "typo in the id"})"),
      "2026-11-28");
  EXPECT_EQ(rules_of(report.diagnostics),
            (std::vector<std::string>{"unreachable-node", "unused-suppression"}));
  const Diagnostic& unused = report.diagnostics[1];
  EXPECT_EQ(unused.severity, Severity::warning);
  EXPECT_EQ(unused.pointer, "/graph/metadata/snaplint/suppress/0");
  EXPECT_EQ(unused.message, "suppression of 'unreachable-node' for 'drafts' matches no finding");
}

TEST(Suppression, WithoutIdCoversTheRuleInTheWholeFile) {
  const FileReport report =
      lint_on(snapshot(R"({"rule": "unreachable-node", "reason": "a draft agent"})"), "2026-11-28");
  EXPECT_TRUE(report.diagnostics.empty());
  EXPECT_EQ(report.suppressed.size(), 1u);
}

TEST(Suppression, ACategoryCoversItsRules) {
  const FileReport report =
      lint_on(snapshot(R"({"rule": "reachability", "id": "draft", "reason": "a draft agent"})"),
              "2026-11-28");
  EXPECT_TRUE(report.diagnostics.empty());
  EXPECT_EQ(rules_of(report.suppressed), std::vector<std::string>{"unreachable-node"});
}

TEST(Suppression, AppliesUpToAndIncludingItsUntilDay) {
  const std::string text = snapshot(
      R"({"rule": "unreachable-node", "id": "draft", "reason": "next sprint", "until": "2026-12-31"})");
  const FileReport last_day = lint_on(text, "2026-12-31");
  EXPECT_TRUE(last_day.diagnostics.empty());
  EXPECT_EQ(last_day.suppressed.size(), 1u);

  const FileReport day_after = lint_on(text, "2027-01-01");
  EXPECT_EQ(rules_of(day_after.diagnostics),
            (std::vector<std::string>{"unreachable-node", "expired-suppression"}));
  EXPECT_TRUE(day_after.suppressed.empty()) << "an expired suppression no longer suppresses";
  EXPECT_EQ(day_after.diagnostics[1].message,
            "suppression of 'unreachable-node' for 'draft' expired on 2026-12-31 and no longer "
            "applies");
  EXPECT_EQ(day_after.diagnostics[1].pointer, "/graph/metadata/snaplint/suppress/0/until");
}

// Without a date given, the engine takes today's UTC date from the clock: a suppression until
// today applies, one until yesterday has expired (dates as gmtime and strftime write them).
TEST(Suppression, WithoutADateGivenTodayIsTheClocksUtcDate) {
  const auto utc_date = [](std::time_t at) {
    std::tm utc{};
    gmtime_r(&at, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return std::string(text);
  };
  const auto suppression_until = [](const std::string& day) {
    return snapshot(R"({"rule": "unreachable-node", "id": "draft", "reason": "r", "until": ")" +
                    day + "\"}");
  };
  for (int attempt = 0; attempt < 2; ++attempt) {  // again if the day changed meanwhile
    const std::time_t now = std::time(nullptr);
    const FileReport until_today = lint_on(suppression_until(utc_date(now)), "");
    const FileReport until_yesterday = lint_on(suppression_until(utc_date(now - 86400)), "");
    if (utc_date(std::time(nullptr)) != utc_date(now)) continue;
    EXPECT_TRUE(until_today.diagnostics.empty());
    EXPECT_EQ(until_today.suppressed.size(), 1u);
    EXPECT_EQ(rules_of(until_yesterday.diagnostics),
              (std::vector<std::string>{"unreachable-node", "expired-suppression"}));
    return;
  }
}

TEST(Suppression, WithoutAReasonIsInvalidAndSuppressesNothing) {
  const FileReport report =
      lint_on(snapshot(R"({"rule": "unreachable-node", "id": "draft"})"), "2026-11-28");
  EXPECT_EQ(rules_of(report.diagnostics),
            (std::vector<std::string>{"unreachable-node", "invalid-suppression"}));
  EXPECT_TRUE(report.suppressed.empty());
}

// The summary of findings past the diagnostics limit stands for findings that still count.
TEST(Suppression, OfTooManyDiagnosticsIsInvalid) {
  const FileReport report = lint_on(
      snapshot(draft_suppression + R"(, {"rule": "too-many-diagnostics", "reason": "noise"})"),
      "2026-11-28");
  ASSERT_EQ(rules_of(report.diagnostics), std::vector<std::string>{"invalid-suppression"});
  EXPECT_EQ(report.diagnostics[0].message,
            "'too-many-diagnostics' cannot be suppressed: it stands for findings that still count");
  EXPECT_NE(report.diagnostics[0].help.find("--max-diagnostics"), std::string::npos);
}

TEST(Suppression, TheSuppressionRulesCanBeTurnedOff) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  auto selection = RuleSelection::create(registry, {}, {"suppression"}, &error);
  ASSERT_TRUE(selection) << error;
  const Engine linter(registry, std::move(*selection), {}, "2026-11-28");
  const FileReport report = linter.lint(
      snapshot(R"({"rule": "unreachable-node", "id": "nothing-here", "reason": "x"})"), "a.json");
  EXPECT_EQ(rules_of(report.diagnostics), std::vector<std::string>{"unreachable-node"});
}

TEST(Suppression, OneEntryCoversEveryMatchingFinding) {
  // Two findings of one rule about one node: both are covered, the entry is used once.
  const std::string text = R"({"graph": {
    "nodes": [{"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},
              {"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""}],
    "edges": [{"id": "e1", "from": "start", "to": "end"},
              {"id": "e2", "from": "start", "to": "ghost"},
              {"id": "e3", "from": "ghost", "to": "end"}],
    "metadata": {"snaplint": {"suppress": [{"rule": "dangling-edge", "reason": "ghost is generated"}]}}
  }})";
  const FileReport report = lint_on(text, "2026-11-28");
  EXPECT_EQ(rules_of(report.suppressed),
            (std::vector<std::string>{"dangling-edge", "dangling-edge"}));
  for (const Diagnostic& diagnostic : report.diagnostics) {
    EXPECT_NE(diagnostic.rule, "unused-suppression");
    EXPECT_NE(diagnostic.rule, "dangling-edge");
  }
}

}  // namespace
}  // namespace snaplint::test
