// template-variable-syntax: a webhook url, header or body uses `{{name}}`, which the agent runtime
// leaves as literal text (it substitutes only `#{name}`), or has a malformed `#{` placeholder
// (unclosed, empty, or a name outside [A-Za-z0-9_]), which is not substituted either.
#include <array>
#include <string>
#include <vector>

#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_name(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A usable variable name made from `text`: runs of other characters become one '_'.
std::string as_name(std::string_view text) {
  std::string out;
  for (char c : trimmed(text)) {
    if (is_name_char(c)) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// At most `limit` bytes of a placeholder for a message, marked when cut.
std::string shown(std::string_view text, std::size_t limit = 40) {
  if (text.size() <= limit) return std::string(text);
  return std::string(text.substr(0, limit)) + "...";
}

struct Problem {
  std::string what;  // "a malformed placeholder '#{a b}'"
  std::string why;   // said after where it is; may be empty
  std::string help;
};

// The placeholder problems of one string, left to right.
std::vector<Problem> scan(std::string_view text) {
  std::vector<Problem> problems;
  // Every problem starts at a '{': most strings have none and are not looked at further.
  if (text.find('{') == std::string_view::npos) return problems;
  const std::string name_rule =
      "a placeholder is #{name}, the name made of letters, digits and '_'";
  for (std::size_t i = 0; i + 1 < text.size();) {
    if (text[i] == '#' && text[i + 1] == '{') {
      const std::size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) {
        const std::string name = as_name(text.substr(i + 2));
        problems.push_back(
            {"an unclosed placeholder " + quoted(shown(text.substr(i))), "",
             name.empty() ? "close it with '}'" : "write it as " + quoted("#{" + name + "}")});
        break;
      }
      const std::string_view content = text.substr(i + 2, close - i - 2);
      const std::string_view placeholder = text.substr(i, close + 1 - i);
      if (content.empty()) {
        problems.push_back(
            {"an empty placeholder '#{}'", "", "put the variable's name in the braces"});
      } else if (!is_name(content)) {
        const std::string name = as_name(content);
        problems.push_back(
            {"a malformed placeholder " + quoted(shown(placeholder)), "",
             name.empty() ? name_rule : name_rule + ", e.g. " + quoted("#{" + name + "}")});
      }
      i = close + 1;
      continue;
    }
    if (text[i] == '{' && text[i + 1] == '{') {
      const std::size_t close = text.find("}}", i + 2);
      if (close == std::string_view::npos) break;
      const std::string_view content = text.substr(i + 2, close - i - 2);
      const std::string_view placeholder = text.substr(i, close + 2 - i);
      const std::string_view inner = trimmed(content);
      std::string help = "write the variable as #{name}";
      if (is_name(inner)) {
        help = "use " + quoted("#{" + std::string(inner) + "}");
      } else if (const std::string name = as_name(content); !name.empty()) {
        help = name_rule + ", e.g. " + quoted("#{" + name + "}");
      }
      problems.push_back({quoted(shown(placeholder)),
                          ", which the agent runtime leaves as literal text (it substitutes "
                          "#{name} only)",
                          std::move(help)});
      i = close + 2;
      continue;
    }
    ++i;
  }
  return problems;
}

class TemplateVariableSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "template-variable-syntax", "payloads", Severity::warning,
        "a webhook url, header or body uses {{name}} or a malformed #{...} placeholder"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      prefetch_node_text(doc, context.model.nodes, node, has_webhooks);
      for_each_webhook(doc, node, [&](JsonRef webhook) {
        const auto [url, headers, headers_raw, body, body_raw] = members_of(
            doc, webhook,
            std::array<std::string_view, 5>{"url", "headers", "headers_raw", "body", "body_raw"});
        Scanner scanner{doc, node, webhook, reporter};
        scanner.string(url, "url");
        scanner.value_or_raw(headers, "headers", headers_raw, "headers_raw");
        scanner.value_or_raw(body, "body", body_raw, "body_raw");
      });
    }
  }

 private:
  struct Scanner {
    const JsonDocument& doc;
    const Node& node;
    JsonRef webhook;
    Reporter& reporter;

    void string(JsonRef ref, std::string_view where) {
      if (doc.is(ref, JsonType::string)) value(ref, where);
    }

    void value_or_raw(JsonRef field, std::string_view field_key, JsonRef raw,
                      std::string_view raw_key) {
      if (field != no_value && !doc.is(field, JsonType::null_value)) {
        value(field, field_key);
      } else {
        // Without the field, its raw text is the only copy to check.
        string(raw, raw_key);
      }
    }

    // A string, or every string inside an object or array (keys aside).
    void value(JsonRef ref, std::string_view where) {
      const JsonType type = doc.type(ref);
      if (type == JsonType::object || type == JsonType::array) {
        for (JsonRef child : doc.children(ref)) value(child, where);
        return;
      }
      if (type != JsonType::string) return;
      for (Problem& problem : scan(doc.string(ref))) {
        reporter.report(Finding{{ref},
                                describe_webhook(doc, node, webhook) + " has " + problem.what +
                                    " in its " + std::string(where) + problem.why,
                                entity_of(node),
                                {},
                                std::move(problem.help)});
      }
    }
  };
};

}  // namespace

const Rule& template_variable_syntax() {
  static const TemplateVariableSyntax rule;
  return rule;
}

}  // namespace snaplint::rules
