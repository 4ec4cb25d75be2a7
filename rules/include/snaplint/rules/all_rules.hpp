// The rule modules' single entry point.
#pragma once

#include <vector>

#include "snaplint/registry.hpp"

namespace snaplint::rules {

// Every rule with a check, in name order.
std::vector<const Rule*> all_rules();

// A registry of all_rules() plus the engine's built-in rules.
const RuleRegistry& default_registry();

// The rule's page (docs/rules/<name>.md) as Markdown, or an empty view when it has none.
std::string_view rule_documentation(std::string_view name);

}  // namespace snaplint::rules
