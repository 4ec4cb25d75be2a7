// webhook-method: a webhook's `http_method` is not GET, POST, PUT, PATCH or DELETE (any case).
#include "../prefetch.hpp"
#include "../rule_support.hpp"
#include "snaplint/suggest.hpp"

namespace snaplint::rules {
namespace {

class WebhookMethod final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"webhook-method", "payloads", Severity::error,
                                   "http_method is not GET, POST, PUT, PATCH or DELETE"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    static const std::vector<std::string_view> methods = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      prefetch_node_text(doc, context.model.nodes, node, has_webhooks);
      for_each_webhook(doc, node, [&](JsonRef webhook) {
        const JsonRef method = doc.member(webhook, "http_method");
        if (!doc.is(method, JsonType::string)) return;  // absent: the default; else schema's
        std::string upper(doc.string(method));
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (std::find(methods.begin(), methods.end(), upper) != methods.end()) return;
        Finding finding{{method},
                        describe_webhook(doc, node, webhook) + " uses HTTP method " +
                            quoted(doc.string(method)) + ", which Kapso does not support",
                        entity_of(node)};
        if (const auto match = closest_match(upper, methods, 1)) {
          finding.help = "did you mean " + quoted(*match) + "?";
        } else {
          finding.help = "use one of GET, POST, PUT, PATCH, DELETE";
        }
        reporter.report(std::move(finding));
      });
    }
  }
};

}  // namespace

const Rule& webhook_method() {
  static const WebhookMethod rule;
  return rule;
}

}  // namespace snaplint::rules
