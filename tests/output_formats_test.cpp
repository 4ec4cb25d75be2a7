// The SARIF, GitHub Actions and JUnit writers: SARIF checked against the OASIS schema, JUnit read
// back with a real XML parser (expat), GitHub lines compared exactly.
//
// valijson's RapidJSON adapter must come before any RapidJSON header: with exceptions enabled it
// turns RapidJSON's assertions into exceptions, which a test reports instead of aborting.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/rapidjson_adapter.hpp>
//
#include <expat.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "snaplint/fingerprint.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "snaplint/source_file.hpp"
#include "snaplint/version.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Reports built by hand

Diagnostic make_diagnostic(std::string rule, Severity severity, std::string message, Range range,
                           std::string pointer = "/graph", std::string help = "") {
  Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.range = range;
  diagnostic.pointer = std::move(pointer);
  diagnostic.help = std::move(help);
  return diagnostic;
}

Range range(std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
            std::uint32_t end_column) {
  return {{line, column}, {end_line, end_column}};
}

// A run with everything a writer has to handle: findings with help and related locations,
// suppressed ones of both kinds, a path with a space and non-ASCII characters, an absolute path,
// a file that could not be read and a clean file.
std::vector<FileReport> assorted_reports() {
  FileReport agent;
  agent.path = "agents/my agent ünï☃.json";
  Diagnostic dangling =
      make_diagnostic("dangling-edge", Severity::error, "edge 'e4' targets unknown node 'refund'",
                      range(12, 45, 12, 53), "/graph/edges/3/to", "did you mean 'refunds'?");
  Diagnostic duplicate = make_diagnostic("duplicate-node-id", Severity::error,
                                         "node id 'a' is already used by node 'first'",
                                         range(7, 13, 7, 16), "/graph/nodes/2/id");
  duplicate.related.push_back({"first used here", "/graph/nodes/0/id", range(5, 13, 5, 16)});
  Diagnostic cycle = make_diagnostic("trap-cycle", Severity::warning,
                                     "'loop_a' -> 'loop_b' -> 'loop_a' never reaches an end",
                                     range(9, 5, 10, 7), "/graph/nodes/3");
  cycle.related.push_back({"'loop_a'", "/graph/nodes/3", range(9, 5, 10, 7)});
  cycle.related.push_back({"'loop_b'", "/graph/nodes/4", range(11, 5, 11, 60)});
  Diagnostic unused = make_diagnostic("unused-tool", Severity::info, "tool 'lookup' is never used",
                                      range(20, 7, 20, 30), "/graph/tools/0");
  agent.diagnostics = {duplicate, cycle, dangling, unused};

  Diagnostic silenced =
      make_diagnostic("self-loop", Severity::warning, "edge 'e9' leads from 'retry' back to itself",
                      range(15, 5, 15, 40), "/graph/edges/8");
  silenced.suppression = Suppression{Suppression::Kind::metadata, "retries on purpose"};
  Diagnostic baselined =
      make_diagnostic("empty-prompt", Severity::error, "node 'wait' has an empty prompt",
                      range(8, 60, 8, 62), "/graph/nodes/2/prompt");
  baselined.suppression = Suppression{Suppression::Kind::baseline, ""};
  agent.suppressed = {baselined, silenced};

  FileReport absolute;
  absolute.path = "/srv/snapshots/other.json";
  absolute.diagnostics = {make_diagnostic("invalid-json", Severity::error,
                                          "missing a comma or '}' after an object member",
                                          range(3, 1, 3, 1), "")};

  FileReport unreadable;
  unreadable.path = "gone.json";
  unreadable.failure = "No such file or directory";

  FileReport clean;
  clean.path = "clean.json";
  return {agent, absolute, unreadable, clean};
}

std::string sarif_of(const std::vector<FileReport>& reports, const ReportOptions& options = {}) {
  std::ostringstream out;
  write_sarif(out, reports, rules::default_registry(), &rules::rule_documentation, options);
  return out.str();
}

std::string github_of(const std::vector<FileReport>& reports, const ReportOptions& options = {}) {
  std::ostringstream out;
  write_github(out, reports, options);
  return out.str();
}

std::string junit_of(const std::vector<FileReport>& reports, const ReportOptions& options = {}) {
  std::ostringstream out;
  write_junit(out, reports, options);
  return out.str();
}

// Every *.json under `dir`, linted with all rules, paths relative to `dir`'s parent; sorted.
std::vector<FileReport> lint_folder(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry);
  }
  std::sort(files.begin(), files.end());
  std::vector<FileReport> reports;
  for (const fs::path& file : files) {
    reports.push_back(
        lint_text(read_file(file), {}, fs::relative(file, dir.parent_path()).generic_string()));
  }
  return reports;
}

// ---------------------------------------------------------------------------------------------
// SARIF

// The OASIS schema, parsed once. valijson does not check the `format` keywords ("uri",
// "uri-reference", "date-time" are not among the ones it knows), so URIs are checked separately
// by uri_problems().
const valijson::Schema& sarif_schema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    const fs::path shared = shared_dir();
    if (shared.empty()) return std::unique_ptr<valijson::Schema>();
    rapidjson::Document json;
    const std::string text = read_file(shared / "schemas" / "sarif-schema-2.1.0.json");
    json.Parse(text.data(), text.size());
    if (json.HasParseError()) throw std::runtime_error("the SARIF schema is not JSON");
    auto parsed = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::RapidJsonAdapter adapter(json);
    parser.populateSchema(adapter, *parsed);
    return parsed;
  }();
  return *schema;
}

// The schema's complaints about `document`, one per line; empty when it is valid.
std::string schema_errors(const rapidjson::Document& document) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::RapidJsonAdapter target(document);
  if (validator.validate(sarif_schema(), target, &results)) return "";
  std::string errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    for (const std::string& segment : error.context) errors += segment;
    errors += ": " + error.description + "\n";
  }
  return errors.empty() ? "invalid" : errors;
}

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// RFC 3986: a URI reference holds only unreserved, reserved and percent-encoded characters.
std::string uri_problem(std::string_view uri) {
  static const std::string_view allowed =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=";
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%') {
      if (i + 2 >= uri.size() || !is_hex(uri[i + 1]) || !is_hex(uri[i + 2])) {
        return "bad percent-encoding";
      }
      i += 2;
    } else if (allowed.find(uri[i]) == std::string_view::npos) {
      return "character " + std::to_string(static_cast<unsigned char>(uri[i])) + " not allowed";
    }
  }
  return "";
}

// Whether the reference starts with a scheme ("file:", "a:" in "a:b.json").
bool has_scheme(std::string_view uri) {
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(uri[0]))) return false;
  return std::all_of(uri.begin(), uri.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// Every "uri", "helpUri" and "informationUri" in the document that is not a valid URI reference,
// and every artifact location with a base (uriBaseId) whose URI is not relative.
void collect_uri_problems(const rapidjson::Value& value, std::string& problems) {
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) collect_uri_problems(item, problems);
  }
  if (!value.IsObject()) return;
  for (const auto& member : value.GetObject()) {
    const std::string_view key = member.name.GetString();
    if ((key == "uri" || key == "helpUri" || key == "informationUri") && member.value.IsString()) {
      const std::string problem = uri_problem(member.value.GetString());
      if (!problem.empty())
        problems += std::string(member.value.GetString()) + ": " + problem + "\n";
    }
    collect_uri_problems(member.value, problems);
  }
  if (value.HasMember("uriBaseId") && value.HasMember("uri") && value["uri"].IsString() &&
      has_scheme(value["uri"].GetString())) {
    problems += std::string(value["uri"].GetString()) + ": has a scheme but a base too\n";
  }
}

std::string uri_problems(const rapidjson::Document& document) {
  std::string problems;
  collect_uri_problems(document, problems);
  return problems;
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  EXPECT_FALSE(document.HasParseError()) << "not JSON at byte " << document.GetErrorOffset();
  return document;
}

// Writes the reports as SARIF and checks the output against the schema and RFC 3986.
rapidjson::Document valid_sarif(const std::vector<FileReport>& reports) {
  const std::string text = sarif_of(reports);
  rapidjson::Document document = parse_json(text);
  if (document.HasParseError()) return document;
  EXPECT_EQ(schema_errors(document), "");
  EXPECT_EQ(uri_problems(document), "");
  return document;
}

#define SKIP_WITHOUT_SHARED_DIR() \
  if (shared_dir().empty()) GTEST_SKIP() << "no shared folder (corpus, schemas)"

// A finding of the document's run: the first with this rule id.
const rapidjson::Value* result_for(const rapidjson::Value& run, std::string_view rule) {
  for (const auto& result : run["results"].GetArray()) {
    if (result["ruleId"].GetString() == rule) return &result;
  }
  return nullptr;
}

TEST(SarifWriter, SchemaAcceptsAValidLogAndRejectsABrokenOne) {
  // The validation below is worth something only if the schema can fail a document.
  SKIP_WITHOUT_SHARED_DIR();
  rapidjson::Document document = parse_json(sarif_of(assorted_reports()));
  ASSERT_EQ(schema_errors(document), "");
  document["runs"][0]["results"][0]["level"].SetString("fatal");
  EXPECT_NE(schema_errors(document), "");
  rapidjson::Document broken = parse_json(sarif_of(assorted_reports()));
  broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"]
      .SetInt(0);
  EXPECT_NE(schema_errors(broken), "");
  EXPECT_NE(uri_problem("my agent.json"), "");
  EXPECT_NE(uri_problem("caf\xc3\xa9.json"), "");
  EXPECT_NE(uri_problem("100%.json"), "");
  EXPECT_EQ(uri_problem("my%20agent.json"), "");
  EXPECT_TRUE(has_scheme("a:b.json"));
  EXPECT_FALSE(has_scheme("a%3Ab.json"));
  EXPECT_FALSE(has_scheme("dir/a:b.json"));
}

TEST(SarifWriter, EveryCorpusFileGivesAValidLog) {
  SKIP_WITHOUT_SHARED_DIR();
  std::size_t files = 0;
  for (const char* folder : {"corpus/agents", "corpus/workflows"}) {
    for (const FileReport& report : lint_folder(shared_dir() / folder)) {
      SCOPED_TRACE(report.path);
      const rapidjson::Document document = valid_sarif({report});
      ++files;
      if (document.HasParseError()) continue;
      EXPECT_EQ(document["runs"][0]["results"].Size(),
                report.diagnostics.size() + report.suppressed.size());
    }
  }
  EXPECT_GT(files, 10U);
}

TEST(SarifWriter, TheExamplesGiveAValidLog) {
  SKIP_WITHOUT_SHARED_DIR();
  const std::vector<FileReport> reports = lint_folder(fs::path(SNAPLINT_SOURCE_DIR) / "examples");
  ASSERT_GE(reports.size(), 3U);
  const rapidjson::Document document = valid_sarif(reports);
  ASSERT_FALSE(document.HasParseError());
  std::size_t findings = 0;
  for (const FileReport& report : reports) findings += report.diagnostics.size();
  EXPECT_GT(findings, 40U);
  EXPECT_EQ(document["runs"][0]["results"].Size(), findings);
}

TEST(SarifWriter, SuppressionsFailuresRelatedLocationsAndOddPathsGiveAValidLog) {
  SKIP_WITHOUT_SHARED_DIR();
  const rapidjson::Document document = valid_sarif(assorted_reports());
  ASSERT_FALSE(document.HasParseError());
  EXPECT_EQ(document["runs"][0]["results"].Size(), 7U);
}

TEST(SarifWriter, DescribesTheToolAndEveryRuleOfTheRegistry) {
  const rapidjson::Document document = parse_json(sarif_of({}));
  EXPECT_STREQ(document["version"].GetString(), "2.1.0");
  ASSERT_EQ(document["runs"].Size(), 1U);
  const rapidjson::Value& run = document["runs"][0];
  EXPECT_STREQ(run["columnKind"].GetString(), "unicodeCodePoints");
  const rapidjson::Value& driver = run["tool"]["driver"];
  EXPECT_STREQ(driver["name"].GetString(), "snaplint");
  EXPECT_STREQ(driver["version"].GetString(), version_string);
  EXPECT_STREQ(driver["informationUri"].GetString(), "https://github.com/kapso/snaplint");

  const std::vector<RuleInfo>& infos = rules::default_registry().infos();
  ASSERT_EQ(driver["rules"].Size(), infos.size());
  for (std::size_t i = 0; i < infos.size(); ++i) {
    const rapidjson::Value& rule = driver["rules"][static_cast<rapidjson::SizeType>(i)];
    const std::string name(infos[i].name);
    SCOPED_TRACE(name);
    EXPECT_EQ(rule["id"].GetString(), name);
    EXPECT_EQ(rule["shortDescription"]["text"].GetString(), infos[i].summary);
    const std::string page(rules::rule_documentation(name));
    ASSERT_FALSE(page.empty());
    EXPECT_EQ(rule["help"]["markdown"].GetString(), page);
    EXPECT_EQ(rule["help"]["text"].GetString(), page);
    EXPECT_EQ(rule["helpUri"].GetString(),
              "https://github.com/kapso/snaplint/blob/main/docs/rules/" + name + ".md");
    const char* level = infos[i].default_severity == Severity::error     ? "error"
                        : infos[i].default_severity == Severity::warning ? "warning"
                                                                         : "note";
    EXPECT_STREQ(rule["defaultConfiguration"]["level"].GetString(), level);
    ASSERT_EQ(rule["properties"]["tags"].Size(), 1U);
    EXPECT_EQ(rule["properties"]["tags"][0].GetString(), infos[i].category);
  }
}

TEST(SarifWriter, ARuleWithoutAPageHasNoHelp) {
  std::ostringstream out;
  write_sarif(out, {}, rules::default_registry(), nullptr, {});
  const rapidjson::Document document = parse_json(out.str());
  const rapidjson::Value& rule = document["runs"][0]["tool"]["driver"]["rules"][0];
  EXPECT_FALSE(rule.HasMember("help"));
  EXPECT_FALSE(rule.HasMember("helpUri"));
  EXPECT_TRUE(rule.HasMember("shortDescription"));
}

TEST(SarifWriter, WritesEachFindingWithItsRuleLevelMessageAndLocations) {
  const rapidjson::Document document = parse_json(sarif_of(assorted_reports()));
  const rapidjson::Value& run = document["runs"][0];
  const rapidjson::Value* dangling = result_for(run, "dangling-edge");
  ASSERT_NE(dangling, nullptr);
  const rapidjson::Value& rule = run["tool"]["driver"]["rules"][(*dangling)["ruleIndex"].GetUint()];
  EXPECT_STREQ(rule["id"].GetString(), "dangling-edge");
  EXPECT_STREQ((*dangling)["level"].GetString(), "error");
  EXPECT_STREQ((*dangling)["message"]["text"].GetString(),
               "edge 'e4' targets unknown node 'refund'\nhelp: did you mean 'refunds'?");
  const rapidjson::Value& location = (*dangling)["locations"][0];
  const rapidjson::Value& artifact = location["physicalLocation"]["artifactLocation"];
  EXPECT_STREQ(artifact["uri"].GetString(), "agents/my%20agent%20%C3%BCn%C3%AF%E2%98%83.json");
  EXPECT_STREQ(artifact["uriBaseId"].GetString(), "%SRCROOT%");
  const rapidjson::Value& region = location["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"].GetUint(), 12U);
  EXPECT_EQ(region["startColumn"].GetUint(), 45U);
  EXPECT_EQ(region["endLine"].GetUint(), 12U);
  EXPECT_EQ(region["endColumn"].GetUint(), 53U);
  EXPECT_STREQ(location["logicalLocations"][0]["fullyQualifiedName"].GetString(),
               "/graph/edges/3/to");
  EXPECT_STREQ(location["logicalLocations"][0]["kind"].GetString(), "value");
  EXPECT_FALSE(dangling->HasMember("suppressions"));
  EXPECT_FALSE(dangling->HasMember("relatedLocations"));

  const rapidjson::Value* cycle = result_for(run, "trap-cycle");
  ASSERT_NE(cycle, nullptr);
  EXPECT_STREQ((*cycle)["level"].GetString(), "warning");
  EXPECT_STREQ((*cycle)["message"]["text"].GetString(),
               "'loop_a' -> 'loop_b' -> 'loop_a' never reaches an end");
  const rapidjson::Value& related = (*cycle)["relatedLocations"];
  ASSERT_EQ(related.Size(), 2U);
  EXPECT_EQ(related[0]["id"].GetInt(), 1);
  EXPECT_EQ(related[1]["id"].GetInt(), 2);
  EXPECT_STREQ(related[1]["message"]["text"].GetString(), "'loop_b'");
  EXPECT_EQ(related[1]["physicalLocation"]["region"]["startLine"].GetUint(), 11U);
  EXPECT_EQ(related[1]["physicalLocation"]["region"]["endColumn"].GetUint(), 60U);
  EXPECT_STREQ(related[1]["logicalLocations"][0]["fullyQualifiedName"].GetString(),
               "/graph/nodes/4");

  const rapidjson::Value* unused = result_for(run, "unused-tool");
  ASSERT_NE(unused, nullptr);
  EXPECT_STREQ((*unused)["level"].GetString(), "note");

  // An absolute path is a file: URI of its own; the root pointer is no logical location.
  const rapidjson::Value* invalid = result_for(run, "invalid-json");
  ASSERT_NE(invalid, nullptr);
  const rapidjson::Value& absolute = (*invalid)["locations"][0];
  EXPECT_STREQ(absolute["physicalLocation"]["artifactLocation"]["uri"].GetString(),
               "file:///srv/snapshots/other.json");
  EXPECT_FALSE(absolute["physicalLocation"]["artifactLocation"].HasMember("uriBaseId"));
  EXPECT_FALSE(absolute.HasMember("logicalLocations"));
}

TEST(SarifWriter, EncodesPathsAsRelativeUriReferences) {
  std::vector<FileReport> reports(1);
  reports[0].path = "a:b/100%,#x?.json";
  reports[0].diagnostics = {
      make_diagnostic("self-loop", Severity::warning, "m", range(1, 1, 1, 2))};
  const rapidjson::Document document = parse_json(sarif_of(reports));
  EXPECT_STREQ(document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                       ["artifactLocation"]["uri"]
                           .GetString(),
               "a%3Ab/100%25%2C%23x%3F.json");
  EXPECT_EQ(uri_problems(document), "");
}

TEST(SarifWriter, CountsColumnsInCodePoints) {
  // Three non-ASCII characters (2, 3 and 4 bytes in UTF-8) before the dangling target.
  const std::string line = R"(    {"id": "é€😀", "from": "s", "to": "nope"})";
  const FileReport report = lint_text(R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [
)" + line + R"(
  ]
}})",
                                      {"dangling-edge"});
  const std::size_t byte = line.find(R"("nope")");
  const std::uint32_t column = count_code_points(std::string_view(line).substr(0, byte)) + 1;
  ASSERT_LT(column, byte + 1);  // the test means something only if bytes and code points differ

  const rapidjson::Document document = parse_json(sarif_of({report}));
  const rapidjson::Value* result = result_for(document["runs"][0], "dangling-edge");
  ASSERT_NE(result, nullptr);
  const rapidjson::Value& region = (*result)["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"].GetUint(), 7U);
  EXPECT_EQ(region["startColumn"].GetUint(), column);
  EXPECT_EQ(region["endColumn"].GetUint(), column + 6);
}

std::string dangling_fingerprint(const std::string& json) {
  const FileReport report = lint_text(json, {"dangling-edge"}, "agent.json");
  const rapidjson::Document document = parse_json(sarif_of({report}));
  const rapidjson::Value* result = result_for(document["runs"][0], "dangling-edge");
  if (!result) return "no result";
  EXPECT_EQ((*result)["partialFingerprints"]["snaplint/v1"].GetString(),
            fingerprint("agent.json", report.diagnostics.at(0)));
  return std::string((*result)["partialFingerprints"]["snaplint/v1"].GetString()) + " at line " +
         std::to_string(
             (*result)["locations"][0]["physicalLocation"]["region"]["startLine"].GetUint());
}

TEST(SarifWriter, FingerprintsSurviveReindentingAndReordering) {
  const std::string original = dangling_fingerprint(R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "hi"},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [
    {"id": "e1", "from": "s", "to": "a"},
    {"id": "e2", "from": "a", "to": "nope"}
  ]
}})");
  const std::string edited = dangling_fingerprint(R"({
    "graph": {
        "edges": [
            {"id": "e2", "from": "a", "to": "nope"},
            {"id": "e1", "from": "s", "to": "a"}
        ],
        "nodes": [
            {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""},
            {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "hi"},
            {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""}
        ]
    }
})");
  const std::string other_target = dangling_fingerprint(R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "hi"},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [
    {"id": "e1", "from": "s", "to": "a"},
    {"id": "e2", "from": "a", "to": "elsewhere"}
  ]
}})");
  EXPECT_EQ(original.substr(0, 16), edited.substr(0, 16));
  EXPECT_NE(original, edited);  // the finding did move
  EXPECT_NE(original.substr(0, 16), other_target.substr(0, 16));
}

TEST(SarifWriter, SuppressedFindingsAreResultsWithTheirSuppression) {
  const rapidjson::Document document = parse_json(sarif_of(assorted_reports()));
  const rapidjson::Value& run = document["runs"][0];
  const rapidjson::Value* metadata = result_for(run, "self-loop");
  ASSERT_NE(metadata, nullptr);
  ASSERT_EQ((*metadata)["suppressions"].Size(), 1U);
  EXPECT_STREQ((*metadata)["suppressions"][0]["kind"].GetString(), "inSource");
  EXPECT_STREQ((*metadata)["suppressions"][0]["status"].GetString(), "accepted");
  EXPECT_STREQ((*metadata)["suppressions"][0]["justification"].GetString(), "retries on purpose");
  const rapidjson::Value* baseline = result_for(run, "empty-prompt");
  ASSERT_NE(baseline, nullptr);
  ASSERT_EQ((*baseline)["suppressions"].Size(), 1U);
  EXPECT_STREQ((*baseline)["suppressions"][0]["kind"].GetString(), "external");
  EXPECT_FALSE((*baseline)["suppressions"][0].HasMember("justification"));
  EXPECT_STREQ((*baseline)["level"].GetString(), "error");

  // In position order with the file's other findings: line 7, 8 (baselined), 9, 12, 15, 20.
  std::vector<std::string> order;
  for (const auto& result : run["results"].GetArray())
    order.push_back(result["ruleId"].GetString());
  EXPECT_EQ(order, (std::vector<std::string>{"duplicate-node-id", "empty-prompt", "trap-cycle",
                                             "dangling-edge", "self-loop", "unused-tool",
                                             "invalid-json"}));
}

TEST(SarifWriter, FilesThatCouldNotBeLintedAreToolNotifications) {
  const rapidjson::Document document = parse_json(sarif_of(assorted_reports()));
  const rapidjson::Value& invocation = document["runs"][0]["invocations"][0];
  EXPECT_FALSE(invocation["executionSuccessful"].GetBool());
  ASSERT_EQ(invocation["toolExecutionNotifications"].Size(), 1U);
  const rapidjson::Value& notification = invocation["toolExecutionNotifications"][0];
  EXPECT_STREQ(notification["level"].GetString(), "error");
  EXPECT_STREQ(notification["message"]["text"].GetString(),
               "cannot lint gone.json: No such file or directory");
  EXPECT_STREQ(
      notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].GetString(),
      "gone.json");

  std::vector<FileReport> fine = assorted_reports();
  fine.erase(fine.begin() + 2);
  const rapidjson::Document clean = parse_json(sarif_of(fine));
  const rapidjson::Value& clean_invocation = clean["runs"][0]["invocations"][0];
  EXPECT_TRUE(clean_invocation["executionSuccessful"].GetBool());
  EXPECT_FALSE(clean_invocation.HasMember("toolExecutionNotifications"));
}

TEST(SarifWriter, OutputIsDeterministicPrettyAndEndsWithANewline) {
  const std::string first = sarif_of(assorted_reports());
  EXPECT_EQ(first, sarif_of(assorted_reports()));
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first.back(), '\n');
  EXPECT_NE(first.find("\n  \"version\": \"2.1.0\""), std::string::npos);
}

TEST(SarifWriter, ReplacesIllFormedUtf8) {
  std::vector<FileReport> reports(1);
  reports[0].path = "a.json";
  reports[0].diagnostics = {make_diagnostic("self-loop", Severity::warning,
                                            "bad \xff byte and \xe2\x82 cut", range(1, 1, 1, 2))};
  const std::string text = sarif_of(reports);
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  ASSERT_FALSE(document.HasParseError());
  EXPECT_STREQ(document["runs"][0]["results"][0]["message"]["text"].GetString(),
               "bad \xef\xbf\xbd byte and \xef\xbf\xbd cut");
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions

TEST(GithubWriter, WritesOneAnnotationPerFinding) {
  EXPECT_EQ(github_of(assorted_reports()),
            "::error file=agents/my agent ünï☃.json,line=7,col=13,endLine=7,endColumn=15,"
            "title=snaplint duplicate-node-id::node id 'a' is already used by node 'first'\n"
            "::warning file=agents/my agent ünï☃.json,line=9,endLine=10,"
            "title=snaplint trap-cycle::'loop_a' -> 'loop_b' -> 'loop_a' never reaches an end\n"
            "::error file=agents/my agent ünï☃.json,line=12,col=45,endLine=12,endColumn=52,"
            "title=snaplint dangling-edge::edge 'e4' targets unknown node 'refund'%0A"
            "help: did you mean 'refunds'?\n"
            "::notice file=agents/my agent ünï☃.json,line=20,col=7,endLine=20,endColumn=29,"
            "title=snaplint unused-tool::tool 'lookup' is never used\n"
            "::error file=/srv/snapshots/other.json,line=3,col=1,endLine=3,endColumn=1,"
            "title=snaplint invalid-json::missing a comma or '}' after an object member\n"
            "::error file=gone.json::cannot lint: No such file or directory\n");
}

TEST(GithubWriter, EscapesMessagesAndProperties) {
  std::vector<FileReport> reports(1);
  reports[0].path = "dir,1/a:b%\n.json";
  reports[0].diagnostics = {make_diagnostic("self-loop", Severity::warning,
                                            "100% sure: a, b\r\nc::d", range(2, 3, 2, 5))};
  reports[0].failure = "bad: 50%\nread";
  EXPECT_EQ(github_of(reports),
            "::error file=dir%2C1/a%3Ab%25%0A.json::cannot lint: bad: 50%25%0Aread\n"
            "::warning file=dir%2C1/a%3Ab%25%0A.json,line=2,col=3,endLine=2,endColumn=4,"
            "title=snaplint self-loop::100%25 sure: a, b%0D%0Ac::d\n");
}

TEST(GithubWriter, QuietKeepsOnlyErrors) {
  ReportOptions quiet;
  quiet.quiet = true;
  EXPECT_EQ(github_of(assorted_reports(), quiet),
            "::error file=agents/my agent ünï☃.json,line=7,col=13,endLine=7,endColumn=15,"
            "title=snaplint duplicate-node-id::node id 'a' is already used by node 'first'\n"
            "::error file=agents/my agent ünï☃.json,line=12,col=45,endLine=12,endColumn=52,"
            "title=snaplint dangling-edge::edge 'e4' targets unknown node 'refund'%0A"
            "help: did you mean 'refunds'?\n"
            "::error file=/srv/snapshots/other.json,line=3,col=1,endLine=3,endColumn=1,"
            "title=snaplint invalid-json::missing a comma or '}' after an object member\n"
            "::error file=gone.json::cannot lint: No such file or directory\n");
}

TEST(GithubWriter, NeverAnnotatesSuppressedFindings) {
  ReportOptions show;
  show.show_suppressed = true;
  const std::string out = github_of(assorted_reports(), show);
  EXPECT_EQ(out, github_of(assorted_reports()));
  EXPECT_EQ(out.find("self-loop"), std::string::npos);
  EXPECT_EQ(out.find("empty-prompt"), std::string::npos);
}

TEST(GithubWriter, WritesNothingForACleanRun) {
  std::vector<FileReport> reports(1);
  reports[0].path = "clean.json";
  EXPECT_EQ(github_of(reports), "");
}

// ---------------------------------------------------------------------------------------------
// JUnit

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
  std::vector<std::unique_ptr<XmlElement>> children;
  XmlElement* parent = nullptr;

  std::vector<const XmlElement*> all(std::string_view child_name) const {
    std::vector<const XmlElement*> found;
    for (const auto& child : children) {
      if (child->name == child_name) found.push_back(child.get());
    }
    return found;
  }
  const XmlElement* first(std::string_view child_name) const {
    const auto found = all(child_name);
    return found.empty() ? nullptr : found.front();
  }
  std::string attribute(const std::string& key) const {
    const auto found = attributes.find(key);
    return found == attributes.end() ? "<absent>" : found->second;
  }
};

struct XmlParse {
  std::unique_ptr<XmlElement> root;
  std::string error;  // empty when the document is well-formed
};

// Parses with expat, which rejects anything that is not well-formed XML 1.0.
XmlParse parse_xml(const std::string& text) {
  struct State {
    std::unique_ptr<XmlElement> root;
    XmlElement* current = nullptr;
  } state;
  XML_Parser parser = XML_ParserCreate(nullptr);
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto& s = *static_cast<State*>(data);
        auto element = std::make_unique<XmlElement>();
        element->name = name;
        for (int i = 0; attributes[i]; i += 2)
          element->attributes[attributes[i]] = attributes[i + 1];
        element->parent = s.current;
        XmlElement* raw = element.get();
        if (s.current) {
          s.current->children.push_back(std::move(element));
        } else {
          s.root = std::move(element);
        }
        s.current = raw;
      },
      [](void* data, const XML_Char*) {
        auto& s = *static_cast<State*>(data);
        s.current = s.current->parent;
      });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
    auto& s = *static_cast<State*>(data);
    if (s.current) s.current->text.append(text, static_cast<std::size_t>(length));
  });
  XmlParse result;
  if (XML_Parse(parser, text.data(), static_cast<int>(text.size()), XML_TRUE) == XML_STATUS_ERROR) {
    result.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                   std::to_string(XML_GetCurrentLineNumber(parser));
  }
  XML_ParserFree(parser);
  result.root = std::move(state.root);
  return result;
}

XmlParse valid_junit(const std::vector<FileReport>& reports, const ReportOptions& options = {}) {
  XmlParse parsed = parse_xml(junit_of(reports, options));
  EXPECT_EQ(parsed.error, "");
  return parsed;
}

// "classname/name" of every test case, in document order.
std::vector<std::string> test_case_names(const XmlElement& root) {
  std::vector<std::string> names;
  for (const XmlElement* suite : root.all("testsuite")) {
    for (const XmlElement* test : suite->all("testcase")) {
      names.push_back(test->attribute("classname") + "/" + test->attribute("name"));
    }
  }
  return names;
}

TEST(JunitWriter, ParserRejectsMalformedXml) {
  // The checks below are worth something only if the parser fails bad documents.
  EXPECT_NE(parse_xml("<a>\x01</a>").error, "");
  EXPECT_NE(parse_xml("<a b=\"<\"/>").error, "");
  EXPECT_NE(parse_xml("<a>&</a>").error, "");
  EXPECT_EQ(parse_xml("<a>&amp;</a>").error, "");
}

TEST(JunitWriter, EveryCorpusFileAndExampleGivesWellFormedXml) {
  std::vector<FileReport> reports = lint_folder(fs::path(SNAPLINT_SOURCE_DIR) / "examples");
  if (!shared_dir().empty()) {
    for (const char* folder : {"corpus/agents", "corpus/workflows"}) {
      for (FileReport& report : lint_folder(shared_dir() / folder)) {
        reports.push_back(std::move(report));
      }
    }
  }
  const XmlParse parsed = valid_junit(reports);
  ASSERT_TRUE(parsed.root);
  EXPECT_EQ(parsed.root->all("testsuite").size(), reports.size());
}

TEST(JunitWriter, OneSuitePerFileAndOneCasePerFileAndRule) {
  const XmlParse parsed = valid_junit(assorted_reports());
  ASSERT_TRUE(parsed.root);
  const XmlElement& root = *parsed.root;
  EXPECT_EQ(root.name, "testsuites");
  EXPECT_EQ(root.attribute("name"), "snaplint");
  EXPECT_EQ(
      test_case_names(root),
      (std::vector<std::string>{
          "agents/my agent ünï☃.json/dangling-edge", "agents/my agent ünï☃.json/duplicate-node-id",
          "agents/my agent ünï☃.json/trap-cycle", "agents/my agent ünï☃.json/unused-tool",
          "/srv/snapshots/other.json/invalid-json", "gone.json/snaplint", "clean.json/snaplint"}));
  // Errors and warnings fail; the info and the clean file pass; the unreadable file is an error.
  EXPECT_EQ(root.attribute("tests"), "7");
  EXPECT_EQ(root.attribute("failures"), "4");
  EXPECT_EQ(root.attribute("errors"), "1");
  EXPECT_EQ(root.attribute("skipped"), "0");

  const auto suites = root.all("testsuite");
  ASSERT_EQ(suites.size(), 4U);
  EXPECT_EQ(suites[0]->attribute("name"), "agents/my agent ünï☃.json");
  EXPECT_EQ(suites[0]->attribute("tests"), "4");
  EXPECT_EQ(suites[0]->attribute("failures"), "3");
  EXPECT_EQ(suites[0]->attribute("errors"), "0");
  EXPECT_EQ(suites[2]->attribute("errors"), "1");
  EXPECT_EQ(suites[3]->attribute("tests"), "1");
  EXPECT_EQ(suites[3]->attribute("failures"), "0");

  const XmlElement* dangling = suites[0]->all("testcase")[0];
  const XmlElement* failure = dangling->first("failure");
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->attribute("type"), "dangling-edge");
  EXPECT_EQ(failure->attribute("message"), "edge 'e4' targets unknown node 'refund'");
  EXPECT_EQ(failure->text,
            "agents/my agent ünï☃.json:12:45: error: edge 'e4' targets unknown node 'refund'\n"
            "    help: did you mean 'refunds'?\n");

  const XmlElement* info = suites[0]->all("testcase")[3];
  EXPECT_EQ(info->first("failure"), nullptr);
  ASSERT_NE(info->first("system-out"), nullptr);
  EXPECT_EQ(info->first("system-out")->text,
            "agents/my agent ünï☃.json:20:7: info: tool 'lookup' is never used\n");

  const XmlElement* unreadable = suites[2]->all("testcase")[0];
  ASSERT_NE(unreadable->first("error"), nullptr);
  EXPECT_EQ(unreadable->first("error")->attribute("message"),
            "cannot lint: No such file or directory");
  EXPECT_EQ(suites[3]->all("testcase")[0]->children.size(), 0U);
}

TEST(JunitWriter, OneFailureListsEveryFindingOfTheRuleInTheFile) {
  std::vector<FileReport> reports(1);
  reports[0].path = "a.json";
  reports[0].diagnostics = {
      make_diagnostic("dangling-edge", Severity::error, "first", range(2, 3, 2, 5)),
      make_diagnostic("self-loop", Severity::warning, "loop", range(3, 1, 3, 5)),
      make_diagnostic("dangling-edge", Severity::error, "second", range(4, 3, 4, 5))};
  const XmlParse parsed = valid_junit(reports);
  ASSERT_TRUE(parsed.root);
  EXPECT_EQ(test_case_names(*parsed.root),
            (std::vector<std::string>{"a.json/dangling-edge", "a.json/self-loop"}));
  const XmlElement* test = parsed.root->first("testsuite")->first("testcase");
  ASSERT_EQ(test->all("failure").size(), 1U);
  EXPECT_EQ(test->first("failure")->attribute("message"), "first (and 1 more)");
  EXPECT_EQ(test->first("failure")->text, "a.json:2:3: error: first\na.json:4:3: error: second\n");
  EXPECT_EQ(parsed.root->attribute("tests"), "2");
  EXPECT_EQ(parsed.root->attribute("failures"), "2");
}

TEST(JunitWriter, EscapesMarkupAndReplacesCharactersXmlForbids) {
  std::vector<FileReport> reports(1);
  reports[0].path = "a&b <\"c\">.json";
  reports[0].diagnostics = {make_diagnostic(
      "self-loop", Severity::error,
      "quote \" apostrophe ' <tag> & amp\x01\x1b\ttab\nline\rcr \xff bad ]]>", range(1, 1, 1, 2))};
  const std::string xml = junit_of(reports);
  const XmlParse parsed = valid_junit(reports);
  ASSERT_TRUE(parsed.root);
  const XmlElement* suite = parsed.root->first("testsuite");
  EXPECT_EQ(suite->attribute("name"), "a&b <\"c\">.json");
  const XmlElement* failure = suite->first("testcase")->first("failure");
  ASSERT_NE(failure, nullptr);
  // Tab and line breaks survive in the attribute (written as references); controls and the
  // ill-formed byte become U+FFFD.
  EXPECT_EQ(failure->attribute("message"),
            "quote \" apostrophe ' <tag> & amp\xef\xbf\xbd\xef\xbf\xbd\ttab\nline\rcr "
            "\xef\xbf\xbd bad ]]>");
  EXPECT_EQ(failure->text,
            "a&b <\"c\">.json:1:1: error: quote \" apostrophe ' <tag> & amp\xef\xbf\xbd\xef\xbf\xbd"
            "\ttab\nline\rcr \xef\xbf\xbd bad ]]>\n");
  // Apostrophes and, outside attributes, double quotes stay as they are, for readable files.
  EXPECT_NE(
      xml.find(">a&amp;b &lt;\"c\"&gt;.json:1:1: error: quote \" apostrophe ' &lt;tag&gt; &amp;"),
      std::string::npos);
  EXPECT_NE(xml.find("name=\"a&amp;b &lt;&quot;c&quot;&gt;.json\""), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x1b'), std::string::npos);
}

TEST(JunitWriter, SuppressedFindingsOnlyWhenAskedAndThenAsSkipped) {
  std::vector<FileReport> reports(1);
  reports[0].path = "a.json";
  Diagnostic silenced = make_diagnostic("self-loop", Severity::error, "loop", range(3, 1, 3, 5));
  silenced.suppression = Suppression{Suppression::Kind::metadata, "on purpose"};
  Diagnostic baselined =
      make_diagnostic("dangling-edge", Severity::error, "old", range(5, 1, 5, 5));
  baselined.suppression = Suppression{Suppression::Kind::baseline, ""};
  reports[0].diagnostics = {
      make_diagnostic("dangling-edge", Severity::error, "new", range(2, 1, 2, 5))};
  reports[0].suppressed = {silenced, baselined};

  const XmlParse hidden = valid_junit(reports);
  ASSERT_TRUE(hidden.root);
  EXPECT_EQ(test_case_names(*hidden.root), std::vector<std::string>{"a.json/dangling-edge"});
  EXPECT_EQ(hidden.root->attribute("skipped"), "0");

  ReportOptions show;
  show.show_suppressed = true;
  const XmlParse shown = valid_junit(reports, show);
  ASSERT_TRUE(shown.root);
  EXPECT_EQ(test_case_names(*shown.root),
            (std::vector<std::string>{"a.json/dangling-edge", "a.json/self-loop"}));
  EXPECT_EQ(shown.root->attribute("tests"), "2");
  EXPECT_EQ(shown.root->attribute("failures"), "1");
  EXPECT_EQ(shown.root->attribute("skipped"), "1");
  const auto cases = shown.root->first("testsuite")->all("testcase");
  EXPECT_EQ(cases[0]->first("failure")->text, "a.json:2:1: error: new\n");
  EXPECT_EQ(cases[0]->first("skipped"), nullptr);
  EXPECT_EQ(cases[0]->first("system-out")->text, "a.json:5:1: error: old (in the baseline)\n");
  ASSERT_NE(cases[1]->first("skipped"), nullptr);
  EXPECT_EQ(cases[1]->first("skipped")->attribute("message"), "1 finding suppressed");
  EXPECT_EQ(cases[1]->first("failure"), nullptr);
  EXPECT_EQ(cases[1]->first("system-out")->text,
            "a.json:3:1: error: loop (suppressed: on purpose)\n");
}

TEST(JunitWriter, OutputIsDeterministic) {
  EXPECT_EQ(junit_of(assorted_reports()), junit_of(assorted_reports()));
  const std::string xml = junit_of({});
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"snaplint\" tests=\"0\" failures=\"0\" errors=\"0\" "
            "skipped=\"0\">\n</testsuites>\n");
}

}  // namespace
}  // namespace snaplint::test
