// missing-nodeable: a typed node without its payload object (webhook, knowledge_base, ...). The
// SDK raises when it loads such a node.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class MissingNodeable final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"missing-nodeable", "payloads", Severity::error,
                                   "a typed node lacks its payload object"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    for (const Node& node : context.model.nodes) {
      const std::string_view key = payload_key(node.type);
      if (key.empty() || node.payloads[payload_index(key)] != no_value) continue;
      const std::string payload(key);
      reporter.report(Finding{{node.json},
                              std::string(to_string(node.type)) + " " + display_name(node) +
                                  " has no '" + payload + "' payload",
                              entity_of(node),
                              {},
                              "add \"" + payload + "\": {...} with the node's settings"});
    }
  }
};

}  // namespace

const Rule& missing_nodeable() {
  static const MissingNodeable rule;
  return rule;
}

}  // namespace snaplint::rules
