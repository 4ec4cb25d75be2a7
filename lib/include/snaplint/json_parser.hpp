// Strict JSON parsing into a JsonDocument: one pass of RapidJSON's SAX reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "snaplint/json_document.hpp"

namespace snaplint {

struct ParseLimits {
  std::uint32_t max_depth = 512;
};

struct ParseError {
  std::uint32_t offset = 0;
  std::string message;
};

// An object member whose key already appeared earlier in the same object.
struct DuplicateKey {
  JsonRef repeat = no_value;
  JsonRef first = no_value;
};

struct ParseResult {
  std::optional<ParseError> error;  // when set, the document is unusable
  std::vector<DuplicateKey> duplicate_keys;
};

// Rejects what RapidJSON alone would let through: NUL bytes, a byte-order mark, nesting deeper
// than the limit, and files too large for 32-bit offsets.
ParseResult parse_json(const SourceFile& source, JsonDocument& document,
                       const ParseLimits& limits = {});

}  // namespace snaplint
