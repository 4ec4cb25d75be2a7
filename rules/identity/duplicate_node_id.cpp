// duplicate-node-id: two nodes share an `id`. Edges resolve ids through one table, so all but one
// of the nodes become unreachable by any edge.
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class DuplicateNodeId final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-node-id", "identity", Severity::error,
                                   "two nodes share an id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    for (const Node& node : model.nodes) {
      if (!node.has_id()) continue;
      const Node& first = model.nodes[model.node_by_id.at(node.id)];
      if (&first == &node) continue;
      Finding finding{
          {node.id_ref},
          "node id " + quoted(node.id) + " is already used by node #" + std::to_string(first.index),
          entity_of(node)};
      finding.related.push_back({"first node with this id", {first.id_ref}});
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& duplicate_node_id() {
  static const DuplicateNodeId rule;
  return rule;
}

}  // namespace snaplint::rules
