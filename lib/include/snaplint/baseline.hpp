// A baseline: the findings a team has accepted for now, so a run reports only new ones. Findings
// are matched by their semantic fingerprint, never by position.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/engine.hpp"
#include "snaplint/report_writer.hpp"

namespace snaplint {

class Baseline {
 public:
  // Every finding of the reports, the ones already baselined included; metadata suppressions
  // stay out (the snapshot carries those itself).
  static Baseline from_reports(const std::vector<FileReport>& reports);
  // Reads a baseline file. Returns nothing and sets `error` (with a line and column) when the
  // text is not one.
  static std::optional<Baseline> parse(std::string_view text, std::string* error);

  std::size_t size() const { return entries_.size(); }
  // Sorted by path, rule, entity and message, so the file diffs well under version control.
  void write(std::ostream& out) const;

  // Moves each finding that has a match in the baseline into its report's `suppressed` list (one
  // baseline entry absorbs one finding). Returns the entries of the linted files that matched
  // nothing: those findings are gone and the baseline can be tightened.
  std::vector<StaleBaselineEntry> apply(std::vector<FileReport>& reports) const;

 private:
  struct Entry {
    std::string fingerprint;
    StaleBaselineEntry finding;
  };
  std::vector<Entry> entries_;
};

}  // namespace snaplint
