// Runs the snaplint executable as a user would and checks its output and exit codes.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define RAPIDJSON_HAS_STDSTRING 1
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli_support.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command in `dir`; stdout is captured, stderr discarded.
CliRun snaplint_shell(const std::string& shell_command, const fs::path& dir) {
  const std::string command = "cd " + shell_quote(dir.string()) + " && " + shell_command;
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  std::size_t count = 0;
  while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, count);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// Runs `snaplint ARGS` in `dir`, with `stdin_text` as its standard input.
CliRun snaplint(const std::string& args, const fs::path& dir = fs::current_path(),
                const std::string& stdin_text = "") {
  std::string command;
  if (!stdin_text.empty()) command += "printf '%s' " + shell_quote(stdin_text) + " | ";
  command += shell_quote(SNAPLINT_EXECUTABLE) + " " + args + " 2>/dev/null";
  return snaplint_shell(command, dir);
}

TEST(Cli, ExitsZeroOnACleanFileAndOneOnErrors) {
  TempDir dir;
  write_file(dir.path() / "clean.json", clean_graph);
  write_file(dir.path() / "broken.json", broken_graph);
  const CliRun clean = snaplint("check clean.json", dir.path());
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_EQ(clean.out, "No problems found in 1 file.\n");
  EXPECT_EQ(snaplint("check broken.json", dir.path()).exit_code, 1);
}

TEST(Cli, PrintsTheFindingWithACodeFrameAndHelp) {
  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  const CliRun run = snaplint("check broken.json", dir.path());
  const std::string expected =
      "broken.json:9:39: error: edge 'e5' targets unknown node 'n-8' [dangling-edge]\n"
      "  |\n"
      "9 |     {\"id\": \"e5\", \"from\": \"n-7\", \"to\": \"n-8\"},\n"
      "  |                                       ^^^^^\n"
      "  = help: did you mean 'n-7'?\n"
      "\n"
      "Found 1 error, 0 warnings and 0 infos in 1 file.\n";
  EXPECT_EQ(run.out, expected);
}

// Old Mac OS line ends (a lone "\r"): the same lines, columns and code frame as with "\n".
TEST(Cli, CarriageReturnLineEndsGiveTheSameReportAsLineFeeds) {
  TempDir dir;
  std::string cr_only = broken_graph;
  std::replace(cr_only.begin(), cr_only.end(), '\n', '\r');
  write_file(dir.path() / "broken.json", cr_only);
  write_file(dir.path() / "unix.json", broken_graph);
  const CliRun cr = snaplint("check broken.json", dir.path());
  EXPECT_EQ(cr.exit_code, 1);
  EXPECT_EQ(cr.out.rfind("broken.json:9:39: error: edge 'e5' targets unknown node 'n-8'", 0), 0u)
      << cr.out;
  EXPECT_NE(cr.out.find("\n9 |     {\"id\": \"e5\", \"from\": \"n-7\", \"to\": \"n-8\"},\n"),
            std::string::npos)
      << cr.out;
  std::string unix_out = snaplint("check unix.json", dir.path()).out;
  unix_out.replace(0, 4, "broken");  // "unix.json" -> "broken.json"
  EXPECT_EQ(cr.out, unix_out);
}

TEST(Cli, UsesColourOnlyWhenAskedOrOnATerminal) {
  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  // Captured output is not a terminal.
  EXPECT_EQ(snaplint("check broken.json", dir.path()).out.find('\x1b'), std::string::npos);
  EXPECT_NE(snaplint("check --color always broken.json", dir.path()).out.find("\x1b[1;31m"),
            std::string::npos);
}

TEST(Cli, ColoursATerminalUnlessNoColorIsSet) {
  // script(1) gives snaplint a pseudo-terminal for its output.
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  const std::string inner = shell_quote(SNAPLINT_EXECUTABLE) + " check broken.json";
  const CliRun on_tty = snaplint_shell(
      "script -qec " + shell_quote("unset NO_COLOR; " + inner) + " /dev/null", dir.path());
  EXPECT_NE(on_tty.out.find("\x1b[1;31m"), std::string::npos) << on_tty.out;
  const CliRun no_color =
      snaplint_shell("NO_COLOR=1 script -qec " + shell_quote(inner) + " /dev/null", dir.path());
  EXPECT_NE(no_color.out.find("error"), std::string::npos) << no_color.out;
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos) << no_color.out;
}

TEST(Cli, JsonOutputHasTheDocumentedShape) {
  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  const CliRun run = snaplint("check --format json broken.json", dir.path());
  EXPECT_EQ(run.exit_code, 1);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  EXPECT_EQ(std::string(doc["tool"]["name"].GetString()), "snaplint");
  EXPECT_TRUE(doc["tool"]["version"].IsString());
  ASSERT_EQ(doc["files"].Size(), 1u);
  const auto& file = doc["files"][0];
  EXPECT_EQ(std::string(file["path"].GetString()), "broken.json");
  ASSERT_EQ(file["diagnostics"].Size(), 1u);
  const auto& d = file["diagnostics"][0];
  EXPECT_EQ(std::string(d["rule"].GetString()), "dangling-edge");
  EXPECT_EQ(std::string(d["severity"].GetString()), "error");
  EXPECT_EQ(std::string(d["message"].GetString()), "edge 'e5' targets unknown node 'n-8'");
  EXPECT_EQ(std::string(d["pointer"].GetString()), "/graph/edges/1/to");
  EXPECT_EQ(d["range"]["start"]["line"].GetInt(), 9);
  EXPECT_EQ(d["range"]["start"]["column"].GetInt(), 39);
  EXPECT_EQ(d["range"]["end"]["line"].GetInt(), 9);
  EXPECT_EQ(d["range"]["end"]["column"].GetInt(), 44);
  EXPECT_EQ(std::string(d["entity"]["kind"].GetString()), "edge");
  EXPECT_EQ(std::string(d["entity"]["id"].GetString()), "e5");
  EXPECT_TRUE(d["related"].IsArray());
  EXPECT_EQ(std::string(d["help"].GetString()), "did you mean 'n-7'?");
  EXPECT_EQ(doc["summary"]["files"].GetInt(), 1);
  EXPECT_EQ(doc["summary"]["errors"].GetInt(), 1);
  EXPECT_EQ(doc["summary"]["warnings"].GetInt(), 0);
  EXPECT_EQ(doc["summary"]["infos"].GetInt(), 0);
}

TEST(Cli, InvalidJsonHasAnEmptyPointerAndThePosition) {
  const CliRun run = snaplint("check --format json -", fs::current_path(), "{\n  \"a\": tru\n}");
  EXPECT_EQ(run.exit_code, 1);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  const auto& d = doc["files"][0]["diagnostics"][0];
  EXPECT_EQ(std::string(d["rule"].GetString()), "invalid-json");
  EXPECT_EQ(std::string(d["pointer"].GetString()), "");
  EXPECT_EQ(d["range"]["start"]["line"].GetInt(), 2);
  EXPECT_EQ(std::string(doc["files"][0]["path"].GetString()), "<stdin>");
}

TEST(Cli, ReadsStandardInput) {
  EXPECT_EQ(snaplint("check -", fs::current_path(), clean_graph).exit_code, 0);
  const CliRun run = snaplint("check -", fs::current_path(), broken_graph);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("<stdin>:9:39: error:", 0), 0u) << run.out;
}

TEST(Cli, SearchesDirectoriesForJsonFilesInSortedOrder) {
  TempDir dir;
  fs::create_directories(dir.path() / "agents" / "nested");
  fs::create_directories(dir.path() / "agents" / ".hidden");
  write_file(dir.path() / "agents" / "b.json", broken_graph);
  write_file(dir.path() / "agents" / "a.json", broken_graph);
  write_file(dir.path() / "agents" / "nested" / "c.json", broken_graph);
  write_file(dir.path() / "agents" / ".hidden" / "d.json", broken_graph);
  write_file(dir.path() / "agents" / ".snaplint.json", "{}");
  write_file(dir.path() / "agents" / ".snaplint-baseline.json", "{}");
  write_file(dir.path() / "agents" / "notes.txt", "not json");
  const CliRun run = snaplint("check --format json agents", dir.path());
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  std::vector<std::string> paths;
  for (const auto& file : doc["files"].GetArray()) paths.emplace_back(file["path"].GetString());
  EXPECT_EQ(paths,
            (std::vector<std::string>{"agents/a.json", "agents/b.json", "agents/nested/c.json"}));
}

TEST(Cli, LintsTheCurrentDirectoryWhenNoPathIsGiven) {
  TempDir dir;
  write_file(dir.path() / "x.json", broken_graph);
  const CliRun run = snaplint("check", dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("x.json:9:39:", 0), 0u) << run.out;
}

TEST(Cli, KeepsGoingPastFilesItCannotReadAndExitsTwo) {
  TempDir dir;
  write_file(dir.path() / "a.json", clean_graph);
  fs::create_symlink(dir.path() / "gone.json", dir.path() / "b.json");  // dangling link
  write_file(dir.path() / "c.json", broken_graph);
  const CliRun run = snaplint("check --format json .", dir.path());
  EXPECT_EQ(run.exit_code, 2);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  ASSERT_EQ(doc["files"].Size(), 3u);
  EXPECT_TRUE(doc["files"][1].HasMember("failure"));
  EXPECT_EQ(doc["files"][2]["diagnostics"].Size(), 1u) << "the file after it is still linted";
  EXPECT_EQ(doc["summary"]["failures"].GetInt(), 1);

  EXPECT_EQ(snaplint("check missing.json a.json", dir.path()).exit_code, 2);
}

TEST(Cli, RefusesAFifoWithoutWaitingForAWriter) {
  TempDir dir;
  write_file(dir.path() / "a.json", clean_graph);
  ASSERT_EQ(mkfifo((dir.path() / "b.json").c_str(), 0600), 0);
  write_file(dir.path() / "c.json", broken_graph);
  const CliRun run = snaplint("check --format json a.json b.json c.json", dir.path());
  EXPECT_EQ(run.exit_code, 2);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  EXPECT_EQ(std::string(doc["files"][1]["failure"].GetString()), "cannot read: not a regular file");
  EXPECT_EQ(doc["files"][2]["diagnostics"].Size(), 1u);
}

TEST(Cli, ReportsAFileWithoutReadPermission) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  TempDir dir;
  write_file(dir.path() / "locked.json", clean_graph);
  fs::permissions(dir.path() / "locked.json", fs::perms::none);
  EXPECT_EQ(snaplint("check locked.json", dir.path()).exit_code, 2);
}

TEST(Cli, SelectAndIgnoreTakeRulesAndCategories) {
  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  EXPECT_EQ(snaplint("check --ignore dangling-edge broken.json", dir.path()).exit_code, 0);
  EXPECT_EQ(snaplint("check --ignore edges broken.json", dir.path()).exit_code, 0);
  EXPECT_EQ(snaplint("check --select schema,identity broken.json", dir.path()).exit_code, 0);
  EXPECT_EQ(snaplint("check --select edges broken.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check --select schema --select edges broken.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check --select=schema,dangling-edge broken.json", dir.path()).exit_code, 1);
  EXPECT_EQ(snaplint("check --select no-such-rule broken.json", dir.path()).exit_code, 2);
}

TEST(Cli, RejectsBadRuleOptions) {
  TempDir dir;
  write_file(dir.path() / "clean.json", clean_graph);
  EXPECT_EQ(snaplint("check --rule-option nonsense clean.json", dir.path()).exit_code, 2);
  EXPECT_EQ(snaplint("check --rule-option no-such-rule.x=1 clean.json", dir.path()).exit_code, 2);
  EXPECT_EQ(snaplint("check --rule-option dangling-edge.nope=1 clean.json", dir.path()).exit_code,
            2);
}

TEST(Cli, ExplainPrintsTheRulePage) {
  const CliRun run = snaplint("explain dangling-edge");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, read_file(fs::path(SNAPLINT_SOURCE_DIR) / "docs/rules/dangling-edge.md"));
}

TEST(Cli, RuleOptionsAreListedAndSettable) {
  const CliRun rules_run = snaplint("rules --format json");
  rapidjson::Document doc;
  doc.Parse(rules_run.out.c_str());
  ASSERT_FALSE(doc.HasParseError());
  bool found = false;
  for (const auto& rule : doc["rules"].GetArray()) {
    if (std::string(rule["name"].GetString()) != "global-condition-overlap") continue;
    ASSERT_EQ(rule["options"].Size(), 1u);
    EXPECT_EQ(std::string(rule["options"][0]["name"].GetString()), "threshold");
    EXPECT_DOUBLE_EQ(rule["options"][0]["default"].GetDouble(), 0.75);
    found = true;
  }
  EXPECT_TRUE(found);

  const fs::path fixture =
      fs::path(SNAPLINT_TEST_DIR) / "rules/global-condition-overlap/ok_below_threshold.json";
  const std::string args =
      "check --select global-condition-overlap --format json " + shell_quote(fixture.string());
  auto count = [](const CliRun& run) {
    rapidjson::Document report;
    report.Parse(run.out.c_str());
    return report.HasParseError() ? -1 : report["summary"]["warnings"].GetInt();
  };
  EXPECT_EQ(count(snaplint(args)), 0);
  EXPECT_EQ(count(snaplint(args + " --rule-option global-condition-overlap.threshold=0.5")), 2);
}

TEST(Cli, ExplainRejectsAnUnknownRule) {
  const CliRun run = snaplint("explain dangling-edg");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(snaplint("").exit_code, 2);
  EXPECT_EQ(snaplint("check --format yaml x.json").exit_code, 2);
  EXPECT_EQ(snaplint("frobnicate").exit_code, 2);
}

TEST(Cli, PrintsVersionAndHelp) {
  const CliRun version = snaplint("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("snaplint 0.", 0), 0u) << version.out;
  const CliRun help = snaplint("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("check"), std::string::npos);
}

TEST(Cli, ExplainsTooManyDiagnosticsAndRefusesToIgnoreIt) {
  const CliRun explain = snaplint("explain too-many-diagnostics");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_EQ(explain.out.rfind("# too-many-diagnostics\n", 0), 0u) << explain.out;
  EXPECT_NE(snaplint("rules").out.find("\ntoo-many-diagnostics "), std::string::npos);

  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  const ProcessResult ignored =
      run_snaplint("check --ignore too-many-diagnostics broken.json", dir.path());
  EXPECT_EQ(ignored.exit_code, 2);
  EXPECT_NE(ignored.err.find("--ignore: 'too-many-diagnostics' cannot be ignored"),
            std::string::npos)
      << ignored.err;

  // Two dangling edges, one shown: a selection without the summary still shows it, since the
  // finding it stands for is the selected rule's and fails the run.
  std::string two = broken_graph;
  two.replace(two.find("\"to\": \"e\"}"), 10, "\"to\": \"n-9\"}");
  write_file(dir.path() / "two.json", two);
  const CliRun limited =
      snaplint("check --select dangling-edge --max-diagnostics 1 two.json", dir.path());
  EXPECT_EQ(limited.exit_code, 1);
  EXPECT_NE(limited.out.find("error: 1 more finding"), std::string::npos) << limited.out;
  EXPECT_NE(limited.out.find("[too-many-diagnostics]"), std::string::npos) << limited.out;
}

TEST(Cli, ListsEveryRegisteredRule) {
  const CliRun run = snaplint("rules --format json");
  EXPECT_EQ(run.exit_code, 0);
  rapidjson::Document doc;
  doc.Parse(run.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << run.out;
  const auto& infos = rules::default_registry().infos();
  ASSERT_EQ(doc["rules"].Size(), infos.size());
  for (std::size_t i = 0; i < infos.size(); ++i) {
    const auto& rule = doc["rules"][static_cast<rapidjson::SizeType>(i)];
    EXPECT_EQ(std::string(rule["name"].GetString()), infos[i].name);
    EXPECT_EQ(std::string(rule["severity"].GetString()), to_string(infos[i].default_severity));
    EXPECT_EQ(std::string(rule["category"].GetString()), infos[i].category);
    EXPECT_EQ(std::string(rule["summary"].GetString()), infos[i].summary);
  }
  const CliRun text = snaplint("rules");
  for (const RuleInfo& info : infos) {
    EXPECT_NE(text.out.find(std::string(info.name) + " "), std::string::npos) << info.name;
  }
}

TEST(Cli, PrintsTheEmbeddedSchemaVerbatim) {
  const CliRun run = snaplint("schema");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, read_file(fs::path(SNAPLINT_SOURCE_DIR) / "lib/schema/snapshot.schema.json"));
}

TEST(Cli, NeverWritesToTheLintedFile) {
  TempDir dir;
  write_file(dir.path() / "broken.json", broken_graph);
  const auto before = fs::last_write_time(dir.path() / "broken.json");
  snaplint("check broken.json", dir.path());
  EXPECT_EQ(read_file(dir.path() / "broken.json"), broken_graph);
  EXPECT_EQ(fs::last_write_time(dir.path() / "broken.json"), before);
}

}  // namespace
}  // namespace snaplint::test
