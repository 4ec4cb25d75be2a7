// A parsed JSON text as a flat, pre-order array of values ("tape") that remembers where in the
// source each value is. Built from RapidJSON SAX events: no DOM, no allocation per value, strings
// without escapes point into the source bytes.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/huge_page_allocator.hpp"
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

  // One value as the rest of the code reads it (built on demand from the compact tape entry).
  struct Value {
    std::uint32_t begin = 0;  // byte offset of the first character (value_span has the end)
    JsonRef next = 0;         // the value after this one's subtree
    // For object members: byte offset of the key's opening quote. For array elements: the index.
    std::uint32_t key_begin_or_index = 0;
    union {
      std::int64_t integer;
      double real;
      bool boolean;
    } data{};
    JsonType type = JsonType::null_value;
    bool shadowed = false;  // an earlier member whose key is repeated later in the same object
  };

  explicit JsonDocument(const SourceFile& source) : source_(&source) {}
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  const SourceFile& source() const { return *source_; }
  void clear() {
    entries_.clear();
    decoded_strings_.clear();
    decoded_keys_.clear();
    numbers_.clear();
    buffer_.clear();
    array_lengths_.clear();
    parents_.store(nullptr, std::memory_order_relaxed);
    parents_table_.reset();
  }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  JsonRef root() const { return entries_.empty() ? no_value : 0; }
  Value at(JsonRef ref) const;
  JsonType type(JsonRef ref) const { return entries_[ref].type; }
  bool is(JsonRef ref, JsonType type) const {
    return ref != no_value && entries_[ref].type == type;
  }
  // The array or object holding a value, or no_value for the root. The first call makes a table
  // of every value's parent (4 bytes a value); only findings need it, so a clean file never does.
  JsonRef parent(JsonRef ref) const;
  // Position of an array element in its array.
  std::uint32_t index(JsonRef ref) const { return entries_[ref].key_begin_or_index; }

  std::string_view string(JsonRef ref) const;
  std::string_view key(JsonRef ref) const;
  std::int64_t integer(JsonRef ref) const;
  double real(JsonRef ref) const;
  bool boolean(JsonRef ref) const { return (entries_[ref].flags & Entry::true_value) != 0; }
  bool is_member(JsonRef ref) const { return (entries_[ref].flags & Entry::member) != 0; }
  // Whether key() or string() reads a side table for this value, rather than the source: the
  // key or the string had escapes, or was cut at the length limit. A reader that follows the
  // parser on another thread must leave such values alone (the parser may be growing the table).
  bool key_is_decoded(JsonRef ref) const { return (entries_[ref].flags & Entry::decoded_key) != 0; }
  bool string_is_decoded(JsonRef ref) const {
    return (entries_[ref].flags & Entry::decoded_string) != 0;
  }
  std::uint32_t child_count(JsonRef container) const;

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
      at_ = doc_->next(at_);
      skip_shadowed();
      return *this;
    }
    bool operator!=(const ChildIterator& other) const { return at_ != other.at_; }

   private:
    void skip_shadowed() {
      while (at_ < stop_ && (doc_->entries_[at_].flags & Entry::shadowed)) {
        at_ = doc_->next(at_);
      }
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

  // The value after `ref`'s subtree: its next sibling, or its parent's end.
  JsonRef next(JsonRef ref) const {
    const Entry& entry = entries_[ref];
    return is_container(entry.type) ? entry.end_or_next : ref + 1;
  }
  // The children of a container from `first` on (a child of it, or its end; no_value: all).
  Children children_from(JsonRef container, JsonRef first) const;

  // Byte offset of the value's first character.
  std::uint32_t value_begin(JsonRef ref) const { return entries_[ref].begin; }
  // Byte ranges in the source: of the value, and of a member's key (quotes included). A
  // container's end is found by walking down its last children.
  std::pair<std::uint32_t, std::uint32_t> value_span(JsonRef ref) const;
  std::pair<std::uint32_t, std::uint32_t> key_span(JsonRef ref) const;

 private:
  friend class TapeBuilder;

  // 16 bytes per value: a large snapshot has tens of millions of values. So a value keeps no
  // parent (parent() finds it), and one field is a scalar's end or a container's next: a scalar's
  // next is always the value after it, and a container's end is found from its last descendant
  // when a finding needs it (end()). Strings and keys without
  // escapes are read from the source; decoded text and numbers live in side tables sorted by ref.
  // The tape and its side tables take huge pages once large: filled once, front to back, while
  // the file is parsed, in 4 KiB pages they cost a page fault per page (thousands on a large
  // snapshot, and a fault is dear on a virtual machine).
  template <class T>
  using Table = std::vector<T, HugePageAllocator<T>>;

  struct Entry {
    static constexpr std::uint8_t shadowed = 1;
    static constexpr std::uint8_t decoded_string = 2;  // text in decoded_strings_
    static constexpr std::uint8_t decoded_key = 4;     // key in decoded_keys_
    static constexpr std::uint8_t true_value = 8;
    static constexpr std::uint8_t member = 16;  // a member of an object (it has a key)
    std::uint32_t begin;
    std::uint32_t end_or_next;  // a scalar's end, a container's next
    std::uint32_t key_begin_or_index;
    std::uint16_t key_length;  // raw key length when the key is read from the source
    JsonType type;
    std::uint8_t flags;
  };
  static_assert(sizeof(Entry) == 16);
  static bool is_container(JsonType type) {
    return type == JsonType::array || type == JsonType::object;
  }
  // Byte offset one past the value's last character.
  std::uint32_t end(JsonRef ref) const;
  struct Decoded {
    JsonRef ref;
    Slice text;
  };
  struct ArrayLength {
    JsonRef ref;
    std::uint32_t length;
  };
  struct Number {
    JsonRef ref;
    union {
      std::int64_t integer;
      double real;
    };
  };
  static const Decoded* find(const Table<Decoded>& table, JsonRef ref);
  std::string_view text(Slice slice) const;
  const Number* number(JsonRef ref) const;
  const Table<JsonRef>& parents() const;

  const SourceFile* source_;
  Table<Entry> entries_;
  Table<Decoded> decoded_strings_;
  Table<Decoded> decoded_keys_;
  Table<Number> numbers_;
  Table<char> buffer_;                      // decoded strings that had escapes
  std::vector<ArrayLength> array_lengths_;  // of arrays of 256 elements or more, sorted by ref
  // Made on first use by parent(), which rules on two threads may call at once.
  mutable std::mutex parents_mutex_;
  mutable std::unique_ptr<Table<JsonRef>> parents_table_;
  mutable std::atomic<const Table<JsonRef>*> parents_{nullptr};
};

}  // namespace snaplint
