// duplicate-node-name: two nodes share a `name`. The name is the runtime key of a node; the SDK
// refuses to build such a graph.
#include "../flat_tables.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class DuplicateNodeName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-node-name", "identity", Severity::error,
                                   "two nodes share a name"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    const ModelArray<Node>& nodes = model.nodes;
    for_each_repeat(
        nodes.size(), [&](std::uint32_t n) { return nodes[n].has_name(); },
        [&](std::uint32_t n) { return model.name(nodes[n]); },
        [&](std::uint32_t n, std::uint32_t first) {
          report(model, nodes[n], nodes[first], reporter);
        });
  }

 private:
  static void report(const Model& model, const Node& node, const Node& first, Reporter& reporter) {
    Finding finding{{node.name_ref},
                    "node " + display_name(node) + " has name " + quoted(model.name(node)) +
                        ", already used by node " + display_name(first),
                    entity_of(node)};
    finding.related.push_back({"first node with this name", {first.name_ref}});
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& duplicate_node_name() {
  static const DuplicateNodeName rule;
  return rule;
}

}  // namespace snaplint::rules
