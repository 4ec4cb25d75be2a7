// .snaplint.json through the snaplint executable: discovery, cascading, overrides, exit policy,
// errors, --config / --no-config / --stdin-filename, --show-config and `schema --config`. Also
// the resolver's caches, which the executable cannot show.
#include <gtest/gtest.h>

#define RAPIDJSON_HAS_STDSTRING 1
#include <rapidjson/document.h>

#include <filesystem>

#include "../cli/config_resolver.hpp"
#include "cli_support.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

struct CliResult {
  int exit_code = -1;
  std::string out;  // standard output, then standard error when `with_stderr`
};

// Runs `snaplint ARGS` in `dir` with `stdin_text` as standard input.
CliResult snaplint(const std::string& args, const fs::path& dir, bool with_stderr = false,
                   const std::string& stdin_text = "") {
  const ProcessResult run = run_snaplint(args, dir, stdin_text);
  return {run.exit_code, with_stderr ? run.out + run.err : run.out};
}

const std::string dangling_as_warning = R"({"severity": {"dangling-edge": "warning"}})";

// Writes `content` to dir/relative, creating the directories on the way.
void put(const fs::path& dir, const std::string& relative, const std::string& content) {
  const fs::path path = dir / relative;
  fs::create_directories(path.parent_path());
  write_file(path, content);
}

// The severity snaplint gave the dangling edge in `file`, "none" when it was not reported.
std::string dangling_severity(const fs::path& dir, const std::string& args) {
  const CliResult run = snaplint("check --format json " + args, dir);
  rapidjson::Document report;
  report.Parse(run.out);
  if (report.HasParseError() || !report.HasMember("files")) return "bad output: " + run.out;
  std::string found = "none";
  for (const auto& file : report["files"].GetArray()) {
    for (const auto& diagnostic : file["diagnostics"].GetArray()) {
      if (std::string(diagnostic["rule"].GetString()) == "dangling-edge") {
        found = diagnostic["severity"].GetString();
      }
    }
  }
  return found;
}

TEST(CliConfig, NearestFileOverridesItsParentAndTheCommandLineOverridesBoth) {
  TempDir dir;
  put(dir.path(), ".snaplint.json",
      R"({"severity": {"dangling-edge": "warning"}, "fail-on": "warning"})");
  put(dir.path(), "sub/.snaplint.json", R"({"fail-on": "error"})");
  put(dir.path(), "a.json", broken_graph);
  put(dir.path(), "sub/b.json", broken_graph);

  // The parent alone: a warning, and warnings fail the run.
  EXPECT_EQ(dangling_severity(dir.path(), "a.json"), "warning");
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 1);
  // The nearer file keeps the parent's severity but not its fail-on.
  EXPECT_EQ(dangling_severity(dir.path(), "sub/b.json"), "warning");
  EXPECT_EQ(snaplint("check sub/b.json", dir.path()).exit_code, 0);
  // From inside sub, the same.
  EXPECT_EQ(snaplint("check b.json", dir.path() / "sub").exit_code, 0);
  // The command line wins over both.
  EXPECT_EQ(snaplint("check --fail-on warning sub/b.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check --fail-on error a.json", dir.path()).exit_code, 0);
  EXPECT_EQ(dangling_severity(dir.path(), "--ignore dangling-edge a.json"), "none");
  EXPECT_EQ(dangling_severity(dir.path(), "--select schema sub/b.json"), "none");
}

TEST(CliConfig, ADirectorySearchAppliesTheConfigAndDoesNotLintIt) {
  TempDir dir;
  put(dir.path(), ".snaplint.json", R"({"ignore": ["dangling-edge"]})");
  put(dir.path(), "agents/a.json", broken_graph);
  const CliResult run = snaplint("check", dir.path());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "No problems found in 1 file.\n");
}

TEST(CliConfig, ANearerSelectReplacesTheParentsAndIgnoreRemoves) {
  TempDir dir;
  put(dir.path(), ".snaplint.json", R"({"ignore": ["edges"]})");
  put(dir.path(), "sub/.snaplint.json", R"({"select": ["dangling-edge"]})");
  put(dir.path(), "a.json", broken_graph);
  put(dir.path(), "sub/b.json", broken_graph);
  EXPECT_EQ(dangling_severity(dir.path(), "a.json"), "none");
  EXPECT_EQ(dangling_severity(dir.path(), "sub/b.json"), "error");
  EXPECT_EQ(snaplint("check a.json sub/b.json", dir.path()).exit_code, 1);
}

TEST(CliConfig, RootStopsTheWalkUpwards) {
  TempDir dir;
  put(dir.path(), ".snaplint.json", R"({"ignore": ["dangling-edge"]})");
  put(dir.path(), "sub/.snaplint.json", R"({"root": true})");
  put(dir.path(), "sub/deeper/b.json", broken_graph);
  put(dir.path(), "a.json", broken_graph);
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 0);
  EXPECT_EQ(snaplint("check sub/deeper/b.json", dir.path()).exit_code, 1);

  // A config above the root one is not even read.
  put(dir.path(), ".snaplint.json", "{ this is not JSON");
  EXPECT_EQ(snaplint("check sub/deeper/b.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 2);
}

TEST(CliConfig, OverridesApplyToTheFilesTheirGlobsMatch) {
  TempDir dir;
  put(dir.path(), "agents/.snaplint.json", R"({"overrides": [
    {"files": ["drafts/**"], "ignore": ["dangling-edge"]},
    {"files": ["*.wip.json"], "severity": {"dangling-edge": "info"}},
    {"files": ["legacy/*.json"], "severity": {"dangling-edge": "warning"}},
    {"files": ["legacy/old.json"], "severity": {"dangling-edge": "off"}}
  ]})");
  for (const char* file :
       {"agents/drafts/a.json", "agents/drafts/x/y/b.json", "agents/c.wip.json",
        "agents/deep/d.wip.json", "agents/legacy/e.json", "agents/legacy/old.json",
        "agents/legacy/nested/f.json", "agents/live.json", "drafts/outside.json"}) {
    put(dir.path(), file, broken_graph);
  }
  EXPECT_EQ(dangling_severity(dir.path(), "agents/drafts/a.json"), "none");          // **
  EXPECT_EQ(dangling_severity(dir.path(), "agents/drafts/x/y/b.json"), "none");      // **
  EXPECT_EQ(dangling_severity(dir.path(), "agents/c.wip.json"), "info");             // name only
  EXPECT_EQ(dangling_severity(dir.path(), "agents/deep/d.wip.json"), "info");        // any depth
  EXPECT_EQ(dangling_severity(dir.path(), "agents/legacy/e.json"), "warning");       // *
  EXPECT_EQ(dangling_severity(dir.path(), "agents/legacy/old.json"), "none");        // in order
  EXPECT_EQ(dangling_severity(dir.path(), "agents/legacy/nested/f.json"), "error");  // * is 1 level
  EXPECT_EQ(dangling_severity(dir.path(), "agents/live.json"), "error");             // no match
  // Relative to the config's directory, not the current one.
  EXPECT_EQ(dangling_severity(dir.path() / "agents", "legacy/e.json"), "warning");
  EXPECT_EQ(dangling_severity(dir.path(), "drafts/outside.json"), "error");
  // Absolute paths and ./.. spellings are the same files.
  EXPECT_EQ(
      dangling_severity(dir.path(), shell_quote((dir.path() / "agents/legacy/e.json").string())),
      "warning");
  EXPECT_EQ(dangling_severity(dir.path() / "agents", "./x/../drafts/a.json"), "none");
}

TEST(CliConfig, SeverityOffAndWarning) {
  TempDir dir;
  put(dir.path(), "off/.snaplint.json", R"({"severity": {"dangling-edge": "off"}})");
  put(dir.path(), "warn/.snaplint.json", R"({"severity": {"edges": "warning"}})");
  put(dir.path(), "off/a.json", broken_graph);
  put(dir.path(), "warn/a.json", broken_graph);
  EXPECT_EQ(dangling_severity(dir.path(), "off/a.json"), "none");
  EXPECT_EQ(snaplint("check off/a.json", dir.path()).exit_code, 0);
  EXPECT_EQ(dangling_severity(dir.path(), "warn/a.json"), "warning");
  EXPECT_EQ(snaplint("check warn/a.json", dir.path()).exit_code, 0);
}

TEST(CliConfig, RuleOptionsComeFromConfigsAndTheCommandLine) {
  TempDir dir;
  // Two pairs of global conditions overlap at 0.5 but not at the default 0.75.
  const std::string fixture = read_file(fs::path(SNAPLINT_TEST_DIR) /
                                        "rules/global-condition-overlap/ok_below_threshold.json");
  put(dir.path(), ".snaplint.json", R"({"select": ["global-condition-overlap"],
    "rules": {"global-condition-overlap": {"threshold": 0.5}},
    "overrides": [{"files": ["strict/*"], "rules": {"global-condition-overlap": {"threshold": 1}}}]})");
  put(dir.path(), "a.json", fixture);
  put(dir.path(), "strict/a.json", fixture);
  auto warnings = [&](const std::string& args) {
    rapidjson::Document report;
    report.Parse(snaplint("check --format json " + args, dir.path()).out);
    return report.HasParseError() ? -1 : report["summary"]["warnings"].GetInt();
  };
  EXPECT_EQ(warnings("a.json"), 2);
  EXPECT_EQ(warnings("strict/a.json"), 0);
  EXPECT_EQ(warnings("--rule-option global-condition-overlap.threshold=0.75 a.json"), 0);
  EXPECT_EQ(warnings("--no-config --select global-condition-overlap a.json"), 0);
}

TEST(CliConfig, FailOnWarningFailsAWarningOnlyFile) {
  TempDir dir;
  put(dir.path(), ".snaplint.json",
      R"({"severity": {"dangling-edge": "warning"}, "fail-on": "warning"})");
  put(dir.path(), "a.json", broken_graph);
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 1);
  put(dir.path(), ".snaplint.json", dangling_as_warning);
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 0);
}

TEST(CliConfig, MaxWarningsFailsTheRunOnlyAboveTheLimit) {
  TempDir dir;
  put(dir.path(), "a.json", broken_graph);
  put(dir.path(), "b.json", broken_graph);
  put(dir.path(), ".snaplint.json",
      R"({"severity": {"dangling-edge": "warning"}, "max-warnings": 1})");
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 0);
  EXPECT_EQ(snaplint("check a.json b.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check --max-warnings 2 a.json b.json", dir.path()).exit_code, 0);
  put(dir.path(), ".snaplint.json",
      R"({"severity": {"dangling-edge": "warning"}, "max-warnings": 2})");
  EXPECT_EQ(snaplint("check a.json b.json", dir.path()).exit_code, 0);
  EXPECT_EQ(snaplint("check --max-warnings 1 a.json b.json", dir.path()).exit_code, 1);
}

TEST(CliConfig, EachConfigThatSetsMaxWarningsHasItsOwnBudget) {
  TempDir dir;
  const std::string budget_of_one =
      R"({"severity": {"dangling-edge": "warning"}, "max-warnings": 1})";
  put(dir.path(), "one/.snaplint.json", budget_of_one);
  put(dir.path(), "two/.snaplint.json", budget_of_one);
  put(dir.path(), "one/a.json", broken_graph);
  put(dir.path(), "two/a.json", broken_graph);
  EXPECT_EQ(snaplint("check one/a.json two/a.json", dir.path()).exit_code, 0);
  // One budget for the whole run when it comes from the command line.
  EXPECT_EQ(snaplint("check --max-warnings 1 one/a.json two/a.json", dir.path()).exit_code, 1);
}

TEST(CliConfig, AnInvalidConfigIsAnErrorThatSaysWhereAndWhy) {
  TempDir dir;
  put(dir.path(), "a.json", broken_graph);
  put(dir.path(), ".snaplint.json", "{\n  \"fail-on\": \"warn\"\n}\n");
  CliResult run = snaplint("check a.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find(".snaplint.json:2:14: 'fail-on' should be one of \"error\", \"warning\", "
                         "found string \"warn\"; did you mean 'warning'? (at /fail-on)"),
            std::string::npos)
      << run.out;

  put(dir.path(), ".snaplint.json", "{\n  \"ignore\": [\"edges\"\n}\n");
  run = snaplint("check a.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find(".snaplint.json:3:1: invalid JSON: expected ',' or ']' after the array "
                         "element"),
            std::string::npos)
      << run.out;

  // Shown relative to the current directory when inside it.
  put(dir.path(), "sub/.snaplint.json", R"({"max-warnings": -2})");
  put(dir.path(), "sub/b.json", broken_graph);
  run = snaplint("check sub/b.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("sub/.snaplint.json:1:18: 'max-warnings' should be at least 0, found "
                         "integer -2 (at /max-warnings)"),
            std::string::npos)
      << run.out;
}

TEST(CliConfig, ConfigsOutsideTheCurrentDirectoryAreNamedByTheirAbsolutePath) {
  TempDir dir;
  put(dir.path(), ".snaplint.json", R"({"ignore": "edges"})");
  put(dir.path(), "sub/a.json", broken_graph);
  const CliResult run = snaplint("check a.json", dir.path() / "sub", true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find((dir.path() / ".snaplint.json").string() + ":1:12: 'ignore' should be an "
                                                                    "array"),
            std::string::npos)
      << run.out;
}

TEST(CliConfig, ADirectoryNamedLikeAConfigIsAnError) {
  TempDir dir;
  fs::create_directories(dir.path() / ".snaplint.json");
  put(dir.path(), "a.json", broken_graph);
  const CliResult run = snaplint("check a.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find(".snaplint.json: is a directory, not a config file"), std::string::npos)
      << run.out;
}

TEST(CliConfig, UnknownRuleNamesGetASuggestion) {
  TempDir dir;
  put(dir.path(), "a.json", broken_graph);
  put(dir.path(), ".snaplint.json", R"({"ignore": ["dangling-egde"]})");
  CliResult run = snaplint("check a.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find(".snaplint.json:1:13: unknown rule or category 'dangling-egde'; did you "
                         "mean 'dangling-edge'? (at /ignore/0)"),
            std::string::npos)
      << run.out;
  // The command line gets the same help.
  run = snaplint("check --no-config --select reachabilty a.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("unknown rule or category 'reachabilty'; did you mean 'reachability'?"),
            std::string::npos)
      << run.out;
}

TEST(CliConfig, ConfigUsesOnlyThatFileAndNoConfigUsesNone) {
  TempDir dir;
  put(dir.path(), "a.json", broken_graph);
  put(dir.path(), ".snaplint.json", R"({"ignore": ["dangling-edge"]})");
  put(dir.path(), "elsewhere/strict.json", R"({"severity": {"dangling-edge": "info"}})");
  EXPECT_EQ(dangling_severity(dir.path(), "a.json"), "none");
  EXPECT_EQ(dangling_severity(dir.path(), "--config elsewhere/strict.json a.json"), "info");
  EXPECT_EQ(dangling_severity(dir.path(), "--no-config a.json"), "error");
  EXPECT_EQ(snaplint("check --no-config a.json", dir.path()).exit_code, 1);
  // A broken discovered config does not matter to either.
  put(dir.path(), ".snaplint.json", "nonsense");
  EXPECT_EQ(snaplint("check --no-config a.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check --config elsewhere/strict.json a.json", dir.path()).exit_code, 0);
  // A missing or broken --config is a usage error before any file is linted.
  CliResult run = snaplint("check --config missing.json a.json", dir.path(), true);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.out.find("cannot read config missing.json"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("a.json:"), std::string::npos) << run.out;
  EXPECT_EQ(snaplint("check --config .snaplint.json a.json", dir.path()).exit_code, 2);
  EXPECT_EQ(snaplint("check --config x.json --no-config a.json", dir.path()).exit_code, 2);
}

TEST(CliConfig, TheConfigOfAnotherDirectoryMatchesGlobsAgainstItsOwnDirectory) {
  TempDir dir;
  put(dir.path(), "conf/snaplint.json",
      R"({"overrides": [{"files": ["agents/**"], "severity": {"dangling-edge": "warning"}}]})");
  put(dir.path(), "conf/agents/a.json", broken_graph);
  put(dir.path(), "agents/a.json", broken_graph);
  EXPECT_EQ(dangling_severity(dir.path(), "--config conf/snaplint.json conf/agents/a.json"),
            "warning");
  // Outside the config's directory: its overrides never match, its base still applies.
  EXPECT_EQ(dangling_severity(dir.path(), "--config conf/snaplint.json agents/a.json"), "error");
}

TEST(CliConfig, StandardInputIsMatchedByItsStdinFilename) {
  TempDir dir;
  put(dir.path(), ".snaplint.json",
      R"({"overrides": [{"files": ["drafts/**"], "ignore": ["dangling-edge"]}]})");
  EXPECT_EQ(snaplint("check --stdin-filename drafts/new.json -", dir.path(), false, broken_graph)
                .exit_code,
            0);
  EXPECT_EQ(
      snaplint("check --stdin-filename live/new.json -", dir.path(), false, broken_graph).exit_code,
      1);
  // Without a name, standard input takes the config of the current directory.
  put(dir.path(), ".snaplint.json", R"({"ignore": ["dangling-edge"]})");
  EXPECT_EQ(snaplint("check -", dir.path(), false, broken_graph).exit_code, 0);
  put(dir.path(), "sub/.snaplint.json", R"({"select": ["edges"]})");
  EXPECT_EQ(snaplint("check -", dir.path() / "sub", false, broken_graph).exit_code, 1);
}

TEST(CliConfig, ShowConfigPrintsTheEffectiveSettings) {
  TempDir dir;
  put(dir.path(), ".snaplint.json", R"({"severity": {"dangling-edge": "warning"},
    "max-warnings": 5, "overrides": [{"files": ["drafts/**"], "fail-on": "warning"}]})");
  put(dir.path(), "agents/.snaplint.json",
      R"({"ignore": ["self-loop"], "rules": {"global-condition-overlap": {"threshold": 0.8}}})");
  const CliResult run = snaplint(
      "check --show-config agents/drafts/x.json --select edges,global-conditions", dir.path());
  EXPECT_EQ(run.exit_code, 0);
  rapidjson::Document doc;
  doc.Parse(run.out);
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  EXPECT_EQ(std::string(doc["file"].GetString()), "agents/drafts/x.json");
  ASSERT_GE(doc["config-files"].Size(), 2u);
  const auto& files = doc["config-files"];
  EXPECT_EQ(std::string(files[files.Size() - 2].GetString()), ".snaplint.json");
  EXPECT_EQ(std::string(files[files.Size() - 1].GetString()), "agents/.snaplint.json");
  const auto& layers = doc["layers"];
  ASSERT_GE(layers.Size(), 3u);
  EXPECT_EQ(std::string(layers[layers.Size() - 1].GetString()), "command line");
  EXPECT_EQ(std::string(layers[layers.Size() - 2].GetString()), "agents/.snaplint.json");
  // The parent's drafts/** is relative to the parent's directory: it does not match
  // agents/drafts/x.json.
  EXPECT_EQ(std::string(doc["fail-on"].GetString()), "error");
  EXPECT_EQ(doc["max-warnings"].GetUint64(), 5u);
  EXPECT_EQ(std::string(doc["max-warnings-source"].GetString()), ".snaplint.json");
  const auto& rules_json = doc["rules"];
  EXPECT_EQ(rules_json.MemberCount(), rules::default_registry().infos().size());
  EXPECT_TRUE(rules_json["dangling-edge"]["enabled"].GetBool());
  EXPECT_EQ(std::string(rules_json["dangling-edge"]["severity"].GetString()), "warning");
  // The command line's select comes after the config's ignore.
  EXPECT_TRUE(rules_json["self-loop"]["enabled"].GetBool());
  EXPECT_FALSE(rules_json["empty-prompt"]["enabled"].GetBool());
  EXPECT_DOUBLE_EQ(rules_json["global-condition-overlap"]["options"]["threshold"].GetDouble(), 0.8);

  const CliResult drafts = snaplint("check --show-config drafts/y.json", dir.path());
  doc.Parse(drafts.out);
  ASSERT_FALSE(doc.HasParseError()) << drafts.out;
  EXPECT_EQ(std::string(doc["fail-on"].GetString()), "warning");
  EXPECT_EQ(std::string(doc["layers"][doc["layers"].Size() - 2].GetString()),
            ".snaplint.json#/overrides/0");
  EXPECT_TRUE(doc["rules"]["self-loop"]["enabled"].GetBool());

  // The same output every time.
  EXPECT_EQ(snaplint("check --show-config drafts/y.json", dir.path()).out, drafts.out);
  // A broken config on the way is reported as for a check.
  put(dir.path(), "agents/.snaplint.json", "{");
  EXPECT_EQ(snaplint("check --show-config agents/a.json", dir.path()).exit_code, 2);
}

TEST(CliConfig, SchemaConfigPrintsTheConfigSchema) {
  TempDir dir;
  const CliResult run = snaplint("schema --config", dir.path());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, read_file(fs::path(SNAPLINT_SOURCE_DIR) / "lib/schema/config.schema.json"));
  rapidjson::Document schema;
  schema.Parse(run.out);
  ASSERT_FALSE(schema.HasParseError());
  for (const char* key : {"$schema", "root", "select", "ignore", "severity", "rules", "fail-on",
                          "max-warnings", "overrides"}) {
    EXPECT_TRUE(schema["properties"].HasMember(key)) << key;
  }
  // And a config that points editors at it is accepted.
  put(dir.path(), ".snaplint.json", R"({"$schema": "./config.schema.json"})");
  put(dir.path(), "a.json", broken_graph);
  EXPECT_EQ(snaplint("check a.json", dir.path()).exit_code, 1);
}

// ---- the resolver's caches ----

cli::CheckOptions no_options() {
  return {};
}

TEST(ConfigResolver, SharesSettingsPerDirectoryAndLintersPerRuleSelection) {
  TempDir dir;
  put(dir.path(), ".snaplint.json",
      R"({"overrides": [{"files": ["special/**"], "severity": {"dangling-edge": "error"}},
                        {"files": ["quiet/**"], "ignore": ["edges"]}]})");
  std::string error;
  auto resolver = cli::ConfigResolver::create(no_options(), rules::default_registry(), &error);
  ASSERT_TRUE(resolver) << error;
  auto settings = [&](const std::string& relative) {
    const cli::FileSettings* found =
        resolver->settings_for((dir.path() / relative).lexically_normal().string(), &error);
    EXPECT_TRUE(found) << error;
    return found;
  };
  const cli::FileSettings* a = settings("a.json");
  EXPECT_EQ(settings("b.json"), a);
  // Another override applies, so other settings, but the same rules at the same severities.
  const cli::FileSettings* special = settings("special/c.json");
  EXPECT_NE(special, a);
  EXPECT_EQ(special->linter, a->linter);
  EXPECT_NE(settings("quiet/d.json")->linter, a->linter);

  // Configs are read once per directory: a change after the first read is not seen.
  put(dir.path(), ".snaplint.json", "{ broken");
  EXPECT_EQ(settings("e.json"), a);
}

TEST(ConfigResolver, ReportsTheBrokenConfigForEveryFileItGoverns) {
  TempDir dir;
  put(dir.path(), ".snaplint.json", R"({"select": 1})");
  std::string error;
  auto resolver = cli::ConfigResolver::create(no_options(), rules::default_registry(), &error);
  ASSERT_TRUE(resolver) << error;
  for (const char* file : {"a.json", "sub/b.json"}) {
    error.clear();
    EXPECT_EQ(resolver->settings_for((dir.path() / file).string(), &error), nullptr);
    EXPECT_NE(error.find(".snaplint.json:1:12: 'select' should be an array, found integer 1 (at "
                         "/select)"),
              std::string::npos)
        << error;
  }
}

}  // namespace
}  // namespace snaplint::test
