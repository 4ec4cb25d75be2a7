// dangling-edge: an edge's `from` or `to` is no node's id. The runner resolves edge ends through
// an id table and fails on anything else, names included.
#include <unordered_map>

#include "../rule_support.hpp"
#include "snaplint/suggest.hpp"

namespace snaplint::rules {
namespace {

class DanglingEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"dangling-edge", "edges", Severity::error,
                                   "an edge's from or to is no node's id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    Lookup lookup{model, {}, {}, false};
    for (const Edge& edge : model.edges) {
      if (edge.from_ref != no_value && edge.source == no_index) {
        report(lookup, edge, edge.from_ref, edge.from, "starts at", reporter);
      }
      if (edge.to_ref != no_value && edge.target == no_index) {
        report(lookup, edge, edge.to_ref, edge.to, "targets", reporter);
      }
    }
  }

 private:
  // Built only when an edge dangles: names and ids of all nodes, for the help line.
  struct Lookup {
    const Model& model;
    std::unordered_map<std::string_view, const Node*> by_name;
    std::vector<std::string_view> ids;
    bool built = false;

    void build() {
      if (built) return;
      built = true;
      for (const Node& node : model.nodes) {
        if (node.has_name()) by_name.try_emplace(node.name, &node);
        if (node.has_id()) ids.push_back(node.id);
      }
    }
  };

  static bool names_special(std::string_view value, std::string_view word) {
    const std::string lowered = ascii_lower(value);
    return lowered == word || lowered == "__" + std::string(word) + "__";
  }

  static std::string help_for(Lookup& lookup, std::string_view value) {
    lookup.build();
    const Model& model = lookup.model;
    if (const auto it = lookup.by_name.find(value); it != lookup.by_name.end()) {
      const Node& node = *it->second;
      if (node.has_id()) return "use its id " + quoted(node.id);
      return {};
    }
    for (auto [word, index, name] : {std::tuple{"start", model.start_node, start_node_name},
                                     std::tuple{"end", model.end_node, end_node_name}}) {
      if (!names_special(value, word)) continue;
      if (index != no_index && model.nodes[index].has_id()) {
        return "use the id of the " + quoted(name) + " node, " + quoted(model.nodes[index].id);
      }
      return "the graph has no " + quoted(name) + " node; add one and use its id";
    }
    if (const auto match = closest_match(value, lookup.ids)) {
      return "did you mean " + quoted(*match) + "?";
    }
    return {};
  }

  static void report(Lookup& lookup, const Edge& edge, JsonRef where, std::string_view value,
                     std::string_view verb, Reporter& reporter) {
    lookup.build();
    std::string message;
    if (lookup.by_name.count(value) != 0) {
      message = "edge " + display_name(edge) + " refers to node " + quoted(value) +
                " by name; edges must use node ids";
    } else {
      message =
          "edge " + display_name(edge) + " " + std::string(verb) + " unknown node " + quoted(value);
    }
    reporter.report(
        Finding{{where}, std::move(message), entity_of(edge), {}, help_for(lookup, value)});
  }
};

}  // namespace

const Rule& dangling_edge() {
  static const DanglingEdge rule;
  return rule;
}

}  // namespace snaplint::rules
