// global-condition-shadows-edge: a global node's condition says the same as the label of an
// ordinary edge. At that edge's node the LLM is offered two options with the same words.
#include <vector>

#include "../flat_tables.hpp"
#include "../prefetch.hpp"
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
      std::uint32_t next = no_index;  // the next global node with the same condition
    };
    // Normalized condition → the global nodes that have it, chained in document order.
    std::vector<Global> globals;
    NormalizedConditions conditions;
    for (const Node& node : model.nodes) {
      if (!node.is_global) continue;
      const JsonRef condition = node.global_condition_ref;
      if (!doc.is(condition, JsonType::string)) continue;
      globals.push_back({&node, condition});
      conditions.add(doc.string(condition));
    }
    TextTable first_with(globals.size(), [&](std::uint32_t g) { return conditions[g]; });
    std::vector<std::uint32_t> last(globals.size(), no_index);  // per first holder
    for (std::uint32_t g = 0; g < globals.size(); ++g) {
      if (conditions[g].empty()) continue;  // global-condition-missing's finding
      const auto [first, inserted] = first_with.insert(conditions[g], g);
      if (!inserted) globals[last[first]].next = g;
      last[first] = g;
    }
    if (first_with.size() == 0) return;
    std::string label;  // reused for every edge
    for (const Edge& edge : model.edges) {
      prefetch_ahead(model.edges, edge, [](const Edge& ahead) { return ahead.id; });
      if (edge.label_ref == no_value || edge.source == no_index) continue;
      const Node& source = model.nodes[edge.source];
      if (!source.is_ordinary()) continue;
      label.clear();
      append_normalized_condition(model.label(edge), label);
      for (std::uint32_t g = first_with.find(label); g != no_index; g = globals[g].next) {
        report(*globals[g].node, globals[g].condition, edge, source, reporter);
      }
    }
  }

 private:
  static void report(const Node& global, JsonRef condition, const Edge& edge, const Node& source,
                     Reporter& reporter) {
    Finding finding{{condition},
                    "the condition of global node " + display_name(global) +
                        " says the same as the label of edge " + display_name(edge) +
                        " from node " + display_name(source) + "; at " + display_name(source) +
                        " the LLM is offered both and nothing tells them apart",
                    entity_of(global)};
    finding.related.push_back({"the label of edge " + display_name(edge), {edge.label_ref}});
    finding.help =
        "drop the edge if the global node already handles this case, or reword one of the two "
        "so that they describe different situations";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& global_condition_shadows_edge() {
  static const GlobalConditionShadowsEdge rule;
  return rule;
}

}  // namespace snaplint::rules
