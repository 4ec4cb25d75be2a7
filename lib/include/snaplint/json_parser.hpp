// Strict JSON parsing into a JsonDocument: one pass of RapidJSON's SAX reader.
#pragma once

#include <atomic>
#include <cstddef>
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

// What the parser tells a reader on another thread about the document it is still writing.
// It watches the first array under the key "nodes", then the first under "edges" after it,
// whose object is the root or sits under the key "graph", at most three levels down: where the
// model's envelopes put them. (A guess the reader checks after the parse against the model.)
class ParseProgress {
 public:
  enum Watched : int { nodes = 0, edges = 1 };

  // The watched array, once it has opened; else no_value.
  JsonRef array(Watched which) const { return arrays_[which].load(std::memory_order_acquire); }
  // The value after the watched array, once it has closed; else no_value.
  JsonRef array_next(Watched which) const {
    return array_nexts_[which].load(std::memory_order_acquire);
  }
  // Every value before this one that lies inside a watched array is final, and may be read.
  JsonRef complete() const { return complete_.load(std::memory_order_acquire); }
  // The parse is over (done or failed), or the tape is about to move: stop reading.
  bool over() const { return over_.load(std::memory_order_acquire); }

 private:
  friend class TapeBuilder;
  friend class ParseHelper;
  std::atomic<JsonRef> arrays_[2] = {no_value, no_value};
  std::atomic<JsonRef> array_nexts_[2] = {no_value, no_value};
  std::atomic<JsonRef> complete_{0};
  std::atomic<bool> over_{false};
};

// A reader of the document while it is parsed, on the otherwise idle second core (the model reads
// the nodes and edges this way: model_stream.hpp).
class ParseFollower {
 public:
  virtual ~ParseFollower() = default;
  // Inputs smaller than this are parsed without a follower (a thread would cost more).
  std::size_t min_bytes = std::size_t{4} << 20;
  // Runs on a second thread during the parse, and returns once `progress.over()`. It may read
  // the values `progress` says are final, through type(), is(), next(), children(), boolean() and
  // the key() and string() of values whose text is not decoded; nothing else.
  virtual void follow(const JsonDocument& document, const ParseProgress& progress) noexcept = 0;
};

// Rejects what RapidJSON alone would let through, and what a server would read differently:
// NUL bytes, a byte-order mark, nesting deeper than the limit, files too large for 32-bit offsets,
// lone UTF-16 low surrogates (\uDC00, which RapidJSON 1.1 turns into invalid UTF-8), and
// integers a double cannot hold exactly (beyond 2^53: a JavaScript server reads another number).
// With a follower, the input is large enough and a thread can be had, follower->follow() runs
// on a second thread during the parse (it has returned when parse_json returns).
ParseResult parse_json(const SourceFile& source, JsonDocument& document,
                       const ParseLimits& limits = {}, ParseFollower* follower = nullptr);

}  // namespace snaplint
