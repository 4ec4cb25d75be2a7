#include "snaplint/registry.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace snaplint {

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

RuleRegistry::RuleRegistry(std::vector<const Rule*> rules) : rules_(std::move(rules)) {
  auto by_name = [](const Rule* a, const Rule* b) { return a->info().name < b->info().name; };
  std::sort(rules_.begin(), rules_.end(), by_name);
  infos_ = {builtin::invalid_json, builtin::duplicate_key, builtin::schema};
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

RuleSelection RuleSelection::all(const RuleRegistry& registry) {
  RuleSelection selection;
  for (const RuleInfo& info : registry.infos()) {
    selection.severities_.emplace(info.name, info.default_severity);
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
        if (error) *error = "unknown rule or category '" + name + "'";
        return std::nullopt;
      }
    }
  }
  auto matches = [](const std::vector<std::string>& names, const RuleInfo& info) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
      return name == info.name || name == info.category;
    });
  };
  RuleSelection selection;
  for (const RuleInfo& info : registry.infos()) {
    if (!select.empty() && !matches(select, info)) continue;
    if (matches(ignore, info)) continue;
    selection.severities_.emplace(info.name, info.default_severity);
  }
  return selection;
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
  const RuleInfo* rule = registry.find(rule_name);
  if (!rule) return fail("unknown rule '" + std::string(rule_name) + "'");
  const RuleOption* option = rule->find_option(option_name);
  if (!option) {
    return fail("rule '" + std::string(rule_name) + "' has no option '" + std::string(option_name) +
                "'");
  }
  char* end = nullptr;
  const double value = std::strtod(value_text.c_str(), &end);
  if (value_text.empty() || end != value_text.c_str() + value_text.size() ||
      !(value >= option->minimum && value <= option->maximum)) {
    return fail("option " + std::string(rule_name) + "." + std::string(option_name) +
                " takes a number from " + format_number(option->minimum) + " to " +
                format_number(option->maximum) + ", not '" + value_text + "'");
  }
  options_[std::string(rule_name) + "." + std::string(option_name)] = value;
  return true;
}

double RuleSelection::option(const RuleInfo& rule, std::string_view name) const {
  const auto it = options_.find(std::string(rule.name) + "." + std::string(name));
  if (it != options_.end()) return it->second;
  const RuleOption* option = rule.find_option(name);
  return option ? option->default_value : 0.0;
}

Severity RuleSelection::severity(std::string_view rule) const {
  const auto it = severities_.find(rule);
  return it == severities_.end() ? Severity::error : it->second;
}

}  // namespace snaplint
