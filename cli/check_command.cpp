#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "config_resolver.hpp"
#include "file_discovery.hpp"
#include "input_bytes.hpp"
#include "snaplint/baseline.hpp"
#include "snaplint/engine.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint::cli {

namespace {

// stderr is a terminal too, and the message names files: a path or config error quoting a file
// name with an escape sequence, a newline or a bidirectional override is shown as the text
// report shows it (printable), never obeyed or split.
void print_error(std::string_view message) {
  std::cerr << "snaplint: error: " << printable(message) << '\n';
}

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
    // Findings beyond --max-diagnostics count as well.
    const FindingCounts counts = count_findings(reports[i]);
    if (counts.errors > 0) return true;
    if (counts.warnings > 0 && file.fail_on == FailOn::warning) return true;
    const unsigned long long warnings = counts.warnings;
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

unsigned worker_count(unsigned requested, std::size_t files) {
  if (files <= 1) return 1;  // without asking for the cores (a file read, on Linux)
  unsigned workers = requested;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(files, 1)));
}

// Lints inputs[i] into reports[i] on `workers` threads; problems[i] is set for a file that
// cannot be read or is larger than `max_file_size`. Each report depends only on its file, so
// the output is the same for every number of workers.
void lint_in_parallel(const std::vector<InputFile>& inputs,
                      const std::vector<const FileSettings*>& settings,
                      std::vector<std::string>& problems, std::vector<FileReport>& reports,
                      unsigned workers, std::uint64_t max_file_size, const LintLimits& limits) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    InputBytes bytes;  // one buffer per thread, reused from file to file
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      std::string& problem = problems[i];
      if (problem.empty()) problem = bytes.load(inputs[i], max_file_size);
      if (!problem.empty()) {
        reports[i].path = inputs[i].display_path;
        reports[i].failure = problem;
        continue;
      }
      reports[i] = settings[i]->linter->lint(bytes.bytes(), inputs[i].display_path, limits);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
}

}  // namespace

int run_check(const CheckOptions& options) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  const std::unique_ptr<ConfigResolver> resolver =
      ConfigResolver::create(options, registry, &error);
  if (!resolver) {
    print_error(error);
    return exit_trouble;
  }
  if (options.show_config_for) {
    if (!resolver->write_effective_config(std::cout, *options.show_config_for, &error)) {
      print_error(error);
      return exit_trouble;
    }
    return exit_clean;
  }
  std::optional<Baseline> baseline;
  if (options.baseline_path) {
    baseline = load_baseline(*options.baseline_path, &error);
    if (!baseline) {
      print_error(error);
      return exit_trouble;
    }
  }

  const std::vector<std::string> paths =
      options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  std::vector<InputFile> inputs = discover_files(paths);
  for (InputFile& input : inputs) {
    if (input.path.empty() && options.stdin_filename) input.display_path = *options.stdin_filename;
    input.display_path = normalize_display_path(input.display_path);
  }
  // Reports come in path order whatever the order of the command line; a file named twice is
  // linted once.
  std::stable_sort(inputs.begin(), inputs.end(), [](const InputFile& a, const InputFile& b) {
    return a.display_path < b.display_path;
  });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const InputFile& a, const InputFile& b) {
                             return a.display_path == b.display_path && a.path == b.path;
                           }),
               inputs.end());

  // Settings first, in order: the resolver's caches are not shared between threads, and a
  // broken config is explained once, at the first file it governs.
  std::vector<FileReport> reports(inputs.size());
  std::vector<const FileSettings*> settings(inputs.size());
  std::vector<std::string> problems(inputs.size());
  std::string last_config_error;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    settings[i] = resolver->settings_for(inputs[i].display_path, &error);
    problems[i] = inputs[i].problem;
    if (!settings[i]) {
      problems[i] = error == last_config_error ? "its config is invalid (see above)" : error;
      last_config_error = error;
    }
  }

  // Every finding first: the baseline must see them all; the diagnostics limit comes after it.
  LintLimits limits;
  limits.parse.max_depth = options.max_depth;
  limits.parse.max_string_length = options.max_string_length;
  limits.max_diagnostics = 0;
  lint_in_parallel(inputs, settings, problems, reports, worker_count(options.jobs, inputs.size()),
                   options.max_file_size, limits);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!reports[i].failure.empty()) {
      print_error(inputs[i].display_path + ": " + reports[i].failure);
      if (!problems[i].empty()) settings[i] = nullptr;  // not linted: no findings to judge
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
      print_error(error);
      trouble = true;
    } else {
      // What was just accepted no longer counts against this run either.
      written.apply(reports);
      report_options.stale_baseline.clear();
      std::cerr << "snaplint: wrote " << written.size() << " finding"
                << (written.size() == 1 ? "" : "s") << " to "
                << printable(*options.write_baseline_path) << '\n';
    }
  }

  for (FileReport& report : reports) {
    limit_diagnostics(report, options.max_diagnostics,
                      "run with --max-diagnostics 0 to see them all (the exit code counts them)");
  }
  for (const OutputTarget& target : options.outputs) {
    std::ostringstream text;
    write_report(text, target.format, reports, report_options);
    error = write_file_atomically(target.path, text.str());
    if (!error.empty()) {
      print_error(error);
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
