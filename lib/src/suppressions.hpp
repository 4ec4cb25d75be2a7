// Suppressions a snapshot carries in its own metadata: JSON has no comments, so a team writes
// "metadata": {"snaplint": {"suppress": [{"rule", "id", "reason", "until"}]}} and the entry is
// keyed by entity id, which survives re-indenting and reordering, unlike a line or an index.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/engine.hpp"

namespace snaplint {

struct SuppressionEntry {
  JsonRef json = no_value;  // the entry object
  std::string rule;         // a rule name or a category
  std::optional<std::string> id;
  std::string reason;
  bool used = false;
};

using SuppressionReport = std::function<void(const RuleInfo& rule, Finding finding)>;

// The entries that are in force today ("YYYY-MM-DD"). Malformed entries are reported as
// invalid-suppression and expired ones as expired-suppression; neither suppresses anything.
std::vector<SuppressionEntry> read_suppressions(const JsonDocument& doc, const Model& model,
                                                const RuleRegistry& registry,
                                                std::string_view today,
                                                const SuppressionReport& report);

// Moves every diagnostic an entry covers (same rule or category, and the same entity id when the
// entry names one) from `report.diagnostics` to `report.suppressed`, and marks the entry used.
// The suppression rules' own findings are never suppressed.
void apply_suppressions(std::vector<SuppressionEntry>& entries, const RuleRegistry& registry,
                        FileReport& report);

// unused-suppression for each entry that matched nothing.
void report_unused_suppressions(const std::vector<SuppressionEntry>& entries,
                                const RuleRegistry& registry, const RuleSelection& selection,
                                const SuppressionReport& report);

// Today's date in UTC, as YYYY-MM-DD.
std::string current_utc_date();

}  // namespace snaplint
