// ambiguous-branch: a node offers the LLM two ways out that read the same: two unconditional edges,
// or two edges with the same condition to different targets. Nothing orders or prioritises edges,
// so the LLM picks one of them at random.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "../flat_tables.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// The outgoing edges of one node, compared by condition. For each edge in document order: when
// an earlier edge has the same condition and none of those goes to the same target (that would be
// duplicate-edge's finding, not an ambiguity), it is ambiguous with the first of them.
class Choices {
 public:
  void compare(const Model& model, std::span<const std::uint32_t> edges,
               std::vector<std::pair<std::uint32_t, std::uint32_t>>& ambiguous) {
    // An absent label is the empty one: unconditional.
    conditions_.clear();
    for (std::uint32_t e : edges) conditions_.add(model.label(model.edges[e]));
    if (edges.size() <= few) {
      compare_pairwise(model, edges, ambiguous);
    } else {
      compare_hashed(model, edges, ambiguous);
    }
  }

 private:
  // Up to this many edges, comparing every pair costs less than a table.
  static constexpr std::size_t few = 8;

  std::string_view condition(std::size_t k) const { return conditions_[k]; }

  void compare_pairwise(const Model& model, std::span<const std::uint32_t> edges,
                        std::vector<std::pair<std::uint32_t, std::uint32_t>>& ambiguous) const {
    for (std::size_t k = 1; k < edges.size(); ++k) {
      const std::uint32_t target = model.edges[edges[k]].target;
      std::size_t first = k;
      bool same_target = false;
      for (std::size_t j = 0; j < k && !same_target; ++j) {
        if (condition(j) != condition(k)) continue;
        first = std::min(first, j);
        same_target = model.edges[edges[j]].target == target;
      }
      if (first != k && !same_target) ambiguous.emplace_back(edges[k], edges[first]);
    }
  }

  void compare_hashed(const Model& model, std::span<const std::uint32_t> edges,
                      std::vector<std::pair<std::uint32_t, std::uint32_t>>& ambiguous) const {
    // Condition → the position of the first edge with it; (that position, target) already seen.
    TextTable first_by_condition(edges.size(), [&](std::uint32_t k) { return condition(k); });
    NumberTable seen(edges.size());
    for (std::size_t k = 0; k < edges.size(); ++k) {
      const auto position = static_cast<std::uint32_t>(k);
      const std::uint32_t first = first_by_condition.insert(condition(k), position).first;
      const bool new_target = seen.insert(pair_key(first, model.edges[edges[k]].target), 0).second;
      if (new_target && first != position) ambiguous.emplace_back(edges[k], edges[first]);
    }
  }

  NormalizedConditions conditions_;
};

class AmbiguousBranch final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "ambiguous-branch", "edges", Severity::warning,
        "a node has two unconditional edges, or two edges with the same condition to different "
        "targets"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    // Each node's choices are compared among themselves only: the edges are sorted by source,
    // and the findings back into document order.
    const Groups by_source(model.nodes.size(), model.edges.size(), [&](std::uint32_t e) {
      const Edge& edge = model.edges[e];
      return edge.is_resolved() && offers_choice(model.nodes[edge.source]) ? edge.source : no_index;
    });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ambiguous;  // (edge, first edge)
    Choices choices;
    for (std::size_t source = 0; source < by_source.size(); ++source) {
      if (by_source[source].size() >= 2) choices.compare(model, by_source[source], ambiguous);
    }
    std::sort(ambiguous.begin(), ambiguous.end());
    for (const auto& [extra, first] : ambiguous) {
      report(context, model.edges[first], model.edges[extra], reporter);
    }
  }

 private:
  // Nodes whose outgoing edges the LLM chooses between. The edges of __start__ and __end__ are the
  // special-node rules' business, a HandoffNode's are never followed (handoff-outgoing-edge), and
  // the runner ignores the edges of global nodes.
  static bool offers_choice(const Node& node) {
    return node.is_ordinary() && node.type != NodeType::handoff;
  }

  static Location label_or_edge(const Edge& edge) {
    return {edge.label_ref != no_value ? edge.label_ref : edge.json};
  }

  static void report(const LintContext& context, const Edge& first, const Edge& extra,
                     Reporter& reporter) {
    const Model& model = context.model;
    const Node& source = model.nodes[extra.source];
    const std::string extra_way =
        "edge " + display_name(extra) + " (to " + display_name(model.nodes[extra.target]) + ")";
    const std::string first_way =
        "edge " + display_name(first) + " (to " + display_name(model.nodes[first.target]) + ")";
    Finding finding{{}, {}, entity_of(extra)};
    finding.where = label_or_edge(extra);
    if (normalize_condition(model.label(extra)).empty()) {
      finding.message = "node " + display_name(source) +
                        " has more than one unconditional edge: " + extra_way + " and " +
                        first_way + "; nothing tells the LLM which one to take";
      finding.help =
          "give each of these edges a condition, keeping at most one unconditional "
          "edge as the fallback";
    } else {
      finding.message = extra_way + " and " + first_way + " leave node " + display_name(source) +
                        " with the same condition " + quoted(model.label(extra)) +
                        "; the LLM cannot tell which target is meant";
      finding.help = "reword the conditions so that each target has its own, or remove one edge";
    }
    finding.related.push_back({"the other edge", label_or_edge(first)});
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& ambiguous_branch() {
  static const AmbiguousBranch rule;
  return rule;
}

}  // namespace snaplint::rules
