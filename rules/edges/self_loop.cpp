// self-loop: an edge whose `from` and `to` are the same node. Kapso's docs forbid it: the LLM can
// keep choosing it and run the same step again and again.
#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class SelfLoop final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"self-loop", "edges", Severity::warning,
                                   "an edge connects a node to itself"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    const ModelArray<Edge>& edges = model.edges;
    for (const Edge& edge : edges) {
      prefetch_ahead(edges, edge, [](const Edge& ahead) { return ahead.id; });
      if (edge.from_ref == no_value || edge.to_ref == no_value ||
          model.from(edge) != model.to(edge))
        continue;
      Finding finding{{edge.to_ref},
                      "edge " + display_name(edge) + " connects node " + quoted(model.from(edge)) +
                          " to itself",
                      entity_of(edge)};
      finding.help =
          "remove the edge; to repeat a step, go through another node and come back from it";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& self_loop() {
  static const SelfLoop rule;
  return rule;
}

}  // namespace snaplint::rules
