// snaplint: lint Kapso agent snapshots. A thin layer over the library: arguments in, exit code
// out.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "heap_setup.hpp"
#include "input_bytes.hpp"
#include "snaplint/config.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "snaplint/schema_check.hpp"
#include "snaplint/version.hpp"

namespace {

// "--select a,b --select c" gives {"a,b", "c"}; rules are {"a", "b", "c"}.
std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      if (comma > start) out.push_back(value.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

const std::vector<std::string> output_formats = {"text", "json", "sarif", "github", "junit"};

}  // namespace

int main(int argc, char** argv) {
  using namespace snaplint;
  cli::prepare_heap();
  CLI::App app{"snaplint: find broken Kapso agent graphs before you upload them.", "snaplint"};
  app.set_version_flag("--version", std::string("snaplint ") + version_string);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable file.");

  cli::CheckOptions check;
  CLI::App* check_command = app.add_subcommand("check", "Lint snapshot files");
  check_command
      ->add_option("paths", check.paths,
                   "Files or directories (searched for *.json); '-' reads standard input. "
                   "Default: the current directory")
      ->allow_extra_args();
  check_command->add_option("--format", check.format, "Output format on standard output")
      ->check(CLI::IsMember(output_formats))
      ->default_str("text");
  std::vector<std::string> outputs;
  check_command
      ->add_option("--output", outputs,
                   "Also write a report to a file, e.g. sarif=snaplint.sarif (repeatable)")
      ->type_size(1)
      ->allow_extra_args(false);
  // One value per occurrence (comma-separated), so a path after the option is not taken for a rule.
  check_command
      ->add_option("--select", check.select, "Only these rules or categories (comma-separated)")
      ->type_size(1)
      ->allow_extra_args(false);
  check_command
      ->add_option("--ignore", check.ignore, "Skip these rules or categories (comma-separated)")
      ->type_size(1)
      ->allow_extra_args(false);
  check_command
      ->add_option("--rule-option", check.rule_options,
                   "Set a rule option, e.g. global-condition-overlap.threshold=0.8 (repeatable)")
      ->type_size(1)
      ->allow_extra_args(false);
  check_command
      ->add_option("--fail-on", check.fail_on,
                   "Lowest severity that fails the run: error (default) or warning")
      ->check(CLI::IsMember({"error", "warning"}));
  check_command->add_option("--max-warnings", check.max_warnings,
                            "Fail the run when there are more warnings than this");
  // Deeper documents would overflow the stack of the schema validator's recursion.
  check_command
      ->add_option("--max-depth", check.max_depth,
                   "Arrays and objects nested deeper are invalid-json (default 512, at most 4096)")
      ->check(CLI::Range(1u, 4096u));
  check_command->add_option(
      "--max-string-length", check.max_string_length,
      "Longer strings are reported, and checked only up to this many bytes (default 1048576; "
      "0: no limit)");
  check_command->add_option(
      "--max-diagnostics", check.max_diagnostics,
      "Findings printed per file, then one summary; all still count (default 1000; 0: all)");
  check_command->add_option("--config", check.config_path,
                            "Use this config file instead of looking for .snaplint.json");
  check_command->add_flag("--no-config", check.no_config, "Ignore every .snaplint.json");
  check_command->add_option("--show-config", check.show_config_for,
                            "Print the effective config for this file and exit");
  check_command->add_option("--stdin-filename", check.stdin_filename,
                            "The name of standard input, for config matching and output");
  check_command->add_option("--baseline", check.baseline_path,
                            "Report only findings that are not in this baseline file");
  check_command->add_option("--write-baseline", check.write_baseline_path,
                            "Record today's findings in this baseline file");
  check_command
      ->add_option("--jobs,-j", check.jobs,
                   "Files linted at once (default: one per core); the output does not depend on it")
      ->check(CLI::Range(0u, 1024u));
  check_command
      ->add_option_function<std::string>(
          "--max-file-size",
          [&check](const std::string& text) {
            if (const auto size = cli::parse_size(text)) check.max_file_size = *size;
          },
          "Refuse larger files without reading them: bytes, or with a K, M or G suffix "
          "(powers of 1024), at most 2G. Default: 1G")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            const auto size = cli::parse_size(text);
            if (!size) return "must be a size such as 1048576, 512K, 64M or 1G, not '" + text + "'";
            if (*size > cli::largest_max_file_size) {
              return "must be at most 2G (snaplint reads files up to 2 GiB), not '" + text + "'";
            }
            return "";
          },
          ""))
      ->type_name("SIZE");
  check_command->add_flag("--quiet,-q", check.quiet, "Print errors only, without a summary");
  check_command->add_flag("--statistics", check.statistics,
                          "Print the number of findings per rule");
  check_command->add_flag("--show-suppressed", check.show_suppressed,
                          "Also print findings silenced by suppressions or the baseline");
  std::string color = "auto";
  check_command
      ->add_option("--color", color,
                   "Colour the text output: auto (a terminal, unless NO_COLOR is set), always, "
                   "never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check_command->get_option("--config")->excludes("--no-config");

  std::string rules_format = "text";
  CLI::App* rules_command = app.add_subcommand("rules", "List every rule");
  rules_command->add_option("--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  std::string explained_rule;
  CLI::App* explain_command = app.add_subcommand("explain", "Print a rule's documentation");
  explain_command->add_option("rule", explained_rule, "Rule name")->required();

  bool config_schema = false;
  CLI::App* schema_command = app.add_subcommand("schema", "Print the snapshot JSON Schema");
  schema_command->add_flag("--config", config_schema,
                           "Print the schema of .snaplint.json files instead");

  cli::InstallHookOptions install_hook;
  CLI::App* install_hook_command = app.add_subcommand(
      "install-hook", "Install a git pre-commit hook that lints staged snapshots");
  install_hook_command->add_flag("--force", install_hook.force,
                                 "Replace an existing pre-commit hook snaplint did not write");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? cli::exit_clean : cli::exit_trouble;
  }

  if (check_command->parsed()) {
    check.color = color == "always"  ? cli::ColorMode::always
                  : color == "never" ? cli::ColorMode::never
                                     : cli::ColorMode::automatic;
    check.select = split_commas(check.select);
    check.ignore = split_commas(check.ignore);
    for (const std::string& output : outputs) {
      const std::size_t equals = output.find('=');
      const std::string format = output.substr(0, std::min(equals, output.size()));
      if (equals == std::string::npos || equals + 1 == output.size() ||
          std::find(output_formats.begin(), output_formats.end(), format) == output_formats.end()) {
        std::cerr << "snaplint: error: --output takes FORMAT=PATH with FORMAT one of text, json, "
                     "sarif, github, junit; not '"
                  << output << "'\n";
        return cli::exit_trouble;
      }
      check.outputs.push_back({format, output.substr(equals + 1)});
    }
    const int code = cli::run_check(check);
    // A pre-commit hook runs snaplint thousands of times a day: once the output is flushed, leave
    // without tearing down the registry, the schema and every report one allocation at a time.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(std::cout.good() ? code : cli::exit_trouble);
  }
  if (rules_command->parsed()) {
    if (rules_format == "json") {
      write_rule_list_json(std::cout, rules::default_registry());
    } else {
      write_rule_list_text(std::cout, rules::default_registry());
    }
    return cli::exit_clean;
  }
  if (explain_command->parsed()) return cli::run_explain(explained_rule);
  if (install_hook_command->parsed()) return cli::run_install_hook(install_hook);
  std::cout << (config_schema ? config_schema_text() : snapshot_schema_text());
  return cli::exit_clean;
}
