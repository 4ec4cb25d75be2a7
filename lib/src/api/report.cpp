#include "snaplint/report.hpp"

#include <algorithm>

#include "snaplint/engine.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint {

Report::Report(std::shared_ptr<const FileReport> report, Severity fail_on,
               std::optional<unsigned long long> max_warnings)
    : report_(std::move(report)), fail_on_(fail_on), max_warnings_(max_warnings) {}

const std::string& Report::name() const {
  return report_->path;
}
const std::vector<Diagnostic>& Report::diagnostics() const {
  return report_->diagnostics;
}
const std::vector<Diagnostic>& Report::suppressed() const {
  return report_->suppressed;
}
const std::string& Report::failure() const {
  return report_->failure;
}

// Findings beyond the diagnostics limit count too: a cut report must not pass.
std::size_t Report::count(Severity severity) const {
  const FindingCounts counts = count_findings(*report_);
  switch (severity) {
    case Severity::error:
      return counts.errors;
    case Severity::warning:
      return counts.warnings;
    case Severity::info:
      return counts.infos;
  }
  return 0;
}
std::size_t Report::error_count() const {
  return count(Severity::error);
}
std::size_t Report::warning_count() const {
  return count(Severity::warning);
}
std::size_t Report::info_count() const {
  return count(Severity::info);
}

bool Report::fails() const {
  if (!report_->failure.empty() || error_count() > 0) return true;
  if (fail_on_ == Severity::warning && warning_count() > 0) return true;
  return max_warnings_ && warning_count() > *max_warnings_;
}

void Report::write_text(std::ostream& out, bool color) const {
  ReportOptions options;
  options.color = color;
  snaplint::write_text(out, {*report_}, options);
}

void Report::write_json(std::ostream& out) const {
  snaplint::write_json(out, {*report_}, {});
}

void Report::write_sarif(std::ostream& out) const {
  snaplint::write_sarif(out, {*report_}, rules::default_registry(), &rules::rule_documentation, {});
}

}  // namespace snaplint
