#include "rule_support.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint::rules {

std::vector<const Rule*> all_rules() {
  // Sorted by rule name; one line per rule.
  return {
      &ambiguous_branch(),
      &code_like_condition(),
      &dangling_edge(),
      &dead_end_node(),
      &duplicate_edge(),
      &duplicate_edge_id(),
      &duplicate_node_id(),
      &duplicate_node_name(),
      &duplicate_tool_id(),
      &duplicate_tool_ref(),
      &edge_into_global_node(),
      &empty_prompt(),
      &end_node_outgoing_edge(),
      &global_condition_conflict(),
      &global_condition_ignored(),
      &global_condition_missing(),
      &global_condition_overlap(),
      &global_condition_shadows_edge(),
      &handoff_outgoing_edge(),
      &invalid_node_name(),
      &knowledge_base_empty(),
      &mismatched_nodeable(),
      &missing_end_node(),
      &missing_nodeable(),
      &missing_start_node(),
      &missing_tool(),
      &nodeable_id_mismatch(),
      &reserved_node_name(),
      &self_loop(),
      &start_node_edges(),
      &subagent_tools(),
      &template_variable_syntax(),
      &trap_cycle(),
      &unknown_field(),
      &unknown_node_type(),
      &unreachable_node(),
      &unused_tool(),
      &warm_end_timeout(),
      &webhook_json_field(),
      &webhook_method(),
      &webhook_mock_enabled(),
      &webhook_url(),
      &whatsapp_template_fields(),
  };
}

const RuleRegistry& default_registry() {
  static const RuleRegistry registry(all_rules());
  return registry;
}

}  // namespace snaplint::rules
