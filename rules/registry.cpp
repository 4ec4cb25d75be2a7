#include "rule_support.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint::rules {

std::vector<const Rule*> all_rules() {
  // Sorted by rule name; one line per rule.
  return {
      &dangling_edge(),
      &duplicate_node_id(),
      &duplicate_node_name(),
      &global_condition_conflict(),
      &global_condition_ignored(),
      &global_condition_missing(),
      &mismatched_nodeable(),
      &missing_end_node(),
      &missing_nodeable(),
      &missing_start_node(),
      &missing_tool(),
      &unknown_node_type(),
      &unreachable_node(),
      &warm_end_timeout(),
      &webhook_method(),
      &webhook_url(),
      &whatsapp_template_fields(),
  };
}

const RuleRegistry& default_registry() {
  static const RuleRegistry registry(all_rules());
  return registry;
}

}  // namespace snaplint::rules
