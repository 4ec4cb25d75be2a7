// whatsapp-template-fields: a WhatsappTemplateNode without a template name (`name` or the SDK's
// `template_name`) or `phone_number`, or with `template_parameters` that are not an object of
// strings.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class WhatsappTemplateFields final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "whatsapp-template-fields", "payloads", Severity::error,
        "a WhatsApp template lacks its name or phone number, or has bad parameters"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (node.type != NodeType::whatsapp_template) continue;
      const JsonRef payload = payload_of(doc, node, "whatsapp_template");
      if (payload == no_value) continue;
      // Named in messages only: built for a finding.
      const Subject subject{node};
      check_name(doc, node, payload, subject, reporter);
      check_phone(doc, node, payload, subject, reporter);
      check_parameters(doc, node, payload, subject, reporter);
    }
  }

 private:
  struct Subject {
    const Node& node;
    std::string operator()() const { return "WhatsappTemplateNode " + display_name(node); }
  };

  static bool has_text(const JsonDocument& doc, JsonRef value) {
    return doc.is(value, JsonType::string) && !is_blank(doc.string(value));
  }

  // Present with a type the schema rejects: that finding is the schema's, and this rule must not
  // claim the field is missing when it is there.
  static bool has_wrong_type(const JsonDocument& doc, JsonRef value) {
    return value != no_value && !doc.is(value, JsonType::string) &&
           !doc.is(value, JsonType::null_value);
  }

  static void check_name(const JsonDocument& doc, const Node& node, JsonRef payload,
                         const Subject& subject, Reporter& reporter) {
    const JsonRef name = doc.member(payload, "name");
    const JsonRef template_name = doc.member(payload, "template_name");
    if (has_text(doc, name) || has_text(doc, template_name)) return;
    if (has_wrong_type(doc, name) || has_wrong_type(doc, template_name)) return;
    // An empty (or blank) string is reported where it is, under the spelling the file uses.
    const JsonRef empty = doc.is(name, JsonType::string)            ? name
                          : doc.is(template_name, JsonType::string) ? template_name
                                                                    : no_value;
    const std::string key = empty != no_value && empty == template_name ? "template_name" : "name";
    reporter.report(Finding{
        {empty != no_value ? empty : payload},
        subject() + (empty != no_value ? " has an empty template name"
                                       : " has no template name ('name' or 'template_name')"),
        entity_of(node),
        {},
        "set \"" + key + "\" to the approved template's name"});
  }

  static void check_phone(const JsonDocument& doc, const Node& node, JsonRef payload,
                          const Subject& subject, Reporter& reporter) {
    const JsonRef phone = doc.member(payload, "phone_number");
    if (has_text(doc, phone) || has_wrong_type(doc, phone)) return;
    const bool empty = doc.is(phone, JsonType::string);
    reporter.report(
        Finding{{empty ? phone : payload},
                subject() + (empty ? " has an empty 'phone_number'" : " has no 'phone_number'"),
                entity_of(node),
                {},
                "set \"phone_number\", e.g. \"#{customer_phone}\""});
  }

  // "an integer", "a boolean", "null": the JSON type of a value as a message reads it.
  static std::string with_article(JsonType type) {
    if (type == JsonType::null_value) return "null";
    const std::string_view name = to_string(type);
    const bool vowel =
        !name.empty() && std::string_view("aeiou").find(name[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(name);
  }

  static void check_parameters(const JsonDocument& doc, const Node& node, JsonRef payload,
                               const Subject& subject, Reporter& reporter) {
    const JsonRef parameters = doc.member(payload, "template_parameters");
    if (parameters == no_value || doc.is(parameters, JsonType::null_value)) return;
    if (!doc.is(parameters, JsonType::object)) {
      reporter.report(Finding{{parameters},
                              subject() + " has 'template_parameters' that is not an object",
                              entity_of(node),
                              {},
                              "map parameter positions to strings, e.g. {\"1\": \"#{name}\"}"});
      return;
    }
    for (JsonRef value : doc.children(parameters)) {
      if (doc.is(value, JsonType::string)) continue;
      reporter.report(Finding{{value},
                              subject() + " has template parameter " + quoted(doc.key(value)) +
                                  " that is " + with_article(doc.type(value)) + ", not a string",
                              entity_of(node),
                              {},
                              "write the parameter's value as a string"});
    }
  }
};

}  // namespace

const Rule& whatsapp_template_fields() {
  static const WhatsappTemplateFields rule;
  return rule;
}

}  // namespace snaplint::rules
