// global-condition-conflict: two global nodes with the same condition once normalized. Both are
// offered side by side at every step and nothing arbitrates between them.
#include <vector>

#include "../flat_tables.hpp"
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
    struct Global {
      const Node* node;
      JsonRef condition;
    };
    std::vector<Global> globals;
    NormalizedConditions normalized;
    for (const Node& node : context.model.nodes) {
      if (!node.is_global) continue;
      const JsonRef condition = node.global_condition_ref;
      if (!doc.is(condition, JsonType::string)) continue;
      globals.push_back({&node, condition});
      normalized.add(doc.string(condition));
    }
    for_each_repeat(
        globals.size(),
        // An empty condition is global-condition-missing's finding.
        [&](std::uint32_t g) { return !normalized[g].empty(); },
        [&](std::uint32_t g) { return normalized[g]; },
        [&](std::uint32_t g, std::uint32_t first) {
          report(*globals[g].node, globals[g].condition, *globals[first].node,
                 globals[first].condition, reporter);
        });
  }

 private:
  static void report(const Node& node, JsonRef condition, const Node& first,
                     JsonRef first_condition, Reporter& reporter) {
    Finding finding{{condition},
                    "global nodes " + display_name(node) + " and " + display_name(first) +
                        " have the same condition; the LLM picks between them at random",
                    entity_of(node)};
    finding.related.push_back({"the other global node's condition", {first_condition}});
    finding.help = "merge the two nodes, or make their conditions tell them apart";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& global_condition_conflict() {
  static const GlobalConditionConflict rule;
  return rule;
}

}  // namespace snaplint::rules
