#include "rule_support.hpp"

#include <array>
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

namespace {
// Each byte as a normalized condition keeps it: 0 for a separator, else the byte lower-cased.
// Bytes of multi-byte UTF-8 characters are kept: they are letters in other scripts.
constexpr std::array<unsigned char, 256> condition_bytes = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    if (byte - 'a' < 26u || byte - '0' < 10u || byte >= 0x80) table[byte] = byte;
    if (byte - 'A' < 26u) table[byte] = byte + ('a' - 'A');
  }
  return table;
}();
}  // namespace

void append_normalized_condition(std::string_view text, std::string& out) {
  // Written through a pointer into room made first (the result is never longer than the text):
  // this runs for every edge label of the file, and appending a byte at a time checked the
  // string's capacity for each.
  const std::size_t start = out.size();
  out.resize(start + text.size());
  char* const first = out.data() + start;
  char* at = first;
  bool pending_space = false;
  for (const char c : text) {
    const unsigned char kept = condition_bytes[static_cast<unsigned char>(c)];
    if (kept == 0) {
      pending_space = at != first;
      continue;
    }
    if (pending_space) *at++ = ' ';
    pending_space = false;
    *at++ = static_cast<char>(kept);
  }
  out.resize(static_cast<std::size_t>(at - out.data()));
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
