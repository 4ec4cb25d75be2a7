#include "rule_support.hpp"

#include <cctype>

namespace snaplint::rules {

bool is_blank(std::string_view text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string normalize_condition(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    // Bytes of multi-byte UTF-8 characters are kept: they are letters in other scripts.
    const bool word_char = std::isalnum(byte) || byte >= 0x80;
    if (!word_char) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += static_cast<char>(std::tolower(byte));
  }
  return out;
}

JsonRef payload_of(const JsonDocument& doc, const Node& node, std::string_view key) {
  const JsonRef payload = doc.member(node.json, key);
  return doc.is(payload, JsonType::object) ? payload : no_value;
}

std::vector<JsonRef> webhooks_of(const JsonDocument& doc, const Node& node) {
  std::vector<JsonRef> webhooks;
  if (node.type == NodeType::webhook) {
    if (const JsonRef webhook = payload_of(doc, node, "webhook"); webhook != no_value) {
      webhooks.push_back(webhook);
    }
  }
  if (node.type == NodeType::subagent) {
    const JsonRef list = doc.member(payload_of(doc, node, "subagent"), "webhooks");
    if (doc.is(list, JsonType::array)) {
      for (JsonRef tool : doc.children(list)) {
        if (doc.is(tool, JsonType::object)) webhooks.push_back(tool);
      }
    }
  }
  return webhooks;
}

JsonRef member_or(const JsonDocument& doc, JsonRef object, std::string_view key) {
  const JsonRef member = doc.member(object, key);
  return member != no_value ? member : object;
}

}  // namespace snaplint::rules

namespace snaplint::rules {

void report_missing_special_node(const LintContext& context, Reporter& reporter,
                                 std::string_view special_name, std::string_view role,
                                 std::string_view alias) {
  const Model& model = context.model;
  JsonRef where = model.nodes_array;
  if (where == no_value) where = model.graph != no_value ? model.graph : context.json.root();
  Finding finding{
      {where},
      "no node is named " + quoted(special_name) + ", so the graph has no " + std::string(role),
      graph_entity()};
  for (const Node& node : model.nodes) {
    if (ascii_lower(node.name) == alias) {
      finding.help = "rename node " + display_name(node) + " (named " + quoted(node.name) +
                     ") to " + quoted(special_name) + "; the runner finds the " +
                     std::string(role) + " by that name only";
      break;
    }
  }
  if (finding.help.empty()) {
    finding.help = "add a DefaultNode named " + quoted(special_name) + " with an empty prompt";
  }
  reporter.report(std::move(finding));
}

}  // namespace snaplint::rules

namespace snaplint::rules {

std::string describe_webhook(const JsonDocument& doc, const Node& node, JsonRef webhook) {
  if (doc.is_member(webhook)) return "the webhook of node " + display_name(node);
  const std::string_view name = doc.member_string(webhook, "name");
  const std::string tool =
      name.empty() ? "#" + std::to_string(doc.at(webhook).key_begin_or_index) : quoted(name);
  return "webhook tool " + tool + " of node " + display_name(node);
}

}  // namespace snaplint::rules
