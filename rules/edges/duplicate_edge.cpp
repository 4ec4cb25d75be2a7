// duplicate-edge: two edges with the same `from`, `to` and condition (normalized label). The LLM is
// offered the same option twice; the copy adds nothing and drifts out of sync when one is edited.
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

struct Triple {
  std::uint32_t from, to, label;
  bool operator==(const Triple&) const = default;
};

struct TripleHash {
  std::size_t operator()(const Triple& key) const {
    const std::uint64_t high = (std::uint64_t{key.from} << 32) | key.to;
    return std::hash<std::uint64_t>{}(high * 0x9E3779B97F4A7C15ULL ^ key.label);
  }
};

template <class Map, class Key>
std::uint32_t intern(Map& ids, const Key& key) {
  return ids.try_emplace(key, static_cast<std::uint32_t>(ids.size())).first->second;
}

class DuplicateEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-edge", "edges", Severity::warning,
                                   "two edges have the same from, to and condition"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    // `from`/`to` texts and normalized labels are interned, so the per-edge key is three integers.
    // Ends are compared as written: two copies of a dangling edge are duplicates too.
    std::unordered_map<std::string_view, std::uint32_t> end_ids;
    std::unordered_map<std::string, std::uint32_t> label_ids;
    std::unordered_map<Triple, const Edge*, TripleHash> first_by_key;
    for (const Edge& edge : model.edges) {
      if (edge.from_ref == no_value || edge.to_ref == no_value) continue;  // schema's finding
      const std::string label = normalize_condition(edge.label);  // absent = empty: unconditional
      const Triple key{intern(end_ids, edge.from), intern(end_ids, edge.to),
                       intern(label_ids, label)};
      const auto [it, inserted] = first_by_key.try_emplace(key, &edge);
      if (inserted) continue;
      const Edge& first = *it->second;
      std::string message = "edge " + display_name(edge) + " repeats edge " + display_name(first) +
                            ": both go from " + quoted(edge.from) + " to " + quoted(edge.to);
      if (label.empty()) {
        message += " without a condition";
      } else {
        message += " with the condition " + quoted(edge.label);
        if (first.label != edge.label) message += " (the first says " + quoted(first.label) + ")";
      }
      Finding finding{{edge.json}, std::move(message), entity_of(edge)};
      finding.related.push_back({"the first edge", {first.json}});
      finding.help = "remove one of the two edges";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& duplicate_edge() {
  static const DuplicateEdge rule;
  return rule;
}

}  // namespace snaplint::rules
