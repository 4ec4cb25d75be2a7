// .snaplint.json at the library level: globs, reading and checking a config, and how layers of
// settings combine.
#include <gtest/gtest.h>

#define RAPIDJSON_HAS_STDSTRING 1
#include <rapidjson/document.h>

#include <filesystem>
#include <sstream>

#include "snaplint/config.hpp"
#include "snaplint/glob.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

const RuleRegistry& registry() {
  return rules::default_registry();
}

// ---- globs ----

TEST(Glob, StarStaysWithinOneSegment) {
  EXPECT_TRUE(glob_match("agents/*.json", "agents/a.json"));
  EXPECT_TRUE(glob_match("agents/*.json", "agents/.json"));
  EXPECT_FALSE(glob_match("agents/*.json", "agents/x/a.json"));
  EXPECT_FALSE(glob_match("agents/*.json", "other/a.json"));
  EXPECT_FALSE(glob_match("a*b*c", "a/xaxbxc"));
  EXPECT_TRUE(glob_match("*/a*b*c", "d/aXbYbZc"));
  EXPECT_FALSE(glob_match("*/a*b*c", "d/aXbYbZ"));
}

TEST(Glob, DoubleStarSpansAnyNumberOfSegments) {
  EXPECT_TRUE(glob_match("agents/**/*.json", "agents/a.json"));
  EXPECT_TRUE(glob_match("agents/**/*.json", "agents/x/y/a.json"));
  EXPECT_FALSE(glob_match("agents/**/*.json", "other/x/a.json"));
  EXPECT_TRUE(glob_match("**/fixtures/*.json", "fixtures/a.json"));
  EXPECT_TRUE(glob_match("**/fixtures/*.json", "a/b/fixtures/a.json"));
  EXPECT_FALSE(glob_match("**/fixtures/*.json", "a/b/fixtures/c/a.json"));
  EXPECT_TRUE(glob_match("drafts/**", "drafts/a.json"));
  EXPECT_TRUE(glob_match("drafts/**", "drafts/x/y/z.json"));
  // What is inside drafts, not a file called drafts.
  EXPECT_FALSE(glob_match("drafts/**", "drafts"));
  EXPECT_TRUE(glob_match("a/**/b/**/c.json", "a/x/b/y/z/c.json"));
  EXPECT_FALSE(glob_match("a/**/b/**/c.json", "a/x/y/z/c.json"));
}

TEST(Glob, APatternWithoutSlashMatchesTheFileNameAnywhere) {
  EXPECT_TRUE(glob_match("*.draft.json", "x.draft.json"));
  EXPECT_TRUE(glob_match("*.draft.json", "deep/down/x.draft.json"));
  EXPECT_FALSE(glob_match("*.draft.json", "x.draft.json/real.json"));
  EXPECT_TRUE(glob_match("**", "a/b/c.json"));
  // A slash anchors the pattern at the config's directory.
  EXPECT_FALSE(glob_match("./x.json", "deep/x.json"));
  EXPECT_TRUE(glob_match("./x.json", "x.json"));
  EXPECT_TRUE(glob_match("/x.json", "x.json"));
}

TEST(Glob, QuestionMarkIsOneCharacterAndClassesPickOne) {
  EXPECT_TRUE(glob_match("v?.json", "v1.json"));
  EXPECT_FALSE(glob_match("v?.json", "v10.json"));
  EXPECT_FALSE(glob_match("v?.json", "v.json"));
  EXPECT_TRUE(glob_match("caf?.json", "caf\xc3\xa9.json")) << "one code point, two bytes";
  EXPECT_FALSE(glob_match("a?b", "x/a/b"));
  EXPECT_TRUE(glob_match("v[12].json", "v2.json"));
  EXPECT_FALSE(glob_match("v[12].json", "v3.json"));
  EXPECT_TRUE(glob_match("v[0-9].json", "v7.json"));
  EXPECT_FALSE(glob_match("v[0-9].json", "vx.json"));
  EXPECT_TRUE(glob_match("v[!0-9].json", "vx.json"));
  EXPECT_FALSE(glob_match("v[!0-9].json", "v7.json"));
  EXPECT_TRUE(glob_match("v[^0-9].json", "vx.json"));
  EXPECT_TRUE(glob_match("[]]", "]"));
  EXPECT_TRUE(glob_match("\\*.json", "*.json"));
  EXPECT_FALSE(glob_match("\\*.json", "a.json"));
}

TEST(Glob, ReportsMalformedPatterns) {
  EXPECT_FALSE(glob_problem("agents/**/*.json"));
  EXPECT_FALSE(glob_problem("v[!0-9].json"));
  EXPECT_EQ(glob_problem("v[12.json"), "'[' opens a character class that is never closed");
  EXPECT_EQ(glob_problem(""), "the pattern is empty");
  EXPECT_EQ(glob_problem("a\\"), "the pattern ends with a lone '\\'");
  EXPECT_EQ(glob_problem("[z-a]"), "a character range runs backwards");
  EXPECT_EQ(glob_problem("[a/b]"), "a character class cannot hold '/'");
}

// ---- reading a config ----

std::string parse_error(const std::string& text) {
  std::string error;
  EXPECT_FALSE(parse_config(text, "dir/.snaplint.json", registry(), &error).has_value()) << text;
  return error;
}

Config parse_ok(const std::string& text) {
  std::string error;
  auto config = parse_config(text, "dir/.snaplint.json", registry(), &error);
  EXPECT_TRUE(config.has_value()) << error;
  return config ? *config : Config{};
}

TEST(ConfigParse, ReadsEveryKey) {
  const Config config = parse_ok(R"({
    "$schema": "https://example.com/config.schema.json",
    "root": true,
    "select": ["edges", "schema"],
    "ignore": ["self-loop"],
    "severity": {"edges": "warning", "dangling-edge": "off", "schema": "info"},
    "rules": {"global-condition-overlap": {"threshold": 0.8}},
    "fail-on": "warning",
    "max-warnings": 10,
    "overrides": [
      {"files": ["drafts/**", "*.draft.json"], "ignore": ["reachability"], "max-warnings": 0,
       "fail-on": "error", "select": ["payloads"], "severity": {"empty-prompt": "error"},
       "rules": {"global-condition-overlap": {"threshold": 1}}}
    ]
  })");
  EXPECT_TRUE(config.root);
  ASSERT_TRUE(config.settings.select);
  EXPECT_EQ(*config.settings.select, (std::vector<std::string>{"edges", "schema"}));
  EXPECT_EQ(config.settings.ignore, (std::vector<std::string>{"self-loop"}));
  ASSERT_EQ(config.settings.severity.size(), 3u);
  EXPECT_EQ(config.settings.severity[0].name, "edges");
  EXPECT_EQ(config.settings.severity[0].severity, Severity::warning);
  EXPECT_EQ(config.settings.severity[1].severity, std::nullopt);
  EXPECT_EQ(config.settings.severity[2].severity, Severity::info);
  ASSERT_EQ(config.settings.options.size(), 1u);
  EXPECT_EQ(config.settings.options[0].rule, "global-condition-overlap");
  EXPECT_EQ(config.settings.options[0].option, "threshold");
  EXPECT_DOUBLE_EQ(config.settings.options[0].value, 0.8);
  EXPECT_EQ(config.settings.fail_on, Severity::warning);
  EXPECT_EQ(config.settings.max_warnings, 10u);
  ASSERT_EQ(config.overrides.size(), 1u);
  const ConfigOverride& entry = config.overrides[0];
  EXPECT_EQ(entry.files, (std::vector<std::string>{"drafts/**", "*.draft.json"}));
  EXPECT_EQ(entry.settings.ignore, (std::vector<std::string>{"reachability"}));
  EXPECT_EQ(entry.settings.max_warnings, 0u);
  EXPECT_EQ(entry.settings.fail_on, Severity::error);
  EXPECT_EQ(*entry.settings.select, (std::vector<std::string>{"payloads"}));
  EXPECT_EQ(entry.settings.severity[0].severity, Severity::error);
  EXPECT_DOUBLE_EQ(entry.settings.options[0].value, 1.0);
  EXPECT_TRUE(entry.matches("drafts/a/b.json"));
  EXPECT_TRUE(entry.matches("x/y.draft.json"));
  EXPECT_FALSE(entry.matches("live/a.json"));
}

TEST(ConfigParse, AnEmptyObjectChangesNothing) {
  const Config config = parse_ok("{}");
  EXPECT_FALSE(config.root);
  EXPECT_FALSE(config.settings.select);
  EXPECT_TRUE(config.overrides.empty());
}

TEST(ConfigParse, InvalidJsonSaysWhere) {
  EXPECT_EQ(parse_error("{\n  \"select\": [\"edges\"]\n  \"ignore\": []\n}"),
            "dir/.snaplint.json:3:3: invalid JSON: expected ',' or '}' after the object member");
  EXPECT_EQ(parse_error(""), "dir/.snaplint.json:1:1: invalid JSON: the file holds no JSON value");
}

TEST(ConfigParse, UnknownKeysAreRejectedWithASuggestion) {
  EXPECT_EQ(parse_error("{\n  \"selct\": [\"edges\"]\n}"),
            "dir/.snaplint.json:2:3: unknown key 'selct'; did you mean 'select'? (at /selct)");
  EXPECT_EQ(parse_error(R"({"overrides": [{"files": ["a"], "root": true}]})"),
            "dir/.snaplint.json:1:33: unknown key 'root' (at /overrides/0/root)");
}

TEST(ConfigParse, WrongTypesAndValuesSayWhatWasExpected) {
  EXPECT_EQ(parse_error("[]"),
            "dir/.snaplint.json:1:1: the config should be an object, found array");
  EXPECT_EQ(parse_error(R"({"max-warnings": "10"})"),
            "dir/.snaplint.json:1:18: 'max-warnings' should be an integer, found string \"10\" "
            "(at /max-warnings)");
  EXPECT_EQ(parse_error(R"({"max-warnings": 2.5})"),
            "dir/.snaplint.json:1:18: 'max-warnings' should be an integer, found number 2.5 "
            "(at /max-warnings)");
  EXPECT_EQ(parse_error(R"({"max-warnings": -1})"),
            "dir/.snaplint.json:1:18: 'max-warnings' should be at least 0, found integer -1 "
            "(at /max-warnings)");
  EXPECT_EQ(parse_error(R"({"max-warnings": 18446744073709551616})"),
            "dir/.snaplint.json:1:18: 'max-warnings' is too large, found number "
            "18446744073709551616 (at /max-warnings)");
  EXPECT_EQ(parse_error(R"({"max-warnings": 1e30})"),
            "dir/.snaplint.json:1:18: 'max-warnings' is too large, found number 1e30 "
            "(at /max-warnings)");
  EXPECT_EQ(parse_error("{\n  \"fail-on\": \"warn\"\n}"),
            "dir/.snaplint.json:2:14: 'fail-on' should be one of \"error\", \"warning\", found "
            "string \"warn\"; did you mean 'warning'? (at /fail-on)");
  EXPECT_EQ(parse_error(R"({"severity": {"dangling-edge": "fatal"}})"),
            "dir/.snaplint.json:1:32: 'dangling-edge' should be one of \"error\", \"warning\", "
            "\"info\", \"off\", found string \"fatal\" (at /severity/dangling-edge)");
  EXPECT_EQ(parse_error(R"({"select": "edges"})"),
            "dir/.snaplint.json:1:12: 'select' should be an array, found string \"edges\" "
            "(at /select)");
  EXPECT_EQ(parse_error(R"({"ignore": [3]})"),
            "dir/.snaplint.json:1:13: item 0 of 'ignore' should be a string, found integer 3 "
            "(at /ignore/0)");
  EXPECT_EQ(parse_error(R"({"root": "yes"})"),
            "dir/.snaplint.json:1:10: 'root' should be a boolean, found string \"yes\" (at /root)");
  EXPECT_EQ(parse_error(R"({"rules": {"global-condition-overlap": {"threshold": "high"}}})"),
            "dir/.snaplint.json:1:54: 'threshold' should be a number, found string \"high\" "
            "(at /rules/global-condition-overlap/threshold)");
}

TEST(ConfigParse, OverridesNeedFiles) {
  EXPECT_EQ(parse_error(R"({"overrides": [{"ignore": ["edges"]}]})"),
            "dir/.snaplint.json:1:16: item 0 of 'overrides' is missing the required key 'files' "
            "(at /overrides/0)");
  EXPECT_EQ(parse_error(R"({"overrides": [{"files": []}]})"),
            "dir/.snaplint.json:1:26: 'files' should not be empty (at /overrides/0/files)");
  EXPECT_EQ(parse_error(R"({"overrides": [{"files": ["v[12.json"]}]})"),
            "dir/.snaplint.json:1:27: glob 'v[12.json': '[' opens a character class that is "
            "never closed (at /overrides/0/files/0)");
}

TEST(ConfigParse, UnknownRulesAndCategoriesGetASuggestion) {
  EXPECT_EQ(parse_error("{\"select\": [\"edges\",\n  \"dangling-edg\"]}"),
            "dir/.snaplint.json:2:3: unknown rule or category 'dangling-edg'; did you mean "
            "'dangling-edge'? (at /select/1)");
  EXPECT_EQ(parse_error(R"({"ignore": ["edgs"]})"),
            "dir/.snaplint.json:1:13: unknown rule or category 'edgs'; did you mean 'edges'? "
            "(at /ignore/0)");
  EXPECT_EQ(parse_error(R"({"severity": {"unreachable-nod": "off"}})"),
            "dir/.snaplint.json:1:15: unknown rule or category 'unreachable-nod'; did you mean "
            "'unreachable-node'? (at /severity/unreachable-nod)");
  EXPECT_EQ(parse_error(R"({"overrides": [{"files": ["*"], "ignore": ["nothing-like-this"]}]})"),
            "dir/.snaplint.json:1:44: unknown rule or category 'nothing-like-this' "
            "(at /overrides/0/ignore/0)");
}

// It stands for findings that still fail the run: a config may not hide it (fixed_rule_problem).
TEST(ConfigParse, TooManyDiagnosticsCannotBeIgnoredOrGivenASeverity) {
  const std::string why =
      "'too-many-diagnostics' cannot be ignored, turned off, suppressed or given a severity";
  EXPECT_EQ(parse_error(R"({"ignore": ["too-many-diagnostics"]})")
                .rfind("dir/.snaplint.json:1:13: " + why, 0),
            0u);
  EXPECT_NE(parse_error(R"({"ignore": ["limits"]})").find("(at /ignore/0)"), std::string::npos);
  EXPECT_NE(parse_error(R"({"severity": {"too-many-diagnostics": "warning"}})").find(why),
            std::string::npos);
  EXPECT_NE(parse_error(R"({"severity": {"limits": "off"}})").find("(at /severity/limits)"),
            std::string::npos);
  EXPECT_NE(parse_error(R"({"overrides": [{"files": ["*"], "ignore": ["too-many-diagnostics"]}]})")
                .find("(at /overrides/0/ignore/0)"),
            std::string::npos);
  // Selecting it is harmless: select never turns it off.
  parse_ok(R"({"select": ["too-many-diagnostics", "edges"]})");
}

TEST(ConfigParse, RuleOptionsAreCheckedAgainstTheRegistry) {
  EXPECT_EQ(parse_error(R"({"rules": {"global-condition-overlp": {"threshold": 0.5}}})"),
            "dir/.snaplint.json:1:12: unknown rule 'global-condition-overlp'; did you mean "
            "'global-condition-overlap'? (at /rules/global-condition-overlp)");
  EXPECT_EQ(parse_error(R"({"rules": {"edges": {}}})"),
            "dir/.snaplint.json:1:12: 'edges' is a category; options belong to one rule "
            "(at /rules/edges)");
  EXPECT_EQ(parse_error(R"({"rules": {"global-condition-overlap": {"treshold": 0.5}}})"),
            "dir/.snaplint.json:1:41: rule 'global-condition-overlap' has no option 'treshold'; "
            "did you mean 'threshold'? (at /rules/global-condition-overlap/treshold)");
  EXPECT_EQ(parse_error(R"({"rules": {"dangling-edge": {"x": 1}}})"),
            "dir/.snaplint.json:1:30: rule 'dangling-edge' has no option 'x'; it has no options "
            "(at /rules/dangling-edge/x)");
  EXPECT_EQ(parse_error(R"({"rules": {"global-condition-overlap": {"threshold": 1.5}}})"),
            "dir/.snaplint.json:1:54: option global-condition-overlap.threshold takes a number "
            "from 0 to 1, not 1.5 (at /rules/global-condition-overlap/threshold)");
}

TEST(ConfigParse, ReportsTheFirstProblemInTheFile) {
  EXPECT_EQ(
      parse_error(R"({"overrides": [{"files": ["*"], "ignore": ["edgs"]}], "select": ["x"]})"),
      "dir/.snaplint.json:1:44: unknown rule or category 'edgs'; did you mean 'edges'? "
      "(at /overrides/0/ignore/0)");
  EXPECT_EQ(
      parse_error(R"({"select": ["x"], "overrides": [{"files": ["*"], "ignore": ["edgs"]}]})"),
      "dir/.snaplint.json:1:13: unknown rule or category 'x' (at /select/0)");
  EXPECT_EQ(parse_error(R"({"max-warnings": -1, "selct": []})"),
            "dir/.snaplint.json:1:18: 'max-warnings' should be at least 0, found integer -1 "
            "(at /max-warnings)");
}

TEST(ConfigParse, RepeatedKeysAreAnError) {
  EXPECT_EQ(parse_error("{\"ignore\": [],\n \"ignore\": [\"edges\"]}"),
            "dir/.snaplint.json:2:2: key 'ignore' is repeated (first on line 1) (at /ignore)");
}

// ---- layers ----

TEST(ConfigLayers, SelectReplacesIgnoreRemovesSeverityEnables) {
  EffectiveSettings settings = EffectiveSettings::defaults(registry());
  EXPECT_TRUE(settings.selection.enabled("dangling-edge"));
  EXPECT_TRUE(settings.selection.enabled("empty-prompt"));
  EXPECT_EQ(settings.fail_on, Severity::error);

  ConfigLayer farthest;
  farthest.select = std::vector<std::string>{"edges"};
  farthest.ignore = {"self-loop"};
  settings.apply(registry(), farthest, "a");
  EXPECT_TRUE(settings.selection.enabled("dangling-edge"));
  EXPECT_FALSE(settings.selection.enabled("self-loop"));
  EXPECT_FALSE(settings.selection.enabled("empty-prompt"));

  // A severity turns a rule on again; "off" turns it off.
  ConfigLayer nearer;
  nearer.severity = {{"self-loop", Severity::info}, {"dangling-edge", std::nullopt}};
  settings.apply(registry(), nearer, "b");
  EXPECT_TRUE(settings.selection.enabled("self-loop"));
  EXPECT_EQ(settings.selection.severity("self-loop"), Severity::info);
  EXPECT_FALSE(settings.selection.enabled("dangling-edge"));

  // A later select replaces the set but the severities set so far stay.
  ConfigLayer last;
  last.select = std::vector<std::string>{"self-loop", "prompts"};
  settings.apply(registry(), last, "c");
  EXPECT_TRUE(settings.selection.enabled("self-loop"));
  EXPECT_EQ(settings.selection.severity("self-loop"), Severity::info);
  EXPECT_TRUE(settings.selection.enabled("empty-prompt"));
  EXPECT_FALSE(settings.selection.enabled("duplicate-edge"));
}

TEST(ConfigLayers, ARuleSeverityWinsOverItsCategoryInTheSameLayer) {
  EffectiveSettings settings = EffectiveSettings::defaults(registry());
  ConfigLayer layer;
  // The rule comes first in the file, but categories are applied first.
  layer.severity = {{"self-loop", Severity::error}, {"edges", Severity::info}};
  settings.apply(registry(), layer, "a");
  EXPECT_EQ(settings.selection.severity("self-loop"), Severity::error);
  EXPECT_EQ(settings.selection.severity("dangling-edge"), Severity::info);

  ConfigLayer quiet_edges;
  quiet_edges.ignore = {"edges"};
  quiet_edges.severity = {{"dangling-edge", Severity::warning}};
  settings.apply(registry(), quiet_edges, "b");
  EXPECT_FALSE(settings.selection.enabled("self-loop"));
  EXPECT_TRUE(settings.selection.enabled("dangling-edge"));
  EXPECT_EQ(settings.selection.severity("dangling-edge"), Severity::warning);
}

TEST(ConfigLayers, OptionsFailOnAndMaxWarningsTakeTheLastValue) {
  EffectiveSettings settings = EffectiveSettings::defaults(registry());
  const RuleInfo& overlap = *registry().find("global-condition-overlap");
  EXPECT_DOUBLE_EQ(settings.selection.option(overlap, "threshold"), 0.75);

  ConfigLayer first;
  first.options = {{"global-condition-overlap", "threshold", 0.5}};
  first.fail_on = Severity::warning;
  first.max_warnings = 3;
  settings.apply(registry(), first, "parent/.snaplint.json");
  ConfigLayer second;
  second.options = {{"global-condition-overlap", "threshold", 0.9}};
  settings.apply(registry(), second, "child/.snaplint.json");
  EXPECT_DOUBLE_EQ(settings.selection.option(overlap, "threshold"), 0.9);
  EXPECT_EQ(settings.fail_on, Severity::warning);
  EXPECT_EQ(settings.max_warnings, 3u);
  EXPECT_EQ(settings.max_warnings_source, "parent/.snaplint.json");

  ConfigLayer third;
  third.fail_on = Severity::error;
  third.max_warnings = 0;
  settings.apply(registry(), third, "command line");
  EXPECT_EQ(settings.fail_on, Severity::error);
  EXPECT_EQ(settings.max_warnings, 0u);
  EXPECT_EQ(settings.max_warnings_source, "command line");
}

TEST(ConfigLayers, EqualSettingsGiveEqualSelections) {
  EffectiveSettings a = EffectiveSettings::defaults(registry());
  EffectiveSettings b = EffectiveSettings::defaults(registry());
  ConfigLayer ignore_self_loop;
  ignore_self_loop.ignore = {"self-loop"};
  ConfigLayer self_loop_off;
  self_loop_off.severity = {{"self-loop", std::nullopt}};
  a.apply(registry(), ignore_self_loop, "a");
  b.apply(registry(), self_loop_off, "b");
  EXPECT_TRUE(a.selection == b.selection);
  ConfigLayer option;
  option.options = {{"global-condition-overlap", "threshold", 0.5}};
  b.apply(registry(), option, "b");
  EXPECT_FALSE(a.selection == b.selection);
}

TEST(ConfigLayers, ACategoryNamedLikeARuleCoversTheWholeCategory) {
  // "schema" is a rule and the category of schema and unknown-field, as in --select.
  EffectiveSettings settings = EffectiveSettings::defaults(registry());
  ConfigLayer layer;
  layer.severity = {{"schema", Severity::warning}};
  settings.apply(registry(), layer, "a");
  EXPECT_EQ(settings.selection.severity("schema"), Severity::warning);
  EXPECT_EQ(settings.selection.severity("unknown-field"), Severity::warning);
}

TEST(ConfigLayers, TheSelectionGovernsWhatTheLinterReports) {
  const std::string broken = R"({"graph": {
    "nodes": [
      {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
      {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "Help."},
      {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
    ],
    "edges": [
      {"id": "e1", "from": "s", "to": "a"}, {"id": "e2", "from": "a", "to": "e"},
      {"id": "e3", "from": "a", "to": "nowhere"}
    ]}})";
  EffectiveSettings settings = EffectiveSettings::defaults(registry());
  ConfigLayer layer;
  layer.severity = {{"dangling-edge", Severity::warning}};
  settings.apply(registry(), layer, "a");
  const FileReport report = Engine(registry(), settings.selection).lint(broken, "x.json");
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule, "dangling-edge");
  EXPECT_EQ(report.diagnostics[0].severity, Severity::warning);
}

// ---- --show-config ----

TEST(EffectiveConfigJson, ListsFilesLayersPolicyAndEveryRule) {
  EffectiveSettings settings = EffectiveSettings::defaults(registry());
  ConfigLayer layer;
  layer.severity = {{"self-loop", std::nullopt}, {"dangling-edge", Severity::warning}};
  layer.options = {{"global-condition-overlap", "threshold", 0.8}};
  layer.max_warnings = 4;
  settings.apply(registry(), layer, ".snaplint.json");
  EffectiveConfigReport report{
      "a/b.json", {".snaplint.json"}, {".snaplint.json", "command line"}, &settings};
  std::ostringstream out;
  write_effective_config_json(out, registry(), report);
  rapidjson::Document doc;
  doc.Parse(out.str());
  ASSERT_FALSE(doc.HasParseError()) << out.str();
  EXPECT_EQ(std::string(doc["file"].GetString()), "a/b.json");
  EXPECT_EQ(doc["config-files"].Size(), 1u);
  EXPECT_EQ(doc["layers"].Size(), 2u);
  EXPECT_EQ(std::string(doc["fail-on"].GetString()), "error");
  EXPECT_EQ(doc["max-warnings"].GetUint64(), 4u);
  EXPECT_EQ(std::string(doc["max-warnings-source"].GetString()), ".snaplint.json");
  const auto& rules_json = doc["rules"];
  EXPECT_EQ(rules_json.MemberCount(), registry().infos().size());
  EXPECT_FALSE(rules_json["self-loop"]["enabled"].GetBool());
  EXPECT_EQ(std::string(rules_json["dangling-edge"]["severity"].GetString()), "warning");
  EXPECT_EQ(std::string(rules_json["dangling-edge"]["category"].GetString()), "edges");
  EXPECT_DOUBLE_EQ(rules_json["global-condition-overlap"]["options"]["threshold"].GetDouble(), 0.8);
  // Rules in name order: the output is the same from run to run.
  std::string previous;
  for (const auto& member : rules_json.GetObject()) {
    EXPECT_LT(previous, member.name.GetString());
    previous = member.name.GetString();
  }
}

// ---- the schema and the documentation ----

TEST(ConfigSchema, IsTheEmbeddedFileAndDescribesEveryKey) {
  EXPECT_EQ(config_schema_text(),
            read_file(fs::path(SNAPLINT_SOURCE_DIR) / "lib/schema/config.schema.json"));
  rapidjson::Document schema;
  schema.Parse(std::string(config_schema_text()));
  ASSERT_FALSE(schema.HasParseError());
  EXPECT_EQ(std::string(schema["$schema"].GetString()), "http://json-schema.org/draft-07/schema#");
  EXPECT_FALSE(schema["additionalProperties"].GetBool());
  for (const char* key : {"$schema", "root", "select", "ignore", "severity", "rules", "fail-on",
                          "max-warnings", "overrides"}) {
    EXPECT_TRUE(schema["properties"].HasMember(key)) << key;
  }
}

// Every ```json block of docs/configuration.md is a config snaplint accepts.
TEST(ConfigDocs, EveryExampleIsAValidConfig) {
  const std::string doc = read_file(fs::path(SNAPLINT_SOURCE_DIR) / "docs/configuration.md");
  std::size_t examples = 0;
  for (std::size_t at = doc.find("```json\n"); at != std::string::npos;
       at = doc.find("```json\n", at)) {
    const std::size_t begin = at + 8;
    const std::size_t end = doc.find("```", begin);
    ASSERT_NE(end, std::string::npos);
    std::string error;
    EXPECT_TRUE(parse_config(doc.substr(begin, end - begin), "example", registry(), &error))
        << error;
    ++examples;
    at = end + 3;
  }
  EXPECT_GE(examples, 2u);
}

}  // namespace
}  // namespace snaplint::test
