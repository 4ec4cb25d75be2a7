// reserved-node-name: a node name of the shape the runner uses for the nodes it generates
// (`use_<G>__at__<N>`, `subgraph_router`, `generic_tool_node_*`) or that its router reads as
// `__end__` (`end`, `END`). Such a user node can collide with a generated one.
#include <string>

#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class ReservedNodeName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"reserved-node-name", "identity", Severity::warning,
                                   "a node name can collide with a name the runtime generates"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    const ModelArray<Node>& nodes = model.nodes;
    for (const Node& node : nodes) {
      prefetch_ahead(nodes, node, [](const Node& ahead) { return ahead.id; });
      if (!node.has_name()) continue;
      const std::string_view name = model.name(node);
      // What follows the quoted name in the message, with its own lead-in punctuation.
      std::string why;
      std::string help = "rename the node";
      if (name.starts_with("use_") && name.find("__at__") != std::string_view::npos) {
        why =
            ", the shape ('use_<global>__at__<node>') of the nodes the runner generates to "
            "call global nodes";
      } else if (name.find("__at__") != std::string_view::npos) {
        why = "; the runner puts '__at__' in the names of the nodes it generates for global nodes";
        help = "rename the node so that its name does not contain '__at__'";
      } else if (name == "subgraph_router") {
        why = ", the name of the router node the runner generates";
      } else if (name.starts_with("generic_tool_node_")) {
        why = "; the runner names the tool nodes it generates 'generic_tool_node_...'";
      } else if (name == "end" || name == "END") {
        why = ", which the runner's router reads as '__end__'";
        help = "rename the node; if it is meant to end the run, it should be the '__end__' node";
      } else {
        continue;
      }
      reporter.report(Finding{{node.name_ref},
                              "node " + display_name(node) + " is named " + quoted(name) + why,
                              entity_of(node),
                              {},
                              std::move(help)});
    }
  }
};

}  // namespace

const Rule& reserved_node_name() {
  static const ReservedNodeName rule;
  return rule;
}

}  // namespace snaplint::rules
