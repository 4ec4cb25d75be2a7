// The one finding type shared by the parser, the schema check and every rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/export.hpp"

namespace snaplint {

enum class Severity : std::uint8_t { info, warning, error };

SNAPLINT_API std::string_view to_string(Severity severity);
SNAPLINT_API std::optional<Severity> severity_from_string(std::string_view text);

// 1-based; columns count Unicode code points.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

// End is exclusive.
struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

enum class EntityKind : std::uint8_t { graph, node, edge, tool };

SNAPLINT_API std::string_view to_string(EntityKind kind);

// What a finding is about. Nodes, edges and tools without a usable id are named by their index
// in their array instead.
struct Entity {
  EntityKind kind = EntityKind::graph;
  std::optional<std::string> id;
  std::optional<std::uint32_t> index;
  friend bool operator==(const Entity&, const Entity&) = default;
};

struct RelatedLocation {
  std::string message;
  std::string pointer;
  Range range;
};

// The source line a finding starts on, cut to a window around the finding so that a file made of
// one huge line still prints a short frame. Columns are relative to the window.
struct SourceExcerpt {
  std::string text;
  std::uint32_t first_column = 1;  // column (in the file) of text's first code point
  bool truncated_left = false;
  bool truncated_right = false;
};

// Why a finding does not count: a suppression in the snapshot's own metadata, or a baseline file.
struct Suppression {
  enum class Kind : std::uint8_t { metadata, baseline };
  Kind kind = Kind::metadata;
  std::string reason;
};

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::error;
  std::string message;
  std::string pointer;
  Range range;
  Entity entity;
  std::vector<RelatedLocation> related;
  std::string help;  // empty when there is nothing to suggest
  SourceExcerpt excerpt;
  std::optional<Suppression> suppression;  // set only on FileReport::suppressed entries
};

// The deterministic output order: line, column, rule, then message.
SNAPLINT_API bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace snaplint
