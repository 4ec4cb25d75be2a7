// Lints one file's bytes into diagnostics: parse, duplicate keys, schema, model, rules. Never
// prints, never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "snaplint/diagnostic.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/model.hpp"
#include "snaplint/registry.hpp"
#include "snaplint/schema_check.hpp"

namespace snaplint {

struct FileReport {
  std::string path;
  std::vector<Diagnostic> diagnostics;  // sorted by line, column, rule
  std::vector<Diagnostic> suppressed;   // findings a suppression or the baseline silenced, sorted
  std::string failure;                  // set when the file could not be read or linted at all
  std::optional<Envelope> envelope;     // absent when the file is not valid JSON
};

class Engine {
 public:
  // `registry` must outlive the linter. `today` (YYYY-MM-DD) decides which suppressions have
  // expired; empty means the current date in UTC.
  Engine(const RuleRegistry& registry, RuleSelection selection, ParseLimits limits = {},
         std::string today = {});

  // `bytes` need only live until lint returns: the report holds no reference to them.
  FileReport lint(std::string_view bytes, std::string path) const;

  // Documents of at least this many JSON values are linted on two threads: a second one checks
  // the schema and then shares the rules with this one. The report does not depend on it; tests
  // set it to 0 or to the maximum.
  void set_parallel_threshold(std::size_t values) { parallel_threshold_ = values; }

 private:
  void lint_into(FileReport& report, std::string_view bytes) const;

  const RuleRegistry& registry_;
  RuleSelection selection_;
  ParseLimits limits_;
  std::string today_;
  const SchemaCheck& schema_ = SchemaCheck::shared();
  // About 1 MB of snapshot: there the schema check and the rules take milliseconds, a thread
  // tens of microseconds.
  std::size_t parallel_threshold_ = 40000;
};

}  // namespace snaplint
