#include "snaplint/diagnostic.hpp"

#include <tuple>

namespace snaplint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::optional<Severity> severity_from_string(std::string_view text) {
  if (text == "info") return Severity::info;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

std::string_view to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::graph:
      return "graph";
    case EntityKind::node:
      return "node";
    case EntityKind::edge:
      return "edge";
    case EntityKind::tool:
      return "tool";
  }
  return "graph";
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.range.start, a.rule, a.message) < std::tie(b.range.start, b.rule, b.message);
}

}  // namespace snaplint
