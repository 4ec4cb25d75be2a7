// unused-tool: a tool of the graph's `tools` catalogue that no node lists in its `tool_ids`. No
// step can call it, so it is dead weight or, more often, a node forgot to list it.
#include <vector>

#include "../flat_tables.hpp"
#include "../prefetch.hpp"
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
    const ModelArray<Tool>& tools = model.tools;
    if (tools.empty()) return;
    // Tool id → the first tool with it; `used` is kept for that first tool.
    TextTable tool_with_id(tools.size(), [&](std::uint32_t t) { return tools[t].id; });
    for (std::uint32_t t = 0; t < tools.size(); ++t) {
      if (tools[t].has_id()) tool_with_id.insert(tools[t].id, t);
    }
    std::vector<bool> used(tools.size(), false);
    for (const Node& node : model.nodes) {
      prefetch_node_head(model.nodes, node);
      const JsonRef list = node.tool_ids_ref;
      if (!doc.is(list, JsonType::array)) continue;
      for (JsonRef entry : doc.children(list)) {
        if (!doc.is(entry, JsonType::string)) continue;
        const std::uint32_t tool = tool_with_id.find(doc.string(entry));
        if (tool != no_index) used[tool] = true;
      }
    }
    for (const Tool& tool : tools) {
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
      if (used[tool_with_id.find(tool.id)]) continue;
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
