// snaplint: lint Kapso agent snapshots. A thin layer over the library: arguments in, exit code
// out.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
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

}  // namespace

int main(int argc, char** argv) {
  using namespace snaplint;
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
  check_command->add_option("--format", check.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
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
  std::string color = "auto";
  check_command
      ->add_option("--color", color,
                   "Colour the text output: auto (a terminal, unless NO_COLOR is set), always, "
                   "never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::string rules_format = "text";
  CLI::App* rules_command = app.add_subcommand("rules", "List every rule");
  rules_command->add_option("--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  std::string explained_rule;
  CLI::App* explain_command = app.add_subcommand("explain", "Print a rule's documentation");
  explain_command->add_option("rule", explained_rule, "Rule name")->required();

  app.add_subcommand("schema", "Print the snapshot JSON Schema");

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
    return cli::run_check(check);
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
  std::cout << snapshot_schema_text();
  return cli::exit_clean;
}
