// Writers for a run's reports. They only write to the stream they are given.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "snaplint/linter.hpp"

namespace snaplint {

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t failures = 0;  // files that could not be read or linted
};

Summary summarize(const std::vector<FileReport>& reports);

struct TextStyle {
  bool color = false;
};

// file:line:col: severity: message [rule], a code frame, help and related lines, then a summary.
void write_text(std::ostream& out, const std::vector<FileReport>& reports, const TextStyle& style);

// The JSON report: {"tool", "files": [{"path", "diagnostics": [...]}], "summary"}.
void write_json(std::ostream& out, const std::vector<FileReport>& reports);

}  // namespace snaplint

namespace snaplint {

// `snaplint rules`: one line per rule (name, category, severity, summary), or JSON.
void write_rule_list_text(std::ostream& out, const RuleRegistry& registry);
void write_rule_list_json(std::ostream& out, const RuleRegistry& registry);

}  // namespace snaplint
