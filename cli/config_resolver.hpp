// Which settings govern each linted file: the command line over the nearest .snaplint.json over
// its parents (or only --config FILE, or nothing with --no-config).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "snaplint/engine.hpp"

namespace snaplint::cli {

enum class FailOn { error, warning };

struct FileSettings {
  const Engine* linter = nullptr;
  FailOn fail_on = FailOn::error;
  std::optional<unsigned long long> max_warnings;
  // Files with the same group share one max-warnings budget: the config that set it.
  std::string max_warnings_group;
};

class ConfigResolver {
 public:
  // Returns nothing and sets `error` ("path:line:col: message", or a command-line problem).
  static std::unique_ptr<ConfigResolver> create(const CheckOptions& options,
                                                const RuleRegistry& registry, std::string* error);
  ~ConfigResolver();

  // The settings for a file (its path as given, or the --stdin-filename). Nothing, and `error`
  // set, when a config file on the way is invalid.
  const FileSettings* settings_for(const std::string& path, std::string* error);

  // `check --show-config FILE`: the effective settings as JSON.
  bool write_effective_config(std::ostream& out, const std::string& path, std::string* error);

 private:
  struct State;
  explicit ConfigResolver(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace snaplint::cli
