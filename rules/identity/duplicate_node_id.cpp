// duplicate-node-id: two nodes share an `id`. Edges resolve ids through one table, so all but one
// of the nodes become unreachable by any edge.
#include "../flat_tables.hpp"
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
    // The model's id index holds each id once: as many ids as entries means no repeat, and the
    // usual clean graph costs one pass without hashing.
    std::size_t with_id = 0;
    for (const Node& node : model.nodes) with_id += node.has_id() ? 1 : 0;
    if (with_id == model.node_by_id.size()) return;
    for_each_repeat(
        model.nodes.size(), [&](std::uint32_t n) { return model.nodes[n].has_id(); },
        [&](std::uint32_t n) { return model.nodes[n].id; },
        [&](std::uint32_t n, std::uint32_t first) {
          report(model.nodes[n], model.nodes[first], reporter);
        });
  }

 private:
  static void report(const Node& node, const Node& first, Reporter& reporter) {
    Finding finding{
        {node.id_ref},
        "node id " + quoted(node.id) + " is already used by node #" + std::to_string(first.index),
        entity_of(node)};
    finding.related.push_back({"first node with this id", {first.id_ref}});
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& duplicate_node_id() {
  static const DuplicateNodeId rule;
  return rule;
}

}  // namespace snaplint::rules
