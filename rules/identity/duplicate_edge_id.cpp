// duplicate-edge-id: two edges share an `id`. Edge ids name edges in the editor and in the API's
// history; with a repeat, an edit or a diff aimed at one edge can land on the other.
#include "../flat_tables.hpp"
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
    const ModelArray<Edge>& edges = context.model.edges;
    for_each_repeat(
        edges.size(), [&](std::uint32_t e) { return edges[e].has_id(); },
        [&](std::uint32_t e) { return edges[e].id; },
        [&](std::uint32_t e, std::uint32_t first) { report(edges[e], edges[first], reporter); });
  }

 private:
  static void report(const Edge& edge, const Edge& first, Reporter& reporter) {
    Finding finding{
        {edge.id_ref},
        "edge id " + quoted(edge.id) + " is already used by edge #" + std::to_string(first.index),
        entity_of(edge)};
    finding.related.push_back({"first edge with this id", {first.id_ref}});
    finding.help = "give each edge its own id";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& duplicate_edge_id() {
  static const DuplicateEdgeId rule;
  return rule;
}

}  // namespace snaplint::rules
