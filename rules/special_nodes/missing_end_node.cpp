// missing-end-node: no node is named __end__. The runner finds the exit by that name only.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class MissingEndNode final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"missing-end-node", "special-nodes", Severity::error,
                                   "no node is named __end__"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    if (context.model.nodes_array == no_value || context.model.end_node != no_index) return;
    report_missing_special_node(context, reporter, end_node_name, "exit", "end");
  }
};

}  // namespace

const Rule& missing_end_node() {
  static const MissingEndNode rule;
  return rule;
}

}  // namespace snaplint::rules
