// global-condition-conflict: two global nodes with the same condition once normalized. Both are
// offered side by side at every step and nothing arbitrates between them.
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class GlobalConditionConflict final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"global-condition-conflict", "global-conditions",
                                   Severity::error, "two global nodes have the same condition"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    std::unordered_map<std::string, std::pair<const Node*, JsonRef>> first_by_condition;
    for (const Node& node : context.model.nodes) {
      if (!node.is_global) continue;
      const JsonRef condition = doc.member(node.json, "global_condition");
      if (!doc.is(condition, JsonType::string)) continue;
      std::string normalized = normalize_condition(doc.string(condition));
      if (normalized.empty()) continue;  // global-condition-missing's finding
      const auto [it, inserted] =
          first_by_condition.try_emplace(std::move(normalized), &node, condition);
      if (inserted) continue;
      const Node& first = *it->second.first;
      Finding finding{{condition},
                      "global nodes " + display_name(node) + " and " + display_name(first) +
                          " have the same condition; the LLM picks between them at random",
                      entity_of(node)};
      finding.related.push_back({"the other global node's condition", {it->second.second}});
      finding.help = "merge the two nodes, or make their conditions tell them apart";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& global_condition_conflict() {
  static const GlobalConditionConflict rule;
  return rule;
}

}  // namespace snaplint::rules
