#include "snaplint/registry.hpp"

#include <algorithm>

namespace snaplint {

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

Severity RuleSelection::severity(std::string_view rule) const {
  const auto it = severities_.find(rule);
  return it == severities_.end() ? Severity::error : it->second;
}

}  // namespace snaplint
