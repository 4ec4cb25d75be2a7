// dead-end-node: a reachable node from which no path leads to __end__ (nor to a node that ends
// the run by itself). A conversation that gets there stalls and cannot finish.
#include <string>
#include <unordered_set>

#include "../rule_support.hpp"
#include "runner_graph.hpp"

namespace snaplint::rules {
namespace {

class DeadEndNode final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"dead-end-node", "reachability", Severity::warning,
                                   "a reachable node from which __end__ cannot be reached"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    // Without a start nothing is reachable, and without an end "cannot reach the end" holds
    // everywhere: missing-start-node and missing-end-node say what is wrong.
    if (model.start_node == no_index || model.end_node == no_index) return;
    const TrapAnalysis analysis = analyse_traps(context);
    const std::vector<bool> ends = reaches_an_end(context);
    std::vector<std::vector<std::uint32_t>> outgoing;  // built at the first dead end
    // `i` is the node's vertex (its position in model.nodes), not node.index (its position in
    // the JSON array, which differs once the array holds something that is not an object).
    for (std::uint32_t i = 0; i < model.nodes.size(); ++i) {
      const Node& node = model.nodes[i];
      if (!node.is_ordinary() || may_end_the_run(node) || ends[i]) continue;
      if (analysis.reached[i] == no_index) continue;          // unreachable-node's finding
      if (analysis.is_trap[analysis.component[i]]) continue;  // trap-cycle's finding
      if (outgoing.empty()) outgoing = edges_by_source(model);
      report(context, node, outgoing[i], reporter);
    }
  }

 private:
  // Every edge whose `from` resolves, listed under its source node, in document order.
  static std::vector<std::vector<std::uint32_t>> edges_by_source(const Model& model) {
    std::vector<std::vector<std::uint32_t>> outgoing(model.nodes.size());
    for (std::uint32_t e = 0; e < model.edges.size(); ++e) {
      if (model.edges[e].source != no_index) outgoing[model.edges[e].source].push_back(e);
    }
    return outgoing;
  }

  // Where an edge leads, for the message.
  static std::string destination(const Model& model, const Edge& edge) {
    if (edge.target != no_index) {
      const Node& target = model.nodes[edge.target];
      if (target.is_global) return display_name(target) + " (a global node)";
      return display_name(target);
    }
    if (edge.to_ref != no_value) return quoted(model.to(edge)) + " (no node has this id)";
    return "nowhere (no usable 'to')";
  }

  static void report(const LintContext& context, const Node& node,
                     const std::vector<std::uint32_t>& edges, Reporter& reporter) {
    constexpr std::size_t listed = 5;  // targets named in the message
    const Model& model = context.model;
    std::string message;
    if (edges.empty()) {
      message = "node " + display_name(node) +
                " has no outgoing edges, so a conversation that reaches it can never get to "
                "'__end__'";
    } else {
      message = "node " + display_name(node) + " cannot reach '__end__': its edges lead only to ";
      // Each destination once, in the order of the edges.
      std::vector<std::string> destinations;
      std::unordered_set<std::string> seen;
      for (std::uint32_t e : edges) {
        std::string where = destination(model, model.edges[e]);
        if (seen.insert(where).second) destinations.push_back(std::move(where));
      }
      for (std::size_t k = 0; k < destinations.size() && k < listed; ++k) {
        if (k > 0) message += ", ";
        message += destinations[k];
      }
      if (destinations.size() > listed) {
        message += " and " + std::to_string(destinations.size() - listed) + " more";
      }
      message += destinations.size() == 1 ? ", which does not lead on to '__end__' either"
                                          : ", and none of those leads on to '__end__'";
    }
    Finding finding{{node.json}, std::move(message), entity_of(node)};
    for (std::uint32_t e : edges) {
      const Edge& edge = model.edges[e];
      finding.related.push_back(
          {"edge " + display_name(edge) + " leads to " + destination(model, edge),
           {member_or(context.json, edge.json, "to")}});
    }
    finding.help =
        "add an edge from it towards '__end__', or make it a WarmEndNode or HandoffNode if the "
        "conversation should end here";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& dead_end_node() {
  static const DeadEndNode rule;
  return rule;
}

}  // namespace snaplint::rules
