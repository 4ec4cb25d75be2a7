// Strict JSON parsing into a JsonDocument: one pass of RapidJSON's SAX reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "snaplint/json_document.hpp"

namespace snaplint {

struct ParseLimits {
  // Arrays and objects open at once. valijson and the recursive walks after the parse need a stack
  // frame per level, so this must stay small (valijson crashes near 32k levels).
  std::uint32_t max_depth = 512;
  // Bytes of a string value (decoded) that the schema and the rules see; a longer string is
  // cut at a character boundary and listed in ParseResult::long_strings. 0: no limit.
  std::uint32_t max_string_length = 1u << 20;
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

// A string value longer than ParseLimits::max_string_length: the document holds only its first
// max_string_length bytes (cut at a character boundary).
struct LongString {
  JsonRef value = no_value;
  std::uint32_t length = 0;  // the whole decoded length in bytes
};

struct ParseResult {
  std::optional<ParseError> error;  // when set, the document is unusable
  std::vector<DuplicateKey> duplicate_keys;
  std::vector<LongString> long_strings;
};

// Rejects what RapidJSON alone would let through, and what a server would read differently:
// NUL bytes, a byte-order mark, nesting deeper than the limit, files too large for 32-bit offsets,
// lone UTF-16 low surrogates (\uDC00, which RapidJSON 1.1 turns into invalid UTF-8), and
// integers a double cannot hold exactly (beyond 2^53: a JavaScript server reads another number).
ParseResult parse_json(const SourceFile& source, JsonDocument& document,
                       const ParseLimits& limits = {});

}  // namespace snaplint
