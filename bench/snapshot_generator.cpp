// How the generated graph is built, and why it lints clean:
// - the ordinary nodes that are neither global nor HandoffNode form a chain __start__ -> ... ->
//   __end__ of unconditional edges, so every one of them is reachable and reaches __end__;
// - each chain node has one more edge, with a label, to another chain node (back or forward), and
//   each HandoffNode is a leaf entered from the chain node before it (a handoff's outgoing edges
//   are never followed, so it has none): about two edges per node, one unconditional edge per
//   node, labels distinct per source;
// - one node in 500 is global, without edges, and its condition is two fixed words and a distinct
//   combination of four words from four disjoint pools: two conditions share at most five of the
//   seven words they hold together (Jaccard 5/7 = 0.71), below the overlap threshold of 0.75, and
//   never read like the edge labels ("the customer ...");
// - only the tools some node refers to are written, so none is unused.
// The text comes from small pools picked with std::mt19937 (fully specified by the standard) and
// `random() % n`, never a std::*_distribution (implementation-defined), so a seed gives the same
// bytes everywhere. Pool entries are JSON string contents, already escaped.
#include "snapshot_generator.hpp"

#include <charconv>
#include <cstdint>
#include <iterator>
#include <ostream>
#include <random>
#include <sstream>
#include <string_view>
#include <vector>

namespace snaplint::bench {

namespace {

using Random = std::mt19937;

template <typename T, std::size_t n>
const T& pick(const T (&pool)[n], Random& random) {
  return pool[random() % n];
}

// Buffers the output and hands it to the stream in 64 KiB chunks.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) { buffer_.reserve(chunk + chunk / 4); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() { flush(); }

  Writer& operator<<(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= chunk) flush();
    return *this;
  }
  Writer& operator<<(std::uint64_t number) {
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    return *this << std::string_view(digits, static_cast<std::size_t>(end - digits));
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t chunk = 1 << 16;
  std::ostream& out_;
  std::string buffer_;
};

// Ids that look like exported ones rather than a counter: the index times an odd constant is a
// bijection on 32 bits, so distinct indexes give distinct ids.
std::string hex_id(std::string_view prefix, std::uint64_t index, std::uint32_t multiplier) {
  static constexpr char digits[] = "0123456789abcdef";
  std::uint32_t value = static_cast<std::uint32_t>(index) * multiplier;
  std::string id(prefix);
  id.resize(prefix.size() + 8);
  for (std::size_t k = id.size(); k > prefix.size(); value >>= 4) id[--k] = digits[value & 15];
  return id;
}

std::string node_id(std::size_t index) {
  return hex_id("n", index, 0x9E3779B1u);
}
std::string edge_id(std::size_t index) {
  return hex_id("e", index, 0x85EBCA6Bu);
}

// `text` as the contents of a JSON string (it holds no control characters).
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// A flat JSON object; values are JSON text.
struct Member {
  std::string_view key;
  std::string value;
};
using Members = std::vector<Member>;

std::string compact(const Members& members) {
  std::string out = "{";
  for (const Member& member : members) {
    if (out.size() > 1) out += ", ";
    out += quoted(member.key);
    out += ": ";
    out += member.value;
  }
  return out + "}";
}

// Pretty-printed, its members one indentation step deeper than `indent`.
void write_object(Writer& out, const Members& members, std::string_view indent) {
  if (members.empty()) {
    out << "{}";
    return;
  }
  out << "{\n";
  for (std::size_t k = 0; k < members.size(); ++k) {
    out << indent << "  \"" << members[k].key << "\": " << members[k].value
        << (k + 1 < members.size() ? ",\n" : "\n");
  }
  out << indent << "}";
}

// ---------------------------------------------------------------------------------------------
// Prompts: an opening, one to three tasks, and optionally a rule, a language or formatting note,
// a list and a closing sentence.

const std::string_view openings[] = {
    "You are the support assistant for #{company_name}.",
    "Continue the conversation from the previous step; the customer is #{customer_name}.",
    "Greet the customer by their first name and keep a warm, professional tone.",
    "At this step you help the customer with an existing order.",
    "You are a friendly agent who answers in short, clear sentences.",
    "Act as a patient specialist: the customer may already be frustrated.",
    "Pick up the thread where the last step left it and do not greet the customer again.",
    "This step handles questions about billing, invoices and payment methods.",
    "You speak for the after-sales team of #{store_name}.",
    "The customer has been identified; their account number is #{account_id}.",
};

const std::string_view tasks[] = {
    "Ask for the order number and confirm the delivery address before continuing.",
    "Explain the return policy in plain words: thirty days, receipt required, refunds to the "
    "original payment method within five business days.",
    "Collect the details of the problem, repeat them back to the customer and ask whether anything "
    "is missing.",
    "Check that the email address on the account matches the one the customer gives you.",
    "Offer the next available delivery slot and ask the customer to confirm it.",
    "Summarize what was agreed so far in two or three short bullet points.",
    "If a payment failed, ask whether the card details changed recently and suggest trying again "
    "in a few minutes.",
    "Find out which product the customer means; ask for the SKU or a photo of the label if unsure.",
    "Tell the customer the current status of request #{ticket_id} and the expected resolution "
    "date.",
    "Ask one question at a time and wait for the answer before asking the next one.",
    "Confirm the appointment for #{appointment_date} and remind the customer to bring a photo ID.",
    "Propose a replacement first; offer a refund only if the customer declines it.",
    "Look at the order history and mention any earlier problem the customer already reported.",
    "When the customer wants to change the plan, compare the current plan with the new one in one "
    "sentence each.",
    "Ask for the serial number, then walk the customer through restarting the device.",
    "Explain that the parcel is with the carrier and share the tracking link #{tracking_url}.",
};

const std::string_view rules[] = {
    "Never share internal notes, ticket priorities or the names of other customers.",
    "Do not promise a refund amount: the billing team confirms it by email.",
    "Keep each answer under three sentences unless the customer asks for details.",
    "Do not ask for the full card number, only the last four digits.",
    "If the customer is rude, stay calm and polite and do not argue.",
    "Avoid jargon: say \\\"delivery\\\" rather than \\\"fulfilment\\\".",
    "Quote prices with their currency, for example 49,90 € or $54.00.",
    "Write dates as DD/MM/YYYY for customers in Europe.",
    "Never invent an order status; if the system has no answer, say that you will check.",
};

const std::string_view languages[] = {
    "If the customer writes in Spanish, answer in Spanish, e.g. «¿En qué más puedo ayudarte?».",
    "For customers in France, sign off with «Merci et à bientôt !».",
    "You may use one emoji per message when it fits, such as 🙂 or 📦.",
    "Spell names exactly as given, accents included: José Muñoz, Zoë Ångström.",
    "The brand is written Caf\\u00e9 Ol\\u00e9 \\u2014 keep both accents.",
    "Mention free shipping \\ud83d\\ude9a on orders over 50 €.",
};

const std::string_view lists[] = {
    "Follow these steps:\\n1. Verify the customer's identity.\\n2. Look up the order.\\n3. Explain "
    "the options and let the customer choose.",
    "Checklist before moving on:\\n- order number\\n- delivery address\\n- preferred time slot",
    "Reply template:\\nHi #{customer_name},\\nthanks for your patience. Here is what we found: "
    "#{summary}\\nBest regards,\\nThe support team",
    "Escalate when:\\n* the order value is above 500 €\\n* the customer mentions a lawyer\\n* "
    "the same problem was reported twice",
};

const std::string_view closings[] = {
    "If the customer asks something unrelated, answer briefly and come back to the task.",
    "When everything is clear, thank the customer and move on.",
    "If you cannot help, say so honestly and explain what happens next.",
    "Before you finish, ask whether there is anything else you can do.",
};

const std::string_view webhook_prompts[] = {
    "Call the API with the details collected so far and tell the customer the result in one "
    "sentence.",
    "Look the record up and read its status back to the customer; if the call fails, apologize "
    "and offer to try again later.",
    "Send the request, then confirm to the customer what was changed.",
};
const std::string_view knowledge_prompts[] = {
    "Answer using ONLY the knowledge base. If the answer is not there, say so and offer to "
    "connect the customer with the team.",
    "Answer the customer's question from the knowledge base in at most three sentences.",
};
const std::string_view template_prompts[] = {
    "Send the template to the customer and wait for the reply.",
    "Send the confirmation template; do not add free text before it.",
};
const std::string_view goodbye_prompts[] = {
    "Thank the customer, ask whether there is anything else and say goodbye politely.",
    "Wrap up: recap the outcome in one sentence and invite a last question.",
};

class Prompt {
 public:
  explicit Prompt(Random& random) : random_(random) {}

  void add(std::string_view sentence) {
    if (!text_.empty()) text_ += random_() % 8 == 0 ? "\\n\\n" : " ";
    text_ += sentence;
  }
  // Adds a sentence from `pool` with a chance of one in `odds`.
  template <std::size_t n>
  void maybe_add(const std::string_view (&pool)[n], std::uint32_t odds) {
    if (random_() % odds == 0) add(pick(pool, random_));
  }
  std::string take() { return std::move(text_); }

 private:
  Random& random_;
  std::string text_;
};

// The instructions of a DefaultNode or SubagentNode: most open with context, then one or two
// (distinct) tasks, and sometimes a rule, a language note, a list or a closing sentence.
std::string step_prompt(Random& random) {
  Prompt prompt(random);
  if (random() % 4 == 0) prompt.add(pick(openings, random));
  const std::size_t task = random() % std::size(tasks);
  prompt.add(tasks[task]);
  if (random() % 6 == 0) prompt.add(tasks[(task + 1 + random() % 5) % std::size(tasks)]);
  prompt.maybe_add(rules, 6);
  prompt.maybe_add(languages, 6);
  prompt.maybe_add(lists, 16);
  prompt.maybe_add(closings, 10);
  return prompt.take();
}

// Typed nodes do one thing and say so briefly.
template <std::size_t n>
std::string typed_prompt(const std::string_view (&pool)[n], Random& random) {
  Prompt prompt(random);
  prompt.add(pick(pool, random));
  prompt.maybe_add(rules, 4);
  prompt.maybe_add(languages, 8);
  return prompt.take();
}

// ---------------------------------------------------------------------------------------------
// Names, labels and conditions.

const std::string_view name_verbs[] = {
    "greet", "confirm", "collect",   "explain",      "check",     "update",  "verify",  "schedule",
    "offer", "review",  "summarize", "troubleshoot", "recommend", "clarify", "capture", "route",
};
const std::string_view name_objects[] = {
    "order",    "address", "payment",  "refund",       "invoice",  "appointment",
    "delivery", "account", "password", "subscription", "warranty", "return",
    "feedback", "plan",    "booking",  "issue",
};
const std::string_view teams[] = {"billing", "logistics", "technical",
                                  "sales",   "returns",   "accounts"};

const std::string_view intents[] = {
    "asks about",           "wants",    "is unhappy with",     "needs help with",
    "has a question about", "mentions", "wants to talk about", "is confused by",
};
const std::string_view topics[] = {
    "a refund",
    "the delivery date",
    "an invoice copy",
    "changing the address",
    "a damaged item",
    "the subscription price",
    "cancelling the order",
    "a missing parcel",
    "resetting the password",
    "the warranty",
    "a discount code",
    "the opening hours",
    "an appointment slot",
    "the loyalty points",
    "a wrong size",
    "a late payment",
};
const std::string_view qualifiers[] = {
    "",
    "",
    "",
    " again",
    " for a second order",
    " after paying",
    " from an earlier purchase",
    " while abroad",
};

// Global conditions: "customer <verb> <adjective> <noun> during <context>". The pools are
// disjoint single words, so conditions that differ in one slot share five of seven words.
const std::string_view global_verbs[] = {"reports",    "mentions", "disputes",  "questions",
                                         "escalates",  "flags",    "describes", "complains",
                                         "criticizes", "doubts",   "notices",   "regrets"};
const std::string_view global_adjectives[] = {
    "urgent",     "recurring", "unexpected",    "duplicate", "missing", "delayed",
    "suspicious", "incorrect", "international", "expired",   "blocked", "partial"};
const std::string_view global_nouns[] = {"charges",    "deliveries",    "passwords", "refunds",
                                         "invoices",   "subscriptions", "vouchers",  "reservations",
                                         "warranties", "appointments",  "shipments", "accounts"};
const std::string_view global_contexts[] = {
    "checkout",     "onboarding", "renewal",      "travel",       "holidays", "relocation",
    "installation", "migration",  "registration", "cancellation", "weekends", "audits"};
constexpr std::size_t slot_size = 12;
constexpr std::size_t distinct_conditions = slot_size * slot_size * slot_size * slot_size;

std::string global_condition(std::size_t global_index) {
  // A bijection of [0, 12^4) (7919 is prime, 12^4 = 2^8 * 3^4), so neighbours differ in more
  // than one slot, then the index in base 12.
  std::size_t h = global_index * 7919 % distinct_conditions;
  std::string text = "customer ";
  text += global_verbs[h % slot_size];
  h /= slot_size;
  text += ' ';
  text += global_adjectives[h % slot_size];
  h /= slot_size;
  text += ' ';
  text += global_nouns[h % slot_size];
  h /= slot_size;
  text += " during ";
  text += global_contexts[h % slot_size];
  return text;
}

// ---------------------------------------------------------------------------------------------
// Payloads.

struct Api {
  std::string_view resource, variable;
};
const Api apis[] = {
    {"orders", "order_id"},
    {"tickets", "ticket_id"},
    {"customers", "customer_id"},
    {"invoices", "invoice_id"},
    {"appointments", "appointment_id"},
    {"shipments", "tracking_number"},
    {"subscriptions", "subscription_id"},
    {"products", "sku"},
    {"refunds", "refund_id"},
    {"accounts", "account_id"},
};
const std::string_view hosts[] = {"api.example.com", "crm.acme.io", "hooks.shopdesk.net",
                                  "internal.payments.example.org"};
const std::string_view methods[] = {"GET",  "GET", "GET",   "GET",   "POST",
                                    "POST", "PUT", "PATCH", "DELETE"};
const std::string_view statuses[] = {"shipped",   "pending", "delivered",
                                     "cancelled", "open",    "resolved"};

const std::string_view faqs[] = {
    "Q: How long does delivery take?\\nA: Two to four business days on the mainland, up to seven "
    "to the islands.",
    "Q: Can I return an item bought on sale?\\nA: Yes, within 30 days, as long as it is unused and "
    "in its original packaging.",
    "Q: Which payment methods do you accept?\\nA: Visa, Mastercard, PayPal and bank transfer; cash "
    "on delivery only in Spain.",
    "Q: How do I reset my password?\\nA: Use the «Forgot password» link on the sign-in page; the "
    "email arrives within five minutes.",
    "Q: Do you ship abroad?\\nA: We ship to the EU, the UK and Switzerland. Customs fees are paid "
    "by the recipient.",
    "Q: How do I cancel my subscription?\\nA: From Account › Plans › Cancel; the plan stays active "
    "until the end of the billing period.",
    "Q: Where is my invoice?\\nA: Invoices are emailed when the order ships and are also listed "
    "under Account › Orders.",
    "Q: Is there a warranty?\\nA: Two years on all electronics; keep the receipt or the order "
    "confirmation email.",
};

const std::string_view templates[] = {
    "order_confirmation_v2", "delivery_update", "appointment_reminder",
    "payment_receipt",       "welcome_v3",      "feedback_request",
    "back_in_stock"};

struct SubagentWebhook {
  std::string_view name, description, path, method;
};
const SubagentWebhook subagent_webhooks[] = {
    {"order_status", "Get order status and tracking information", "orders/#{order_id}", "GET"},
    {"create_ticket", "Open a support ticket with the conversation summary", "tickets", "POST"},
    {"update_address", "Change the delivery address of an open order", "orders/#{order_id}/address",
     "PATCH"},
    {"check_stock", "Tell whether a product is in stock in the customer's region",
     "products/#{sku}/stock", "GET"},
    {"book_slot", "Reserve a delivery or appointment slot", "slots/#{slot_id}", "PUT"},
    {"refund_status", "Get the state of a refund request", "refunds/#{refund_id}", "GET"},
};
struct NamedText {
  std::string_view name, description;
};
const NamedText subagent_knowledge[] = {
    {"policies", "Company policies on returns, refunds and warranties"},
    {"faq", "Frequently asked questions"},
    {"shipping_info", "Carriers, delivery times and costs per country"},
    {"price_list", "Current prices and running promotions"},
};
const NamedText mcp_servers[] = {
    {"calendar", "Team calendar for appointments"},
    {"crm", "Customer records and order history"},
    {"inventory", "Stock levels per warehouse"},
};

struct ToolTemplate {
  std::string_view name, description, path, method;
};
const ToolTemplate tool_templates[] = {
    {"order_lookup", "Looks up an order by number and returns its status.", "orders/#{order_id}",
     "GET"},
    {"send_email", "Sends a transactional email to the customer.", "emails", "POST"},
    {"crm_note", "Adds a note to the customer's CRM record.", "customers/#{customer_id}/notes",
     "POST"},
    {"stock_check", "Returns the stock level of a product.", "products/#{sku}/stock", "GET"},
    {"coupon", "Creates a one-off discount code.", "coupons", "POST"},
};

// ---------------------------------------------------------------------------------------------

enum class Kind : std::uint8_t {
  plain,
  webhook,
  knowledge_base,
  handoff,
  warm_end,
  whatsapp,
  subagent
};

Kind pick_kind(Random& random) {
  const std::uint32_t roll = random() % 100;
  if (roll < 64) return Kind::plain;
  if (roll < 73) return Kind::webhook;
  if (roll < 81) return Kind::knowledge_base;
  if (roll < 85) return Kind::subagent;
  if (roll < 90) return Kind::whatsapp;
  if (roll < 96) return Kind::warm_end;
  return Kind::handoff;
}

std::string_view type_name(Kind kind) {
  switch (kind) {
    case Kind::plain:
      return "DefaultNode";
    case Kind::webhook:
      return "WebhookNode";
    case Kind::knowledge_base:
      return "KnowledgeBaseNode";
    case Kind::handoff:
      return "HandoffNode";
    case Kind::warm_end:
      return "WarmEndNode";
    case Kind::whatsapp:
      return "WhatsappTemplateNode";
    case Kind::subagent:
      return "SubagentNode";
  }
  return "DefaultNode";
}

class Generator {
 public:
  Generator(std::ostream& out, std::size_t node_count, unsigned seed)
      : out_(out),
        random_(seed),
        seed_(seed),
        node_count_(node_count < 3 ? 3 : node_count),
        tool_used_(4 + node_count_ / 250, false) {}

  void run() {
    out_ << "{\n  \"graph\": {\n    \"nodes\": [\n";
    write_special("start", "__start__");
    for (std::size_t i = 1; i + 1 < node_count_; ++i) {
      out_ << ",\n";
      write_node(i);
    }
    out_ << ",\n";
    write_special("end", "__end__");
    out_ << "\n    ],\n    \"edges\": [\n";
    write_edges();
    out_ << "\n    ],\n    \"tools\": [";
    write_tools();
    out_ << "],\n    \"metadata\": {\n      \"generator\": \"snaplint_generate\",\n"
         << "      \"seed\": " << std::uint64_t{seed_}
         << ",\n      \"node_count\": " << std::uint64_t{node_count_}
         << ",\n      \"exported_at\": \"2025-06-01T14:30:00Z\",\n"
         << "      \"canvas\": {\"zoom\": 1, \"x\": 0, \"y\": 0}\n    }\n  }\n}\n";
    out_.flush();
  }

 private:
  void write_special(std::string_view id, std::string_view name) {
    out_ << "      {\n        \"id\": \"" << id << "\",\n        \"name\": \"" << name
         << "\",\n        \"type\": \"DefaultNode\",\n        \"prompt\": \"\",\n"
         << "        \"global\": false\n      }";
  }

  void write_node(std::size_t i) {
    // One node in 500 is global (the first at i = 7, so 20-node files have one).
    const bool global = i % 500 == 7 && global_count_ < distinct_conditions;
    Kind kind;
    if (global) {
      constexpr Kind global_kinds[] = {Kind::handoff, Kind::knowledge_base, Kind::plain};
      kind = global_kinds[global_count_ % 3];
    } else {
      kind = i == 1 ? Kind::plain : pick_kind(random_);
      if (kind == Kind::handoff) {
        handoffs_.push_back({chain_.size() - 1, i});
      } else {
        chain_.push_back(i);
      }
    }

    const std::string number = std::to_string(i);
    out_ << "      {\n        \"id\": \"" << node_id(i) << "\",\n        \"name\": \"";
    write_name(kind, global, number);
    out_ << "\",\n        \"type\": \"" << type_name(kind) << "\",\n";
    if (kind != Kind::handoff || random_() % 2 == 0) {
      out_ << "        \"prompt\": \"" << prompt_for(kind) << "\",\n";
    }
    if (global) {
      out_ << "        \"global\": true,\n        \"global_condition\": \""
           << global_condition(global_count_++) << "\"";
    } else {
      out_ << "        \"global\": false";
    }
    if (random_() % 3 == 0) out_ << ",\n        \"config\": {}";
    if (!global && (kind == Kind::plain || kind == Kind::subagent)) write_tool_ids(i);
    switch (kind) {
      case Kind::plain:
        break;
      case Kind::webhook:
        write_webhook(number);
        break;
      case Kind::knowledge_base:
        write_knowledge_base(number);
        break;
      case Kind::handoff:
        write_nodeable("ho-" + number);
        out_ << ",\n        \"handoff\": {\n          \"nodeable_id\": \"ho-" << number
             << "\"\n        }";
        break;
      case Kind::warm_end: {
        constexpr std::uint64_t timeouts[] = {5, 10, 15, 30, 60};
        write_nodeable("we-" + number);
        out_ << ",\n        \"warm_end\": {\n          \"nodeable_id\": \"we-" << number
             << "\",\n          \"timeout_minutes\": " << pick(timeouts, random_) << "\n        }";
        break;
      }
      case Kind::whatsapp:
        write_whatsapp(number);
        break;
      case Kind::subagent:
        write_subagent(number);
        break;
    }
    out_ << "\n      }";
  }

  std::string prompt_for(Kind kind) {
    switch (kind) {
      case Kind::plain:
      case Kind::subagent:
        return step_prompt(random_);
      case Kind::webhook:
        return typed_prompt(webhook_prompts, random_);
      case Kind::knowledge_base:
        return typed_prompt(knowledge_prompts, random_);
      case Kind::warm_end:
        return typed_prompt(goodbye_prompts, random_);
      case Kind::whatsapp:
        return typed_prompt(template_prompts, random_);
      case Kind::handoff:
        break;
    }
    return "Tell the customer that a person from the team will reply here shortly, usually "
           "within one business hour.";
  }

  void write_name(Kind kind, bool global, const std::string& number) {
    if (global) {
      out_ << "global_" << pick(name_objects, random_) << "_" << number;
      return;
    }
    switch (kind) {
      case Kind::plain:
      case Kind::webhook:
        out_ << pick(name_verbs, random_) << "_" << pick(name_objects, random_);
        break;
      case Kind::knowledge_base:
        out_ << "answer_" << pick(name_objects, random_) << "_faq";
        break;
      case Kind::handoff:
        out_ << "handoff_to_" << pick(teams, random_);
        break;
      case Kind::warm_end:
        out_ << (random_() % 2 ? "wrap_up" : "say_goodbye");
        break;
      case Kind::whatsapp:
        out_ << "send_" << pick(name_objects, random_) << "_template";
        break;
      case Kind::subagent:
        out_ << pick(teams, random_) << "_assistant";
        break;
    }
    out_ << "_" << number;
  }

  void write_nodeable(const std::string& nodeable_id) {
    out_ << ",\n        \"nodeable_id\": \"" << nodeable_id << "\"";
  }

  // Some nodes list tools; the first ordinary node always does, so small files have a catalogue.
  void write_tool_ids(std::size_t i) {
    const std::uint32_t roll = random_() % 6;
    if (i != 1 && roll > 1) return;
    out_ << ",\n        \"tool_ids\": [";
    if (i != 1 && roll == 1) {
      out_ << "]";
      return;
    }
    const std::size_t first = i == 1 ? 0 : random_() % tool_used_.size();
    std::size_t second = random_() % tool_used_.size();
    out_ << "\"" << tool_id(first) << "\"";
    tool_used_[first] = true;
    if (second != first && random_() % 3 == 0) {
      out_ << ", \"" << tool_id(second) << "\"";
      tool_used_[second] = true;
    }
    out_ << "]";
  }

  static std::string tool_id(std::size_t index) { return "tool-" + std::to_string(index + 1); }

  void write_webhook(const std::string& number) {
    const Api& api = pick(apis, random_);
    const std::string_view method = pick(methods, random_);
    const std::string variable = "#{" + std::string(api.variable) + "}";
    // One statement per draw: the operands of `+` are not evaluated in a fixed order.
    std::string url = "https://" + std::string(pick(hosts, random_));
    url += "/v" + std::to_string(1 + random_() % 3) + "/";
    url += std::string(api.resource) + "/" + variable;
    Members headers{{"Authorization", quoted("Bearer #{api_token}")},
                    {"Content-Type", quoted("application/json")}};
    if (random_() % 4 == 0) headers.push_back({"X-Request-Source", quoted("kapso-agent")});
    Members body;
    if (method != "GET" && method != "DELETE") {
      body.push_back({api.variable, quoted(variable)});
      body.push_back({"note", quoted("#{last_message}")});
      body.push_back({"channel", quoted("whatsapp")});
    }
    // Half of the webhooks were set up with a mock response (disabled before the export).
    Members mock;
    if (random_() % 2 == 0) {
      mock = {{"status", quoted(pick(statuses, random_))},
              {"id", quoted(std::to_string(10000 + random_() % 90000))}};
      if (random_() % 2 == 0) mock.push_back({"updated_at", quoted("2025-05-30T09:12:44Z")});
    }

    write_nodeable("wh-" + number);
    out_ << ",\n        \"webhook\": {\n          \"nodeable_id\": \"wh-" << number
         << "\",\n          \"url\": \"" << url << "\",\n          \"http_method\": \"" << method
         << "\",\n          \"headers\": ";
    write_object(out_, headers, "          ");
    out_ << ",\n          \"body\": ";
    write_object(out_, body, "          ");
    if (!mock.empty()) {
      out_ << ",\n          \"mock_response\": ";
      write_object(out_, mock, "          ");
    }
    out_ << ",\n          \"mock_response_enabled\": false,\n          \"headers_raw\": \""
         << escaped(compact(headers)) << "\",\n          \"body_raw\": \"" << escaped(compact(body))
         << "\"";
    if (!mock.empty())
      out_ << ",\n          \"mock_response_raw\": \"" << escaped(compact(mock)) << "\"";
    out_ << "\n        }";
  }

  void write_knowledge_base(const std::string& number) {
    const std::size_t first = random_() % std::size(faqs);
    const std::size_t count = random_() % 3 == 0 ? 2 : 1;
    write_nodeable("kb-" + number);
    out_ << ",\n        \"knowledge_base\": {\n          \"nodeable_id\": \"kb-" << number
         << "\",\n          \"key\": \"kb_" << number
         << "\",\n          \"knowledge_base_text\": \"";
    for (std::size_t k = 0; k < count; ++k) {
      if (k > 0) out_ << "\\n\\n";
      out_ << faqs[(first + k) % std::size(faqs)];
    }
    out_ << "\"\n        }";
  }

  void write_whatsapp(const std::string& number) {
    const std::string nodeable = "wt-" + number;
    Members parameters{{"1", quoted("#{customer_name}")}};
    if (random_() % 2 == 0) parameters.push_back({"2", quoted("#{order_id}")});
    write_nodeable(nodeable);
    out_ << ",\n        \"whatsapp_template\": {\n          \"nodeable_id\": \"" << nodeable
         << "\",\n          \"name\": \"" << pick(templates, random_)
         << "\",\n          \"phone_number\": \"#{customer_phone}\",\n"
         << "          \"template_parameters\": ";
    write_object(out_, parameters, "          ");
    out_ << ",\n          \"whatsapp_node_id\": \"" << nodeable
         << "\",\n          \"whatsapp_config_id\": \"cfg-" << std::uint64_t{100 + random_() % 20}
         << "\",\n          \"whatsapp_template_id\": \"tpl-"
         << std::uint64_t{400 + random_() % 300}
         << "\",\n          \"wait_for_response\": " << (random_() % 2 ? "true" : "false")
         << "\n        }";
  }

  void write_subagent(const std::string& number) {
    write_nodeable("sa-" + number);
    out_ << ",\n        \"subagent\": {\n          \"webhooks\": [";
    // One or two distinct webhook tools (distinct names: the SDK rejects repeats).
    const std::size_t first = random_() % std::size(subagent_webhooks);
    const std::size_t count = random_() % 3 == 0 ? 2 : 1;
    for (std::size_t k = 0; k < count; ++k) {
      const SubagentWebhook& tool =
          subagent_webhooks[(first + k * 2) % std::size(subagent_webhooks)];
      out_ << (k ? ",\n" : "\n") << "            {\n              \"name\": \"" << tool.name
           << "\",\n              \"description\": \"" << tool.description
           << "\",\n              \"url\": \"https://" << pick(hosts, random_) << "/v2/"
           << tool.path << "\",\n              \"http_method\": \"" << tool.method
           << "\",\n              \"headers\": \"{\\\"Authorization\\\": \\\"Bearer "
              "#{api_key}\\\"}\",\n              \"mock_response_enabled\": false\n            }";
    }
    out_ << "\n          ],\n          \"knowledge_bases\": [";
    if (random_() % 3 == 0) {
      const NamedText& base = pick(subagent_knowledge, random_);
      out_ << "\n            {\n              \"name\": \"" << base.name
           << "\",\n              \"key\": \"" << base.name << "_" << number
           << "\",\n              \"description\": \"" << base.description
           << "\",\n              \"knowledge_base_text\": \"" << pick(faqs, random_)
           << "\"\n            }\n          ";
    }
    out_ << "],\n          \"mcp_servers\": [";
    if (random_() % 3 == 0) {
      const NamedText& server = pick(mcp_servers, random_);
      out_ << "\n            {\n              \"name\": \"" << server.name
           << "\",\n              \"description\": \"" << server.description
           << "\",\n              \"url\": \"https://mcp.example.com/" << server.name
           << "\",\n              \"transport_kind\": \""
           << (random_() % 4 ? "streamable_http" : "sse") << "\"\n            }\n          ";
    }
    out_ << "],\n          \"whatsapp_templates\": []\n        }";
  }

  void write_edge(std::string_view from, std::string_view to, const std::string& label) {
    out_ << (edge_count_ ? ",\n" : "") << "      {\n        \"id\": \"" << edge_id(edge_count_)
         << "\",\n        \"from\": \"" << from << "\",\n        \"to\": \"" << to << "\"";
    if (!label.empty()) {
      out_ << ",\n        \"label\": \"" << label << "\"";
      // The SDK's serializer repeats the label as "condition".
      if (random_() % 8 == 0) out_ << ",\n        \"condition\": \"" << label << "\"";
    }
    out_ << "\n      }";
    ++edge_count_;
  }

  std::string edge_label() {
    std::string label = "the customer ";
    label += pick(intents, random_);
    label += ' ';
    label += pick(topics, random_);
    label += pick(qualifiers, random_);
    return label;
  }

  void write_edges() {
    const std::size_t length = chain_.size();
    write_edge("start", node_id(chain_[0]), "");
    std::size_t next_handoff = 0;
    for (std::size_t c = 0; c < length; ++c) {
      const std::string from = node_id(chain_[c]);
      write_edge(from, c + 1 < length ? node_id(chain_[c + 1]) : "end", "");
      // The labelled edge: back or forward to another chain node, never to itself or to the
      // target of the unconditional edge; now and then straight to the end.
      if (c + 1 < length && random_() % 20 == 0) {
        write_edge(from, "end", "the customer has nothing else to ask");
      } else if (length >= 3) {
        std::size_t target = random_() % length;
        while (target == c || target == c + 1) target = random_() % length;
        write_edge(from, node_id(chain_[target]), edge_label());
      }
      // Handoffs placed after this node hang off it, each with its own topic.
      const std::size_t topic = random_() % std::size(topics);
      for (std::size_t k = 0; next_handoff < handoffs_.size() && handoffs_[next_handoff].chain == c;
           ++k, ++next_handoff) {
        write_edge(from, node_id(handoffs_[next_handoff].node),
                   "the customer asks to speak with a person about " +
                       std::string(topics[(topic + k) % std::size(topics)]));
      }
    }
  }

  void write_tools() {
    bool first = true;
    for (std::size_t t = 0; t < tool_used_.size(); ++t) {
      if (!tool_used_[t]) continue;
      const ToolTemplate& tool = tool_templates[t % std::size(tool_templates)];
      out_ << (first ? "\n" : ",\n") << "      {\n        \"id\": \"" << tool_id(t)
           << "\",\n        \"name\": \"" << tool.name << "_" << std::uint64_t{t + 1}
           << "\",\n        \"type\": \"webhook\",\n        \"description\": \"" << tool.description
           << "\",\n        \"url\": \"https://" << hosts[t % std::size(hosts)] << "/v1/"
           << tool.path << "\",\n        \"method\": \"" << tool.method << "\"\n      }";
      first = false;
    }
    if (!first) out_ << "\n    ";
  }

  struct Handoff {
    std::size_t chain;  // the chain position of the node whose edge leads to it
    std::size_t node;
  };

  Writer out_;
  Random random_;
  unsigned seed_;
  std::size_t node_count_;
  std::vector<bool> tool_used_;
  std::vector<std::size_t> chain_;  // node indexes
  std::vector<Handoff> handoffs_;
  std::size_t global_count_ = 0;
  std::size_t edge_count_ = 0;
};

}  // namespace

void write_snapshot(std::ostream& out, std::size_t node_count, unsigned seed) {
  Generator(out, node_count, seed).run();
}

std::string generate_snapshot(std::size_t node_count, unsigned seed) {
  std::ostringstream out;
  write_snapshot(out, node_count, seed);
  return std::move(out).str();
}

}  // namespace snaplint::bench
