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
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

std::string normalize_condition(std::string_view text) {
  std::string out;
  append_normalized_condition(text, out);
  return out;
}

void append_normalized_condition(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  const std::size_t start = out.size();
  bool pending_space = false;
  for (char c : text) {
    const unsigned byte = static_cast<unsigned char>(c);
    // Bytes of multi-byte UTF-8 characters are kept: they are letters in other scripts.
    const bool lower = byte - 'a' < 26u;
    const bool upper = byte - 'A' < 26u;
    const bool word_char = lower || upper || byte - '0' < 10u || byte >= 0x80;
    if (!word_char) {
      pending_space = out.size() != start;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += upper ? static_cast<char>(byte + ('a' - 'A')) : c;
  }
}

JsonRef payload_of(const JsonDocument& doc, const Node& node, std::string_view key) {
  const std::size_t kind = payload_index(key);
  const JsonRef payload =
      kind < payload_kind_count ? node.payloads[kind] : doc.member(node.json, key);
  return doc.is(payload, JsonType::object) ? payload : no_value;
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
    if (ascii_lower(model.name(node)) == alias) {
      finding.help = "rename node " + display_name(node) + " (named " + quoted(model.name(node)) +
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
  const std::string tool = name.empty() ? "#" + std::to_string(doc.index(webhook)) : quoted(name);
  return "webhook tool " + tool + " of node " + display_name(node);
}

}  // namespace snaplint::rules
