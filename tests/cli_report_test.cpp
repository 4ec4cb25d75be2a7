// The check command's reporting options: --output, --quiet, --statistics, --stdin-filename,
// --baseline / --write-baseline, --show-suppressed, and the exit codes they lead to.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

// One error (unreachable 'draft') and one warning (unused tool 'crm').
std::string agent(const std::string& extra_metadata = "", bool reordered = false) {
  const std::string start =
      R"({"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""})";
  const std::string end =
      R"({"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""})";
  const std::string draft =
      R"({"id": "draft", "name": "draft", "type": "DefaultNode", "prompt": "Later."})";
  const std::string nodes = reordered ? draft + ",\n\t\t" + end + ",\n\t\t" + start
                                      : start + ",\n    " + end + ",\n    " + draft;
  std::string text = "{\"graph\": {\n  \"nodes\": [\n    " + nodes + "\n  ],\n" +
                     R"(  "edges": [{"id": "e1", "from": "start", "to": "end"}],
  "tools": [{"id": "crm", "name": "crm", "description": "CRM"}])";
  if (!extra_metadata.empty()) text += ",\n  \"metadata\": " + extra_metadata;
  return text + "\n}}\n";
}

class CliReport : public testing::Test {
 protected:
  void SetUp() override { write_file(dir_.path() / "agent.json", agent()); }
  const fs::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
};

TEST_F(CliReport, StdinFilenameNamesStandardInput) {
  const ProcessResult run =
      run_snaplint("check --stdin-filename agents/support.json -", dir(), agent());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("agents/support.json:5:5: error:"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("<stdin>"), std::string::npos);
}

TEST_F(CliReport, OutputWritesSeveralFormatsInOneRun) {
  const ProcessResult run = run_snaplint(
      "check --output sarif=out/report.sarif --output json=report.json agent.json", dir());
  EXPECT_EQ(run.exit_code, 2) << "the out/ directory does not exist: " << run.err;
  EXPECT_NE(run.err.find("out"), std::string::npos) << run.err;

  fs::create_directory(dir() / "out");
  const ProcessResult ok = run_snaplint(
      "check --output sarif=out/report.sarif --output json=report.json agent.json", dir());
  EXPECT_EQ(ok.exit_code, 1) << ok.err;
  EXPECT_NE(ok.out.find("agent.json:5:5: error:"), std::string::npos) << "text still on stdout";
  EXPECT_NE(read_file(dir() / "out/report.sarif").find("\"version\": \"2.1.0\""),
            std::string::npos);
  EXPECT_NE(read_file(dir() / "report.json").find("\"rule\": \"unreachable-node\""),
            std::string::npos);
  for (const auto& entry : fs::directory_iterator(dir() / "out")) {
    EXPECT_EQ(entry.path().filename(), "report.sarif") << "no temporary file is left behind";
  }
}

TEST_F(CliReport, OutputRejectsAnUnknownFormatOrAMissingPath) {
  for (const char* bad : {"xml=a.xml", "sarif", "sarif="}) {
    const ProcessResult run =
        run_snaplint(std::string("check --output ") + bad + " agent.json", dir());
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_NE(run.err.find("--output takes FORMAT=PATH"), std::string::npos) << run.err;
  }
}

TEST_F(CliReport, QuietPrintsOnlyErrorsAndNoSummary) {
  const ProcessResult run = run_snaplint("check --quiet agent.json", dir());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("[unreachable-node]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("[unused-tool]"), std::string::npos) << "warnings are left out";
  EXPECT_EQ(run.out.find("Found"), std::string::npos) << "no summary";

  write_file(dir() / "clean.json",
             read_file(fs::path(SNAPLINT_SOURCE_DIR) / "examples/support_agent.json"));
  const ProcessResult clean = run_snaplint("check -q clean.json", dir());
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_EQ(clean.out, "");
}

TEST_F(CliReport, StatisticsCountsFindingsPerRule) {
  write_file(dir() / "second.json", agent());
  const ProcessResult run = run_snaplint("check --statistics agent.json second.json", dir());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("2  unreachable-node  error\n2  unused-tool       warning\n"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("agent.json:5:5"), std::string::npos) << "counts replace the listing";
  EXPECT_NE(run.out.find("Found 2 errors, 2 warnings"), std::string::npos);
}

TEST_F(CliReport, ASuppressedFindingIsCountedAndShownOnRequest) {
  write_file(
      dir() / "agent.json",
      agent(
          R"({"snaplint": {"suppress": [{"rule": "unreachable-node", "id": "draft", "reason": "wired up next sprint"}]}})"));
  const ProcessResult run = run_snaplint("check agent.json", dir());
  EXPECT_EQ(run.exit_code, 0) << "the only error is suppressed:\n" << run.out;
  EXPECT_EQ(run.out.find("[unreachable-node]"), std::string::npos);
  EXPECT_NE(run.out.find("not counted: 1 suppressed (--show-suppressed lists them)"),
            std::string::npos)
      << run.out;

  const ProcessResult shown = run_snaplint("check --show-suppressed agent.json", dir());
  EXPECT_EQ(shown.exit_code, 0);
  EXPECT_NE(shown.out.find("error (suppressed): node 'draft' is not reachable"), std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("= suppressed: by metadata.snaplint: wired up next sprint"),
            std::string::npos);
}

TEST_F(CliReport, AnExpiredSuppressionIsReportedAndNoLongerSuppresses) {
  write_file(
      dir() / "agent.json",
      agent(
          R"({"snaplint": {"suppress": [{"rule": "unreachable-node", "id": "draft", "reason": "next sprint", "until": "2020-01-31"}]}})"));
  const ProcessResult run = run_snaplint("check agent.json", dir());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("[unreachable-node]"), std::string::npos);
  EXPECT_NE(run.out.find("expired on 2020-01-31 and no longer applies [expired-suppression]"),
            std::string::npos)
      << run.out;
}

TEST_F(CliReport, ABaselineSilencesTodaysFindingsAndSurvivesEdits) {
  const ProcessResult written =
      run_snaplint("check --write-baseline snaplint-baseline.json agent.json", dir());
  EXPECT_EQ(written.exit_code, 0) << written.out << written.err;
  EXPECT_NE(written.err.find("wrote 2 findings to snaplint-baseline.json"), std::string::npos)
      << written.err;
  const std::string baseline = read_file(dir() / "snaplint-baseline.json");
  EXPECT_NE(baseline.find("\"rule\": \"unreachable-node\""), std::string::npos);

  // Reordered and re-indented: nothing new.
  write_file(dir() / "agent.json", agent("", /*reordered=*/true));
  const ProcessResult same =
      run_snaplint("check --baseline snaplint-baseline.json agent.json", dir());
  EXPECT_EQ(same.exit_code, 0) << same.out;
  EXPECT_NE(same.out.find("not counted: 2 in the baseline"), std::string::npos) << same.out;

  // A new defect is reported; the fixed one is listed as stale.
  std::string edited = agent("", true);
  const std::string tool = R"({"id": "crm", "name": "crm", "description": "CRM"})";
  edited.replace(
      edited.find(tool), tool.size(),
      R"({"id": "crm", "name": "crm", "description": "CRM"}, {"id": "crm", "name": "crm2", "description": "again"})");
  const std::string edge = R"({"id": "e1", "from": "start", "to": "end"})";
  edited.replace(
      edited.find(edge), edge.size(),
      R"({"id": "e1", "from": "start", "to": "draft"}, {"id": "e2", "from": "draft", "to": "end"})");
  write_file(dir() / "agent.json", edited);
  const ProcessResult changed =
      run_snaplint("check --baseline snaplint-baseline.json agent.json", dir());
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.out.find("[duplicate-tool-id]"), std::string::npos) << changed.out;
  EXPECT_EQ(changed.out.find("error: node 'draft'"), std::string::npos);
  EXPECT_NE(changed.out.find("1 baseline finding no longer occurs; run with --write-baseline to "
                             "tighten the baseline:\n  agent.json: node 'draft': node 'draft' is "
                             "not reachable from '__start__' [unreachable-node]"),
            std::string::npos)
      << changed.out;
  EXPECT_EQ(read_file(dir() / "snaplint-baseline.json"), baseline) << "--baseline only reads";
}

// A file name that is not UTF-8 is written as U+FFFD, so the baseline loads again, and the
// finding still matches: fingerprints are made from the name's own bytes.
TEST_F(CliReport, ABaselineOfAFileNamedInBrokenUtf8LoadsAndMatchesAgain) {
  const std::string name = "agent-\xff\xfe.json";
  write_file(dir() / name, agent());
  const ProcessResult written =
      run_snaplint("check --write-baseline base.json " + shell_quote(name), dir());
  EXPECT_EQ(written.exit_code, 0) << written.out << written.err;
  const std::string baseline = read_file(dir() / "base.json");
  EXPECT_NE(baseline.find("\"path\": \"agent-\uFFFD\uFFFD.json\""), std::string::npos) << baseline;
  EXPECT_EQ(baseline.find("\xff"), std::string::npos);

  const ProcessResult again =
      run_snaplint("check --baseline base.json " + shell_quote(name), dir());
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("not counted: 2 in the baseline"), std::string::npos) << again.out;

  // Fixed: the entries are stale for that file.
  write_file(dir() / name,
             read_file(fs::path(SNAPLINT_SOURCE_DIR) / "examples/support_agent.json"));
  const ProcessResult fixed =
      run_snaplint("check --baseline base.json " + shell_quote(name), dir());
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_NE(fixed.out.find("2 baseline findings no longer occur"), std::string::npos) << fixed.out;
}

TEST_F(CliReport, AnUnreadableOrInvalidBaselineIsAUsageError) {
  ProcessResult run = run_snaplint("check --baseline missing.json agent.json", dir());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot read baseline missing.json"), std::string::npos) << run.err;
  write_file(dir() / "bad.json", "{\"snaplint-baseline\": 1,\n\"findings\": 3}");
  run = run_snaplint("check --baseline bad.json agent.json", dir());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("bad.json:1:1: baseline file has no \"findings\" array"),
            std::string::npos)
      << run.err;
}

TEST_F(CliReport, FailOnAndMaxWarningsFromTheCommandLine) {
  std::string warnings_only = agent();
  const std::string edge = R"({"id": "e1", "from": "start", "to": "end"})";
  warnings_only.replace(
      warnings_only.find(edge), edge.size(),
      R"({"id": "e1", "from": "start", "to": "draft"}, {"id": "e2", "from": "draft", "to": "end"})");
  write_file(dir() / "agent.json", warnings_only);
  EXPECT_EQ(run_snaplint("check agent.json", dir()).exit_code, 0);
  EXPECT_EQ(run_snaplint("check --fail-on warning agent.json", dir()).exit_code, 1);
  EXPECT_EQ(run_snaplint("check --max-warnings 1 agent.json", dir()).exit_code, 0);
  EXPECT_EQ(run_snaplint("check --max-warnings 0 agent.json", dir()).exit_code, 1);
}

}  // namespace
}  // namespace snaplint::test
