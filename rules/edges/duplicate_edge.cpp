// duplicate-edge: two edges with the same `from`, `to` and condition (normalized label). The LLM is
// offered the same option twice; the copy adds nothing and drifts out of sync when one is edited.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "../flat_tables.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// Edge ends as numbers that are equal exactly when the texts are: the node's position when the
// end resolves (only that id resolves to it), else nodes.size() plus the text's rank among the
// ends that do not resolve.
class Ends {
 public:
  explicit Ends(const Model& model) : model_(model), unresolved_(0, TextAt{&texts_}) {}
  Ends(const Ends&) = delete;
  Ends& operator=(const Ends&) = delete;

  std::uint32_t from(const Edge& edge) {
    return edge.source != no_index ? edge.source : unresolved(model_.from(edge));
  }
  std::uint32_t to(const Edge& edge) {
    return edge.target != no_index ? edge.target : unresolved(model_.to(edge));
  }
  std::size_t count() const { return model_.nodes.size() + texts_.size(); }

 private:
  std::uint32_t unresolved(std::string_view text) {
    const auto next = static_cast<std::uint32_t>(texts_.size());
    const std::uint32_t k = unresolved_.insert(text, next).first;
    if (k == next) texts_.push_back(text);
    return static_cast<std::uint32_t>(model_.nodes.size()) + k;
  }

  struct TextAt {
    const std::vector<std::string_view>* texts;
    std::string_view operator()(std::uint32_t k) const { return (*texts)[k]; }
  };

  const Model& model_;
  std::vector<std::string_view> texts_;
  TextTable<TextAt> unresolved_;
};

class DuplicateEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-edge", "edges", Severity::warning,
                                   "two edges have the same from, to and condition"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    // Ends are compared as written: two copies of a dangling edge are duplicates too.
    Ends ends(model);
    std::vector<std::uint32_t> from(model.edges.size(), no_index);
    std::vector<std::uint32_t> to(model.edges.size(), no_index);
    for (const Edge& edge : model.edges) {
      if (edge.from_ref == no_value || edge.to_ref == no_value) continue;  // schema's finding
      const std::size_t e = &edge - model.edges.data();
      from[e] = ends.from(edge);
      to[e] = ends.to(edge);
    }
    // Edges are compared with those of the same `from` only; findings go back into document
    // order.
    const Groups by_from(ends.count(), model.edges.size(),
                         [&](std::uint32_t e) { return from[e]; });
    std::vector<Repeat> repeats;
    NormalizedConditions labels;
    for (std::size_t group = 0; group < by_from.size(); ++group) {
      const std::span<const std::uint32_t> edges = by_from[group];
      if (edges.size() < 2) continue;
      labels.clear();
      for (std::uint32_t e : edges)
        labels.add(model.label(model.edges[e]));  // absent: unconditional
      if (edges.size() <= few) {
        compare_pairwise(edges, to, labels, repeats);
      } else {
        compare_hashed(edges, to, labels, repeats);
      }
    }
    std::sort(repeats.begin(), repeats.end(),
              [](const Repeat& a, const Repeat& b) { return a.edge < b.edge; });
    for (const Repeat& repeat : repeats) {
      report(model, model.edges[repeat.edge], model.edges[repeat.first], repeat.unconditional,
             reporter);
    }
  }

 private:
  struct Repeat {
    std::uint32_t edge;
    std::uint32_t first;  // the first edge with the same from, to and condition
    bool unconditional;
  };

  // Up to this many edges from one node, comparing every pair costs less than a table.
  static constexpr std::size_t few = 8;

  static void compare_pairwise(std::span<const std::uint32_t> edges,
                               const std::vector<std::uint32_t>& to,
                               const NormalizedConditions& labels, std::vector<Repeat>& repeats) {
    for (std::size_t k = 1; k < edges.size(); ++k) {
      for (std::size_t j = 0; j < k; ++j) {
        if (to[edges[j]] != to[edges[k]] || labels[j] != labels[k]) continue;
        repeats.push_back({edges[k], edges[j], labels[k].empty()});
        break;
      }
    }
  }

  static void compare_hashed(std::span<const std::uint32_t> edges,
                             const std::vector<std::uint32_t>& to,
                             const NormalizedConditions& labels, std::vector<Repeat>& repeats) {
    // Label → the position of the first edge with it; (that position, `to`) → the first edge.
    TextTable label_ids(edges.size(), [&](std::uint32_t k) { return labels[k]; });
    NumberTable first_by_key(edges.size());
    for (std::size_t k = 0; k < edges.size(); ++k) {
      const auto position = static_cast<std::uint32_t>(k);
      const std::uint32_t label = label_ids.insert(labels[k], position).first;
      const auto [first, inserted] = first_by_key.insert(pair_key(label, to[edges[k]]), position);
      if (!inserted) repeats.push_back({edges[k], edges[first], labels[k].empty()});
    }
  }

  static void report(const Model& model, const Edge& edge, const Edge& first, bool unconditional,
                     Reporter& reporter) {
    std::string message = "edge " + display_name(edge) + " repeats edge " + display_name(first) +
                          ": both go from " + quoted(model.from(edge)) + " to " +
                          quoted(model.to(edge));
    if (unconditional) {
      message += " without a condition";
    } else {
      message += " with the condition " + quoted(model.label(edge));
      if (model.label(first) != model.label(edge))
        message += " (the first says " + quoted(model.label(first)) + ")";
    }
    Finding finding{{edge.json}, std::move(message), entity_of(edge)};
    finding.related.push_back({"the first edge", {first.json}});
    finding.help = "remove one of the two edges";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& duplicate_edge() {
  static const DuplicateEdge rule;
  return rule;
}

}  // namespace snaplint::rules
