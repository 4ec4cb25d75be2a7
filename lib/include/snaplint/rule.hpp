// What a rule is: static metadata and a read-only check that reports through a Reporter. Rules
// name values by their place in the document and entities by id; the engine turns that into JSON
// Pointers, line/column ranges and code frames.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/agent_graph.hpp"
#include "snaplint/diagnostic.hpp"
#include "snaplint/json_document.hpp"
#include "snaplint/model.hpp"

namespace snaplint {

// A number a user may tune per rule (`--rule-option RULE.NAME=VALUE`).
struct RuleOption {
  std::string_view name;
  double default_value;
  double minimum;
  double maximum;
  std::string_view description;
};

struct RuleInfo {
  std::string_view name;
  std::string_view category;
  Severity default_severity;
  std::string_view summary;
  std::span<const RuleOption> options = {};

  const RuleOption* find_option(std::string_view option) const {
    for (const RuleOption& candidate : options) {
      if (candidate.name == option) return &candidate;
    }
    return nullptr;
  }
};

class RuleSelection;

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
  const RuleSelection& selection;
  const RuleInfo& rule;  // the rule being run

  // The run's value of one of the current rule's options (its default unless the user set it).
  double option(std::string_view name) const;
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
