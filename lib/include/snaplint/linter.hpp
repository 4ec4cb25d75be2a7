// The library call before an upload: build a Linter once from a config, lint snapshots in memory.
#pragma once

#include <memory>
#include <string_view>

#include "snaplint/export.hpp"
#include "snaplint/report.hpp"
#include "snaplint/result.hpp"

namespace snaplint {

class SNAPLINT_API Linter {
 public:
  // `config_json` is a .snaplint.json text (empty: every rule at its default severity). A config
  // that is not valid gives no linter and an error() such as
  // "<config>:1:12: 'fail-on' should be one of "error", "warning" (at /fail-on)". Never throws.
  static Result<Linter> create(std::string_view config_json = {});

  // Lints the bytes of one snapshot. `name` is used in reports and matched against the config's
  // override globs. Bad input is a finding, never an exception. Safe to call from many threads
  // at once on one Linter.
  Report lint(std::string_view json, std::string_view name = "snapshot.json") const;

  Linter(const Linter&) = default;
  Linter(Linter&&) noexcept = default;
  Linter& operator=(const Linter&) = default;
  Linter& operator=(Linter&&) noexcept = default;
  ~Linter();

 private:
  struct Impl;
  explicit Linter(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;  // immutable: copies share it
};

}  // namespace snaplint
