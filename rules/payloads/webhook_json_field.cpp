// webhook-json-field: a webhook's `headers`, `body`, `mock_response` or `body_schema` written as a
// string that is not a JSON object, a `*_raw` field that is not JSON, or a `*_raw` field that says
// something else than the value it mirrors. The runner decodes these strings when it calls the
// endpoint, and the editor shows the `*_raw` text: either way one of them is not what runs.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "../flat_tables.hpp"
#include "../prefetch.hpp"
#include "../rule_support.hpp"
#include "snaplint/json_parser.hpp"

namespace snaplint::rules {
namespace {

// JSON text held in a string value, parsed on its own. One Embedded parses text after text, and
// its document keeps its buffers from one to the next. The text is borrowed, not copied: it is
// the snapshot's (its source or its decoded strings), which outlives the rule's run.
class Embedded {
 public:
  Embedded() : doc_(source_) {}
  Embedded(const Embedded&) = delete;
  Embedded& operator=(const Embedded&) = delete;

  // False when `text` is not JSON; error() says why.
  bool parse(std::string_view text) {
    source_ = SourceFile::borrow(text);
    error_ = parse_json(source_, doc_).error;
    return !error_;
  }

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
  return doc.type(ref) == JsonType::integer ? static_cast<double>(doc.integer(ref)) : doc.real(ref);
}

// Structural equality of two values of (possibly) different documents: members in any order,
// 1 and 1.0 the same number.
bool same_json(const JsonDocument& a, JsonRef x, const JsonDocument& b, JsonRef y) {
  const JsonType type = a.type(x);
  if (is_number(type) && is_number(b.type(y))) {
    if (type == JsonType::integer && b.type(y) == JsonType::integer) {
      return a.integer(x) == b.integer(y);
    }
    return number(a, x) == number(b, y);
  }
  if (type != b.type(y)) return false;
  switch (type) {
    case JsonType::null_value:
      return true;
    case JsonType::boolean:
      return a.boolean(x) == b.boolean(y);
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
      // Keys are unique (repeats are shadowed): the same count and each member of x found in y
      // pair them all.
      std::vector<JsonRef> members;  // y's
      for (JsonRef member : b.children(y)) members.push_back(member);
      std::size_t count = 0;
      for (JsonRef member : a.children(x)) {
        (void)member;
        ++count;
      }
      if (count != members.size()) return false;
      const auto key_of = [&](std::uint32_t k) { return b.key(members[k]); };
      // A few members are looked up one by one; more through a table.
      constexpr std::size_t few = 8;
      TextTable by_key(members.size() > few ? members.size() : 0, key_of);
      if (members.size() > few) {
        for (std::uint32_t k = 0; k < members.size(); ++k) by_key.insert(key_of(k), k);
      }
      const auto find = [&](std::string_view key) {
        if (members.size() > few) return by_key.find(key);
        for (std::uint32_t k = 0; k < members.size(); ++k) {
          if (key_of(k) == key) return k;
        }
        return no_index;
      };
      for (JsonRef member : a.children(x)) {
        const std::uint32_t k = find(a.key(member));
        if (k == no_index || !same_json(a, member, b, members[k])) return false;
      }
      return true;
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
// The keys a webhook is read for: encoded_fields, then the raw fields of mirrored_fields.
constexpr std::array<std::string_view, 7> field_keys = {
    "headers",     "body",     "mock_response",    "body_schema",
    "headers_raw", "body_raw", "mock_response_raw"};

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
    Check check{doc, reporter};
    for (const Node& node : context.model.nodes) {
      prefetch_node_text(doc, context.model.nodes, node, has_webhooks);
      for_each_webhook(doc, node, [&](JsonRef webhook) {
        // One pass over the webhook's keys; encoded_fields first, then the raw fields.
        const auto values = members_of(doc, webhook, field_keys);
        for (std::size_t i = 0; i < std::size(encoded_fields); ++i) {
          check.encoded(node, webhook, encoded_fields[i], values[i]);
        }
        for (std::size_t i = 0; i < std::size(mirrored_fields); ++i) {
          const Mirrored& pair = mirrored_fields[i];
          check.raw(node, webhook, pair, values[std::size(encoded_fields) + i], values[i]);
        }
      });
    }
  }

 private:
  static bool has_text(const JsonDocument& doc, JsonRef value) {
    return doc.is(value, JsonType::string) && !is_blank(doc.string(value));
  }

  // The checks of one run, with the parsers they reuse.
  struct Check {
    const JsonDocument& doc;
    Reporter& reporter;
    Embedded embedded{};
    Embedded decoded{};

    // A JSON-encoded string must hold an object (a mock response may also be an array). A blank
    // string reads as no value.
    void encoded(const Node& node, JsonRef webhook, std::string_view field, JsonRef value) {
      if (!has_text(doc, value)) return;
      embedded.parse(doc.string(value));
      const auto subject = [&] {
        return quoted(field) + " of " + describe_webhook(doc, node, webhook) + " is a string";
      };
      const auto help = [&] {
        return "write " + quoted(field) + " as a JSON object, or as a string holding one, e.g. " +
               std::string(example_of(field));
      };
      if (embedded.error()) {
        reporter.report(Finding{
            {value},
            subject() + " that is not valid JSON (" + parse_problem(*embedded.error()) + ")",
            entity_of(node),
            {},
            help()});
        return;
      }
      const JsonType type = embedded.doc().type(embedded.root());
      if (type == JsonType::object || (field == "mock_response" && type == JsonType::array)) {
        return;
      }
      reporter.report(Finding{{value},
                              subject() + " holding " + with_article(type) + ", not a JSON object",
                              entity_of(node),
                              {},
                              help()});
    }

    // A `*_raw` field must be JSON text, and the same JSON as the value it mirrors.
    void raw(const Node& node, JsonRef webhook, const Mirrored& pair, JsonRef raw, JsonRef mirror) {
      if (!has_text(doc, raw)) return;
      embedded.parse(doc.string(raw));
      const auto subject = [&] {
        return quoted(pair.raw) + " of " + describe_webhook(doc, node, webhook);
      };
      if (embedded.error()) {
        reporter.report(
            Finding{{raw},
                    subject() + " is not valid JSON (" + parse_problem(*embedded.error()) + ")",
                    entity_of(node),
                    {},
                    "make " + quoted(pair.raw) + " the JSON text of " + quoted(pair.field)});
        return;
      }
      bool same = true;
      if (doc.is(mirror, JsonType::object) || doc.is(mirror, JsonType::array)) {
        same = same_json(embedded.doc(), embedded.root(), doc, mirror);
      } else if (has_text(doc, mirror)) {
        if (!decoded.parse(doc.string(mirror))) return;  // encoded() reports it
        same = same_json(embedded.doc(), embedded.root(), decoded.doc(), decoded.root());
      }
      if (same) return;
      reporter.report(Finding{{raw},
                              subject() + " does not match its " + quoted(pair.field),
                              entity_of(node),
                              {{quoted(pair.field) + " is here", {mirror}}},
                              "make " + quoted(pair.raw) + " the JSON text of " +
                                  quoted(pair.field) + ", or remove it"});
    }
  };
};

}  // namespace

const Rule& webhook_json_field() {
  static const WebhookJsonField rule;
  return rule;
}

}  // namespace snaplint::rules
