// webhook-json-field: a webhook's `headers`, `body`, `mock_response` or `body_schema` written as a
// string that is not a JSON object, a `*_raw` field that is not JSON, or a `*_raw` field that says
// something else than the value it mirrors. The runner decodes these strings when it calls the
// endpoint, and the editor shows the `*_raw` text: either way one of them is not what runs.
#include <optional>
#include <string>
#include <unordered_map>

#include "../rule_support.hpp"
#include "snaplint/json_parser.hpp"

namespace snaplint::rules {
namespace {

// JSON text held in a string value, parsed on its own.
class Embedded {
 public:
  explicit Embedded(std::string_view text) : source_(std::string(text)), doc_(source_) {
    error_ = parse_json(source_, doc_).error;
  }
  Embedded(const Embedded&) = delete;
  Embedded& operator=(const Embedded&) = delete;

  const std::optional<ParseError>& error() const { return error_; }
  const JsonDocument& doc() const { return doc_; }
  JsonRef root() const { return doc_.root(); }

 private:
  SourceFile source_;
  JsonDocument doc_;
  std::optional<ParseError> error_;
};

bool is_number(JsonType type) {
  return type == JsonType::integer || type == JsonType::real;
}

double number(const JsonDocument& doc, JsonRef ref) {
  return doc.type(ref) == JsonType::integer ? static_cast<double>(doc.at(ref).data.integer)
                                            : doc.at(ref).data.real;
}

// Structural equality of two values of (possibly) different documents: members in any order,
// 1 and 1.0 the same number.
bool same_json(const JsonDocument& a, JsonRef x, const JsonDocument& b, JsonRef y) {
  const JsonType type = a.type(x);
  if (is_number(type) && is_number(b.type(y))) {
    if (type == JsonType::integer && b.type(y) == JsonType::integer) {
      return a.at(x).data.integer == b.at(y).data.integer;
    }
    return number(a, x) == number(b, y);
  }
  if (type != b.type(y)) return false;
  switch (type) {
    case JsonType::null_value:
      return true;
    case JsonType::boolean:
      return a.at(x).data.boolean == b.at(y).data.boolean;
    case JsonType::string:
      return a.string(x) == b.string(y);
    case JsonType::array: {
      auto left = a.children(x).begin();
      auto right = b.children(y).begin();
      const auto left_end = a.children(x).end();
      const auto right_end = b.children(y).end();
      for (; left != left_end && right != right_end; ++left, ++right) {
        if (!same_json(a, *left, b, *right)) return false;
      }
      return !(left != left_end) && !(right != right_end);
    }
    case JsonType::object: {
      std::unordered_map<std::string_view, JsonRef> members;
      for (JsonRef member : b.children(y)) members.emplace(b.key(member), member);
      std::size_t count = 0;
      for (JsonRef member : a.children(x)) {
        ++count;
        const auto it = members.find(a.key(member));
        if (it == members.end() || !same_json(a, member, b, it->second)) return false;
      }
      return count == members.size();
    }
    default:
      return false;
  }
}

std::string with_article(JsonType type) {
  switch (type) {
    case JsonType::null_value:
      return "null";
    case JsonType::array:
      return "an array";
    case JsonType::integer:
      return "an integer";
    default:
      return "a " + std::string(to_string(type));
  }
}

std::string parse_problem(const ParseError& error) {
  return error.message + " at offset " + std::to_string(error.offset);
}

struct Mirrored {
  std::string_view field;
  std::string_view raw;
};
constexpr Mirrored mirrored_fields[] = {
    {"headers", "headers_raw"}, {"body", "body_raw"}, {"mock_response", "mock_response_raw"}};
constexpr std::string_view encoded_fields[] = {"headers", "body", "mock_response", "body_schema"};

std::string_view example_of(std::string_view field) {
  if (field == "headers") return R"({"Authorization": "Bearer #{api_token}"})";
  if (field == "body") return R"({"order_id": "#{order_id}"})";
  if (field == "mock_response") return R"({"status": "shipped"})";
  return R"({"type": "object", "properties": {}})";
}

class WebhookJsonField final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{
        "webhook-json-field", "payloads", Severity::error,
        "a webhook JSON field is not a JSON object, or a *_raw field is not its JSON"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    for (const Node& node : context.model.nodes) {
      for (JsonRef webhook : webhooks_of(doc, node)) {
        for (std::string_view field : encoded_fields) {
          check_encoded(doc, node, webhook, field, reporter);
        }
        for (const Mirrored& pair : mirrored_fields) check_raw(doc, node, webhook, pair, reporter);
      }
    }
  }

 private:
  static bool has_text(const JsonDocument& doc, JsonRef value) {
    return doc.is(value, JsonType::string) && !is_blank(doc.string(value));
  }

  // A JSON-encoded string must hold an object (a mock response may also be an array). A blank
  // string reads as no value.
  static void check_encoded(const JsonDocument& doc, const Node& node, JsonRef webhook,
                            std::string_view field, Reporter& reporter) {
    const JsonRef value = doc.member(webhook, field);
    if (!has_text(doc, value)) return;
    const Embedded embedded(doc.string(value));
    const std::string subject =
        quoted(field) + " of " + describe_webhook(doc, node, webhook) + " is a string";
    const std::string help = "write " + quoted(field) +
                             " as a JSON object, or as a string holding one, e.g. " +
                             std::string(example_of(field));
    if (embedded.error()) {
      reporter.report(
          Finding{{value},
                  subject + " that is not valid JSON (" + parse_problem(*embedded.error()) + ")",
                  entity_of(node),
                  {},
                  help});
      return;
    }
    const JsonType type = embedded.doc().type(embedded.root());
    if (type == JsonType::object || (field == "mock_response" && type == JsonType::array)) return;
    reporter.report(Finding{{value},
                            subject + " holding " + with_article(type) + ", not a JSON object",
                            entity_of(node),
                            {},
                            help});
  }

  // A `*_raw` field must be JSON text, and the same JSON as the value it mirrors.
  static void check_raw(const JsonDocument& doc, const Node& node, JsonRef webhook,
                        const Mirrored& pair, Reporter& reporter) {
    const JsonRef raw = doc.member(webhook, pair.raw);
    if (!has_text(doc, raw)) return;
    const Embedded embedded(doc.string(raw));
    const std::string subject = quoted(pair.raw) + " of " + describe_webhook(doc, node, webhook);
    if (embedded.error()) {
      reporter.report(
          Finding{{raw},
                  subject + " is not valid JSON (" + parse_problem(*embedded.error()) + ")",
                  entity_of(node),
                  {},
                  "make " + quoted(pair.raw) + " the JSON text of " + quoted(pair.field)});
      return;
    }
    const JsonRef mirror = doc.member(webhook, pair.field);
    bool same = true;
    if (doc.is(mirror, JsonType::object) || doc.is(mirror, JsonType::array)) {
      same = same_json(embedded.doc(), embedded.root(), doc, mirror);
    } else if (has_text(doc, mirror)) {
      const Embedded decoded(doc.string(mirror));
      if (decoded.error()) return;  // check_encoded reports it
      same = same_json(embedded.doc(), embedded.root(), decoded.doc(), decoded.root());
    }
    if (same) return;
    reporter.report(Finding{
        {raw},
        subject + " does not match its " + quoted(pair.field),
        entity_of(node),
        {{quoted(pair.field) + " is here", {mirror}}},
        "make " + quoted(pair.raw) + " the JSON text of " + quoted(pair.field) + ", or remove it"});
  }
};

}  // namespace

const Rule& webhook_json_field() {
  static const WebhookJsonField rule;
  return rule;
}

}  // namespace snaplint::rules
