#include "config_resolver.hpp"

namespace snaplint::cli {

// Placeholder until config files are read: the command line alone decides.
struct ConfigResolver::State {
  std::unique_ptr<Linter> linter;
  FileSettings settings;
};

ConfigResolver::ConfigResolver(std::unique_ptr<State> state) : state_(std::move(state)) {}
ConfigResolver::~ConfigResolver() = default;

std::unique_ptr<ConfigResolver> ConfigResolver::create(const CheckOptions& options,
                                                       const RuleRegistry& registry,
                                                       std::string* error) {
  auto selection = RuleSelection::create(registry, options.select, options.ignore, error);
  if (!selection) return nullptr;
  for (const std::string& assignment : options.rule_options) {
    if (!selection->set_option(registry, assignment, error)) return nullptr;
  }
  auto state = std::make_unique<State>();
  state->linter = std::make_unique<Linter>(registry, std::move(*selection));
  state->settings.linter = state->linter.get();
  state->settings.fail_on = options.fail_on == "warning" ? FailOn::warning : FailOn::error;
  state->settings.max_warnings = options.max_warnings;
  return std::unique_ptr<ConfigResolver>(new ConfigResolver(std::move(state)));
}

const FileSettings* ConfigResolver::settings_for(const std::string&, std::string*) {
  return &state_->settings;
}

bool ConfigResolver::write_effective_config(std::ostream&, const std::string&, std::string* error) {
  *error = "config files are not supported yet";
  return false;
}

}  // namespace snaplint::cli
