// mismatched-nodeable: a node carries the payload of another type (`webhook` on a DefaultNode,
// `subagent` on a WebhookNode). The runner reads only the payload that matches the type.
#include <array>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class MismatchedNodeable final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"mismatched-nodeable", "payloads", Severity::warning,
                                   "a node carries a payload for another node type"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (node.type == NodeType::unknown) continue;  // unknown-node-type's business
      const std::string_view own = payload_key(node.type);
      const auto& payloads = node.payloads;
      for (std::size_t i = 0; i < std::size(payload_keys); ++i) {
        const std::string_view key = payload_keys[i];
        if (key == own) continue;
        const JsonRef payload = payloads[i];
        if (payload == no_value || doc.is(payload, JsonType::null_value)) continue;
        const std::string_view owner = node_type_names[i + 1];
        reporter.report(
            Finding{{payload, true},
                    std::string(to_string(node.type)) + " " + display_name(node) + " carries a '" +
                        std::string(key) + "' payload, which only " + std::string(owner) + " uses",
                    entity_of(node),
                    {},
                    "remove '" + std::string(key) + "', or make the node a " + std::string(owner)});
      }
    }
  }
};

}  // namespace

const Rule& mismatched_nodeable() {
  static const MismatchedNodeable rule;
  return rule;
}

}  // namespace snaplint::rules
