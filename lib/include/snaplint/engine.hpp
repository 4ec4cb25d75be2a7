// Lints one file's bytes into diagnostics: parse, duplicate keys, schema, model, rules. Never
// prints, never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "snaplint/diagnostic.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/model.hpp"
#include "snaplint/registry.hpp"
#include "snaplint/schema_check.hpp"

namespace snaplint {

// Findings by severity.
struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t total() const { return errors + warnings + infos; }
  void add(Severity severity);
};

// The rule name of the diagnostic that stands for the findings beyond LintLimits::max_diagnostics
// (builtin::too_many_diagnostics in the registry, for `snaplint rules` and `explain`). It cannot be
// ignored, given a severity or suppressed (fixed_rule_problem), only avoided by raising the limit.
inline constexpr std::string_view too_many_diagnostics_rule = "too-many-diagnostics";

struct FileReport {
  std::string path;
  // Sorted by line, column, rule. When findings were omitted (see `omitted`), the last one is the
  // too-many-diagnostics summary, with the highest severity among them.
  std::vector<Diagnostic> diagnostics;
  std::vector<Diagnostic> suppressed;  // findings a suppression or the baseline silenced, sorted
  std::string failure;                 // set when the file could not be read or linted at all
  std::optional<Envelope> envelope;    // absent when the file is not valid JSON
  // Findings not in `diagnostics` (past max_diagnostics, or never built past max_findings),
  // counted here by severity.
  FindingCounts omitted;
  // How many of the omitted were never built (past LintLimits::max_findings): no option lists them.
  std::size_t unbuilt = 0;
};

// The findings of a report by severity, the omitted ones included and the summary diagnostic that
// stands for them excluded: what exit codes, budgets and summaries count.
FindingCounts count_findings(const FileReport& report);

// Keeps the first `max_diagnostics` diagnostics (0: all), counts the rest in `omitted`, and ends
// the list with one too-many-diagnostics summary of everything omitted (replacing an earlier
// summary), if anything was. `hint` tells how to see them all.
void limit_diagnostics(FileReport& report, std::size_t max_diagnostics, std::string_view hint);

// What one lint may cost. Past a limit there is a diagnostic, never a crash.
struct LintLimits {
  ParseLimits parse;  // nesting depth (invalid-json beyond), string length (a schema finding)
  // Diagnostics kept per file, after suppressions; 0: all. The CLI applies it itself after the
  // baseline (and asks the engine for all), so a baseline always sees every finding.
  std::uint32_t max_diagnostics = 1000;
  // Findings built into diagnostics per file, in the order they are found (duplicate keys, long
  // strings, rules, schema, suppressions); beyond, they are only counted, by severity, so that a
  // file with millions of findings cannot exhaust memory. They still fail the run, but cannot be
  // suppressed or baselined. 0: no limit.
  std::size_t max_findings = 100000;
};

class Engine {
 public:
  // `registry` must outlive the linter. `today` (YYYY-MM-DD) decides which suppressions have
  // expired; empty means the current date in UTC.
  Engine(const RuleRegistry& registry, RuleSelection selection, LintLimits limits = {},
         std::string today = {});

  // `bytes` need only live until lint returns: the report holds no reference to them.
  FileReport lint(std::string_view bytes, std::string path) const;
  // With other limits than the engine's own: the CLI keeps one engine per rule selection and
  // passes the run's limits (its options) to each call.
  FileReport lint(std::string_view bytes, std::string path, const LintLimits& limits) const;

  // Documents of at least this many JSON values are linted on two threads: a second one checks
  // the schema and then shares the rules with this one. The report does not depend on it; tests
  // set it to 0 or to the maximum.
  void set_parallel_threshold(std::size_t values) { parallel_threshold_ = values; }
  // Files of at least this many bytes have their nodes and edges read on a second thread while
  // the parser reads the rest (model_stream.hpp). The report does not depend on it either.
  void set_follow_threshold(std::size_t bytes) { follow_threshold_ = bytes; }

 private:
  void lint_into(FileReport& report, std::string_view bytes, const LintLimits& limits) const;

  const RuleRegistry& registry_;
  RuleSelection selection_;
  LintLimits limits_;
  std::string today_;
  const SchemaCheck& schema_ = SchemaCheck::shared();
  // About 1 MB of snapshot: there the schema check and the rules take milliseconds, a thread
  // tens of microseconds.
  std::size_t parallel_threshold_ = 40000;
  // The size from which the parser starts a second thread anyway (to search for NUL bytes).
  std::size_t follow_threshold_ = std::size_t{4} << 20;
};

}  // namespace snaplint
