// edge-into-global-node: an edge targets a global node. The runner offers global nodes at every
// step through their condition and returns to the caller afterwards; an explicit edge into one
// fails at run time.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class EdgeIntoGlobalNode final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"edge-into-global-node", "edges", Severity::error,
                                   "an edge targets a global node"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    for (const Edge& edge : model.edges) {
      if (edge.target == no_index) continue;
      const Node& target = model.nodes[edge.target];
      if (!target.is_global) continue;
      Finding finding{{edge.to_ref},
                      "edge " + display_name(edge) + " targets global node " +
                          display_name(target) +
                          "; global nodes are entered through their condition only, and an edge "
                          "into one fails at run time",
                      entity_of(edge)};
      finding.related.push_back(
          {"the node is global here", {member_or(context.json, target.json, "global")}});
      finding.help = "remove the edge: the runner already offers " + display_name(target) +
                     " at every ordinary node when its global_condition holds";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& edge_into_global_node() {
  static const EdgeIntoGlobalNode rule;
  return rule;
}

}  // namespace snaplint::rules
