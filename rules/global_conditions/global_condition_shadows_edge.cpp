// global-condition-shadows-edge: a global node's condition says the same as the label of an
// ordinary edge. At that edge's node the LLM is offered two options with the same words.
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class GlobalConditionShadowsEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"global-condition-shadows-edge", "global-conditions",
                                   Severity::warning,
                                   "a global condition equals the label of an ordinary edge"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    const Model& model = context.model;
    struct Global {
      const Node* node;
      JsonRef condition;
    };
    // Normalized condition → the global nodes that have it, in document order.
    std::unordered_map<std::string, std::vector<Global>> globals;
    for (const Node& node : model.nodes) {
      if (!node.is_global) continue;
      const JsonRef condition = doc.member(node.json, "global_condition");
      if (!doc.is(condition, JsonType::string)) continue;
      std::string normalized = normalize_condition(doc.string(condition));
      if (normalized.empty()) continue;  // global-condition-missing's finding
      globals[std::move(normalized)].push_back({&node, condition});
    }
    if (globals.empty()) return;
    for (const Edge& edge : model.edges) {
      if (edge.label_ref == no_value || edge.source == no_index) continue;
      const Node& source = model.nodes[edge.source];
      if (!source.is_ordinary()) continue;
      const auto it = globals.find(normalize_condition(edge.label));
      if (it == globals.end()) continue;
      for (const Global& global : it->second) {
        Finding finding{{global.condition},
                        "the condition of global node " + display_name(*global.node) +
                            " says the same as the label of edge " + display_name(edge) +
                            " from node " + display_name(source) + "; at " + display_name(source) +
                            " the LLM is offered both and nothing tells them apart",
                        entity_of(*global.node)};
        finding.related.push_back({"the label of edge " + display_name(edge), {edge.label_ref}});
        finding.help =
            "drop the edge if the global node already handles this case, or reword one of the two "
            "so that they describe different situations";
        reporter.report(std::move(finding));
      }
    }
  }
};

}  // namespace

const Rule& global_condition_shadows_edge() {
  static const GlobalConditionShadowsEdge rule;
  return rule;
}

}  // namespace snaplint::rules
