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
  std::vector<std::string> rule_options;  // "RULE.OPTION=VALUE"
  ColorMode color = ColorMode::automatic;
};

int run_check(const CheckOptions& options);

// Prints a rule's page; exit_trouble for an unknown rule.
int run_explain(const std::string& rule);

}  // namespace snaplint::cli
