// subagent-tools: a SubagentNode tool (webhook, knowledge base, MCP server, WhatsApp template)
// whose name is empty, uses characters outside [A-Za-z0-9_], repeats another tool's name in the
// node, or, for webhooks, equals another webhook's name ignoring case (the runner names webhook
// tools `<lower-cased name>_request`, so such names collide); and an MCP server without `url` or
// with a `transport_kind` other than streamable_http or sse. The SDK rejects such subagents.
#include <cctype>
#include <string>
#include <unordered_map>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

struct ToolList {
  std::string_view key;
  std::string_view kind;  // for messages
};
constexpr ToolList tool_lists[] = {{"webhooks", "webhook tool"},
                                   {"knowledge_bases", "knowledge base"},
                                   {"mcp_servers", "MCP server"},
                                   {"whatsapp_templates", "WhatsApp template tool"}};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `text` with each run of other characters turned into one '_', trimmed of '_' at the ends.
std::string as_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_name_char(c)) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

class SubagentTools final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "subagent-tools", "payloads", Severity::error,
        "a subagent tool name is empty, invalid or repeated, or an MCP server is misconfigured"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (node.type != NodeType::subagent) continue;
      const JsonRef payload = payload_of(doc, node, "subagent");
      if (payload == no_value) continue;
      NodeCheck check{doc, node, reporter, {}, {}};
      for (const ToolList& list : tool_lists) {
        const JsonRef array = doc.member(payload, list.key);
        if (!doc.is(array, JsonType::array)) continue;
        for (JsonRef tool : doc.children(array)) {
          if (!doc.is(tool, JsonType::object)) continue;
          check.name(tool, list);
          if (list.key == "mcp_servers") check.mcp_server(tool);
        }
      }
    }
  }

 private:
  // A tool met earlier; what the messages call it is worked out only for a finding.
  struct Seen {
    JsonRef name;
    JsonRef tool;
    const ToolList* list;
  };

  struct NodeCheck {
    const JsonDocument& doc;
    const Node& node;
    Reporter& reporter;
    std::unordered_map<std::string_view, Seen> by_name;    // every tool of the node
    std::unordered_map<std::string, Seen> webhook_by_key;  // webhooks, by lower-cased name

    // "webhook tool 'get'", or "webhook tool #1" without a usable name.
    std::string tool_name(JsonRef tool, const ToolList& list) const {
      const std::string_view name = doc.member_string(tool, "name");
      const std::string shown =
          name.empty() || is_blank(name) ? "#" + std::to_string(doc.index(tool)) : quoted(name);
      return std::string(list.kind) + " " + shown;
    }

    // "webhook tool #1": a tool by its position, for repeated names.
    std::string tool_position(JsonRef tool, const ToolList& list) const {
      return std::string(list.kind) + " #" + std::to_string(doc.index(tool));
    }
    std::string subject(JsonRef tool, const ToolList& list) const {
      return tool_name(tool, list) + " of node " + display_name(node);
    }

    void report(JsonRef where, std::string message, std::string help,
                std::vector<RelatedFinding> related = {}) {
      reporter.report(Finding{
          {where}, std::move(message), entity_of(node), std::move(related), std::move(help)});
    }

    void name(JsonRef tool, const ToolList& list) {
      const JsonRef name_ref = doc.member(tool, "name");
      if (name_ref == no_value || doc.is(name_ref, JsonType::null_value)) {
        report(tool, subject(tool, list) + " has no name",
               "add a \"name\" of letters, digits and '_'");
        return;
      }
      if (!doc.is(name_ref, JsonType::string)) return;  // the schema reports the type
      const std::string_view name = doc.string(name_ref);
      if (is_blank(name)) {
        report(name_ref, subject(tool, list) + " has an empty name",
               "name the tool with letters, digits and '_'");
        return;
      }
      const auto this_subject = [&] { return subject(tool, list); };
      bool valid = true;
      for (char c : name) valid = valid && is_name_char(c);
      if (!valid) {
        // Suggest a spelling only for ASCII names: dropping a letter of another script
        // leaves a word nobody meant.
        bool ascii = true;
        for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        const std::string fixed = ascii ? as_name(name) : std::string();
        report(name_ref,
               this_subject() + " has a name with characters other than letters, digits and '_'",
               fixed.empty() ? "rename it with only letters, digits and '_'"
                             : "rename it, e.g. " + quoted(fixed));
      }
      const auto [first, inserted] = by_name.try_emplace(name, Seen{name_ref, tool, &list});
      if (!inserted) {
        const std::string other = tool_position(first->second.tool, *first->second.list);
        report(name_ref, this_subject() + " repeats the name of " + other,
               "give each tool of the node its own name",
               {{other + " is here", {first->second.name}}});
        return;
      }
      if (list.key != "webhooks") return;
      const std::string key = ascii_lower(name);
      const auto [other, added] = webhook_by_key.try_emplace(key, Seen{name_ref, tool, &list});
      if (added) return;
      const std::string other_name = tool_name(other->second.tool, *other->second.list);
      report(name_ref,
             this_subject() + " collides with " + other_name + ": the runner names both " +
                 quoted(key + "_request"),
             "rename one of them; webhook names must differ in more than case",
             {{other_name + " is here", {other->second.name}}});
    }

    void mcp_server(JsonRef tool) {
      const ToolList& list = tool_lists[2];
      const JsonRef url = doc.member(tool, "url");
      if (url == no_value || doc.is(url, JsonType::null_value)) {
        report(tool, subject(tool, list) + " has no 'url'",
               "set \"url\" to the MCP server's endpoint");
      } else if (doc.is(url, JsonType::string) && is_blank(doc.string(url))) {
        report(url, subject(tool, list) + " has an empty 'url'",
               "set \"url\" to the MCP server's endpoint");
      }
      const JsonRef transport = doc.member(tool, "transport_kind");
      if (!doc.is(transport, JsonType::string)) return;
      const std::string_view kind = doc.string(transport);
      if (kind == "streamable_http" || kind == "sse") return;
      std::string fixed = ascii_lower(kind);
      for (char& c : fixed) {
        if (c == '-' || c == ' ') c = '_';
      }
      const bool close = fixed == "streamable_http" || fixed == "sse";
      report(transport,
             subject(tool, list) + " has transport_kind " + quoted(kind) +
                 ", which is neither 'streamable_http' nor 'sse'",
             close ? "use " + quoted(fixed) : "use 'streamable_http' or 'sse'");
    }
  };
};

}  // namespace

const Rule& subagent_tools() {
  static const SubagentTools rule;
  return rule;
}

}  // namespace snaplint::rules
