// warm-end-timeout: a WarmEndNode whose `timeout_minutes` is missing, not an integer, or not
// positive. Kapso's own defaults disagree (5 in the docs, 60 in the SDK), so it must be explicit.
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class WarmEndTimeout final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"warm-end-timeout", "payloads", Severity::error,
                                   "warm_end.timeout_minutes is missing, not an integer, or <= 0"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      if (node.type != NodeType::warm_end) continue;
      const JsonRef payload = payload_of(doc, node, "warm_end");
      if (payload == no_value) continue;  // missing-nodeable's or the schema's finding
      const JsonRef timeout = doc.member(payload, "timeout_minutes");
      const auto subject = [&] { return "WarmEndNode " + display_name(node); };
      if (timeout == no_value || doc.is(timeout, JsonType::null_value)) {
        reporter.report(Finding{{payload},
                                subject() + " has no 'timeout_minutes'",
                                entity_of(node),
                                {},
                                "add \"timeout_minutes\": 5 (or the number you want)"});
      } else if (!doc.is(timeout, JsonType::integer)) {
        reporter.report(Finding{{timeout},
                                subject() + " has a 'timeout_minutes' that is not an integer",
                                entity_of(node),
                                {},
                                "write a whole number of minutes, e.g. 5"});
      } else if (doc.integer(timeout) <= 0) {
        reporter.report(Finding{{timeout},
                                subject() + " has 'timeout_minutes' " +
                                    std::to_string(doc.integer(timeout)) +
                                    "; it must be a positive number of minutes",
                                entity_of(node),
                                {},
                                "use a positive value, e.g. 5"});
      }
    }
  }
};

}  // namespace

const Rule& warm_end_timeout() {
  static const WarmEndTimeout rule;
  return rule;
}

}  // namespace snaplint::rules
