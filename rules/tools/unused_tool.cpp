// unused-tool: a tool of the graph's `tools` catalogue that no node lists in its `tool_ids`. No
// step can call it, so it is dead weight or, more often, a node forgot to list it.
#include <unordered_set>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class UnusedTool final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"unused-tool", "tools", Severity::warning,
                                   "a tool no node's tool_ids mentions"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    const Model& model = context.model;
    if (model.tools.empty()) return;
    std::unordered_set<std::string_view> used;
    for (const Node& node : model.nodes) {
      const JsonRef list = doc.member(node.json, "tool_ids");
      if (!doc.is(list, JsonType::array)) continue;
      for (JsonRef entry : doc.children(list)) {
        if (doc.is(entry, JsonType::string)) used.insert(doc.string(entry));
      }
    }
    for (const Tool& tool : model.tools) {
      if (!tool.has_id()) {
        reporter.report(Finding{{tool.json},
                                "tool #" + std::to_string(tool.index) +
                                    " has no 'id', so no node's 'tool_ids' can use it",
                                entity_of(tool),
                                {},
                                "give the tool an id and list it in the tool_ids of the nodes "
                                "that need it, or remove it"});
        continue;
      }
      if (used.count(tool.id) != 0) continue;
      reporter.report(
          Finding{{tool.id_ref},
                  "tool " + quoted(tool.id) + " is not used by any node",
                  entity_of(tool),
                  {},
                  "add " + quoted(tool.id) +
                      " to the tool_ids of the nodes that need it, or remove the tool"});
    }
  }
};

}  // namespace

const Rule& unused_tool() {
  static const UnusedTool rule;
  return rule;
}

}  // namespace snaplint::rules
