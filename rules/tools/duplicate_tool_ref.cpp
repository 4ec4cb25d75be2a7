// duplicate-tool-ref: one node's `tool_ids` lists the same tool twice. The second entry adds
// nothing and usually stands where another tool was meant.
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class DuplicateToolRef final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-tool-ref", "tools", Severity::warning,
                                   "one tool_ids array repeats an id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    std::unordered_map<std::string_view, JsonRef> first;
    for (const Node& node : context.model.nodes) {
      const JsonRef list = doc.member(node.json, "tool_ids");
      if (!doc.is(list, JsonType::array)) continue;
      first.clear();
      for (JsonRef entry : doc.children(list)) {
        if (!doc.is(entry, JsonType::string)) continue;
        const auto [it, inserted] = first.try_emplace(doc.string(entry), entry);
        if (inserted) continue;
        reporter.report(Finding{{entry},
                                "node " + display_name(node) + " lists tool " +
                                    quoted(doc.string(entry)) + " more than once in 'tool_ids'",
                                entity_of(node),
                                {{"first listed here", {it->second}}},
                                "remove the repeated entry"});
      }
    }
  }
};

}  // namespace

const Rule& duplicate_tool_ref() {
  static const DuplicateToolRef rule;
  return rule;
}

}  // namespace snaplint::rules
