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
