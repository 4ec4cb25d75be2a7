// duplicate-node-name: two nodes share a `name`. The name is the runtime key of a node; the SDK
// refuses to build such a graph.
#include <unordered_map>

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
    std::unordered_map<std::string_view, const Node*> first_by_name;
    first_by_name.reserve(context.model.nodes.size());
    for (const Node& node : context.model.nodes) {
      if (!node.has_name()) continue;
      const auto [it, inserted] = first_by_name.try_emplace(node.name, &node);
      if (inserted) continue;
      const Node& first = *it->second;
      Finding finding{{node.name_ref},
                      "node " + display_name(node) + " has name " + quoted(node.name) +
                          ", already used by node " + display_name(first),
                      entity_of(node)};
      finding.related.push_back({"first node with this name", {first.name_ref}});
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& duplicate_node_name() {
  static const DuplicateNodeName rule;
  return rule;
}

}  // namespace snaplint::rules
