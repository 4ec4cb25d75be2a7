// code-like-condition: an edge label written as code (`input == 'x' || retries >= 3`,
// `isValid(x)`). The label is read by the LLM as plain language, not evaluated; Kapso's docs ask
// for words.
#include <array>
#include <cctype>
#include <utility>

#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// Each operator the rule looks for, and the words to use instead.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> code_operators{{
    {"==", "'is'"},
    {"!=", "'is not'"},
    {"&&", "'and'"},
    {"||", "'or'"},
    {">=", "'at least'"},
    {"<=", "'at most'"},
}};

bool is_identifier_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) || c == '_';
}

struct CodeMatch {
  std::size_t position = std::string_view::npos;
  std::string token;         // what the message quotes: the operator or the call
  std::string_view instead;  // words to use, for an operator
};

// The first operator in `text`, if any.
CodeMatch find_operator(std::string_view text) {
  CodeMatch match;
  for (const auto& [op, words] : code_operators) {
    const std::size_t at = text.find(op);
    if (at < match.position) match = {at, std::string(op), words};
  }
  return match;
}

// The first call `name(args)`: an identifier (not starting with a digit) directly followed by `(`,
// with a `)` later on. "asks (politely)" has a space before the parenthesis and is prose; "item(s)"
// and "match(es)" are plural markers, not calls.
CodeMatch find_call(std::string_view text) {
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    std::size_t begin = open;
    while (begin > 0 && is_identifier_char(text[begin - 1])) --begin;
    if (begin == open || std::isdigit(static_cast<unsigned char>(text[begin]))) continue;
    // A method call names its receiver too: `input.startsWith(...)`.
    while (begin >= 2 && text[begin - 1] == '.' && is_identifier_char(text[begin - 2])) {
      --begin;
      while (begin > 0 && is_identifier_char(text[begin - 1])) --begin;
    }
    const std::size_t close = text.find(')', open + 1);
    if (close == std::string_view::npos) return {};
    const std::string arguments = ascii_lower(text.substr(open + 1, close - open - 1));
    if (arguments == "s" || arguments == "es") continue;
    const std::string_view name = text.substr(begin, open - begin);
    std::string token(name);
    token += close - open - 1 <= 24 ? text.substr(open, close - open + 1) : "(...)";
    return {begin, std::move(token), {}};
  }
  return {};
}

class CodeLikeCondition final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"code-like-condition", "edges", Severity::warning,
                                   "an edge label reads as code"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    for (const Edge& edge : model.edges) {
      if (edge.label_ref == no_value) continue;
      CodeMatch match = find_operator(model.label(edge));
      if (CodeMatch call = find_call(model.label(edge)); call.position < match.position) {
        match = std::move(call);
      }
      if (match.position == std::string_view::npos) continue;
      Finding finding{{edge.label_ref},
                      "the label of edge " + display_name(edge) + " reads as code (" +
                          quoted(match.token) +
                          "); the LLM reads it as a sentence, nothing evaluates it",
                      entity_of(edge)};
      if (!match.instead.empty()) {
        finding.help = "state the condition in words, e.g. " + std::string(match.instead) +
                       " instead of " + quoted(match.token);
      } else {
        finding.help =
            "describe in a plain sentence what " + quoted(match.token) + " is meant to check";
      }
      reporter.report(std::move(finding));
    }
  }
};

}  // namespace

const Rule& code_like_condition() {
  static const CodeLikeCondition rule;
  return rule;
}

}  // namespace snaplint::rules
