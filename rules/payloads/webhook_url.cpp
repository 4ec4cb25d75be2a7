// webhook-url: a webhook (or subagent webhook tool) whose `url` is missing, empty, or not an
// absolute http(s) URL once its #{var} / {{var}} placeholders are filled in.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

// Replaces each placeholder with a plain word; placeholder syntax itself is
// template-variable-syntax's business.
std::string fill_placeholders(std::string_view url) {
  std::string out;
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
  return out;
}

bool starts_with_placeholder(std::string_view url) {
  return url.substr(0, 2) == "#{" || url.substr(0, 2) == "{{";
}

// What keeps a URL from being absolute http(s): whitespace anywhere (checked first, so that a
// stray space before "https://" is not taken for a wrong scheme), a scheme other than http or
// https (any case) followed by "://", or an empty host.
enum class UrlProblem { none, whitespace, scheme, host };

UrlProblem url_problem(std::string_view url) {
  for (char c : url) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return UrlProblem::whitespace;
  }
  const std::size_t separator = url.find("://");
  if (separator == std::string_view::npos) return UrlProblem::scheme;
  const std::string scheme = ascii_lower(url.substr(0, separator));
  if (scheme != "http" && scheme != "https") return UrlProblem::scheme;
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
    for (const Node& node : context.model.nodes) {
      for (JsonRef webhook : webhooks_of(doc, node)) {
        const JsonRef url = doc.member(webhook, "url");
        const std::string subject = describe_webhook(doc, node, webhook);
        if (url == no_value || doc.is(url, JsonType::null_value)) {
          reporter.report(Finding{{webhook},
                                  subject + " has no 'url'",
                                  entity_of(node),
                                  {},
                                  "add the endpoint, e.g. \"https://api.example.com/orders\""});
          continue;
        }
        if (!doc.is(url, JsonType::string)) continue;  // the schema reports the type
        const std::string_view text = doc.string(url);
        if (is_blank(text)) {
          reporter.report(Finding{{url},
                                  subject + " has an empty 'url'",
                                  entity_of(node),
                                  {},
                                  "set the endpoint, e.g. \"https://api.example.com/orders\""});
          continue;
        }
        // A URL that starts with a variable may get its scheme and host at run time.
        if (starts_with_placeholder(text)) continue;
        const UrlProblem problem = url_problem(fill_placeholders(text));
        if (problem == UrlProblem::none) continue;
        // Say what is wrong: "start it with https://" misleads when it already does.
        std::string message = subject + " has url " + quoted(text);
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
      }
    }
  }
};

}  // namespace

const Rule& webhook_url() {
  static const WebhookUrl rule;
  return rule;
}

}  // namespace snaplint::rules
