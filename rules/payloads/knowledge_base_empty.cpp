// knowledge-base-empty: a KnowledgeBaseNode payload, or a subagent's knowledge base, with neither
// a non-blank `knowledge_base_text` nor a `knowledge_base_file`. The step then answers from an
// empty knowledge base: the LLM has nothing to ground its answer on.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class KnowledgeBaseEmpty final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"knowledge-base-empty", "payloads", Severity::error,
                                   "a knowledge base has no text and no file"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (node.type == NodeType::knowledge_base) {
        const JsonRef payload = payload_of(doc, node, "knowledge_base");
        if (payload != no_value) {
          check_one(
              doc, node, payload, [&] { return "KnowledgeBaseNode " + display_name(node); },
              reporter);
        }
      }
      if (node.type != NodeType::subagent) continue;
      const JsonRef list = doc.member(payload_of(doc, node, "subagent"), "knowledge_bases");
      if (!doc.is(list, JsonType::array)) continue;
      for (JsonRef entry : doc.children(list)) {
        if (!doc.is(entry, JsonType::object)) continue;
        const auto subject = [&] {
          const std::string_view name = doc.member_string(entry, "name");
          const std::string tool =
              name.empty() ? "#" + std::to_string(doc.index(entry)) : quoted(name);
          return "knowledge base " + tool + " of node " + display_name(node);
        };
        check_one(doc, node, entry, subject, reporter);
      }
    }
  }

 private:
  // `subject()` names the knowledge base in the message; it is built only for a finding.
  template <class Subject>
  static void check_one(const JsonDocument& doc, const Node& node, JsonRef knowledge_base,
                        const Subject& subject, Reporter& reporter) {
    const JsonRef text = doc.member(knowledge_base, "knowledge_base_text");
    const JsonRef file = doc.member(knowledge_base, "knowledge_base_file");
    bool wrong_type = false;
    for (JsonRef value : {text, file}) {
      if (doc.is(value, JsonType::string) && !is_blank(doc.string(value))) return;
      if (value != no_value && !doc.is(value, JsonType::string) &&
          !doc.is(value, JsonType::null_value)) {
        wrong_type = true;  // there is something; its type is the schema's finding
      }
    }
    if (wrong_type) return;
    // A blank text (or, without one, a blank file) is reported where it is written.
    const JsonRef blank = doc.is(text, JsonType::string)   ? text
                          : doc.is(file, JsonType::string) ? file
                                                           : no_value;
    std::string message = subject();
    if (blank == no_value) {
      message += " has no knowledge_base_text or knowledge_base_file";
    } else {
      message += " has an empty " + quoted(doc.key(blank)) + " and no other content";
    }
    reporter.report(Finding{{blank != no_value ? blank : knowledge_base},
                            std::move(message),
                            entity_of(node),
                            {},
                            "put the content the step answers from in \"knowledge_base_text\" "
                            "(or name a \"knowledge_base_file\")"});
  }
};

}  // namespace

const Rule& knowledge_base_empty() {
  static const KnowledgeBaseEmpty rule;
  return rule;
}

}  // namespace snaplint::rules
