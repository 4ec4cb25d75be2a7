#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "config_resolver.hpp"
#include "file_discovery.hpp"
#include "snaplint/baseline.hpp"
#include "snaplint/engine.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint::cli {

namespace {

bool use_color(ColorMode mode) {
  if (mode != ColorMode::automatic) return mode == ColorMode::always;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

void write_report(std::ostream& out, const std::string& format,
                  const std::vector<FileReport>& reports, const ReportOptions& options) {
  if (format == "json") {
    write_json(out, reports, options);
  } else if (format == "sarif") {
    write_sarif(out, reports, rules::default_registry(), &rules::rule_documentation, options);
  } else if (format == "github") {
    write_github(out, reports, options);
  } else if (format == "junit") {
    write_junit(out, reports, options);
  } else {
    write_text(out, reports, options);
  }
}

// "./a/../b.json" and "b.json" are one file to the baseline and the config globs.
std::string normalize_display_path(const std::string& path) {
  if (path.empty() || path == "<stdin>") return path;
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  return normal.empty() ? path : normal;
}

std::optional<Baseline> load_baseline(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read baseline " + path;
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto baseline = Baseline::parse(text.str(), error);
  if (!baseline) *error = path + ":" + *error;
  return baseline;
}

// Whether the findings of the run fail it under each file's fail-on and max-warnings settings.
bool run_fails(const std::vector<FileReport>& reports,
               const std::vector<const FileSettings*>& settings) {
  std::map<std::string, std::pair<unsigned long long, unsigned long long>> warnings_by_group;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (!settings[i]) continue;
    const FileSettings& file = *settings[i];
    unsigned long long warnings = 0;
    for (const Diagnostic& diagnostic : reports[i].diagnostics) {
      if (diagnostic.severity == Severity::error) return true;
      if (diagnostic.severity == Severity::warning) {
        if (file.fail_on == FailOn::warning) return true;
        ++warnings;
      }
    }
    if (file.max_warnings) {
      auto& [count, limit] = warnings_by_group[file.max_warnings_group];
      count += warnings;
      limit = *file.max_warnings;
    }
  }
  for (const auto& [group, budget] : warnings_by_group) {
    if (budget.first > budget.second) return true;
  }
  return false;
}

}  // namespace

int run_check(const CheckOptions& options) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  const std::unique_ptr<ConfigResolver> resolver =
      ConfigResolver::create(options, registry, &error);
  if (!resolver) {
    std::cerr << "snaplint: error: " << error << '\n';
    return exit_trouble;
  }
  if (options.show_config_for) {
    if (!resolver->write_effective_config(std::cout, *options.show_config_for, &error)) {
      std::cerr << "snaplint: error: " << error << '\n';
      return exit_trouble;
    }
    return exit_clean;
  }
  std::optional<Baseline> baseline;
  if (options.baseline_path) {
    baseline = load_baseline(*options.baseline_path, &error);
    if (!baseline) {
      std::cerr << "snaplint: error: " << error << '\n';
      return exit_trouble;
    }
  }

  const std::vector<std::string> paths =
      options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  std::vector<FileReport> reports;
  std::vector<const FileSettings*> settings;
  std::string bytes;
  std::string last_config_error;
  for (InputFile input : discover_files(paths)) {
    if (input.path.empty() && options.stdin_filename) input.display_path = *options.stdin_filename;
    input.display_path = normalize_display_path(input.display_path);
    const FileSettings* file_settings = resolver->settings_for(input.display_path, &error);
    std::string problem = input.problem;
    if (!file_settings) {
      // A broken config governs many files: say why once, then only name the files.
      problem = error == last_config_error ? "its config is invalid (see above)" : error;
      last_config_error = error;
    }
    if (problem.empty()) problem = read_input(input, bytes);
    if (!problem.empty()) {
      FileReport report;
      report.path = input.display_path;
      report.failure = file_settings ? "cannot read: " + problem : problem;
      std::cerr << "snaplint: error: " << input.display_path << ": " << report.failure << '\n';
      reports.push_back(std::move(report));
      settings.push_back(nullptr);
      continue;
    }
    reports.push_back(file_settings->linter->lint(std::move(bytes), input.display_path));
    settings.push_back(file_settings);
    if (!reports.back().failure.empty()) {
      std::cerr << "snaplint: error: " << input.display_path << ": " << reports.back().failure
                << '\n';
    }
  }

  ReportOptions report_options;
  report_options.quiet = options.quiet;
  report_options.statistics = options.statistics;
  report_options.show_suppressed = options.show_suppressed;
  report_options.command_line_hints = true;
  if (baseline) report_options.stale_baseline = baseline->apply(reports);
  bool trouble = false;
  if (options.write_baseline_path) {
    const Baseline written = Baseline::from_reports(reports);
    std::ostringstream text;
    written.write(text);
    error = write_file_atomically(*options.write_baseline_path, text.str());
    if (!error.empty()) {
      std::cerr << "snaplint: error: " << error << '\n';
      trouble = true;
    } else {
      // What was just accepted no longer counts against this run either.
      written.apply(reports);
      report_options.stale_baseline.clear();
      std::cerr << "snaplint: wrote " << written.size() << " finding"
                << (written.size() == 1 ? "" : "s") << " to " << *options.write_baseline_path
                << '\n';
    }
  }

  for (const OutputTarget& target : options.outputs) {
    std::ostringstream text;
    write_report(text, target.format, reports, report_options);
    error = write_file_atomically(target.path, text.str());
    if (!error.empty()) {
      std::cerr << "snaplint: error: " << error << '\n';
      trouble = true;
    }
  }
  report_options.color = options.format == "text" && use_color(options.color);
  write_report(std::cout, options.format, reports, report_options);
  std::cout.flush();

  if (trouble || summarize(reports).failures > 0) return exit_trouble;
  return run_fails(reports, settings) ? exit_findings : exit_clean;
}

}  // namespace snaplint::cli
