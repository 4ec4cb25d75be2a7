// A parsed JSON text as a flat, pre-order array of values ("tape") that remembers where in the
// source each value is. Built from RapidJSON SAX events: no DOM, no allocation per value, strings
// without escapes point into the source bytes.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/source_file.hpp"

namespace snaplint {

enum class JsonType : std::uint8_t { null_value, boolean, integer, real, string, array, object };

// Names as JSON Schema uses them ("integer", "number", ...).
std::string_view to_string(JsonType type);

// Index of a value on the tape.
using JsonRef = std::uint32_t;
inline constexpr JsonRef no_value = std::numeric_limits<JsonRef>::max();

class JsonDocument {
 public:
  // A string stored either in the source (no escapes) or in the document's own buffer.
  struct Slice {
    std::uint32_t offset;
    std::uint32_t length : 31;
    std::uint32_t in_buffer : 1;
  };

  struct Value {
    std::uint32_t begin = 0;  // byte offset of the first character
    std::uint32_t end = 0;    // byte offset one past the last character
    JsonRef next = 0;         // the value after this one's subtree
    JsonRef parent = no_value;
    // For object members: byte offset of the key's opening quote. For array elements: the index.
    std::uint32_t key_begin_or_index = 0;
    Slice key{};
    union {
      Slice string;
      std::int64_t integer;
      double real;
      bool boolean;
      std::uint32_t child_count;
    } data{};
    JsonType type = JsonType::null_value;
    bool shadowed = false;  // an earlier member whose key is repeated later in the same object
  };

  explicit JsonDocument(const SourceFile& source) : source_(&source) {}

  const SourceFile& source() const { return *source_; }
  void clear() {
    values_.clear();
    buffer_.clear();
  }
  bool empty() const { return values_.empty(); }
  std::size_t size() const { return values_.size(); }
  JsonRef root() const { return values_.empty() ? no_value : 0; }
  const Value& at(JsonRef ref) const { return values_[ref]; }
  JsonType type(JsonRef ref) const { return values_[ref].type; }
  bool is(JsonRef ref, JsonType type) const { return ref != no_value && values_[ref].type == type; }

  std::string_view string(JsonRef ref) const { return text(values_[ref].data.string); }
  std::string_view key(JsonRef ref) const { return text(values_[ref].key); }
  bool is_member(JsonRef ref) const;

  // The member named `name` of an object (the last one when the key is repeated), or no_value.
  JsonRef member(JsonRef object, std::string_view name) const;
  // A string member's text, or an empty view when absent or not a string.
  std::string_view member_string(JsonRef object, std::string_view name) const;

  // Children of an array or object in order; shadowed duplicate members are skipped.
  class ChildIterator {
   public:
    ChildIterator(const JsonDocument* doc, JsonRef at, JsonRef stop)
        : doc_(doc), at_(at), stop_(stop) {
      skip_shadowed();
    }
    JsonRef operator*() const { return at_; }
    ChildIterator& operator++() {
      at_ = doc_->values_[at_].next;
      skip_shadowed();
      return *this;
    }
    bool operator!=(const ChildIterator& other) const { return at_ != other.at_; }

   private:
    void skip_shadowed() {
      while (at_ < stop_ && doc_->values_[at_].shadowed) at_ = doc_->values_[at_].next;
    }
    const JsonDocument* doc_;
    JsonRef at_;
    JsonRef stop_;
  };
  struct Children {
    ChildIterator first, last;
    ChildIterator begin() const { return first; }
    ChildIterator end() const { return last; }
  };
  Children children(JsonRef container) const;

  // RFC 6901 pointer of a value, from the file's root.
  std::string pointer(JsonRef ref) const;
  // The value a pointer names, or no_value.
  JsonRef resolve(std::string_view pointer) const;

  // Byte ranges in the source: of the value, and of a member's key (quotes included).
  std::pair<std::uint32_t, std::uint32_t> value_span(JsonRef ref) const;
  std::pair<std::uint32_t, std::uint32_t> key_span(JsonRef ref) const;

 private:
  friend class TapeBuilder;
  std::string_view text(Slice slice) const;

  const SourceFile* source_;
  std::vector<Value> values_;
  std::string buffer_;  // decoded strings that had escapes
};

}  // namespace snaplint
