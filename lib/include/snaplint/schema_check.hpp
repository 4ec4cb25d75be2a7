// The snapshot JSON Schema (embedded at build time) and its judge, valijson.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/json_document.hpp"
#include "snaplint/rule.hpp"

namespace snaplint {

// The schema's text, exactly as in lib/schema/snapshot.schema.json.
std::string_view snapshot_schema_text();

class SchemaCheck {
 public:
  enum class Strategy {
    by_shape,        // valijson once per distinct shape of node, edge, tool... (schema_units.hpp)
    whole_document,  // valijson over the whole document: the reference the other must equal
  };

  // Falls back to whole_document when the schema uses a keyword shapes cannot decide.
  explicit SchemaCheck(Strategy strategy = Strategy::by_shape);
  // One instance for the process: the schema is parsed once, whatever the number of engines.
  static const SchemaCheck& shared();
  ~SchemaCheck();
  SchemaCheck(const SchemaCheck&) = delete;
  SchemaCheck& operator=(const SchemaCheck&) = delete;

  // Appends one finding per offending value: valijson's cascade of "failed to validate item #n"
  // wrappers is folded away, and several missing fields of one object become one finding.
  // Safe to call from several threads at once.
  void check(const JsonDocument& document, std::vector<Finding>& findings) const;

  Strategy strategy() const;
  // Where the schema uses a keyword that defeats judging by shape, or empty.
  std::string_view shape_cache_blocker() const;
  // The same for any schema text ("/pointer/keyword", or empty).
  static std::string shape_blocker_of(std::string_view schema_text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace snaplint
