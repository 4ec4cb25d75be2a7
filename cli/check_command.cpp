#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "file_discovery.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint::cli {

namespace {

bool use_color(ColorMode mode) {
  if (mode != ColorMode::automatic) return mode == ColorMode::always;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace

int run_check(const CheckOptions& options) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  auto selection = RuleSelection::create(registry, options.select, options.ignore, &error);
  if (!selection) {
    std::cerr << "snaplint: error: " << error << " (see 'snaplint rules')\n";
    return exit_trouble;
  }
  for (const std::string& assignment : options.rule_options) {
    if (!selection->set_option(registry, assignment, &error)) {
      std::cerr << "snaplint: error: " << error << '\n';
      return exit_trouble;
    }
  }
  const Linter linter(registry, std::move(*selection));

  const std::vector<std::string> paths =
      options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  std::vector<FileReport> reports;
  std::string bytes;
  for (const InputFile& input : discover_files(paths)) {
    std::string problem = input.problem;
    if (problem.empty()) problem = read_input(input, bytes);
    if (!problem.empty()) {
      FileReport report;
      report.path = input.display_path;
      report.failure = "cannot read: " + problem;
      std::cerr << "snaplint: error: " << input.display_path << ": " << report.failure << '\n';
      reports.push_back(std::move(report));
      continue;
    }
    reports.push_back(linter.lint(std::move(bytes), input.display_path));
    if (!reports.back().failure.empty()) {
      std::cerr << "snaplint: error: " << input.display_path << ": " << reports.back().failure
                << '\n';
    }
  }

  if (options.format == "json") {
    write_json(std::cout, reports);
  } else {
    write_text(std::cout, reports, TextStyle{use_color(options.color)});
  }
  std::cout.flush();

  const Summary summary = summarize(reports);
  if (summary.failures > 0) return exit_trouble;
  return summary.errors > 0 ? exit_findings : exit_clean;
}

}  // namespace snaplint::cli
