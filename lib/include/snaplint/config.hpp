// .snaplint.json: a team's rule choice, severities, rule options and exit policy. The library reads
// and checks one file's text and applies layers of settings; finding the files is the caller's
// business (the CLI walks up from each linted file).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/registry.hpp"

namespace snaplint {

// The JSON Schema of .snaplint.json files (`snaplint schema --config`).
std::string_view config_schema_text();

// The file name looked for in each directory.
inline constexpr std::string_view config_file_name = ".snaplint.json";

// `"severity": {NAME: LEVEL}`; no level is "off".
struct SeveritySetting {
  std::string name;  // a rule or a category
  std::optional<Severity> severity;
};

// `"rules": {RULE: {OPTION: VALUE}}`, one entry per option.
struct OptionSetting {
  std::string rule;
  std::string option;
  double value = 0;
};

// One layer of settings: a config file's top level, one of its overrides, or the command line.
// Absent members leave what earlier layers decided.
struct ConfigLayer {
  std::optional<std::vector<std::string>> select;  // replaces the enabled set
  std::vector<std::string> ignore;                 // disables
  std::vector<SeveritySetting> severity;           // in file order
  std::vector<OptionSetting> options;
  std::optional<Severity> fail_on;  // error or warning
  std::optional<unsigned long long> max_warnings;
};

struct ConfigOverride {
  std::vector<std::string> files;  // globs, relative to the config file's directory
  ConfigLayer settings;

  // `path`: the linted file relative to the config's directory, '/'-separated.
  bool matches(std::string_view path) const;
};

struct Config {
  bool root = false;  // stop looking for configs in parent directories
  ConfigLayer settings;
  std::vector<ConfigOverride> overrides;
};

// Reads a config file's text: JSON, then the schema, then names against the registry. Returns
// nothing and sets `error` to "PATH:LINE:COL: message (at /pointer)" for the first problem: JSON
// syntax, a repeated key, anything the schema rejects, an unknown rule, category or option (with
// a "did you mean"), an option value out of range, a malformed glob.
std::optional<Config> parse_config(std::string_view text, std::string_view path,
                                   const RuleRegistry& registry, std::string* error);

// What governs one file once all layers are applied.
struct EffectiveSettings {
  RuleSelection selection;
  Severity fail_on = Severity::error;  // findings of this severity or above fail the run
  std::optional<unsigned long long> max_warnings;
  std::string max_warnings_source;  // the layer that set max_warnings

  // Every rule at its default severity, fail on errors, no warning budget.
  static EffectiveSettings defaults(const RuleRegistry& registry);

  // One layer, in this order: select, ignore, severities of categories, severities of rules,
  // rule options; fail-on and max-warnings replace earlier values. `source` names the layer (for
  // max_warnings_source). Names must be known to the registry (parse_config checks them).
  void apply(const RuleRegistry& registry, const ConfigLayer& layer, std::string_view source);
};

// `snaplint check --show-config FILE`: the file, the config files that apply (farthest first), the
// layers applied, fail-on, max-warnings and every rule (by name) with enabled, severity, options.
struct EffectiveConfigReport {
  std::string file;
  std::vector<std::string> config_files;
  std::vector<std::string> layers;
  const EffectiveSettings* settings = nullptr;
};
void write_effective_config_json(std::ostream& out, const RuleRegistry& registry,
                                 const EffectiveConfigReport& report);

}  // namespace snaplint
