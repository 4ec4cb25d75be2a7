#include "config_resolver.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "snaplint/config.hpp"

namespace snaplint::cli {

namespace fs = std::filesystem;

namespace {

// A config file read from disk.
struct LoadedConfig {
  Config config;
  std::string display_path;  // as messages and --show-config name it
  std::string directory;     // absolute and normal: its globs are relative to it
};

// One layer applied to a file, and its name: the config file, one of its overrides
// ("PATH#/overrides/N"), or "command line".
struct AppliedLayer {
  const ConfigLayer* layer;
  std::string name;
};

// The file's absolute, lexically normal path. Standard input without --stdin-filename counts as
// a file named "<stdin>" in the current directory.
fs::path absolute_path(const std::string& path, const fs::path& cwd) {
  const fs::path given(path);
  return (given.is_absolute() ? given : cwd / given).lexically_normal();
}

// `path` relative to `directory` with '/' separators, or nothing when it is outside.
std::optional<std::string> relative_to(const fs::path& path, const fs::path& directory) {
  const fs::path relative = path.lexically_relative(directory);
  const std::string text = relative.generic_string();
  if (text.empty() || text == "." || text == ".." || text.rfind("../", 0) == 0) return std::nullopt;
  return text;
}

// Config files inside the current directory are shown relative to it, others absolute.
std::string display_path(const fs::path& file, const fs::path& cwd) {
  const std::optional<std::string> relative = relative_to(file, cwd);
  return relative ? *relative : file.generic_string();
}

std::unique_ptr<LoadedConfig> load_config(const fs::path& file, std::string display,
                                          const RuleRegistry& registry, std::string* error) {
  std::error_code status_error;
  if (fs::is_directory(file, status_error)) {
    *error = display + ": is a directory, not a config file";
    return nullptr;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    *error = "cannot read config " + display + ": " + std::generic_category().message(errno);
    return nullptr;
  }
  auto config = parse_config(text.str(), display, registry, error);
  if (!config) return nullptr;
  auto loaded = std::make_unique<LoadedConfig>();
  loaded->config = std::move(*config);
  loaded->display_path = std::move(display);
  loaded->directory = file.parent_path().generic_string();
  return loaded;
}

}  // namespace

struct ConfigResolver::State {
  explicit State(const RuleRegistry& r) : registry(r) {}

  const RuleRegistry& registry;
  fs::path cwd;
  bool discover = true;                           // neither --config nor --no-config
  std::unique_ptr<LoadedConfig> explicit_config;  // --config FILE
  ConfigLayer command_line;
  std::vector<std::string> command_line_options;  // "RULE.OPTION=VALUE", checked in create()

  // A directory's own .snaplint.json (null when there is none), or why it could not be used.
  struct Directory {
    std::unique_ptr<LoadedConfig> config;
    std::string error;
  };
  std::map<std::string, Directory> directories;
  // The configs that govern the files of a directory, farthest first, or the first error met.
  struct Chain {
    std::vector<const LoadedConfig*> configs;
    std::string error;
  };
  std::map<std::string, Chain> chains;
  // Settings per distinct list of layers; std::map keeps the addresses handed out stable.
  std::map<std::vector<const ConfigLayer*>, FileSettings> settings;
  // One Engine (and its schema validator) per distinct rule selection.
  std::vector<std::pair<RuleSelection, std::unique_ptr<Engine>>> linters;

  const Directory& directory(const fs::path& dir) {
    const std::string key = dir.generic_string();
    if (const auto it = directories.find(key); it != directories.end()) return it->second;
    Directory entry;
    const fs::path file = dir / config_file_name;
    std::error_code error;
    if (fs::exists(fs::symlink_status(file, error))) {
      entry.config = load_config(file, display_path(file, cwd), registry, &entry.error);
    }
    return directories.emplace(key, std::move(entry)).first->second;
  }

  const Chain& chain(const fs::path& dir) {
    const std::string key = dir.generic_string();
    if (const auto it = chains.find(key); it != chains.end()) return it->second;
    Chain result;
    const Directory& here = directory(dir);
    if (!here.error.empty()) {
      result.error = here.error;
    } else {
      const bool stop = here.config && here.config->config.root;
      const fs::path parent = dir.parent_path();
      if (!stop && !parent.empty() && parent != dir) result = chain(parent);
      if (here.config && result.error.empty()) result.configs.push_back(here.config.get());
    }
    return chains.emplace(key, std::move(result)).first->second;
  }

  // The layers that govern `path` in the order they apply; false and `error` set when a config
  // on the way is broken.
  bool layers_for(const std::string& path, std::vector<const LoadedConfig*>& configs,
                  std::vector<AppliedLayer>& layers, std::string* error) {
    const fs::path file = absolute_path(path, cwd);
    if (explicit_config) {
      configs = {explicit_config.get()};
    } else if (discover) {
      const Chain& found = chain(file.parent_path());
      if (!found.error.empty()) {
        *error = found.error;
        return false;
      }
      configs = found.configs;
    }
    for (const LoadedConfig* config : configs) {
      layers.push_back({&config->config.settings, config->display_path});
      const std::optional<std::string> relative = relative_to(file, config->directory);
      if (!relative) continue;
      for (std::size_t i = 0; i < config->config.overrides.size(); ++i) {
        const ConfigOverride& entry = config->config.overrides[i];
        if (entry.matches(*relative)) {
          layers.push_back(
              {&entry.settings, config->display_path + "#/overrides/" + std::to_string(i)});
        }
      }
    }
    layers.push_back({&command_line, "command line"});
    return true;
  }

  EffectiveSettings effective(const std::vector<AppliedLayer>& layers) const {
    EffectiveSettings result = EffectiveSettings::defaults(registry);
    for (const AppliedLayer& applied : layers) result.apply(registry, *applied.layer, applied.name);
    for (const std::string& assignment : command_line_options) {
      result.selection.set_option(registry, assignment, nullptr);
    }
    return result;
  }

  const Engine* linter_for(const RuleSelection& selection) {
    for (const auto& [known, linter] : linters) {
      if (known == selection) return linter.get();
    }
    linters.emplace_back(selection, std::make_unique<Engine>(registry, selection));
    return linters.back().second.get();
  }
};

ConfigResolver::ConfigResolver(std::unique_ptr<State> state) : state_(std::move(state)) {}
ConfigResolver::~ConfigResolver() = default;

std::unique_ptr<ConfigResolver> ConfigResolver::create(const CheckOptions& options,
                                                       const RuleRegistry& registry,
                                                       std::string* error) {
  auto state = std::make_unique<State>(registry);
  std::error_code cwd_error;
  state->cwd = fs::current_path(cwd_error);
  if (cwd_error) {
    *error = "cannot find the current directory: " + cwd_error.message();
    return nullptr;
  }

  // The command line is the last layer, checked up front like a config file.
  for (const auto* names : {&options.select, &options.ignore}) {
    for (const std::string& name : *names) {
      if (!registry.find(name) && !registry.is_category(name)) {
        *error = registry.unknown_name_message(name);
        return nullptr;
      }
    }
  }
  for (const std::string& name : options.ignore) {
    if (auto problem = fixed_rule_problem(name)) {
      *error = "--ignore: " + *problem;
      return nullptr;
    }
  }
  if (!options.select.empty()) state->command_line.select = options.select;
  state->command_line.ignore = options.ignore;
  RuleSelection scratch = RuleSelection::all(registry);
  for (const std::string& assignment : options.rule_options) {
    if (!scratch.set_option(registry, assignment, error)) return nullptr;
  }
  state->command_line_options = options.rule_options;
  if (options.fail_on) state->command_line.fail_on = severity_from_string(*options.fail_on);
  state->command_line.max_warnings = options.max_warnings;

  if (options.config_path) {
    const fs::path file = absolute_path(*options.config_path, state->cwd);
    std::string display = fs::path(*options.config_path).lexically_normal().generic_string();
    state->explicit_config = load_config(file, std::move(display), registry, error);
    if (!state->explicit_config) return nullptr;
  }
  state->discover = !options.no_config && !options.config_path;
  return std::unique_ptr<ConfigResolver>(new ConfigResolver(std::move(state)));
}

const FileSettings* ConfigResolver::settings_for(const std::string& path, std::string* error) {
  std::vector<const LoadedConfig*> configs;
  std::vector<AppliedLayer> layers;
  if (!state_->layers_for(path, configs, layers, error)) return nullptr;
  std::vector<const ConfigLayer*> key;
  for (const AppliedLayer& applied : layers) key.push_back(applied.layer);
  if (const auto it = state_->settings.find(key); it != state_->settings.end()) return &it->second;

  const EffectiveSettings effective = state_->effective(layers);
  FileSettings settings;
  settings.linter = state_->linter_for(effective.selection);
  settings.fail_on = effective.fail_on == Severity::error ? FailOn::error : FailOn::warning;
  settings.max_warnings = effective.max_warnings;
  settings.max_warnings_group = effective.max_warnings_source;
  return &state_->settings.emplace(std::move(key), std::move(settings)).first->second;
}

bool ConfigResolver::write_effective_config(std::ostream& out, const std::string& path,
                                            std::string* error) {
  const std::string file =
      path == "<stdin>" ? path : fs::path(path).lexically_normal().generic_string();
  std::vector<const LoadedConfig*> configs;
  std::vector<AppliedLayer> layers;
  if (!state_->layers_for(file, configs, layers, error)) return false;
  const EffectiveSettings effective = state_->effective(layers);
  EffectiveConfigReport report;
  report.file = file;
  for (const LoadedConfig* config : configs) report.config_files.push_back(config->display_path);
  for (const AppliedLayer& applied : layers) report.layers.push_back(applied.name);
  report.settings = &effective;
  write_effective_config_json(out, state_->registry, report);
  return true;
}

}  // namespace snaplint::cli
