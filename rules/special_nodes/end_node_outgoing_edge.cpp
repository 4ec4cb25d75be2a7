// end-node-outgoing-edge: an edge leaves `__end__`. The run is over once it reaches `__end__`, so
// the edge is never taken, and Kapso's docs forbid it.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class EndNodeOutgoingEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"end-node-outgoing-edge", "special-nodes", Severity::error,
                                   "an edge leaves __end__"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    for (const Edge& edge : model.edges) {
      if (!leaves_end(model, edge)) continue;
      std::string message = "edge " + display_name(edge) + " leaves '__end__'";
      if (edge.to_ref != no_value) {
        message += model.from(edge) == model.to(edge) ? " and returns to it"
                                                      : " for " + quoted(model.to(edge));
      }
      message += "; the run ends at '__end__', so the edge is never taken";
      Finding finding{{edge.from_ref}, std::move(message), entity_of(edge)};
      finding.help =
          "remove the edge; to continue the conversation, route to that node before "
          "reaching '__end__'";
      reporter.report(std::move(finding));
    }
  }

 private:
  // An edge that names `__end__` instead of its id does not resolve (dangling-edge says so), but
  // it still means to leave the end node.
  static bool leaves_end(const Model& model, const Edge& edge) {
    if (edge.source != no_index) return model.nodes[edge.source].is_end();
    return edge.from_ref != no_value && model.from(edge) == end_node_name;
  }
};

}  // namespace

const Rule& end_node_outgoing_edge() {
  static const EndNodeOutgoingEdge rule;
  return rule;
}

}  // namespace snaplint::rules
