// missing-start-node: no node is named __start__. The runner finds the entry by that name only.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class MissingStartNode final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"missing-start-node", "special-nodes", Severity::error,
                                   "no node is named __start__"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    if (context.model.nodes_array == no_value || context.model.start_node != no_index) return;
    report_missing_special_node(context, reporter, start_node_name, "entry", "start");
  }
};

}  // namespace

const Rule& missing_start_node() {
  static const MissingStartNode rule;
  return rule;
}

}  // namespace snaplint::rules
