// Runs every fixture under tests/rules/<rule-name>/ with only that rule enabled (for
// too-many-diagnostics, every rule under a small limit: see lint_for_rule):
//   ok_*.json  must produce no diagnostic;
//   err_*.json must produce exactly the lines of err_*.expected (see format_for_fixture).
// SNAPLINT_BLESS=1 rewrites the .expected files from the current output, for review in git diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  std::string rule;
  fs::path file;
};

void PrintTo(const Fixture& fixture, std::ostream* out) {
  *out << fixture.file.string();
}

std::vector<Fixture> all_fixtures() {
  std::vector<Fixture> fixtures;
  const fs::path root = fs::path(SNAPLINT_TEST_DIR) / "rules";
  for (const auto& rule_dir : fs::directory_iterator(root)) {
    if (!rule_dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(rule_dir.path())) {
      if (file.path().extension() == ".json") {
        fixtures.push_back({rule_dir.path().filename().string(), file.path()});
      }
    }
  }
  std::sort(fixtures.begin(), fixtures.end(),
            [](const Fixture& a, const Fixture& b) { return a.file < b.file; });
  return fixtures;
}

std::string test_name(const testing::TestParamInfo<Fixture>& info) {
  std::string name = info.param.rule + "_" + info.param.file.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class RuleFixture : public testing::TestWithParam<Fixture> {};

TEST_P(RuleFixture, ProducesExactlyTheExpectedDiagnostics) {
  const Fixture& fixture = GetParam();
  // too-many-diagnostics: under a limit of summary_limit findings (see lint_for_rule).
  const FileReport report = lint_for_rule(read_file(fixture.file), fixture.rule);
  ASSERT_TRUE(report.failure.empty()) << report.failure;

  std::ostringstream actual;
  for (const Diagnostic& diagnostic : report.diagnostics) {
    EXPECT_EQ(diagnostic.rule, fixture.rule);
    actual << format_for_fixture(diagnostic) << '\n';
  }

  const std::string stem = fixture.file.stem().string();
  if (stem.rfind("ok_", 0) == 0) {
    EXPECT_EQ(actual.str(), "") << "an ok_ fixture must lint clean";
    return;
  }
  ASSERT_EQ(stem.rfind("err_", 0), 0u) << "fixture names start with ok_ or err_";
  EXPECT_FALSE(report.diagnostics.empty()) << "an err_ fixture must produce a finding";

  fs::path expected_file = fixture.file;
  expected_file.replace_extension(".expected");
  const char* bless = std::getenv("SNAPLINT_BLESS");
  if (bless && std::string(bless) == "1") {
    write_file(expected_file, actual.str());
    return;
  }
  ASSERT_TRUE(fs::exists(expected_file))
      << expected_file << " is missing (SNAPLINT_BLESS=1 writes it)";
  EXPECT_EQ(actual.str(), read_file(expected_file)) << "for " << fixture.file;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, testing::ValuesIn(all_fixtures()), test_name);

}  // namespace
}  // namespace snaplint::test
