// nodeable-id-mismatch: a node's `nodeable_id` and its payload's disagree, a WhatsApp template's
// `whatsapp_node_id` is not its `nodeable_id`, or two nodes claim the same payload record. Each
// id names the record the platform stores the payload in; when they disagree, one side edits or
// runs a record the other does not show.
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "../flat_tables.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// An id as text: a string's contents or an integer's digits, so that "7" and 7 compare equal
// (the schema allows both spellings). Digits are kept inside, so no id costs an allocation.
class IdText {
 public:
  // Absent for anything but a string or an integer, null included.
  static std::optional<IdText> of(const JsonDocument& doc, JsonRef value) {
    IdText id;
    if (doc.is(value, JsonType::string)) {
      id.text_ = doc.string(value);
    } else if (doc.is(value, JsonType::integer)) {
      const auto end =
          std::to_chars(id.digits_, id.digits_ + sizeof id.digits_, doc.integer(value)).ptr;
      id.digit_count_ = static_cast<std::uint8_t>(end - id.digits_);
    } else {
      return std::nullopt;
    }
    return id;
  }

  std::string_view view() const {
    return digit_count_ > 0 ? std::string_view(digits_, digit_count_) : text_;
  }
  friend bool operator==(const IdText& a, const IdText& b) { return a.view() == b.view(); }

 private:
  std::string_view text_;
  char digits_[24] = {};
  std::uint8_t digit_count_ = 0;
};

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
    // The payload ids claimed so far, and per payload kind, id → the first claim with it.
    // Records of different kinds live in different tables, so a webhook and a handoff may share
    // a number.
    struct Claim {
      const Node* node;
      JsonRef payload_id;
      IdText id;
    };
    std::vector<Claim> claims;
    const auto id_of = [&](std::uint32_t c) { return claims[c].id.view(); };
    std::vector<TextTable<decltype(id_of)>> claimed(std::size(payload_keys), {0, id_of});
    for (const Node& node : context.model.nodes) {
      const std::string_view key = payload_key(node.type);
      if (key.empty()) continue;
      const JsonRef payload = node.payloads[payload_index(key)];
      const JsonRef node_id = node.nodeable_id_ref;
      if (!doc.is(payload, JsonType::object)) continue;
      const JsonRef payload_id = doc.member(payload, "nodeable_id");
      const auto node_text = IdText::of(doc, node_id);
      const auto payload_text = IdText::of(doc, payload_id);
      if (node_text && payload_text && *node_text != *payload_text) {
        reporter.report(Finding{{payload_id},
                                "the " + std::string(key) + " payload of node " +
                                    display_name(node) + " has nodeable_id " +
                                    quoted(payload_text->view()) +
                                    ", but the node's nodeable_id is " + quoted(node_text->view()),
                                entity_of(node),
                                {{"the node's nodeable_id", {node_id}}},
                                "make both nodeable_id values name the same record"});
      }
      if (node.type == NodeType::whatsapp_template) {
        check_whatsapp_node_id(
            doc, node, payload, payload_text ? payload_id : node_id,
            [&] { return "the whatsapp_template payload of node " + display_name(node); },
            reporter);
      }
      if (node.type == NodeType::subagent) check_subagent_templates(doc, node, payload, reporter);
      if (!payload_text) continue;
      const auto next = static_cast<std::uint32_t>(claims.size());
      const auto [first, inserted] = claimed[kind_of(key)].insert(payload_text->view(), next);
      if (inserted) {
        claims.push_back({&node, payload_id, *payload_text});
        continue;
      }
      const Claim& other = claims[first];
      reporter.report(
          Finding{{payload_id},
                  "node " + display_name(node) + " uses " + std::string(key) + " record " +
                      quoted(payload_text->view()) + ", which node " + display_name(*other.node) +
                      " uses too",
                  entity_of(node),
                  {{"node " + display_name(*other.node) + " uses it here", {other.payload_id}}},
                  "give each node its own payload record, with its own nodeable_id"});
    }
  }

 private:
  static std::size_t kind_of(std::string_view key) {
    std::size_t kind = 0;
    while (payload_keys[kind] != key) ++kind;
    return kind;
  }

  // `whatsapp_node_id` is documented as "same as nodeable_id" (the payload's, else the node's).
  // `subject()` names the template in the message; it is built only for a finding.
  template <class Subject>
  static void check_whatsapp_node_id(const JsonDocument& doc, const Node& node, JsonRef payload,
                                     JsonRef nodeable_id, const Subject& subject,
                                     Reporter& reporter) {
    const JsonRef whatsapp_id = doc.member(payload, "whatsapp_node_id");
    const auto whatsapp_text = IdText::of(doc, whatsapp_id);
    const auto nodeable_text = IdText::of(doc, nodeable_id);
    if (!whatsapp_text || !nodeable_text || *whatsapp_text == *nodeable_text) return;
    reporter.report(Finding{{whatsapp_id},
                            subject() + " has whatsapp_node_id " + quoted(whatsapp_text->view()) +
                                ", but its nodeable_id is " + quoted(nodeable_text->view()),
                            entity_of(node),
                            {{"the nodeable_id", {nodeable_id}}},
                            "set whatsapp_node_id to " + quoted(nodeable_text->view())});
  }

  // The same for each WhatsApp template tool of a subagent, against the tool's own nodeable_id.
  static void check_subagent_templates(const JsonDocument& doc, const Node& node, JsonRef payload,
                                       Reporter& reporter) {
    const JsonRef list = doc.member(payload, "whatsapp_templates");
    if (!doc.is(list, JsonType::array)) return;
    for (JsonRef tool : doc.children(list)) {
      if (!doc.is(tool, JsonType::object)) continue;
      const auto subject = [&] {
        const std::string_view name = doc.member_string(tool, "name");
        const std::string tool_name =
            name.empty() ? "#" + std::to_string(doc.index(tool)) : quoted(name);
        return "WhatsApp template tool " + tool_name + " of node " + display_name(node);
      };
      check_whatsapp_node_id(doc, node, tool, doc.member(tool, "nodeable_id"), subject, reporter);
    }
  }
};

}  // namespace

const Rule& nodeable_id_mismatch() {
  static const NodeableIdMismatch rule;
  return rule;
}

}  // namespace snaplint::rules
