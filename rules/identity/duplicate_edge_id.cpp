// duplicate-edge-id: two edges share an `id`. Edge ids name edges in the editor and in the API's
// history; with a repeat, an edit or a diff aimed at one edge can land on the other.
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class DuplicateEdgeId final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-edge-id", "identity", Severity::warning,
                                   "two edges share an id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    std::unordered_map<std::string_view, const Edge*> first_by_id;
    first_by_id.reserve(context.model.edges.size());
    for (const Edge& edge : context.model.edges) {
      if (!edge.has_id()) continue;
      const auto [it, inserted] = first_by_id.try_emplace(edge.id, &edge);
      if (inserted) continue;
      const Edge& first = *it->second;
      Finding finding{
          {edge.id_ref},
          "edge id " + quoted(edge.id) + " is already used by edge #" + std::to_string(first.index),
          entity_of(edge)};
      finding.related.push_back({"first edge with this id", {first.id_ref}});
      finding.help = "give each edge its own id";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& duplicate_edge_id() {
  static const DuplicateEdgeId rule;
  return rule;
}

}  // namespace snaplint::rules
