// global-condition-ignored: `global_condition` on a node that is not global. The runner never
// reads it, and the SDK raises on it.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class GlobalConditionIgnored final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"global-condition-ignored", "global-conditions",
                                   Severity::warning,
                                   "global_condition is set on a node that is not global"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (node.is_global) continue;
      const JsonRef condition = node.global_condition_ref;
      if (!doc.is(condition, JsonType::string) || doc.string(condition).empty()) continue;
      reporter.report(Finding{{condition},
                              "node " + display_name(node) +
                                  " has a 'global_condition' but is not global, so it is ignored",
                              entity_of(node),
                              {},
                              // __start__ and __end__ cannot be global.
                              node.is_special()
                                  ? "remove 'global_condition'"
                                  : "set \"global\": true, or remove 'global_condition'"});
    }
  }
};

}  // namespace

const Rule& global_condition_ignored() {
  static const GlobalConditionIgnored rule;
  return rule;
}

}  // namespace snaplint::rules
