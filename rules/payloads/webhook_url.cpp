// webhook-url: a webhook (or subagent webhook tool) whose `url` is missing, empty, or not an
// absolute http(s) URL once its #{var} / {{var}} placeholders are filled in.
#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// Replaces each placeholder with a plain word, into `out` (a buffer reused from URL to URL);
// placeholder syntax itself is template-variable-syntax's business.
void fill_placeholders(std::string_view url, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < url.size();) {
    const bool hash = url.substr(i, 2) == "#{";
    const bool braces = url.substr(i, 2) == "{{";
    if (hash || braces) {
      const std::size_t close = url.find(hash ? "}" : "}}", i + 2);
      if (close != std::string_view::npos) {
        out += "var";
        i = close + (hash ? 1 : 2);
        continue;
      }
    }
    out += url[i++];
  }
}

bool starts_with_placeholder(std::string_view url) {
  return url.substr(0, 2) == "#{" || url.substr(0, 2) == "{{";
}

// What keeps a URL from being absolute http(s): whitespace anywhere (checked first, so that a
// stray space before "https://" is not taken for a wrong scheme), a scheme other than http or
// https (any case) followed by "://", or an empty host.
enum class UrlProblem { none, whitespace, scheme, host };

// "http" or "https" in any case.
bool is_http_scheme(std::string_view scheme) {
  if (scheme.size() != 4 && scheme.size() != 5) return false;
  constexpr std::string_view https = "https";
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    const char c = scheme[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) != https[i]) return false;
  }
  return true;
}

UrlProblem url_problem(std::string_view url) {
  for (char c : url) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return UrlProblem::whitespace;
  }
  const std::size_t separator = url.find("://");
  if (separator == std::string_view::npos) return UrlProblem::scheme;
  if (!is_http_scheme(url.substr(0, separator))) return UrlProblem::scheme;
  const std::string_view rest = url.substr(separator + 3);
  const std::size_t host_end = rest.find_first_of("/?#");
  return rest.substr(0, host_end).empty() ? UrlProblem::host : UrlProblem::none;
}

class WebhookUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "webhook-url", "payloads", Severity::error,
        "a webhook url is missing, empty, or not an absolute http(s) URL"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    std::string filled;  // reused for every URL
    for (const Node& node : context.model.nodes) {
      prefetch_node_text(doc, context.model.nodes, node, has_webhooks);
      for_each_webhook(doc, node, [&](JsonRef webhook) {
        const JsonRef url = doc.member(webhook, "url");
        const auto subject = [&] { return describe_webhook(doc, node, webhook); };
        if (url == no_value || doc.is(url, JsonType::null_value)) {
          reporter.report(Finding{{webhook},
                                  subject() + " has no 'url'",
                                  entity_of(node),
                                  {},
                                  "add the endpoint, e.g. \"https://api.example.com/orders\""});
          return;
        }
        if (!doc.is(url, JsonType::string)) return;  // the schema reports the type
        const std::string_view text = doc.string(url);
        if (is_blank(text)) {
          reporter.report(Finding{{url},
                                  subject() + " has an empty 'url'",
                                  entity_of(node),
                                  {},
                                  "set the endpoint, e.g. \"https://api.example.com/orders\""});
          return;
        }
        // A URL that starts with a variable may get its scheme and host at run time.
        if (starts_with_placeholder(text)) return;
        fill_placeholders(text, filled);
        const UrlProblem problem = url_problem(filled);
        if (problem == UrlProblem::none) return;
        // Say what is wrong: "start it with https://" misleads when it already does.
        std::string message = subject() + " has url " + quoted(text);
        std::string help;
        switch (problem) {
          case UrlProblem::whitespace:
            message += ", which contains whitespace";
            help = "remove the whitespace; inside a path or query, write a space as %20";
            break;
          case UrlProblem::host:
            message += ", which has no host name";
            help = "put the host name after the scheme, e.g. \"https://api.example.com/orders\"";
            break;
          default:
            message += ", which is not an absolute http(s) URL";
            help = "start it with https:// (or http://) and a host name";
            break;
        }
        reporter.report(Finding{{url}, std::move(message), entity_of(node), {}, std::move(help)});
      });
    }
  }
};

}  // namespace

const Rule& webhook_url() {
  static const WebhookUrl rule;
  return rule;
}

}  // namespace snaplint::rules
