// start-node-edges: `__start__` must have exactly one outgoing edge, unconditional, into an
// ordinary node, and no incoming edge. The runner begins every conversation by following that one
// edge.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class StartNodeEdges final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "start-node-edges", "special-nodes", Severity::error,
        "__start__ has not exactly one unconditional outgoing edge, or an edge enters it"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    if (model.start_node == no_index) return;  // missing-start-node's finding
    const Node& start = model.nodes[model.start_node];

    std::vector<const Edge*> outgoing;
    for (const Edge& edge : model.edges) {
      if (leaves_start(model, edge)) outgoing.push_back(&edge);
      if (enters_start(model, edge)) {
        std::string message = "edge " + display_name(edge);
        if (edge.from_ref != no_value) {
          message += model.from(edge) == model.to(edge)
                         ? " loops on"
                         : " from " + quoted(model.from(edge)) + " enters";
        } else {
          message += " enters";
        }
        message += " '__start__'; the start node must have no incoming edge";
        Finding finding{{edge.to_ref}, std::move(message), entity_of(edge)};
        finding.help = "point the edge at another node; the run enters '__start__' only once";
        reporter.report(std::move(finding));
      }
    }

    if (outgoing.empty()) {
      Finding finding{{start.json},
                      "'__start__' has no outgoing edge, so the run goes nowhere",
                      entity_of(start)};
      finding.help = start.has_id()
                         ? "add one edge without a label from node " + display_name(start) +
                               " to the first node of the conversation"
                         : "give the node an id, then add one edge without a label from it to the "
                           "first node of the conversation";
      reporter.report(std::move(finding));
      return;
    }
    const Edge& first = *outgoing.front();
    for (std::size_t i = 1; i < outgoing.size(); ++i) {
      const Edge& extra = *outgoing[i];
      std::string message =
          "edge " + display_name(extra) + " also leaves '__start__', which already has edge " +
          display_name(first) + "; the start node must have exactly one outgoing edge";
      if (outgoing.size() > 2) message += " (it has " + std::to_string(outgoing.size()) + ")";
      Finding finding{{extra.from_ref}, std::move(message), entity_of(extra)};
      finding.related.push_back({"the first edge leaving '__start__'", {first.from_ref}});
      finding.help = "keep one edge from '__start__' and route from the node it leads to";
      reporter.report(std::move(finding));
    }
    if (outgoing.size() != 1) return;  // the clauses below are about "the" start edge

    if (first.label_ref != no_value && !model.label(first).empty()) {
      Finding finding{{first.label_ref},
                      "the start edge " + display_name(first) + " has the label " +
                          quoted(model.label(first)) + "; the start edge must be unconditional",
                      entity_of(first)};
      finding.help = "remove the label; put the condition on the edges of the next node";
      reporter.report(std::move(finding));
    }
    if (first.target != no_index && model.nodes[first.target].is_global) {
      const Node& target = model.nodes[first.target];
      Finding finding{{first.to_ref},
                      "the start edge " + display_name(first) + " targets global node " +
                          display_name(target) + "; the run must begin at an ordinary node",
                      entity_of(first)};
      finding.related.push_back(
          {"the global node", {member_or(context.json, target.json, "global")}});
      finding.help = "point the start edge at an ordinary node; the runner offers " +
                     display_name(target) + " by its condition";
      reporter.report(std::move(finding));
    }
  }

 private:
  // An edge that refers to the start node by name does not resolve (dangling-edge says so), but
  // it is still meant as a start edge: counting it avoids a second, misleading finding.
  static bool leaves_start(const Model& model, const Edge& edge) {
    if (edge.source != no_index) return edge.source == model.start_node;
    return edge.from_ref != no_value && model.from(edge) == start_node_name;
  }

  static bool enters_start(const Model& model, const Edge& edge) {
    if (edge.target != no_index) return model.nodes[edge.target].is_start();
    return edge.to_ref != no_value && model.to(edge) == start_node_name;
  }
};

}  // namespace

const Rule& start_node_edges() {
  static const StartNodeEdges rule;
  return rule;
}

}  // namespace snaplint::rules
