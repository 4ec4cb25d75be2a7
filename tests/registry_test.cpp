#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

TEST(Registry, ListsEveryRuleOnceInNameOrder) {
  const auto& infos = rules::default_registry().infos();
  ASSERT_FALSE(infos.empty());
  for (std::size_t i = 1; i < infos.size(); ++i) {
    EXPECT_LT(infos[i - 1].name, infos[i].name) << "rule names must be sorted and unique";
  }
}

TEST(Registry, RuleModulesAreRegisteredInNameOrder) {
  const auto rules_list = rules::all_rules();
  for (std::size_t i = 1; i < rules_list.size(); ++i) {
    EXPECT_LT(rules_list[i - 1]->info().name, rules_list[i]->info().name)
        << "keep all_rules() sorted by name";
  }
}

TEST(Registry, HasTheFoundationRulesWithTheCatalogueSeverities) {
  const std::vector<std::pair<std::string, Severity>> expected = {
      {"invalid-json", Severity::error},
      {"duplicate-key", Severity::error},
      {"schema", Severity::error},
      {"duplicate-node-id", Severity::error},
      {"duplicate-node-name", Severity::error},
      {"unknown-node-type", Severity::error},
      {"missing-start-node", Severity::error},
      {"missing-end-node", Severity::error},
      {"dangling-edge", Severity::error},
      {"unreachable-node", Severity::error},
      {"missing-tool", Severity::error},
      {"global-condition-missing", Severity::error},
      {"global-condition-ignored", Severity::warning},
      {"global-condition-conflict", Severity::error},
      {"missing-nodeable", Severity::error},
      {"mismatched-nodeable", Severity::warning},
      {"webhook-url", Severity::error},
      {"webhook-method", Severity::error},
      {"warm-end-timeout", Severity::error},
      {"whatsapp-template-fields", Severity::error},
  };
  for (const auto& [name, severity] : expected) {
    const RuleInfo* info = rules::default_registry().find(name);
    ASSERT_NE(info, nullptr) << name;
    EXPECT_EQ(info->default_severity, severity) << name;
    EXPECT_FALSE(info->summary.empty()) << name;
    EXPECT_FALSE(info->category.empty()) << name;
  }
}

TEST(Registry, EveryRuleHasOkAndErrFixtures) {
  for (const RuleInfo& info : rules::default_registry().infos()) {
    const fs::path dir = fs::path(SNAPLINT_TEST_DIR) / "rules" / std::string(info.name);
    bool has_ok = false;
    bool has_err = false;
    if (fs::is_directory(dir)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        has_ok = has_ok || (name.rfind("ok_", 0) == 0 && entry.path().extension() == ".json");
        has_err = has_err || (name.rfind("err_", 0) == 0 && entry.path().extension() == ".json");
      }
    }
    EXPECT_TRUE(has_ok) << info.name << " needs tests/rules/" << info.name << "/ok_*.json";
    EXPECT_TRUE(has_err) << info.name << " needs tests/rules/" << info.name << "/err_*.json";
  }
}

TEST(RuleSelection, SetsRuleOptionsWithinTheirRange) {
  const RuleRegistry& registry = rules::default_registry();
  const RuleInfo* overlap = registry.find("global-condition-overlap");
  ASSERT_NE(overlap, nullptr);
  ASSERT_NE(overlap->find_option("threshold"), nullptr);
  RuleSelection selection = RuleSelection::all(registry);
  EXPECT_DOUBLE_EQ(selection.option(*overlap, "threshold"), 0.75);
  std::string error;
  EXPECT_TRUE(selection.set_option(registry, "global-condition-overlap.threshold=0.5", &error));
  EXPECT_DOUBLE_EQ(selection.option(*overlap, "threshold"), 0.5);
  for (const char* bad :
       {"global-condition-overlap.threshold=1.5", "global-condition-overlap.threshold=x",
        "global-condition-overlap.threshold=", "global-condition-overlap.nope=1",
        "no-such-rule.threshold=1", "threshold=1"}) {
    EXPECT_FALSE(selection.set_option(registry, bad, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  EXPECT_DOUBLE_EQ(selection.option(*overlap, "threshold"), 0.5) << "failed sets change nothing";
}

// The fixture driver runs defaults only; the threshold's effect is checked here.
TEST(RuleSelection, TheOverlapThresholdChangesWhatIsReported) {
  const RuleRegistry& registry = rules::default_registry();
  const fs::path dir = fs::path(SNAPLINT_TEST_DIR) / "rules" / "global-condition-overlap";
  auto lint_with = [&](const fs::path& file, const std::string& threshold) {
    std::string error;
    auto selection = RuleSelection::create(registry, {"global-condition-overlap"}, {}, &error);
    EXPECT_TRUE(selection.has_value());
    EXPECT_TRUE(
        selection->set_option(registry, "global-condition-overlap.threshold=" + threshold, &error))
        << error;
    const Engine linter(registry, std::move(*selection));
    return linter.lint(read_file(file), file.string()).diagnostics.size();
  };
  EXPECT_EQ(lint_with(dir / "ok_below_threshold.json", "0.75"), 0u);
  EXPECT_EQ(lint_with(dir / "ok_below_threshold.json", "0.5"), 2u);
  EXPECT_EQ(lint_with(dir / "err_jaccard_at_threshold.json", "0.75"), 1u);
  EXPECT_EQ(lint_with(dir / "err_jaccard_at_threshold.json", "1"), 0u);
}

TEST(RuleSelection, AcceptsNamesAndCategoriesAndRejectsUnknownNames) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  auto payloads = RuleSelection::create(registry, {"payloads"}, {"webhook-url"}, &error);
  ASSERT_TRUE(payloads.has_value()) << error;
  EXPECT_TRUE(payloads->enabled("webhook-method"));
  EXPECT_FALSE(payloads->enabled("webhook-url"));
  EXPECT_FALSE(payloads->enabled("dangling-edge"));

  EXPECT_FALSE(RuleSelection::create(registry, {"no-such-rule"}, {}, &error).has_value());
  EXPECT_NE(error.find("no-such-rule"), std::string::npos);
}

TEST(Registry, TooManyDiagnosticsIsABuiltinRule) {
  const RuleInfo* info = rules::default_registry().find(too_many_diagnostics_rule);
  ASSERT_NE(info, nullptr) << "'snaplint rules' and 'snaplint explain' must know it";
  EXPECT_EQ(info->name, builtin::too_many_diagnostics.name);
  EXPECT_EQ(info->category, "limits");
  // The ceiling of the severities it takes (the worst of the findings it stands for).
  EXPECT_EQ(info->default_severity, Severity::error);
  EXPECT_NE(info->summary.find("worst severity"), std::string_view::npos) << info->summary;
  EXPECT_TRUE(rules::default_registry().is_category("limits"));
}

// Ignoring it would hide findings that still fail the run; selecting other rules leaves it on.
TEST(RuleSelection, TooManyDiagnosticsCannotBeIgnoredAndSelectLeavesItOn) {
  const RuleRegistry& registry = rules::default_registry();
  for (const std::string name : {"too-many-diagnostics", "limits"}) {
    std::string error;
    EXPECT_FALSE(RuleSelection::create(registry, {}, {name}, &error).has_value()) << name;
    EXPECT_NE(error.find("cannot be ignored"), std::string::npos) << error;
    EXPECT_NE(error.find("--max-diagnostics"), std::string::npos) << error;
    EXPECT_TRUE(fixed_rule_problem(name).has_value()) << name;
  }
  EXPECT_FALSE(fixed_rule_problem("dangling-edge").has_value());
  EXPECT_FALSE(fixed_rule_problem("edges").has_value());

  std::string error;
  auto edges = RuleSelection::create(registry, {"edges"}, {}, &error);
  ASSERT_TRUE(edges.has_value()) << error;
  EXPECT_FALSE(edges->enabled("unreachable-node"));
  EXPECT_TRUE(edges->enabled(too_many_diagnostics_rule));
  auto itself = RuleSelection::create(registry, {"too-many-diagnostics"}, {}, &error);
  ASSERT_TRUE(itself.has_value()) << error;
  EXPECT_TRUE(itself->enabled(too_many_diagnostics_rule));
  EXPECT_FALSE(itself->enabled("dangling-edge"));

  // A caller that skips the check still cannot turn it off or change its severity.
  RuleSelection all = RuleSelection::all(registry);
  all.disable(registry, {"too-many-diagnostics", "limits"});
  all.set_severity(registry, "too-many-diagnostics", std::nullopt);
  all.set_severity(registry, "limits", Severity::info);
  EXPECT_TRUE(all.enabled(too_many_diagnostics_rule));
  EXPECT_EQ(all.severity(too_many_diagnostics_rule), Severity::error);
}

}  // namespace
}  // namespace snaplint::test

namespace snaplint::test {
namespace {

// Every rule of the catalogue (../shared/docs/rules.md) is registered with its severity, and
// nothing is registered that the catalogue does not name.
TEST(Registry, MatchesTheRuleCatalogue) {
  const fs::path catalogue = shared_dir() / "docs" / "rules.md";
  if (shared_dir().empty() || !fs::exists(catalogue)) GTEST_SKIP() << "no ../shared/docs/rules.md";
  std::istringstream lines(read_file(catalogue));
  std::string line;
  std::size_t listed = 0;
  while (std::getline(lines, line)) {
    // Table rows look like: | `rule-name` | severity | fires when |
    if (line.rfind("| `", 0) != 0) continue;
    const std::size_t name_end = line.find('`', 3);
    const std::string name = line.substr(3, name_end - 3);
    const std::size_t severity_start = line.find('|', name_end) + 1;
    const std::size_t severity_end = line.find('|', severity_start);
    std::string severity = line.substr(severity_start, severity_end - severity_start);
    severity.erase(0, severity.find_first_not_of(' '));
    severity.erase(severity.find_last_not_of(' ') + 1);
    const RuleInfo* info = rules::default_registry().find(name);
    ++listed;
    if (!info) {
      ADD_FAILURE() << "rule '" << name << "' of rules.md is not registered";
      continue;
    }
    EXPECT_EQ(to_string(info->default_severity), severity) << name;
  }
  EXPECT_GE(listed, 46u);
  // Besides the catalogue, snaplint has the rules about its own suppressions, and the summary of
  // the findings past the diagnostics limit.
  std::size_t suppression_rules = 0;
  for (const RuleInfo& info : rules::default_registry().infos()) {
    if (info.category == "suppression") ++suppression_rules;
  }
  EXPECT_EQ(suppression_rules, 3u);
  ASSERT_NE(rules::default_registry().find(too_many_diagnostics_rule), nullptr);
  EXPECT_EQ(rules::default_registry().infos().size(), listed + suppression_rules + 1);
}

}  // namespace
}  // namespace snaplint::test
