// The snapshot JSON Schema (embedded at build time) and its judge, valijson.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "snaplint/json_document.hpp"
#include "snaplint/rule.hpp"

namespace snaplint {

// The schema's text, exactly as in lib/schema/snapshot.schema.json.
std::string_view snapshot_schema_text();

class SchemaCheck {
 public:
  SchemaCheck();
  ~SchemaCheck();
  SchemaCheck(const SchemaCheck&) = delete;
  SchemaCheck& operator=(const SchemaCheck&) = delete;

  // Appends one finding per offending value: valijson's cascade of "failed to validate item #n"
  // wrappers is folded away, and several missing fields of one object become one finding.
  // Safe to call from several threads at once.
  void check(const JsonDocument& document, std::vector<Finding>& findings) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace snaplint
