// invalid-node-name: a node name that is empty or has a character outside [A-Za-z0-9_]. The name is
// the node's runtime key, and Kapso's SDK refuses any other character when it builds the agent.
#include <string>

#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class InvalidNodeName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"invalid-node-name", "identity", Severity::error,
                                   "a node name is empty or has characters outside [A-Za-z0-9_]"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    const ModelArray<Node>& nodes = model.nodes;
    for (const Node& node : nodes) {
      prefetch_ahead(nodes, node, [](const Node& ahead) { return ahead.id; });
      if (!node.has_name() || node.is_special()) continue;
      if (model.name(node).empty()) {
        reporter.report(Finding{{node.name_ref},
                                "node " + display_name(node) + " has an empty name",
                                entity_of(node),
                                {},
                                "give it a name of letters, digits and '_'"});
        continue;
      }
      const std::size_t bad = first_invalid(model.name(node));
      if (bad == std::string_view::npos) continue;
      Finding finding{{node.name_ref},
                      "node " + display_name(node) + " has name " +
                          quoted(escaped(model.name(node))) + ", which contains " +
                          describe_character(model.name(node), bad) +
                          "; names may only use letters, digits and '_'",
                      entity_of(node)};
      if (const std::string fixed = suggestion(model.name(node)); !fixed.empty()) {
        finding.help = "rename it to " + quoted(fixed);
      }
      reporter.report(std::move(finding));
    }
  }

 private:
  static bool valid(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  static std::size_t first_invalid(std::string_view name) {
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (!valid(name[i])) return i;
    }
    return std::string_view::npos;
  }

  static constexpr char hex_digits[] = "0123456789ABCDEF";

  // The name with control characters written as JSON escapes, so that a message stays on one
  // line.
  static std::string escaped(std::string_view name) {
    std::string out;
    for (char c : name) {
      const auto byte = static_cast<unsigned char>(c);
      if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (byte < 0x20 || byte == 0x7f) {
        out += "\\u00";
        out += hex_digits[byte >> 4];
        out += hex_digits[byte & 15];
      } else {
        out += c;
      }
    }
    return out;
  }

  // "a space", "'-'", or the whole UTF-8 character at `at`.
  static std::string describe_character(std::string_view name, std::size_t at) {
    const auto byte = static_cast<unsigned char>(name[at]);
    if (byte == ' ') return "a space";
    if (byte == '\t') return "a tab";
    if (byte < 0x20 || byte == 0x7f) {
      return std::string("the control character U+00") + hex_digits[byte >> 4] +
             hex_digits[byte & 15];
    }
    std::size_t length = 1;
    if (byte >= 0x80) {
      while (at + length < name.size() &&
             (static_cast<unsigned char>(name[at + length]) & 0xc0) == 0x80) {
        ++length;
      }
    }
    return quoted(name.substr(at, length));
  }

  // The runs of valid characters joined by '_' ("order lookup" → "order_lookup"); empty when
  // the name has non-ASCII letters (no good ASCII spelling is known) or no valid character.
  static std::string suggestion(std::string_view name) {
    std::string fixed;
    bool pending_separator = false;
    for (char c : name) {
      if (static_cast<unsigned char>(c) >= 0x80) return {};
      if (!valid(c)) {
        pending_separator = !fixed.empty();
        continue;
      }
      if (pending_separator) fixed += '_';
      pending_separator = false;
      fixed += c;
    }
    return fixed;
  }
};

}  // namespace

const Rule& invalid_node_name() {
  static const InvalidNodeName rule;
  return rule;
}

}  // namespace snaplint::rules
