#include "snaplint/registry.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "snaplint/suggest.hpp"

namespace snaplint {

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::optional<std::string> fixed_rule_problem(std::string_view name) {
  const RuleInfo& fixed = builtin::too_many_diagnostics;
  if (name != fixed.name && name != fixed.category) return std::nullopt;
  return "'" + std::string(fixed.name) +
         "' cannot be ignored, turned off, suppressed or given a severity: it stands for the "
         "findings past the diagnostics limit, which still count, and takes the highest severity "
         "among them; raise --max-diagnostics (0: no limit) to list them instead";
}

RuleRegistry::RuleRegistry(std::vector<const Rule*> rules) : rules_(std::move(rules)) {
  auto by_name = [](const Rule* a, const Rule* b) { return a->info().name < b->info().name; };
  std::sort(rules_.begin(), rules_.end(), by_name);
  infos_ = {builtin::invalid_json,        builtin::duplicate_key,      builtin::schema,
            builtin::invalid_suppression, builtin::unused_suppression, builtin::expired_suppression,
            builtin::too_many_diagnostics};
  for (const Rule* rule : rules_) infos_.push_back(rule->info());
  std::sort(infos_.begin(), infos_.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.name < b.name; });
}

const RuleInfo* RuleRegistry::find(std::string_view name) const {
  const auto it =
      std::lower_bound(infos_.begin(), infos_.end(), name,
                       [](const RuleInfo& info, std::string_view n) { return info.name < n; });
  return it != infos_.end() && it->name == name ? &*it : nullptr;
}

bool RuleRegistry::is_category(std::string_view name) const {
  return std::any_of(infos_.begin(), infos_.end(),
                     [&](const RuleInfo& info) { return info.category == name; });
}

std::optional<std::string_view> RuleRegistry::suggest(std::string_view name) const {
  std::vector<std::string_view> candidates;
  for (const RuleInfo& info : infos_) {
    candidates.push_back(info.name);
    if (std::find(candidates.begin(), candidates.end(), info.category) == candidates.end()) {
      candidates.push_back(info.category);
    }
  }
  return closest_match(name, candidates);
}

std::string RuleRegistry::unknown_name_message(std::string_view name) const {
  std::string message = "unknown rule or category '" + std::string(name) + "'";
  if (const auto suggestion = suggest(name)) {
    message += "; did you mean '" + std::string(*suggestion) + "'?";
  }
  return message;
}

RuleSelection RuleSelection::all(const RuleRegistry& registry) {
  RuleSelection selection;
  for (const RuleInfo& info : registry.infos()) {
    selection.rules_.emplace(info.name, RuleState{info.default_severity, true});
  }
  return selection;
}

std::optional<RuleSelection> RuleSelection::create(const RuleRegistry& registry,
                                                   const std::vector<std::string>& select,
                                                   const std::vector<std::string>& ignore,
                                                   std::string* error) {
  for (const auto* list : {&select, &ignore}) {
    for (const std::string& name : *list) {
      if (!registry.find(name) && !registry.is_category(name)) {
        if (error) *error = registry.unknown_name_message(name);
        return std::nullopt;
      }
    }
  }
  for (const std::string& name : ignore) {
    if (auto problem = fixed_rule_problem(name)) {
      if (error) *error = std::move(*problem);
      return std::nullopt;
    }
  }
  RuleSelection selection = all(registry);
  if (!select.empty()) selection.select_only(registry, select);
  selection.disable(registry, ignore);
  return selection;
}

bool RuleSelection::enabled(std::string_view rule) const {
  const auto it = rules_.find(rule);
  return it != rules_.end() && it->second.enabled;
}

Severity RuleSelection::severity(std::string_view rule) const {
  const auto it = rules_.find(rule);
  return it == rules_.end() ? Severity::error : it->second.severity;
}

template <class Action>
void RuleSelection::for_matching(const RuleRegistry& registry, std::string_view name,
                                 Action action) {
  for (const RuleInfo& info : registry.infos()) {
    if (info.name != name && info.category != name) continue;
    // Never ignored, turned off or re-severitied (fixed_rule_problem): callers check first, and
    // a caller that did not still cannot hide it.
    if (info.name == builtin::too_many_diagnostics.name) continue;
    auto [it, added] = rules_.try_emplace(info.name, RuleState{info.default_severity, false});
    action(it->second);
  }
}

void RuleSelection::select_only(const RuleRegistry& registry,
                                const std::vector<std::string>& names) {
  // The summary of omitted findings stays on: it stands for findings of the selected rules.
  for (auto& [name, state] : rules_) {
    state.enabled = name == builtin::too_many_diagnostics.name;
  }
  for (const std::string& name : names) {
    for_matching(registry, name, [](RuleState& state) { state.enabled = true; });
  }
}

void RuleSelection::disable(const RuleRegistry& registry, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    for_matching(registry, name, [](RuleState& state) { state.enabled = false; });
  }
}

void RuleSelection::set_severity(const RuleRegistry& registry, std::string_view name,
                                 std::optional<Severity> severity) {
  for_matching(registry, name, [&](RuleState& state) {
    state.enabled = severity.has_value();
    if (severity) state.severity = *severity;
  });
}

namespace {

// An unknown rule or option, with a suggestion for the option.
std::optional<std::string> option_name_problem(const RuleRegistry& registry,
                                               std::string_view rule_name,
                                               std::string_view option_name) {
  const RuleInfo* rule = registry.find(rule_name);
  if (!rule) return "unknown rule '" + std::string(rule_name) + "'";
  if (rule->find_option(option_name)) return std::nullopt;
  std::string message =
      "rule '" + std::string(rule_name) + "' has no option '" + std::string(option_name) + "'";
  std::vector<std::string_view> names;
  for (const RuleOption& candidate : rule->options) names.push_back(candidate.name);
  if (const auto suggestion = closest_match(option_name, names)) {
    message += "; did you mean '" + std::string(*suggestion) + "'?";
  } else if (names.empty()) {
    message += "; it has no options";
  }
  return message;
}

}  // namespace

std::optional<std::string> option_problem(const RuleRegistry& registry, std::string_view rule_name,
                                          std::string_view option_name, double value) {
  if (auto problem = option_name_problem(registry, rule_name, option_name)) return problem;
  const RuleOption* option = registry.find(rule_name)->find_option(option_name);
  if (!(value >= option->minimum && value <= option->maximum)) {
    return "option " + std::string(rule_name) + "." + std::string(option_name) +
           " takes a number from " + format_number(option->minimum) + " to " +
           format_number(option->maximum) + ", not " + format_number(value);
  }
  return std::nullopt;
}

bool RuleSelection::set_option(const RuleRegistry& registry, std::string_view rule,
                               std::string_view option, double value, std::string* error) {
  if (auto problem = option_problem(registry, rule, option, value)) {
    if (error) *error = std::move(*problem);
    return false;
  }
  options_[std::string(rule) + "." + std::string(option)] = value;
  return true;
}

bool RuleSelection::set_option(const RuleRegistry& registry, std::string_view assignment,
                               std::string* error) {
  auto fail = [&](std::string message) {
    if (error) *error = std::move(message);
    return false;
  };
  const std::size_t equals = assignment.find('=');
  const std::size_t dot = assignment.substr(0, equals).rfind('.');
  if (equals == std::string_view::npos || dot == std::string_view::npos) {
    return fail("rule option '" + std::string(assignment) + "' is not RULE.OPTION=VALUE");
  }
  const std::string_view rule_name = assignment.substr(0, dot);
  const std::string_view option_name = assignment.substr(dot + 1, equals - dot - 1);
  const std::string value_text(assignment.substr(equals + 1));
  char* end = nullptr;
  const double value = std::strtod(value_text.c_str(), &end);
  if (value_text.empty() || end != value_text.c_str() + value_text.size()) {
    if (auto problem = option_name_problem(registry, rule_name, option_name)) {
      return fail(std::move(*problem));
    }
    return fail("option " + std::string(rule_name) + "." + std::string(option_name) +
                " takes a number, not '" + value_text + "'");
  }
  return set_option(registry, rule_name, option_name, value, error);
}

double RuleSelection::option(const RuleInfo& rule, std::string_view name) const {
  const auto it = options_.find(std::string(rule.name) + "." + std::string(name));
  if (it != options_.end()) return it->second;
  const RuleOption* option = rule.find_option(name);
  return option ? option->default_value : 0.0;
}

}  // namespace snaplint
