// The subcommands of the snaplint executable. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace snaplint::cli {

// Exit codes: no error-severity finding, some finding, usage or I/O problem.
inline constexpr int exit_clean = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_trouble = 2;

enum class ColorMode { automatic, always, never };

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  ColorMode color = ColorMode::automatic;
};

int run_check(const CheckOptions& options);

}  // namespace snaplint::cli
