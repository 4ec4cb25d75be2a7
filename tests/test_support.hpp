// Helpers shared by the tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "snaplint/engine.hpp"

namespace snaplint::test {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

// Lints `json` with only the named rules enabled (all rules when empty).
FileReport lint_text(const std::string& json, const std::vector<std::string>& rules = {},
                     const std::string& path = "test.json");

// What `rule` reports on `json`, as the fixture and rule-page tests judge a rule. For a rule
// with a check, lint_text with that rule alone. too-many-diagnostics has none: it summarises
// other rules' findings past the diagnostics limit, so there every rule runs, the limit is
// `summary_limit` (its fixtures and page example are written for it), and only the summary is
// kept.
inline constexpr std::size_t summary_limit = 2;
FileReport lint_for_rule(const std::string& json, std::string_view rule);

// One line per diagnostic, the format of the fixtures' .expected files:
//   LINE:COL-ENDLINE:ENDCOL POINTER MESSAGE [related POINTER]... (help: HELP)
std::string format_for_fixture(const Diagnostic& diagnostic);

// The shared folder (corpus, suites): $SNAPLINT_SHARED_DIR, else the CMake option. Empty when it
// does not exist.
std::filesystem::path shared_dir();

// A fresh, empty directory under the system temp directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace snaplint::test
