// missing-tool: a node's `tool_ids` entry names no tool in the graph's `tools` catalogue.
#include <optional>
#include <string>
#include <vector>

#include "../flat_tables.hpp"
#include "../prefetch.hpp"
#include "../rule_support.hpp"
#include "../suggestions.hpp"

namespace snaplint::rules {
namespace {

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
    const ModelArray<Tool>& tools = model.tools;
    // Tool id → the first tool with it.
    const auto id_of = [&](std::uint32_t t) { return tools[t].id; };
    TextTable tool_with_id(tools.size(), id_of);
    for (std::uint32_t t = 0; t < tools.size(); ++t) {
      if (tools[t].has_id()) tool_with_id.insert(tools[t].id, t);
    }
    Helper helper(doc, model);
    for (const Node& node : model.nodes) {
      prefetch_node_head(model.nodes, node);
      const JsonRef list = node.tool_ids_ref;
      if (!doc.is(list, JsonType::array)) continue;
      for (JsonRef entry : doc.children(list)) {
        if (!doc.is(entry, JsonType::string)) continue;
        const std::string_view id = doc.string(entry);
        if (tool_with_id.find(id) != no_index) continue;
        reporter.report(Finding{{entry},
                                "node " + display_name(node) + " uses tool " + quoted(id) +
                                    ", which is not defined in 'tools'",
                                entity_of(node),
                                {},
                                helper.help_for(id)});
      }
    }
  }

 private:
  // The help line of a missing id. What it needs is built at the first missing id, and each
  // missing id is looked for once, however often it is listed.
  class Helper {
   public:
    Helper(const JsonDocument& doc, const Model& model)
        : doc_(doc), model_(model), named_(0, NameOf{this}), asked_(0, AskedOf{&asked_ids_}) {}
    Helper(const Helper&) = delete;
    Helper& operator=(const Helper&) = delete;

    std::string help_for(std::string_view id) {
      const auto next = static_cast<std::uint32_t>(asked_ids_.size());
      const auto [known, inserted] = asked_.insert(id, next);
      if (!inserted) return helps_[known];
      asked_ids_.push_back(id);
      helps_.push_back(find_help(id));
      return helps_.back();
    }

   private:
    struct NameOf {
      const Helper* helper;
      std::string_view operator()(std::uint32_t t) const { return helper->name_of(t); }
    };
    struct AskedOf {
      const std::vector<std::string_view>* ids;
      std::string_view operator()(std::uint32_t k) const { return (*ids)[k]; }
    };

    std::string_view name_of(std::uint32_t t) const {
      return doc_.member_string(model_.tools[t].json, "name");
    }

    void build() {
      if (built_) return;
      built_ = true;
      std::vector<std::string_view> ids;
      for (std::uint32_t t = 0; t < model_.tools.size(); ++t) {
        const Tool& tool = model_.tools[t];
        if (!tool.has_id()) continue;
        ids.push_back(tool.id);
        named_.insert(name_of(t), t);  // the first tool with an id and this name
      }
      suggester_.emplace(std::move(ids));
    }

    std::string find_help(std::string_view id) {
      build();
      if (const std::uint32_t named = named_.find(id); named != no_index) {
        const Tool& tool = model_.tools[named];
        return quoted(id) + " is the name of tool " + quoted(tool.id) +
               "; tool_ids takes ids, so use " + quoted(tool.id);
      }
      if (const auto match = suggester_->closest(id)) {
        return "did you mean " + quoted(*match) + "?";
      }
      return "add a tool with this id to the graph's 'tools'";
    }

    const JsonDocument& doc_;
    const Model& model_;
    bool built_ = false;
    std::optional<Suggester> suggester_;  // over the ids of the tools that have one, in order
    TextTable<NameOf> named_;             // tool name → the first tool with an id and that name
    std::vector<std::string_view> asked_ids_;
    std::vector<std::string> helps_;
    TextTable<AskedOf> asked_;  // missing id → its position in asked_ids_ and helps_
  };
};

}  // namespace

const Rule& missing_tool() {
  static const MissingTool rule;
  return rule;
}

}  // namespace snaplint::rules
