// Google Benchmark: the inputs on which a rule could turn quadratic (issue 6, target 4), and
// every rule on a large generated snapshot. Each input is built as JSON text in memory, parsed
// and modelled once, outside the timed loop; the loop times the rule's check alone, found through
// the registry, with a reporter that counts the findings (reported as the `findings` counter, so
// a corner that stopped firing shows).
//
//   snaplint_corner_bench --benchmark_min_time=0.2
//   snaplint_corner_bench --small      (every input a hundredth of its size: a quick check)
//
// Target: each of the corner cases (a)-(c) below at most 100 ms; (d) is the "did you mean" of
// many findings, which must not grow with the number of candidates either.
#include <benchmark/benchmark.h>

#include <charconv>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "snaplint/agent_graph.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "snapshot_generator.hpp"

namespace {

using namespace snaplint;

// A parsed and modelled snapshot, ready for any rule.
struct Fixture {
  explicit Fixture(std::string text) : source(std::move(text)), doc(source) {
    parsed = !parse_json(source, doc).error.has_value();
    model = build_model(doc);
    graph = build_agent_graph(model);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  SourceFile source;
  JsonDocument doc;
  bool parsed = false;
  Model model;
  AgentGraph graph;
};

// Text appended piece by piece, numbers without temporaries: the 1M-id inputs are hundreds of
// megabytes.
class Text {
 public:
  Text& operator<<(std::string_view piece) {
    out_ += piece;
    return *this;
  }
  Text& operator<<(std::size_t number) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out_.append(digits, end);
    return *this;
  }
  std::string take() { return std::move(out_); }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  std::string out_;
};

// ---------------------------------------------------------------------------------------------
// Realistic conditions and labels: sentences of five to fifteen words drawn from pools large
// enough that two of them rarely share more than their function words ("the", "about", "a").

constexpr std::string_view subjects[] = {
    "the user",   "the customer",  "the caller", "a visitor",   "the client",
    "the member", "the patient",   "the guest",  "a tenant",    "the subscriber",
    "the driver", "a student",     "the parent", "an employee", "the buyer",
    "a supplier", "the traveller", "the owner",  "a new lead",  "the account holder"};
constexpr std::string_view verbs[] = {"asks about",
                                      "wants to change",
                                      "complains about",
                                      "needs help with",
                                      "is confused by",
                                      "wants to cancel",
                                      "reports a problem with",
                                      "asks for a refund of",
                                      "wants to upgrade",
                                      "inquires about",
                                      "disputes",
                                      "cannot find",
                                      "wants to pause",
                                      "tries to renew",
                                      "asks to transfer",
                                      "wants a copy of",
                                      "forgot",
                                      "mentions",
                                      "cannot open",
                                      "wants to split",
                                      "asks who approved",
                                      "needs to verify",
                                      "wants to extend",
                                      "asks to reschedule",
                                      "questions",
                                      "wants to merge",
                                      "wants to close",
                                      "is charged twice for",
                                      "never received",
                                      "wants to return",
                                      "asks how to use",
                                      "wants to rename",
                                      "lost",
                                      "wants to share",
                                      "asks to speed up",
                                      "wants to downgrade",
                                      "asks the price of",
                                      "wants to donate",
                                      "needs a receipt for",
                                      "wants to report fraud on"};
constexpr std::string_view adjectives[] = {
    "delayed",  "damaged",       "monthly",     "unpaid",   "duplicate",  "annual",    "missing",
    "recent",   "premium",       "foreign",     "shared",   "corporate",  "cancelled", "expired",
    "default",  "wrong",         "second",      "family",   "gift",       "mobile",    "business",
    "basic",    "international", "pending",     "trial",    "broken",     "loyalty",   "locked",
    "current",  "prepaid",       "refurbished", "seasonal", "student",    "joint",     "digital",
    "printed",  "temporary",     "archived",    "backup",   "weekly",     "secondary", "overdue",
    "urgent",   "partial",       "bulk",        "custom",   "original",   "spare",     "upcoming",
    "previous", "disputed",      "frozen",      "verified", "unverified", "rental",    "used",
    "signed",   "unsigned",      "encrypted",   "public"};
constexpr std::string_view nouns[] = {
    "invoice",     "shipment",      "order",      "subscription",   "password",
    "account",     "card",          "delivery",   "voucher",        "reservation",
    "appointment", "contract",      "plan",       "address",        "package",
    "warranty",    "device",        "ticket",     "payment",        "statement",
    "membership",  "booking",       "label",      "prescription",   "policy",
    "loan",        "transfer",      "router",     "parcel",         "meter",
    "login",       "credit",        "seat",       "claim",          "lease",
    "bill",        "quote",         "report",     "license",        "laptop",
    "phone",       "tablet",        "charger",    "mattress",       "sofa",
    "bicycle",     "ticket bundle", "coupon",     "deposit",        "mortgage",
    "pension",     "visa",          "passport",   "course",         "workshop",
    "webinar",     "consultation",  "repair",     "installation",   "upgrade",
    "battery",     "screen",        "keyboard",   "camera",         "printer",
    "modem",       "antenna",       "thermostat", "doorbell",       "lock",
    "fridge",      "oven",          "dishwasher", "heater",         "boiler",
    "roof",        "window",        "garage",     "parking permit", "storage unit"};
constexpr std::string_view topics[] = {
    "the holidays",    "a wedding",        "a move",          "tax season",     "a new job",
    "school",          "a medical issue",  "a trip to Spain", "a birthday",     "the move abroad",
    "a family event",  "a renovation",     "a lawsuit",       "retirement",     "a new baby",
    "a conference",    "the new office",   "a charity",       "a club",         "a hackathon",
    "a funeral",       "an exam",          "the summer camp", "a clinic visit", "a marathon",
    "the flood",       "a power outage",   "the strike",      "a recall",       "an audit",
    "the merger",      "a product launch", "an inspection",   "the festival",   "a trade fair",
    "a court date",    "a house sale",     "a car crash",     "a burglary",     "the heatwave",
    "a job interview", "the elections",    "a tournament",    "a rebrand",      "the migration",
    "a data breach",   "the new law",      "a price change",  "a stock split",  "the reopening"};
constexpr std::string_view qualifiers[] = {"after a failed payment",    "in another language",
                                           "outside business hours",    "while travelling abroad",
                                           "for the second time",       "and sounds upset",
                                           "on behalf of a relative",   "using the mobile app",
                                           "before the deadline",       "with an order number",
                                           "without an order number",   "through a partner shop",
                                           "right after signing up",    "from a shared computer",
                                           "with a screenshot",         "and threatens to leave",
                                           "in a voice message",        "late at night",
                                           "from an old email address", "with a discount code",
                                           "after a price increase",    "during a sale",
                                           "from a company address",    "via a reseller",
                                           "and asks for a manager",    "with a typo in the name",
                                           "after moving house",        "in a group chat",
                                           "with a broken link",        "from the waiting list"};

template <class T, std::size_t N>
const T& pick(const T (&list)[N], std::mt19937& random) {
  return list[random() % N];
}

std::string sentence(std::mt19937& random) {
  std::string out(pick(subjects, random));
  out += ' ';
  out += pick(verbs, random);
  out += " a ";
  out += pick(adjectives, random);
  out += ' ';
  out += pick(nouns, random);
  if (random() % 2 == 0) {
    out += " for ";
    out += pick(topics, random);
  }
  if (random() % 2 == 0) {
    out += ' ';
    out += pick(qualifiers, random);
  }
  return out;
}

void start_graph(Text& text) {
  text << "{\"graph\": {\n\"nodes\": [\n"
       << R"({"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},)"
       << "\n"
       << R"({"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""})";
}

// (a) 10k global nodes with varied conditions: a few dozen pairs overlap by chance (the same
// request with and without a qualifier), and every 500th condition repeats an earlier one with
// a word added or dropped.
std::string global_conditions(std::size_t count) {
  std::mt19937 random(7);
  std::vector<std::string> conditions;
  conditions.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0 && i % 500 == 0) {
      std::string near = conditions[random() % i];
      if (i % 1000 == 0) {
        near += " again";
      } else {
        near = near.substr(near.find(' ') + 1);  // "user asks about ...": one word fewer
      }
      conditions.push_back(std::move(near));
      continue;
    }
    conditions.push_back(sentence(random));
  }
  Text text;
  start_graph(text);
  text << ",\n"
       << R"({"id": "home", "name": "home", "type": "DefaultNode", "prompt": "Help."})";
  for (std::size_t i = 0; i < count; ++i) {
    text << ",\n{\"id\": \"g" << i << "\", \"name\": \"global_" << i
         << "\", \"type\": \"DefaultNode\", \"prompt\": \"Handle it.\", \"global\": true, "
            "\"global_condition\": \""
         << conditions[i] << "\"}";
  }
  text << "\n],\n\"edges\": [\n"
       << R"({"id": "e-start", "from": "start", "to": "home"},)"
       << "\n"
       << R"({"id": "e-end", "from": "home", "to": "end", "label": "the conversation is over"})"
       << "\n]}}\n";
  return text.take();
}

// (b) One node with `count` outgoing edges, each to its own node (which goes on to __end__).
enum class Labels { distinct, none, same };

std::string hub(std::size_t count, Labels labels) {
  std::mt19937 random(11);
  Text text;
  start_graph(text);
  text << ",\n"
       << R"({"id": "hub", "name": "hub", "type": "DefaultNode", "prompt": "Route."})";
  for (std::size_t i = 0; i < count; ++i) {
    text << ",\n{\"id\": \"t" << i << "\", \"name\": \"target_" << i
         << "\", \"type\": \"DefaultNode\", \"prompt\": \"Answer.\"}";
  }
  text << "\n],\n\"edges\": [\n"
       << R"({"id": "e-start", "from": "start", "to": "hub"})";
  for (std::size_t i = 0; i < count; ++i) {
    text << ",\n{\"id\": \"h" << i << "\", \"from\": \"hub\", \"to\": \"t" << i << "\"";
    switch (labels) {
      case Labels::distinct:
        // Distinct once normalized: the number tells them apart.
        text << ", \"label\": \"" << sentence(random) << " (case " << i << ")\"";
        break;
      case Labels::same:
        text << ", \"label\": \"The customer asks about an order.\"";
        break;
      case Labels::none:
        break;
    }
    text << "}";
  }
  for (std::size_t i = 0; i < count; ++i) {
    text << ",\n{\"id\": \"x" << i << "\", \"from\": \"t" << i << "\", \"to\": \"end\"}";
  }
  text << "\n]}}\n";
  return text.take();
}

// (c) `count` nodes, `count` edges and `count` tools, every id used once except every 1000th,
// which repeats an earlier one (so each duplicate-* rule reports count/1000 findings). Each node
// lists one tool, every 1000th the same one twice; and the first node lists `count` tools (every
// 1000th entry a repeat), so that a per-node table sized by that list would be paid again at
// every later node.
std::string identities(std::size_t count) {
  const auto repeat = [](std::size_t i) { return i > 0 && i % 1000 == 0; };
  const auto earlier = [](std::size_t i) { return i / 2; };
  Text text;
  text.reserve(count * 260);
  text << "{\"graph\": {\n\"nodes\": [\n"
       << R"({"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},)"
       << "\n"
       << R"({"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""})";
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t id = repeat(i) ? earlier(i) : i;
    text << ",\n{\"id\": \"n" << id << "\", \"name\": \"step_" << id
         << "\", \"type\": \"DefaultNode\", \"prompt\": \"Answer.\", \"tool_ids\": [";
    if (i == 0) {
      for (std::size_t t = 0; t < count; ++t) {
        text << (t == 0 ? "\"tool_" : ", \"tool_") << (repeat(t) ? earlier(t) : t) << "\"";
      }
    } else {
      text << "\"tool_" << i << "\"";
      if (repeat(i)) text << ", \"tool_" << i << "\"";
    }
    text << "]}";
  }
  text << "\n],\n\"edges\": [\n"
       << R"({"id": "e-start", "from": "start", "to": "n1"})";
  for (std::size_t i = 0; i < count; ++i) {
    // Every 1000th edge copies the one before it (same id, ends and label).
    const std::size_t e = repeat(i) ? i - 1 : i;
    text << ",\n{\"id\": \"e" << e << "\", \"from\": \"n" << e << "\", \"to\": \"n" << e + 1
         << "\", \"label\": \"the customer asks about step " << e << "\"}";
  }
  text << "\n],\n\"tools\": [\n";
  for (std::size_t i = 0; i < count; ++i) {
    text << (i == 0 ? "" : ",\n") << "{\"id\": \"tool_" << (repeat(i) ? earlier(i) : i)
         << "\", \"name\": \"Tool " << i << "\"}";
  }
  text << "\n]}}\n";
  return text.take();
}

// (d) "Did you mean" for many misspelt ids: `count` nodes with an id and a tool each, and
// `unknown` edges and tool_ids entries naming distinct ids that do not exist, each one or two
// edits away from a real one (ids renamed in bulk), so every finding looks for a suggestion.
std::string misspelt_ids(std::size_t count, std::size_t unknown) {
  Text text;
  start_graph(text);
  for (std::size_t i = 0; i < count; ++i) {
    text << ",\n{\"id\": \"node-" << i << "\", \"name\": \"step_" << i
         << "\", \"type\": \"DefaultNode\", \"prompt\": \"Answer.\"";
    if (i < unknown) text << ", \"tool_ids\": [\"tool-" << i * 7 % count << "x\"]";
    text << "}";
  }
  text << "\n],\n\"edges\": [\n"
       << R"({"id": "e-start", "from": "start", "to": "node-0"})";
  for (std::size_t i = 0; i < unknown; ++i) {
    text << ",\n{\"id\": \"e" << i << "\", \"from\": \"node-" << i << "\", \"to\": \"nod-"
         << i * 13 % count << "\"}";
  }
  text << "\n],\n\"tools\": [\n";
  for (std::size_t i = 0; i < count; ++i) {
    text << (i == 0 ? "" : ",\n") << "{\"id\": \"tool-" << i << "\", \"name\": \"Tool " << i
         << "\"}";
  }
  text << "\n]}}\n";
  return text.take();
}

// ---------------------------------------------------------------------------------------------

using Maker = std::string (*)();

// One fixture at a time: the benchmarks are registered grouped by input, so each input is built
// once, and the previous one is freed before the next (the 1M-id input takes gigabytes).
const Fixture& fixture(Maker make) {
  static Maker current = nullptr;
  static std::unique_ptr<Fixture> held;
  if (current != make) {
    held.reset();
    held = std::make_unique<Fixture>(make());
    current = make;
  }
  return *held;
}

class CountingReporter final : public Reporter {
 public:
  void report(Finding finding) override {
    ++count;
    benchmark::DoNotOptimize(finding);
  }
  std::size_t count = 0;
};

void BM_Corner(benchmark::State& state, const Rule* rule, Maker make, std::size_t items) {
  const Fixture& input = fixture(make);
  if (!input.parsed) {
    state.SkipWithError("the input does not parse");
    return;
  }
  const RuleSelection selection = RuleSelection::all(rules::default_registry());
  const LintContext context{input.doc, input.model, input.graph, selection, rule->info()};
  CountingReporter reporter;
  for (auto _ : state) rule->check(context, reporter);
  state.counters["findings"] =
      static_cast<double>(reporter.count) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
}

const Rule* rule_named(std::string_view name) {
  for (const Rule* rule : rules::all_rules()) {
    if (rule->info().name == name) return rule;
  }
  return nullptr;
}

void add(std::string_view rule_name, const std::string& input_name, Maker make, std::size_t items) {
  const Rule* rule = rule_named(rule_name);
  if (rule == nullptr) return;  // a renamed rule: nothing to time
  const std::string name = "BM_Corner/" + std::string(rule_name) + "/" + input_name;
  benchmark::RegisterBenchmark(name.c_str(), BM_Corner, rule, make, items)
      ->Unit(benchmark::kMillisecond);
}

// Sizes of the inputs, divided by `scale`: --small makes it 100, for a quick run (in CI) that only
// shows the benchmarks still work.
std::size_t scale = 1;
std::size_t global_count() {
  return 10'000 / scale;
}
std::size_t hub_edges() {
  return 10'000 / scale;
}
std::size_t id_count() {
  return 1'000'000 / scale;
}
std::size_t generated_nodes() {
  return 100'000 / scale;
}
std::size_t misspelt_count() {
  return 1'000 / scale;
}

// "10k", "1M", "100": a count in a benchmark's name.
std::string count_name(std::size_t count) {
  if (count >= 1'000'000 && count % 1'000'000 == 0) return std::to_string(count / 1'000'000) + "M";
  if (count >= 1'000 && count % 1'000 == 0) return std::to_string(count / 1'000) + "k";
  return std::to_string(count);
}

void register_corners() {
  // (a) global-condition-overlap over 10k global nodes (and its neighbours on the same input).
  const Maker globals = [] { return global_conditions(global_count()); };
  for (std::string_view rule : {"global-condition-overlap", "global-condition-conflict",
                                "global-condition-missing", "global-condition-shadows-edge"}) {
    add(rule, count_name(global_count()) + "-global-nodes", globals, global_count());
  }
  // (b) ambiguous-branch on a node with 10k outgoing edges: distinct labels (no finding), no
  // labels (every edge after the first is reported), one label for all (the same).
  const Maker distinct = [] { return hub(hub_edges(), Labels::distinct); };
  const Maker unconditional = [] { return hub(hub_edges(), Labels::none); };
  const Maker same = [] { return hub(hub_edges(), Labels::same); };
  for (const auto& [input, make] :
       {std::pair{"-edges-distinct-labels", distinct},
        std::pair{"-edges-unconditional", unconditional}, std::pair{"-edges-same-label", same}}) {
    for (std::string_view rule : {"ambiguous-branch", "duplicate-edge"}) {
      add(rule, count_name(hub_edges()) + input, make, hub_edges());
    }
  }
  // (c) the duplicate-* rules over 1M ids each.
  const Maker ids = [] { return identities(id_count()); };
  for (std::string_view rule : {"duplicate-node-id", "duplicate-node-name", "duplicate-edge-id",
                                "duplicate-tool-id", "duplicate-edge", "duplicate-tool-ref"}) {
    add(rule, count_name(id_count()) + "-ids", ids, id_count());
  }
  // (d) suggestions for 1k distinct unknown ids among 100k real ones.
  const Maker misspelt = [] { return misspelt_ids(generated_nodes(), misspelt_count()); };
  for (std::string_view rule : {"dangling-edge", "missing-tool"}) {
    add(rule, count_name(misspelt_count()) + "-unknown-ids-of-" + count_name(generated_nodes()),
        misspelt, misspelt_count());
  }
  // Every rule on a generated snapshot of 100k nodes.
  const Maker generated = [] { return bench::generate_snapshot(generated_nodes(), 1); };
  for (const Rule* rule : rules::all_rules()) {
    add(rule->info().name, "generated-" + count_name(generated_nodes()), generated,
        generated_nodes());
  }
}

}  // namespace

int main(int argc, char** argv) {
  // --small is ours: taken out before Google Benchmark reads the arguments.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--small") {
      scale = 100;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  register_corners();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
