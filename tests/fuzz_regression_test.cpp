// Inputs the fuzzers (fuzz/, docs/fuzzing.md) found or kept: each file of tests/fuzz_regressions/
// is linted through the library and the CLI, and must give findings, never a crash, an internal
// failure or broken output. A crash found while fuzzing is added here before it is fixed.
#include <gtest/gtest.h>

#define RAPIDJSON_HAS_STDSTRING 1
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <vector>

#include "cli_support.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> regression_inputs() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(SNAPLINT_TEST_DIR) / "fuzz_regressions")) {
    if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool parses_as_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(text);
  return !document.HasParseError();
}

TEST(FuzzRegression, TheDirectoryHoldsInputs) {
  EXPECT_FALSE(regression_inputs().empty());
}

TEST(FuzzRegression, TheLibraryLintsEachInputIntoFindings) {
  const auto linter = Linter::create();
  ASSERT_TRUE(linter) << linter.error();
  for (const fs::path& file : regression_inputs()) {
    SCOPED_TRACE(file.filename().string());
    const Report report = linter->lint(read_file(file), file.filename().string());
    EXPECT_EQ(report.failure(), "");
    EXPECT_FALSE(report.diagnostics().empty() && report.suppressed().empty());
    std::ostringstream text, json, sarif;
    report.write_text(text);
    report.write_json(json);
    report.write_sarif(sarif);
    EXPECT_FALSE(text.str().empty());
    EXPECT_TRUE(parses_as_json(json.str())) << json.str();
    EXPECT_TRUE(parses_as_json(sarif.str())) << sarif.str();
  }
}

TEST(FuzzRegression, TheCliLintsEachInputIntoFindings) {
  for (const fs::path& file : regression_inputs()) {
    SCOPED_TRACE(file.filename().string());
    for (const char* format : {"text", "json", "sarif", "github", "junit"}) {
      SCOPED_TRACE(format);
      const ProcessResult run = run_snaplint(
          "check --no-config --format " + std::string(format) + " " + shell_quote(file.string()),
          file.parent_path());
      // 1: error findings; 0: only warnings or infos. A crash gives neither.
      EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.exit_code << "\n" << run.err;
      EXPECT_FALSE(run.out.empty());
      if (std::string(format) == "json") {
        rapidjson::Document document;
        document.Parse(run.out);
        ASSERT_FALSE(document.HasParseError()) << run.out;
        const auto& files = document["files"].GetArray();
        ASSERT_EQ(files.Size(), 1u);
        EXPECT_GT(files[0]["diagnostics"].Size() + files[0]["suppressed"].Size(), 0u);
      }
    }
  }
}

// writers_fuzzer's check: JSON is UTF-8, but a path can be any bytes (and so could a message, were
// a rule to quote bytes the parser did not validate). Ill-formed sequences become U+FFFD.
TEST(FuzzRegression, JsonAndSarifReportsAreUtf8WhenAPathIsNot) {
  FileReport report;
  report.path = "agents/bad\xff\xc3(.json";
  Diagnostic diagnostic;
  diagnostic.rule = "dangling-edge";
  diagnostic.message = "edge 'e\xed\xa0\x80' targets unknown node '\xc0\xaf'";
  diagnostic.help = "\xf4\x90\x80\x80";
  report.diagnostics.push_back(diagnostic);
  const std::vector<FileReport> reports{report};
  std::ostringstream json, sarif;
  write_json(json, reports, {});
  write_sarif(sarif, reports, rules::default_registry(), &rules::rule_documentation, {});
  EXPECT_TRUE(parses_as_json(json.str())) << json.str();
  EXPECT_TRUE(parses_as_json(sarif.str())) << sarif.str();
  EXPECT_NE(json.str().find("agents/bad\xef\xbf\xbd"), std::string::npos) << json.str();
}

TEST(FuzzRegression, TheCliWritesUtf8JsonForAFileNameThatIsNot) {
  const TempDir dir;
  const std::string name = "bad\xff.json";
  write_file(dir.path() / name,
             read_file(fs::path(SNAPLINT_SOURCE_DIR) / "examples/broken_agent.json"));
  const ProcessResult run = run_snaplint("check --no-config --format json .", dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(parses_as_json(run.out)) << run.out;
  const ProcessResult shown =
      run_snaplint("check --no-config --show-config " + shell_quote(name), dir.path());
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(parses_as_json(shown.out)) << shown.out;
}

}  // namespace
}  // namespace snaplint::test
