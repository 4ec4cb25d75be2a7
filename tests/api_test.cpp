// The public C++ API as a program about to upload a snapshot uses it: snaplint/snaplint.hpp only.
#include <gtest/gtest.h>

#include <sstream>

#include "snaplint/snaplint.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

const std::string clean = R"({"graph": {
  "nodes": [{"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},
            {"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""}],
  "edges": [{"id": "e1", "from": "start", "to": "end"}]}})";

// An unreachable node (error) and an unused tool (warning).
const std::string broken = R"({"graph": {
  "nodes": [{"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},
            {"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""},
            {"id": "draft", "name": "draft", "type": "DefaultNode", "prompt": "Later."}],
  "edges": [{"id": "e1", "from": "start", "to": "end"}],
  "tools": [{"id": "crm", "name": "crm", "description": "CRM"}]}})";

std::vector<std::string> rules_of(const Report& report) {
  std::vector<std::string> rules;
  for (const Diagnostic& diagnostic : report.diagnostics()) rules.push_back(diagnostic.rule);
  return rules;
}

TEST(Api, DefaultLinterAcceptsACleanSnapshot) {
  const Result<Linter> linter = Linter::create();
  ASSERT_TRUE(linter) << linter.error();
  EXPECT_TRUE(linter.error().empty());
  const Report report = linter->lint(clean, "agent.json");
  EXPECT_EQ(report.name(), "agent.json");
  EXPECT_TRUE(report.diagnostics().empty());
  EXPECT_FALSE(report.has_errors());
  EXPECT_FALSE(report.fails());
  EXPECT_TRUE(report.failure().empty());
}

TEST(Api, ReportsFindingsWithCountsAndPositions) {
  const Report report = Linter::create()->lint(broken, "agent.json");
  EXPECT_EQ(rules_of(report), (std::vector<std::string>{"unreachable-node", "unused-tool"}));
  EXPECT_EQ(report.error_count(), 1u);
  EXPECT_EQ(report.warning_count(), 1u);
  EXPECT_EQ(report.info_count(), 0u);
  EXPECT_TRUE(report.has_errors());
  EXPECT_TRUE(report.fails());
  const Diagnostic& unreachable = report.diagnostics()[0];
  EXPECT_EQ(unreachable.severity, Severity::error);
  EXPECT_EQ(unreachable.pointer, "/graph/nodes/2");
  EXPECT_EQ(unreachable.range.start, (Position{4, 13}));
  EXPECT_EQ(unreachable.entity.kind, EntityKind::node);
  EXPECT_EQ(unreachable.entity.id, "draft");
}

TEST(Api, BadInputIsAFindingNotAnException) {
  const Result<Linter> linter = Linter::create();
  const Report truncated = linter->lint("{\"graph\": {\"nodes\": [", "agent.json");
  EXPECT_EQ(rules_of(truncated), std::vector<std::string>{"invalid-json"});
  EXPECT_TRUE(truncated.fails());
  const Report binary = linter->lint(std::string("\0\xff\xfe", 3), "agent.json");
  EXPECT_EQ(rules_of(binary), std::vector<std::string>{"invalid-json"});
  const Report empty = linter->lint("", "agent.json");
  EXPECT_EQ(rules_of(empty), std::vector<std::string>{"invalid-json"});
}

TEST(Api, TheConfigChoosesRulesSeveritiesAndPolicy) {
  const Result<Linter> linter =
      Linter::create(R"({"severity": {"unreachable-node": "warning"}, "ignore": ["tools"]})");
  ASSERT_TRUE(linter) << linter.error();
  const Report report = linter->lint(broken, "agent.json");
  EXPECT_EQ(rules_of(report), std::vector<std::string>{"unreachable-node"});
  EXPECT_EQ(report.diagnostics()[0].severity, Severity::warning);
  EXPECT_FALSE(report.fails());

  const Result<Linter> strict = Linter::create(R"({"fail-on": "warning"})");
  ASSERT_TRUE(strict) << strict.error();
  std::string warning_only = broken;
  const std::string edge = R"({"id": "e1", "from": "start", "to": "end"})";
  warning_only.replace(
      warning_only.find(edge), edge.size(),
      R"({"id": "e1", "from": "start", "to": "draft"}, {"id": "e2", "from": "draft", "to": "end"})");
  EXPECT_FALSE(Linter::create()->lint(warning_only, "a.json").fails());
  EXPECT_TRUE(strict->lint(warning_only, "a.json").fails());

  const Result<Linter> budget = Linter::create(R"({"max-warnings": 0})");
  ASSERT_TRUE(budget);
  EXPECT_TRUE(budget->lint(warning_only, "a.json").fails());
}

TEST(Api, OverridesMatchTheNameGivenToLint) {
  const Result<Linter> linter = Linter::create(
      R"({"overrides": [{"files": ["drafts/**"], "severity": {"unreachable-node": "off"}}]})");
  ASSERT_TRUE(linter) << linter.error();
  EXPECT_EQ(rules_of(linter->lint(broken, "drafts/a.json")),
            std::vector<std::string>{"unused-tool"});
  EXPECT_EQ(rules_of(linter->lint(broken, "live/a.json")),
            (std::vector<std::string>{"unreachable-node", "unused-tool"}));
  // The variant built for the override is reused, and the base is untouched.
  EXPECT_EQ(rules_of(linter->lint(broken, "drafts/b.json")),
            std::vector<std::string>{"unused-tool"});
}

TEST(Api, AnInvalidConfigIsAnErrorValueWithAPosition) {
  const Result<Linter> bad = Linter::create("{\n  \"fail-on\": \"sometimes\"\n}");
  ASSERT_FALSE(bad);
  EXPECT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().rfind("<config>:2:14: ", 0), 0u) << bad.error();
  EXPECT_NE(bad.error().find("/fail-on"), std::string::npos) << bad.error();

  const Result<Linter> unknown = Linter::create(R"({"ignore": ["unreachable-nodes"]})");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().find("did you mean 'unreachable-node'"), std::string::npos)
      << unknown.error();
  EXPECT_FALSE(Linter::create("{not json"));
}

TEST(Api, SuppressionsInTheSnapshotApply) {
  std::string suppressed = broken;
  suppressed.insert(
      suppressed.rfind("}}"),
      R"(, "metadata": {"snaplint": {"suppress": [{"rule": "unreachable-node", "id": "draft", "reason": "next sprint"}]}})");
  const Report report = Linter::create()->lint(suppressed, "agent.json");
  EXPECT_EQ(rules_of(report), std::vector<std::string>{"unused-tool"});
  ASSERT_EQ(report.suppressed().size(), 1u);
  EXPECT_EQ(report.suppressed()[0].suppression->reason, "next sprint");
  EXPECT_FALSE(report.has_errors());
  std::ostringstream text;
  report.write_text(text);
  EXPECT_NE(text.str().find("not counted: 1 suppressed."), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find("--show-suppressed"), std::string::npos) << "no CLI hints in the API";
}

TEST(Api, WritesTextJsonAndSarif) {
  const Report report = Linter::create()->lint(broken, "agents/a.json");
  std::ostringstream text;
  report.write_text(text);
  EXPECT_NE(text.str().find("agents/a.json:4:13: error: node 'draft' is not reachable"),
            std::string::npos)
      << text.str();
  std::ostringstream colored;
  report.write_text(colored, true);
  EXPECT_NE(colored.str().find("\x1b["), std::string::npos);
  std::ostringstream json;
  report.write_json(json);
  EXPECT_NE(json.str().find("\"rule\": \"unreachable-node\""), std::string::npos);
  std::ostringstream sarif;
  report.write_sarif(sarif);
  EXPECT_NE(sarif.str().find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(sarif.str().find("\"ruleId\": \"unreachable-node\""), std::string::npos);
}

TEST(Api, ALinterIsCopyableAndReportsOutliveIt) {
  std::optional<Report> report;
  {
    const Result<Linter> linter = Linter::create();
    const Linter copy = *linter;
    report = copy.lint(broken, "a.json");
  }
  EXPECT_EQ(report->error_count(), 1u);
  EXPECT_EQ(std::string(version_string), SNAPLINT_VERSION_STRING);
}

}  // namespace
}  // namespace snaplint::test
