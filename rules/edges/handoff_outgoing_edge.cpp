// handoff-outgoing-edge: an edge leaves a HandoffNode. A handoff stops the run and gives the
// conversation to a human, so the edge is never followed.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class HandoffOutgoingEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"handoff-outgoing-edge", "edges", Severity::warning,
                                   "an edge leaves a HandoffNode"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    for (const Edge& edge : model.edges) {
      if (edge.source == no_index) continue;
      const Node& source = model.nodes[edge.source];
      if (source.type != NodeType::handoff) continue;
      std::string message =
          "edge " + display_name(edge) + " leaves HandoffNode " + display_name(source);
      if (edge.to_ref != no_value) message += " for " + quoted(model.to(edge));
      message +=
          "; the handoff ends the run and hands the conversation to a human, so the edge is "
          "never followed";
      Finding finding{{edge.from_ref}, std::move(message), entity_of(edge)};
      finding.related.push_back(
          {"the HandoffNode", {member_or(context.json, source.json, "type")}});
      finding.help = "remove the edge; to let the agent carry on, use another node type";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& handoff_outgoing_edge() {
  static const HandoffOutgoingEdge rule;
  return rule;
}

}  // namespace snaplint::rules
