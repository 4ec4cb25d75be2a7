// Every rule snaplint knows (the engine's own three and the rule modules'), and which of them a
// run enables at which severity.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "snaplint/rule.hpp"

namespace snaplint {

// Rules the engine itself reports while loading a file; they have metadata but no check.
namespace builtin {
inline constexpr RuleInfo invalid_json{"invalid-json", "syntax", Severity::error,
                                       "the file is not one well-formed UTF-8 JSON text"};
inline constexpr RuleInfo duplicate_key{"duplicate-key", "syntax", Severity::error,
                                        "an object repeats a key; the last value wins"};
inline constexpr RuleInfo schema{"schema", "schema", Severity::error,
                                 "the document breaks the snapshot JSON Schema"};
}  // namespace builtin

// Shortest text for an option value: 0.75, 3, 1e+06.
std::string format_number(double value);

class RuleRegistry {
 public:
  explicit RuleRegistry(std::vector<const Rule*> rules);

  // All rules, the built-in ones included, sorted by name.
  const std::vector<RuleInfo>& infos() const { return infos_; }
  // The rules with a check, sorted by name.
  const std::vector<const Rule*>& rules() const { return rules_; }
  const RuleInfo* find(std::string_view name) const;
  bool is_category(std::string_view name) const;

 private:
  std::vector<const Rule*> rules_;
  std::vector<RuleInfo> infos_;
};

// Which rules run, and at which severity.
class RuleSelection {
 public:
  // `select` (empty: all) and `ignore` hold rule names or categories. Returns nothing and sets
  // `error` for a name that is neither.
  static std::optional<RuleSelection> create(const RuleRegistry& registry,
                                             const std::vector<std::string>& select,
                                             const std::vector<std::string>& ignore,
                                             std::string* error);
  static RuleSelection all(const RuleRegistry& registry);

  bool enabled(std::string_view rule) const { return severities_.count(rule) != 0; }
  Severity severity(std::string_view rule) const;

  // Sets a rule option from "RULE.OPTION=VALUE" text. Returns false and sets `error` for an
  // unknown rule or option, a value that is not a number, or one outside the option's range.
  bool set_option(const RuleRegistry& registry, std::string_view assignment, std::string* error);
  // The option's value: what set_option gave, else the default.
  double option(const RuleInfo& rule, std::string_view name) const;

 private:
  std::unordered_map<std::string_view, Severity> severities_;  // views into RuleInfo names
  std::unordered_map<std::string, double> options_;            // "rule.option" → value
};

}  // namespace snaplint
