// empty-prompt: an ordinary node (HandoffNode aside, which ignores its prompt) with a missing or
// blank prompt. The runner renders a missing prompt as the literal text "None" into the step.
#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class EmptyPrompt final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"empty-prompt", "prompts", Severity::warning,
                                   "an ordinary node has a missing or blank prompt"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    const JsonDocument& doc = context.json;
    const ModelArray<Node>& nodes = model.nodes;
    for (const Node& node : nodes) {
      prefetch_node_head(nodes, node);
      if (!node.is_ordinary() || node.type == NodeType::handoff) continue;
      const JsonRef prompt = node.prompt_ref;
      const bool absent = prompt == no_value;
      const bool null = doc.is(prompt, JsonType::null_value);
      if (!absent && !null && !doc.is(prompt, JsonType::string)) continue;  // the schema's
      if (!absent && !null && !is_blank(doc.string(prompt))) continue;
      const std::string subject =
          model.type_name(node).empty() || node.type == NodeType::unknown
              ? "node " + display_name(node)
              : std::string(model.type_name(node)) + " " + display_name(node);
      const std::string what = absent ? " has no prompt"
                               : null ? " has a null prompt"
                                      : " has an empty prompt";
      reporter.report(Finding{{absent ? node.json : prompt},
                              subject + what,
                              entity_of(node),
                              {},
                              absent || null
                                  ? "write the step's instructions in \"prompt\"; without them "
                                    "the LLM is given the text \"None\""
                                  : "write the step's instructions in \"prompt\""});
    }
  }
};

}  // namespace

const Rule& empty_prompt() {
  static const EmptyPrompt rule;
  return rule;
}

}  // namespace snaplint::rules
