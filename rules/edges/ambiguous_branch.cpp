// ambiguous-branch: a node offers the LLM two ways out that read the same: two unconditional edges,
// or two edges with the same condition to different targets. Nothing orders or prioritises edges,
// so the LLM picks one of them at random.
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

struct Triple {
  std::uint32_t source, condition, target;
  bool operator==(const Triple&) const = default;
};

struct TripleHash {
  std::size_t operator()(const Triple& key) const {
    const std::uint64_t high = (std::uint64_t{key.source} << 32) | key.condition;
    return std::hash<std::uint64_t>{}(high * 0x9E3779B97F4A7C15ULL ^ key.target);
  }
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
    // Conditions are interned once, so the per-edge keys are plain integers.
    std::unordered_map<std::string, std::uint32_t> condition_ids;
    // (source, condition) → the first edge with it; (source, condition, target) already seen.
    std::unordered_map<std::uint64_t, const Edge*> first_by_condition;
    std::unordered_set<Triple, TripleHash> seen;
    for (const Edge& edge : model.edges) {
      if (!edge.is_resolved() || !offers_choice(model.nodes[edge.source])) continue;
      // An absent label is the empty one: unconditional.
      const auto condition = condition_ids
                                 .try_emplace(normalize_condition(edge.label),
                                              static_cast<std::uint32_t>(condition_ids.size()))
                                 .first->second;
      const auto [it, inserted] =
          first_by_condition.try_emplace((std::uint64_t{edge.source} << 32) | condition, &edge);
      // The same condition to the same target again is duplicate-edge's finding, not an ambiguity.
      if (!seen.insert({edge.source, condition, edge.target}).second || inserted) continue;
      report(context, *it->second, edge, reporter);
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
    if (normalize_condition(extra.label).empty()) {
      finding.message = "node " + display_name(source) +
                        " has more than one unconditional edge: " + extra_way + " and " +
                        first_way + "; nothing tells the LLM which one to take";
      finding.help =
          "give each of these edges a condition, keeping at most one unconditional "
          "edge as the fallback";
    } else {
      finding.message = extra_way + " and " + first_way + " leave node " + display_name(source) +
                        " with the same condition " + quoted(extra.label) +
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
