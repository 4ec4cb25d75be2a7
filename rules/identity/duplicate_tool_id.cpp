// duplicate-tool-id: two tools share an `id`. Nodes name tools by id in `tool_ids`, so such a
// reference cannot say which of the tools it means.
#include "../flat_tables.hpp"
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
    const Model& model = context.model;
    // The model's id index holds each id once: as many ids as entries means no repeat.
    std::size_t with_id = 0;
    for (const Tool& tool : model.tools) with_id += tool.has_id() ? 1 : 0;
    if (with_id == model.tool_by_id.size()) return;
    for_each_repeat(
        model.tools.size(), [&](std::uint32_t t) { return model.tools[t].has_id(); },
        [&](std::uint32_t t) { return model.tools[t].id; },
        [&](std::uint32_t t, std::uint32_t first) {
          report(model.tools[t], model.tools[first], reporter);
        });
  }

 private:
  static void report(const Tool& tool, const Tool& first, Reporter& reporter) {
    Finding finding{
        {tool.id_ref},
        "tool id " + quoted(tool.id) + " is already used by tool #" + std::to_string(first.index),
        entity_of(tool)};
    finding.related.push_back({"first tool with this id", {first.id_ref}});
    finding.help = "give each tool its own id, and point tool_ids at the one meant";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& duplicate_tool_id() {
  static const DuplicateToolId rule;
  return rule;
}

}  // namespace snaplint::rules
