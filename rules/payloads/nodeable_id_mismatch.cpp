// nodeable-id-mismatch: a node's `nodeable_id` and its payload's disagree, a WhatsApp template's
// `whatsapp_node_id` is not its `nodeable_id`, or two nodes claim the same payload record. Each
// id names the record the platform stores the payload in; when they disagree, one side edits or
// runs a record the other does not show.
#include <string>
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// An id as text: a string's contents or an integer's digits, so that "7" and 7 compare equal
// (the schema allows both spellings). Absent for anything else, null included.
std::optional<std::string> id_text(const JsonDocument& doc, JsonRef value) {
  if (doc.is(value, JsonType::string)) return std::string(doc.string(value));
  if (doc.is(value, JsonType::integer)) return std::to_string(doc.at(value).data.integer);
  return std::nullopt;
}

class NodeableIdMismatch final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "nodeable-id-mismatch", "payloads", Severity::warning,
        "a node and its payload disagree on nodeable_id, or two nodes share a payload record"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    // Payload kind and id -> the first payload id with them. Records of different kinds live in
    // different tables, so a webhook and a handoff may share a number.
    std::unordered_map<std::string, std::pair<const Node*, JsonRef>> claimed;
    for (const Node& node : context.model.nodes) {
      const std::string_view key = payload_key(node.type);
      if (key.empty()) continue;
      const JsonRef payload = payload_of(doc, node, key);
      if (payload == no_value) continue;
      const JsonRef node_id = doc.member(node.json, "nodeable_id");
      const JsonRef payload_id = doc.member(payload, "nodeable_id");
      const auto node_text = id_text(doc, node_id);
      const auto payload_text = id_text(doc, payload_id);
      if (node_text && payload_text && *node_text != *payload_text) {
        reporter.report(Finding{{payload_id},
                                "the " + std::string(key) + " payload of node " +
                                    display_name(node) + " has nodeable_id " +
                                    quoted(*payload_text) + ", but the node's nodeable_id is " +
                                    quoted(*node_text),
                                entity_of(node),
                                {{"the node's nodeable_id", {node_id}}},
                                "make both nodeable_id values name the same record"});
      }
      if (node.type == NodeType::whatsapp_template) {
        check_whatsapp_node_id(doc, node, payload, payload_text ? payload_id : node_id,
                               "the whatsapp_template payload of node " + display_name(node),
                               reporter);
      }
      if (node.type == NodeType::subagent) check_subagent_templates(doc, node, payload, reporter);
      if (!payload_text) continue;
      const auto [it, inserted] =
          claimed.try_emplace(std::string(key) + '\n' + *payload_text, &node, payload_id);
      if (inserted) continue;
      reporter.report(Finding{
          {payload_id},
          "node " + display_name(node) + " uses " + std::string(key) + " record " +
              quoted(*payload_text) + ", which node " + display_name(*it->second.first) +
              " uses too",
          entity_of(node),
          {{"node " + display_name(*it->second.first) + " uses it here", {it->second.second}}},
          "give each node its own payload record, with its own nodeable_id"});
    }
  }

 private:
  // `whatsapp_node_id` is documented as "same as nodeable_id" (the payload's, else the node's).
  static void check_whatsapp_node_id(const JsonDocument& doc, const Node& node, JsonRef payload,
                                     JsonRef nodeable_id, const std::string& subject,
                                     Reporter& reporter) {
    const JsonRef whatsapp_id = doc.member(payload, "whatsapp_node_id");
    const auto whatsapp_text = id_text(doc, whatsapp_id);
    const auto nodeable_text = id_text(doc, nodeable_id);
    if (!whatsapp_text || !nodeable_text || *whatsapp_text == *nodeable_text) return;
    reporter.report(Finding{{whatsapp_id},
                            subject + " has whatsapp_node_id " + quoted(*whatsapp_text) +
                                ", but its nodeable_id is " + quoted(*nodeable_text),
                            entity_of(node),
                            {{"the nodeable_id", {nodeable_id}}},
                            "set whatsapp_node_id to " + quoted(*nodeable_text)});
  }

  // The same for each WhatsApp template tool of a subagent, against the tool's own nodeable_id.
  static void check_subagent_templates(const JsonDocument& doc, const Node& node, JsonRef payload,
                                       Reporter& reporter) {
    const JsonRef list = doc.member(payload, "whatsapp_templates");
    if (!doc.is(list, JsonType::array)) return;
    for (JsonRef tool : doc.children(list)) {
      if (!doc.is(tool, JsonType::object)) continue;
      const std::string_view name = doc.member_string(tool, "name");
      const std::string tool_name =
          name.empty() ? "#" + std::to_string(doc.at(tool).key_begin_or_index) : quoted(name);
      check_whatsapp_node_id(
          doc, node, tool, doc.member(tool, "nodeable_id"),
          "WhatsApp template tool " + tool_name + " of node " + display_name(node), reporter);
    }
  }
};

}  // namespace

const Rule& nodeable_id_mismatch() {
  static const NodeableIdMismatch rule;
  return rule;
}

}  // namespace snaplint::rules
