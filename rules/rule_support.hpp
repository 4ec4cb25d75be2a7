// Small helpers that several rules share.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/rule.hpp"

namespace snaplint::rules {

// Every rule module's factory; registry.cpp lists them in one place.
#define SNAPLINT_RULE(function) const Rule& function();
SNAPLINT_RULE(ambiguous_branch)
SNAPLINT_RULE(code_like_condition)
SNAPLINT_RULE(dangling_edge)
SNAPLINT_RULE(dead_end_node)
SNAPLINT_RULE(duplicate_edge)
SNAPLINT_RULE(duplicate_edge_id)
SNAPLINT_RULE(duplicate_node_id)
SNAPLINT_RULE(duplicate_node_name)
SNAPLINT_RULE(duplicate_tool_id)
SNAPLINT_RULE(duplicate_tool_ref)
SNAPLINT_RULE(edge_into_global_node)
SNAPLINT_RULE(empty_prompt)
SNAPLINT_RULE(end_node_outgoing_edge)
SNAPLINT_RULE(global_condition_conflict)
SNAPLINT_RULE(global_condition_ignored)
SNAPLINT_RULE(global_condition_missing)
SNAPLINT_RULE(global_condition_overlap)
SNAPLINT_RULE(global_condition_shadows_edge)
SNAPLINT_RULE(handoff_outgoing_edge)
SNAPLINT_RULE(invalid_node_name)
SNAPLINT_RULE(knowledge_base_empty)
SNAPLINT_RULE(mismatched_nodeable)
SNAPLINT_RULE(missing_end_node)
SNAPLINT_RULE(missing_nodeable)
SNAPLINT_RULE(missing_start_node)
SNAPLINT_RULE(missing_tool)
SNAPLINT_RULE(nodeable_id_mismatch)
SNAPLINT_RULE(reserved_node_name)
SNAPLINT_RULE(self_loop)
SNAPLINT_RULE(start_node_edges)
SNAPLINT_RULE(subagent_tools)
SNAPLINT_RULE(template_variable_syntax)
SNAPLINT_RULE(trap_cycle)
SNAPLINT_RULE(unknown_field)
SNAPLINT_RULE(unknown_node_type)
SNAPLINT_RULE(unreachable_node)
SNAPLINT_RULE(unused_tool)
SNAPLINT_RULE(warm_end_timeout)
SNAPLINT_RULE(webhook_json_field)
SNAPLINT_RULE(webhook_method)
SNAPLINT_RULE(webhook_mock_enabled)
SNAPLINT_RULE(webhook_url)
SNAPLINT_RULE(whatsapp_template_fields)
#undef SNAPLINT_RULE

// True for a string of only whitespace (or empty).
bool is_blank(std::string_view text);

// The text with ASCII letters lower-cased (Kapso's names and keywords are ASCII).
std::string ascii_lower(std::string_view text);

// A global condition or edge label in comparable form: lower-case, punctuation turned into
// spaces, runs of spaces collapsed, trimmed.
std::string normalize_condition(std::string_view text);
// The same, appended to `out`, so that a loop can reuse one buffer instead of allocating per text.
void append_normalized_condition(std::string_view text, std::string& out);

// Normalized conditions of a list of texts, one after another in a buffer reused from one list
// to the next: no allocation per text.
class NormalizedConditions {
 public:
  void clear() {
    text_.clear();
    end_.clear();
  }
  void add(std::string_view text) {
    append_normalized_condition(text, text_);
    end_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  std::size_t size() const { return end_.size(); }
  std::string_view operator[](std::size_t k) const {
    const std::uint32_t begin = k == 0 ? 0 : end_[k - 1];
    return std::string_view(text_).substr(begin, end_[k] - begin);
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> end_;
};

// The members of an object named `names[i]`, or no_value for each absent one (what member()
// finds for each name), found in one pass over the object's keys instead of one per name.
template <std::size_t N>
std::array<JsonRef, N> members_of(const JsonDocument& doc, JsonRef object,
                                  const std::array<std::string_view, N>& names) {
  std::array<JsonRef, N> found;
  found.fill(no_value);
  if (!doc.is(object, JsonType::object)) return found;
  std::size_t missing = N;
  for (JsonRef child : doc.children(object)) {
    const std::string_view key = doc.key(child);
    for (std::size_t i = 0; i < N; ++i) {
      if (key.size() != names[i].size() || found[i] != no_value || key != names[i]) continue;
      found[i] = child;
      if (--missing == 0) return found;  // shadowed members aside, a key appears once
      break;
    }
  }
  return found;
}

// The payload object a node carries under `key`, or no_value when absent or not an object.
JsonRef payload_of(const JsonDocument& doc, const Node& node, std::string_view key);

// Calls visit(webhook) for each webhook object a node defines: its `webhook` payload
// (WebhookNode) and every entry of its subagent's `webhooks` (SubagentNode), in that order.
template <class Visit>
void for_each_webhook(const JsonDocument& doc, const Node& node, Visit&& visit) {
  if (node.type == NodeType::webhook) {
    if (const JsonRef webhook = payload_of(doc, node, "webhook"); webhook != no_value) {
      visit(webhook);
    }
  }
  if (node.type == NodeType::subagent) {
    const JsonRef list = doc.member(payload_of(doc, node, "subagent"), "webhooks");
    if (doc.is(list, JsonType::array)) {
      for (JsonRef tool : doc.children(list)) {
        if (doc.is(tool, JsonType::object)) visit(tool);
      }
    }
  }
}

// Where a finding about a member goes: the member if present, else the object that lacks it.
JsonRef member_or(const JsonDocument& doc, JsonRef object, std::string_view key);

}  // namespace snaplint::rules

namespace snaplint::rules {

// Shared by missing-start-node and missing-end-node: reports that no node is named
// `special_name`, at the nodes array, and names a node that looks meant for the role.
void report_missing_special_node(const LintContext& context, Reporter& reporter,
                                 std::string_view special_name, std::string_view role,
                                 std::string_view alias);

}  // namespace snaplint::rules

namespace snaplint::rules {

// "the webhook of node 'c'" or "webhook tool 'get' of node 'x'", for messages.
std::string describe_webhook(const JsonDocument& doc, const Node& node, JsonRef webhook);

}  // namespace snaplint::rules
