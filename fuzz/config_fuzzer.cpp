// .snaplint.json on arbitrary bytes: parse_config (JSON, schema, names against the registry,
// globs), then its layers applied, override globs matched, --show-config's JSON written, and a
// Linter made from the same text linting a small snapshot under names the overrides may match.
// Beyond "no crash": a rejected config has a message and it is never an internal error (an
// exception that parse_config caught), an accepted one also makes a Linter, and the JSON written
// parses back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "output_checks.hpp"
#include "snaplint/config.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace {

// A few findings of several rules, so that the config's severities and options decide something.
constexpr std::string_view snapshot = R"({"graph": {
  "nodes": [
    {"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "a", "name": "greet", "type": "DefaultNode", "prompt": "Hello #{name"},
    {"id": "b", "name": "greet", "type": "WebhookNode", "prompt": "x"},
    {"id": "g", "name": "g", "type": "DefaultNode", "prompt": "p", "global": true,
     "global_condition": "the user wants a refund"},
    {"id": "h", "name": "h", "type": "DefaultNode", "prompt": "p", "global": true,
     "global_condition": "the user wants a refund now"},
    {"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""}],
  "edges": [
    {"id": "e1", "from": "start", "to": "a"},
    {"id": "e2", "from": "a", "to": "missing", "label": "x == 1"},
    {"id": "e2", "from": "a", "to": "a"}],
  "tools": [{"id": "t", "name": "unused"}]
}})";

constexpr std::string_view paths[] = {"agent.json", "agents/drafts/a.json", "a/b/c/d.json",
                                      ".snaplint.json", "agents/[x].json"};

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "%s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace snaplint;
  using namespace snaplint::fuzz;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const RuleRegistry& registry = rules::default_registry();

  std::string error;
  const std::optional<Config> config = parse_config(text, "fuzz/.snaplint.json", registry, &error);
  auto linter = Linter::create(text);
  if (!config) {
    if (error.empty()) fail("parse_config", "rejected without a message");
    // An internal error has no line and column; a problem's message may quote the config's own
    // text, "internal error" included (the first 10-minute run tripped over exactly that).
    if (error.rfind("fuzz/.snaplint.json: internal error", 0) == 0) fail("parse_config", error);
    // (Linter::create takes an empty text for the defaults.)
    if (linter && !text.empty()) {
      fail("Linter::create", "accepted a config parse_config rejects: " + error);
    }
    return 0;
  }
  if (!linter) fail("Linter::create", "rejected a config parse_config accepts: " + linter.error());

  for (const std::string_view path : paths) {
    EffectiveSettings settings = EffectiveSettings::defaults(registry);
    settings.apply(registry, config->settings, "fuzz/.snaplint.json");
    std::vector<std::string> layers{"fuzz/.snaplint.json"};
    for (const ConfigOverride& override_entry : config->overrides) {
      if (!override_entry.matches(path)) continue;
      settings.apply(registry, override_entry.settings, "override");
      layers.emplace_back("override");
    }
    std::ostringstream out;
    write_effective_config_json(out, registry,
                                {std::string(path), {"fuzz/.snaplint.json"}, layers, &settings});
    check_json(out.str(), "write_effective_config_json");

    const Report report = linter->lint(snapshot, path);
    if (!report.failure().empty()) fail("Linter::lint", report.failure());
    std::ostringstream json;
    report.write_json(json);
    check_json(json.str(), "Report::write_json");
    static_cast<void>(report.fails());
  }
  return 0;
}
