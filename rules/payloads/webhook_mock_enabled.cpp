// webhook-mock-enabled: a webhook (or subagent webhook tool) has `mock_response_enabled` on. The
// runner then returns the mock instead of calling the endpoint, which is meant for testing in the
// editor, not for an uploaded agent; with no mock response at all the call returns nothing.
#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class WebhookMockEnabled final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"webhook-mock-enabled", "payloads", Severity::warning,
                                   "a webhook has mock_response_enabled set"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      prefetch_node_text(doc, context.model.nodes, node, has_webhooks);
      for_each_webhook(doc, node, [&](JsonRef webhook) {
        const JsonRef enabled = doc.member(webhook, "mock_response_enabled");
        if (!doc.is(enabled, JsonType::boolean) || !doc.boolean(enabled)) return;
        const bool has_mock = has_value(doc, webhook, "mock_response") ||
                              has_value(doc, webhook, "mock_response_raw");
        std::string message = describe_webhook(doc, node, webhook) +
                              " has mock_response_enabled set, so it never calls its endpoint";
        if (!has_mock) message += ", and it has no mock response to return";
        reporter.report(Finding{{enabled},
                                std::move(message),
                                entity_of(node),
                                {},
                                "set \"mock_response_enabled\" to false before uploading"});
      });
    }
  }

 private:
  // Present, not null, and not a blank string.
  static bool has_value(const JsonDocument& doc, JsonRef webhook, std::string_view key) {
    const JsonRef value = doc.member(webhook, key);
    if (value == no_value || doc.is(value, JsonType::null_value)) return false;
    return !doc.is(value, JsonType::string) || !is_blank(doc.string(value));
  }
};

}  // namespace

const Rule& webhook_mock_enabled() {
  static const WebhookMockEnabled rule;
  return rule;
}

}  // namespace snaplint::rules
