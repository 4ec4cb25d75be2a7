// The subcommands of the snaplint executable. Each returns the process exit code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snaplint::cli {

// Exit codes: no failing finding, some finding, usage or I/O problem.
inline constexpr int exit_clean = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_trouble = 2;

enum class ColorMode { automatic, always, never };

// One `--output FORMAT=PATH`.
struct OutputTarget {
  std::string format;
  std::string path;
};

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::vector<OutputTarget> outputs;  // extra reports written to files
  // Rule choice from the command line; it wins over every config file.
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> rule_options;  // "RULE.OPTION=VALUE"
  std::optional<std::string> fail_on;     // "error" or "warning"
  std::optional<unsigned long long> max_warnings;
  // Limits of one file's lint, the library's defaults (snaplint::LintLimits); 0: no limit for
  // strings and diagnostics.
  std::uint32_t max_depth = 512;
  std::uint32_t max_string_length = 1u << 20;
  std::uint32_t max_diagnostics = 1000;
  // Config files: discovered upwards from each file unless one is given or none is wanted.
  std::optional<std::string> config_path;
  bool no_config = false;
  std::optional<std::string> show_config_for;  // print the effective config for this file, exit
  std::optional<std::string> stdin_filename;
  std::optional<std::string> baseline_path;
  std::optional<std::string> write_baseline_path;
  bool quiet = false;
  bool statistics = false;
  bool show_suppressed = false;
  ColorMode color = ColorMode::automatic;
  unsigned jobs = 0;                                     // files linted at once; 0: one per core
  std::uint64_t max_file_size = std::uint64_t{1} << 30;  // larger files are refused unread
};

int run_check(const CheckOptions& options);

// Prints a rule's page; exit_trouble for an unknown rule.
int run_explain(const std::string& rule);

struct InstallHookOptions {
  bool force = false;  // replace a pre-commit hook snaplint did not write
};

// Writes .git/hooks/pre-commit of the repository around the current directory.
int run_install_hook(const InstallHookOptions& options);

}  // namespace snaplint::cli
