// duplicate-tool-id: two tools share an `id`. Nodes name tools by id in `tool_ids`, so such a
// reference cannot say which of the tools it means.
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class DuplicateToolId final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-tool-id", "identity", Severity::error,
                                   "two tools share an id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    std::unordered_map<std::string_view, const Tool*> first_by_id;
    first_by_id.reserve(context.model.tools.size());
    for (const Tool& tool : context.model.tools) {
      if (!tool.has_id()) continue;
      const auto [it, inserted] = first_by_id.try_emplace(tool.id, &tool);
      if (inserted) continue;
      const Tool& first = *it->second;
      Finding finding{
          {tool.id_ref},
          "tool id " + quoted(tool.id) + " is already used by tool #" + std::to_string(first.index),
          entity_of(tool)};
      finding.related.push_back({"first tool with this id", {first.id_ref}});
      finding.help = "give each tool its own id, and point tool_ids at the one meant";
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& duplicate_tool_id() {
  static const DuplicateToolId rule;
  return rule;
}

}  // namespace snaplint::rules
