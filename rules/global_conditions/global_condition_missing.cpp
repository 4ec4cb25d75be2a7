// global-condition-missing: a global node without a usable `global_condition`. The runner offers a
// global node by its condition; the SDK raises when it is missing.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class GlobalConditionMissing final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"global-condition-missing", "global-conditions", Severity::error,
                                   "a global node has no global_condition, or a blank one"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (!node.is_global) continue;
      const JsonRef condition = node.global_condition_ref;
      if (doc.is(condition, JsonType::string) && !is_blank(doc.string(condition))) continue;
      if (condition != no_value && !doc.is(condition, JsonType::string) &&
          !doc.is(condition, JsonType::null_value)) {
        continue;  // a wrong type is the schema's finding
      }
      const bool absent = condition == no_value || doc.is(condition, JsonType::null_value);
      reporter.report(Finding{
          // The node lacks the field; a null or blank one is itself the problem.
          {condition == no_value ? node.json : condition},
          "global node " + display_name(node) +
              (absent ? " has no 'global_condition'" : " has a blank 'global_condition'"),
          entity_of(node),
          {},
          "describe when the runner should offer this node, e.g. \"the user asks for a human\""});
    }
  }
};

}  // namespace

const Rule& global_condition_missing() {
  static const GlobalConditionMissing rule;
  return rule;
}

}  // namespace snaplint::rules
