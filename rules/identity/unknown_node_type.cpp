// unknown-node-type: `type` is not one of the seven the runner knows; it fails building the graph.
#include "../rule_support.hpp"
#include "snaplint/suggest.hpp"

namespace snaplint::rules {
namespace {

class UnknownNodeType final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"unknown-node-type", "identity", Severity::error,
                                   "a node's type is not one of the seven Kapso knows"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const std::vector<std::string_view> known(std::begin(node_type_names),
                                              std::end(node_type_names));
    const Model& model = context.model;
    for (const Node& node : model.nodes) {
      if (node.type != NodeType::unknown || node.type_ref == no_value) continue;
      Finding finding{
          {node.type_ref},
          "node " + display_name(node) + " has unknown type " + quoted(model.type_name(node)),
          entity_of(node)};
      // Case-only slips such as 'WhatsAppTemplateNode' are the common case; allow a few edits
      // beyond that for longer names.
      // 'Webhook' for 'WebhookNode': the suffix is the part people forget.
      auto match = closest_match(model.type_name(node), known, 3);
      if (!match) {
        const std::string with_suffix = std::string(model.type_name(node)) + "Node";
        for (std::string_view name : known) {
          if (edit_distance(with_suffix, name, true, 1) <= 1) {
            match = name;
            break;
          }
        }
      }
      if (match) {
        finding.help = "did you mean " + quoted(*match) + "?";
      } else {
        finding.help =
            "use one of DefaultNode, SubagentNode, WebhookNode, KnowledgeBaseNode, "
            "HandoffNode, WarmEndNode, WhatsappTemplateNode";
      }
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& unknown_node_type() {
  static const UnknownNodeType rule;
  return rule;
}

}  // namespace snaplint::rules
