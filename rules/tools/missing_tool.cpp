// missing-tool: a node's `tool_ids` entry names no tool in the graph's `tools` catalogue.
#include "../rule_support.hpp"
#include "snaplint/suggest.hpp"

namespace snaplint::rules {
namespace {

// The tool whose `name` is `name` and that has an id, if any.
const Tool* tool_named(const JsonDocument& doc, const Model& model, std::string_view name) {
  for (const Tool& tool : model.tools) {
    if (tool.has_id() && doc.member_string(tool.json, "name") == name) return &tool;
  }
  return nullptr;
}

class MissingTool final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"missing-tool", "tools", Severity::error,
                                   "a tool_ids entry is no tools[].id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    const Model& model = context.model;
    std::vector<std::string_view> tool_ids;
    for (const Tool& tool : model.tools) {
      if (tool.has_id()) tool_ids.push_back(tool.id);
    }
    for (const Node& node : model.nodes) {
      const JsonRef list = doc.member(node.json, "tool_ids");
      if (!doc.is(list, JsonType::array)) continue;
      for (JsonRef entry : doc.children(list)) {
        if (!doc.is(entry, JsonType::string)) continue;
        const std::string_view id = doc.string(entry);
        if (model.tool_by_id.count(id) != 0) continue;
        Finding finding{{entry},
                        "node " + display_name(node) + " uses tool " + quoted(id) +
                            ", which is not defined in 'tools'",
                        entity_of(node)};
        if (const Tool* named = tool_named(doc, model, id)) {
          finding.help = quoted(id) + " is the name of tool " + quoted(named->id) +
                         "; tool_ids takes ids, so use " + quoted(named->id);
        } else if (const auto match = closest_match(id, tool_ids)) {
          finding.help = "did you mean " + quoted(*match) + "?";
        } else {
          finding.help = "add a tool with this id to the graph's 'tools'";
        }
        reporter.report(std::move(finding));
      }
    }
  }
};

}  // namespace

const Rule& missing_tool() {
  static const MissingTool rule;
  return rule;
}

}  // namespace snaplint::rules
