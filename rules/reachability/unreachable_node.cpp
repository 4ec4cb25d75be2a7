// unreachable-node: a non-global node that no path from __start__ reaches. Edges leaving global
// nodes do not count: the runner's copy of a global node only has the edge back to its caller.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class UnreachableNode final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"unreachable-node", "reachability", Severity::error,
                                   "a non-global node is not reachable from __start__"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    if (model.start_node == no_index) return;  // nothing to start from: not guessed
    const auto ordinary = search_from(context.graph, model, {model.start_node}, true);
    std::vector<std::uint32_t> everything;  // searched only if something is unreached
    for (std::uint32_t i = 0; i < model.nodes.size(); ++i) {
      const Node& node = model.nodes[i];
      if (node.is_global || ordinary[i] != no_index) continue;
      if (everything.empty()) everything = search_with_global_edges(context, ordinary);
      Finding finding{{node.json},
                      "node " + display_name(node) + " is not reachable from '__start__'",
                      entity_of(node)};
      if (const Node* global = global_on_path(model, everything, i)) {
        finding.message += "; only the edges of global node " + display_name(*global) +
                           " lead to it, and the runner ignores those";
        finding.related.push_back({"global node whose edges lead here", {global->json}});
      }
      reporter.report(std::move(finding));
    }
  }

 private:
  // A search that follows every edge, global nodes' too, from __start__ and from each global node
  // the runner would offer. Global nodes usually have no incoming edge (one would fail at run
  // time): the runner offers them at every ordinary node, so they count as reached as soon as an
  // ordinary node is. Roots map to themselves, unreached vertices to no_index.
  static std::vector<std::uint32_t> search_with_global_edges(
      const LintContext& context, const std::vector<std::uint32_t>& ordinary) {
    const Model& model = context.model;
    std::vector<std::uint32_t> roots{model.start_node};
    bool offers_globals = false;
    for (std::uint32_t i = 0; i < model.nodes.size(); ++i) {
      offers_globals = offers_globals || (model.nodes[i].is_ordinary() && ordinary[i] != no_index);
    }
    for (std::uint32_t i = 0; offers_globals && i < model.nodes.size(); ++i) {
      if (model.nodes[i].is_global && i != model.start_node) roots.push_back(i);
    }
    return search_from(context.graph, model, roots, false);
  }

  // The global node closest to `target` on the search tree path from its root, if any.
  static const Node* global_on_path(const Model& model, const std::vector<std::uint32_t>& parents,
                                    std::uint32_t target) {
    if (parents[target] == no_index) return nullptr;
    for (std::uint32_t at = target;; at = parents[at]) {
      if (at != target && model.nodes[at].is_global) return &model.nodes[at];
      if (parents[at] == at) return nullptr;
    }
  }
};

}  // namespace

const Rule& unreachable_node() {
  static const UnreachableNode rule;
  return rule;
}

}  // namespace snaplint::rules
