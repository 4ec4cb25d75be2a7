// What a rule is: static metadata and a read-only check that reports through a Reporter. Rules
// name values by their place in the document and entities by id; the engine turns that into JSON
// Pointers, line/column ranges and code frames.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "snaplint/agent_graph.hpp"
#include "snaplint/diagnostic.hpp"
#include "snaplint/json_document.hpp"
#include "snaplint/model.hpp"

namespace snaplint {

struct RuleInfo {
  std::string_view name;
  std::string_view category;
  Severity default_severity;
  std::string_view summary;
};

// A value in the document, or the key of a member (for findings about the key itself).
struct Location {
  JsonRef value = no_value;
  bool at_key = false;
};

struct RelatedFinding {
  std::string message;
  Location where;
};

struct Finding {
  Location where;
  std::string message;
  Entity entity;
  std::vector<RelatedFinding> related = {};
  std::string help = {};
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(Finding finding) = 0;
};

struct LintContext {
  const JsonDocument& json;
  const Model& model;
  const AgentGraph& graph;
};

// Rules are stateless const objects, so one instance serves every thread.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void check(const LintContext& context, Reporter& reporter) const = 0;
};

// Entities and the way messages name them: 'id' when there is one, #index otherwise.
Entity entity_of(const Node& node);
Entity entity_of(const Edge& edge);
Entity entity_of(const Tool& tool);
Entity graph_entity();
std::string display_name(const Node& node);
std::string display_name(const Edge& edge);
std::string quoted(std::string_view text);

}  // namespace snaplint
