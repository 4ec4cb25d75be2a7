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
// The suppressions a snapshot carries in metadata.snaplint.suppress.
inline constexpr RuleInfo invalid_suppression{
    "invalid-suppression", "suppression", Severity::error,
    "a suppression in metadata.snaplint is malformed and suppresses nothing"};
inline constexpr RuleInfo unused_suppression{"unused-suppression", "suppression", Severity::warning,
                                             "a suppression matches no finding"};
inline constexpr RuleInfo expired_suppression{
    "expired-suppression", "suppression", Severity::warning,
    "a suppression is past its 'until' date and no longer suppresses"};
// The summary that stands for a file's findings beyond the diagnostics limit (the engine's
// too_many_diagnostics_rule). Its severity is not its own: it takes the highest severity among
// the findings it stands for, so `default_severity` is only that ceiling. Those findings still
// count (exit code, fail-on, max-warnings), so hiding the summary would leave a failing run with
// no visible reason: it cannot be ignored, given a severity or suppressed (fixed_rule_problem),
// and a `select` that leaves it out does not turn it off.
inline constexpr RuleInfo too_many_diagnostics{
    "too-many-diagnostics", "limits", Severity::error,
    "more findings than the diagnostics limit: one summary, at the worst severity among them, "
    "stands for the rest"};
}  // namespace builtin

// Why the rule or category `name` cannot be ignored, turned off, given a severity or suppressed
// (it is or holds builtin::too_many_diagnostics), or nothing when it can.
std::optional<std::string> fixed_rule_problem(std::string_view name);

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
  // The rule or category name closest to a misspelt one ("did you mean"), if any is close.
  std::optional<std::string_view> suggest(std::string_view name) const;
  // "unknown rule or category 'x'", with a suggestion when one is close.
  std::string unknown_name_message(std::string_view name) const;

 private:
  std::vector<const Rule*> rules_;
  std::vector<RuleInfo> infos_;
};

// Which rules run, and at which severity. Every rule keeps a severity even while it is disabled,
// so a later layer of configuration that enables it again finds the severity an earlier one set.
class RuleSelection {
 public:
  // `select` (empty: all) and `ignore` hold rule names or categories. Returns nothing and sets
  // `error` for a name that is neither.
  static std::optional<RuleSelection> create(const RuleRegistry& registry,
                                             const std::vector<std::string>& select,
                                             const std::vector<std::string>& ignore,
                                             std::string* error);
  static RuleSelection all(const RuleRegistry& registry);

  bool enabled(std::string_view rule) const;
  Severity severity(std::string_view rule) const;

  // The steps of one configuration layer. Names are rule names or categories (a name matches the
  // rule of that name and every rule of that category); unknown names match nothing, so check
  // them with RuleRegistry::find / is_category first.
  // Enables exactly the matching rules and disables the others.
  void select_only(const RuleRegistry& registry, const std::vector<std::string>& names);
  // Disables the matching rules.
  void disable(const RuleRegistry& registry, const std::vector<std::string>& names);
  // Sets the severity of the matching rules and enables them; nothing ("off") disables them.
  void set_severity(const RuleRegistry& registry, std::string_view name,
                    std::optional<Severity> severity);

  // Sets a rule option from "RULE.OPTION=VALUE" text. Returns false and sets `error` for an
  // unknown rule or option, a value that is not a number, or one outside the option's range.
  bool set_option(const RuleRegistry& registry, std::string_view assignment, std::string* error);
  // The same with the parts apart (a config file's "rules": {"RULE": {"OPTION": VALUE}}).
  bool set_option(const RuleRegistry& registry, std::string_view rule, std::string_view option,
                  double value, std::string* error);
  // The option's value: what set_option gave, else the default.
  double option(const RuleInfo& rule, std::string_view name) const;

  // Same rules enabled, same severities, same options: one Engine serves both.
  friend bool operator==(const RuleSelection&, const RuleSelection&) = default;

 private:
  struct RuleState {
    Severity severity = Severity::error;
    bool enabled = false;
    friend bool operator==(const RuleState&, const RuleState&) = default;
  };
  template <class Action>
  void for_matching(const RuleRegistry& registry, std::string_view name, Action action);

  std::unordered_map<std::string_view, RuleState> rules_;  // views into RuleInfo names
  std::unordered_map<std::string, double> options_;        // "rule.option" → value
};

// Why `value` cannot be option `option` of rule `rule` (unknown rule or option, out of range),
// or nothing when it can.
std::optional<std::string> option_problem(const RuleRegistry& registry, std::string_view rule,
                                          std::string_view option, double value);

}  // namespace snaplint
