// What linting one snapshot found: the findings that count, the ones a suppression silenced, and
// writers for the formats the CLI prints.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "snaplint/diagnostic.hpp"
#include "snaplint/export.hpp"

namespace snaplint {

struct FileReport;

class SNAPLINT_API Report {
 public:
  // The name the snapshot was linted under (shown in reports, matched by config overrides).
  const std::string& name() const;
  // Sorted by position, then rule; the same fields as the JSON output.
  const std::vector<Diagnostic>& diagnostics() const;
  // Silenced by a suppression in the snapshot's metadata; each has `suppression` set.
  const std::vector<Diagnostic>& suppressed() const;

  // Set when the snapshot could not be linted at all (an internal error); empty otherwise.
  const std::string& failure() const;

  // Counts of findings by severity. Past the diagnostics limit (1000 per snapshot), diagnostics()
  // ends with one too-many-diagnostics summary instead of the rest; the counts and fails() still
  // include every finding.
  bool has_errors() const { return error_count() > 0; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  std::size_t info_count() const;
  // Whether the config's policy (fail-on, max-warnings) rejects the snapshot: what a program
  // about to upload it should check.
  bool fails() const;

  void write_text(std::ostream& out, bool color = false) const;
  void write_json(std::ostream& out) const;
  void write_sarif(std::ostream& out) const;

 private:
  friend class Linter;
  Report(std::shared_ptr<const FileReport> report, Severity fail_on,
         std::optional<unsigned long long> max_warnings);

  std::size_t count(Severity severity) const;
  std::shared_ptr<const FileReport> report_;
  Severity fail_on_;
  std::optional<unsigned long long> max_warnings_;
};

}  // namespace snaplint
