// Conformance with JSONTestSuite (../shared/suites/JSONTestSuite/test_parsing): every n_ file is
// rejected as invalid-json with a position, every y_ file is accepted (schema findings are
// expected: the files are not snapshots), and every i_ file (implementation-defined) finishes,
// with the way it went recorded.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

fs::path suite_dir() {
  if (shared_dir().empty()) return {};
  const fs::path dir = shared_dir() / "suites" / "JSONTestSuite" / "test_parsing";
  return fs::is_directory(dir) ? dir : fs::path();
}

std::vector<fs::path> suite_files() {
  std::vector<fs::path> files;
  if (suite_dir().empty()) return files;
  for (const auto& entry : fs::directory_iterator(suite_dir())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

const Diagnostic* invalid_json(const FileReport& report) {
  for (const Diagnostic& diagnostic : report.diagnostics) {
    if (diagnostic.rule == "invalid-json") return &diagnostic;
  }
  return nullptr;
}

class JsonTestSuite : public testing::TestWithParam<fs::path> {};

TEST_P(JsonTestSuite, ParsesAsTheSuiteExpects) {
  const fs::path& file = GetParam();
  const std::string name = file.filename().string();
  const FileReport report = lint_text(read_file(file), {}, name);
  ASSERT_TRUE(report.failure.empty()) << report.failure;
  const Diagnostic* error = invalid_json(report);
  switch (name[0]) {
    case 'n':
      ASSERT_NE(error, nullptr) << name << " must be rejected";
      EXPECT_GE(error->range.start.line, 1u);
      EXPECT_GE(error->range.start.column, 1u);
      EXPECT_FALSE(error->message.empty());
      EXPECT_EQ(report.diagnostics.size(), 1u) << "nothing else is reported for invalid JSON";
      break;
    case 'y':
      EXPECT_EQ(error, nullptr) << name << " must be accepted, got: " << error->message;
      break;
    default:
      // Implementation-defined: either way is right as long as it finishes; record which.
      RecordProperty("outcome", error ? "rejected: " + error->message : "accepted");
      break;
  }
}

std::string suite_test_name(const testing::TestParamInfo<fs::path>& info) {
  // Unique and valid: letters and digits kept, anything else as _XX (its hex code).
  std::string name;
  for (const char c : info.param.stem().string()) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name += c;
    } else {
      static constexpr char digits[] = "0123456789ABCDEF";
      name += '_';
      name += digits[static_cast<unsigned char>(c) >> 4];
      name += digits[static_cast<unsigned char>(c) & 0xf];
    }
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Parsing, JsonTestSuite, testing::ValuesIn(suite_files()), suite_test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(JsonTestSuite);

// The whole suite through the executable in one run: the counts the README quotes, and the i_
// outcomes written to the tests build directory (json_test_suite_i_outcomes.txt) for review.
TEST(JsonTestSuiteSummary, CountsAndExitCode) {
  if (suite_dir().empty()) GTEST_SKIP() << "no JSONTestSuite under the shared folder";
  std::map<char, std::pair<int, int>> counts;  // kind → (as expected, total)
  std::ofstream outcomes(fs::path(SNAPLINT_TEST_BINARY_DIR) / "json_test_suite_i_outcomes.txt");
  for (const fs::path& file : suite_files()) {
    const std::string name = file.filename().string();
    const bool rejected = invalid_json(lint_text(read_file(file), {}, name)) != nullptr;
    auto& [right, total] = counts[name[0]];
    ++total;
    if (name[0] == 'n') right += rejected;
    if (name[0] == 'y') right += !rejected;
    if (name[0] == 'i') {
      ++right;  // finished without a crash or hang
      outcomes << name << ": " << (rejected ? "rejected" : "accepted") << '\n';
    }
  }
  std::cout << "JSONTestSuite: n rejected " << counts['n'].first << "/" << counts['n'].second
            << ", y accepted " << counts['y'].first << "/" << counts['y'].second << ", i finished "
            << counts['i'].first << "/" << counts['i'].second << '\n';
  EXPECT_EQ(counts['n'].first, counts['n'].second);
  EXPECT_EQ(counts['y'].first, counts['y'].second);
  EXPECT_EQ(counts['n'].second, 188);
  EXPECT_EQ(counts['y'].second, 95);
  EXPECT_EQ(counts['i'].second, 35);

  const ProcessResult run =
      run_snaplint("check --format json --select invalid-json .", suite_dir());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("\"files\": 318"), std::string::npos);
}

}  // namespace
}  // namespace snaplint::test
