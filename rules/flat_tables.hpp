// Flat hash tables and groupings for the indexes a rule builds while it runs. Each is one
// allocation sized up front from the number of items, with no node per entry and no copy of any
// text, so that a rule over a million ids is one pass over them (the standard unordered
// containers allocate per entry and rehash as they grow, which dominated the rules' profile).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "snaplint/model.hpp"

namespace snaplint::rules {

// A 64-bit hash of a text, eight bytes at a time.
std::uint64_t hash_text(std::string_view text);

// A 64-bit mix of a number (the finalizer of MurmurHash3), for keys made of indexes.
inline std::uint64_t hash_number(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// A power of two of slots that holds `count` entries at most half full; none for none, so that a
// table that stays empty costs no allocation.
std::size_t slot_count_for(std::size_t count);

// Texts → the id first stored under each. The table keeps ids only: `text_of(id)` gives an id's
// text back when two hashes meet, so the texts stay where they are (the document, an arena).
template <class TextOf>
class TextTable {
 public:
  TextTable(std::size_t expected, TextOf text_of)
      : text_of_(std::move(text_of)), slots_(slot_count_for(expected)) {}

  // The id stored under `text` and false, or `id` and true once `id` is stored under it.
  std::pair<std::uint32_t, bool> insert(std::string_view text, std::uint32_t id) {
    return insert(text, tag_of(text), id);
  }

  // The hash insert() starts from. A loop over many texts can take the tags of the next few,
  // prefetch() their slots, then insert them: the slots load in parallel instead of one cache
  // miss after another (what makes a million ids cost tens of milliseconds rather than hundreds).
  static std::uint32_t tag_of(std::string_view text) {
    const std::uint64_t hash = hash_text(text);
    return static_cast<std::uint32_t>(hash ^ (hash >> 32));
  }
  void prefetch(std::uint32_t tag) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[tag & (slots_.size() - 1)]);
  }
  // insert() with the text's tag_of() already known.
  std::pair<std::uint32_t, bool> insert(std::string_view text, std::uint32_t tag,
                                        std::uint32_t id) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.id == no_index) {
        slot = {tag, id};
        ++count_;
        return {id, true};
      }
      if (slot.tag == tag && text_of_(slot.id) == text) return {slot.id, false};
    }
  }

  // The id stored under `text`, or no_index.
  std::uint32_t find(std::string_view text) const {
    if (count_ == 0) return no_index;
    const std::uint32_t tag = tag_of(text);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.id == no_index) return no_index;
      if (slot.tag == tag && text_of_(slot.id) == text) return slot.id;
    }
  }

  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint32_t tag = 0;  // the text's hash, folded: the slot to start from and a quick check
    std::uint32_t id = no_index;
  };

  void grow() {
    std::vector<Slot> old(slot_count_for(count_ + 1));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == no_index) continue;
      std::size_t at = slot.tag & mask;
      while (slots_[at].id != no_index) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  TextOf text_of_;
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

// Calls repeat(item, first) for each item 0..count-1 whose text an earlier item already has, in
// item order, `first` being the earliest item with that text. `text_of(item)` gives an item's
// text; items for which `has_text(item)` is false take no part.
template <class HasText, class TextOf, class Repeat>
void for_each_repeat(std::size_t count, HasText has_text, TextOf text_of, Repeat repeat) {
  using Table = TextTable<TextOf>;
  Table first_by_text(count, text_of);
  // Items go in by batches: the tags of a batch first, with their slots prefetched.
  constexpr std::size_t batch = 16;
  std::uint32_t tags[batch];
  for (std::size_t begin = 0; begin < count; begin += batch) {
    const std::size_t end = std::min(count, begin + batch);
    for (std::size_t i = begin; i < end; ++i) {
      const auto item = static_cast<std::uint32_t>(i);
      if (!has_text(item)) continue;
      tags[i - begin] = Table::tag_of(text_of(item));
      first_by_text.prefetch(tags[i - begin]);
    }
    for (std::size_t i = begin; i < end; ++i) {
      const auto item = static_cast<std::uint32_t>(i);
      if (!has_text(item)) continue;
      const auto [first, inserted] = first_by_text.insert(text_of(item), tags[i - begin], item);
      if (!inserted) repeat(item, first);
    }
  }
}

// 64-bit keys (pairs of indexes) → the value first stored under each.
class NumberTable {
 public:
  explicit NumberTable(std::size_t expected) : slots_(slot_count_for(expected)) {}

  // The value stored under `key` and false, or `value` and true once it is stored.
  std::pair<std::uint32_t, bool> insert(std::uint64_t key, std::uint32_t value);

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = no_index;
  };
  void grow();

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

// Two 32-bit indexes as one key.
inline std::uint64_t pair_key(std::uint32_t high, std::uint32_t low) {
  return (std::uint64_t{high} << 32) | low;
}

// Items 0..n-1 sorted into groups by a key below `group_count` (a node's position, say) with a
// counting sort: each group lists its items in increasing order. Items whose key is no_index
// are left out.
class Groups {
 public:
  template <class KeyOf>
  Groups(std::size_t group_count, std::size_t item_count, KeyOf key_of)
      : start_(group_count + 1, 0) {
    std::vector<std::uint32_t> keys(item_count);
    for (std::size_t i = 0; i < item_count; ++i) {
      keys[i] = key_of(static_cast<std::uint32_t>(i));
      if (keys[i] != no_index) ++start_[keys[i] + 1];
    }
    for (std::size_t g = 0; g < group_count; ++g) start_[g + 1] += start_[g];
    items_.resize(start_[group_count]);
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < item_count; ++i) {
      if (keys[i] != no_index) items_[next[keys[i]]++] = static_cast<std::uint32_t>(i);
    }
  }

  std::size_t size() const { return start_.size() - 1; }
  std::span<const std::uint32_t> operator[](std::size_t group) const {
    return std::span<const std::uint32_t>(items_).subspan(start_[group],
                                                          start_[group + 1] - start_[group]);
  }

 private:
  std::vector<std::uint32_t> start_;
  std::vector<std::uint32_t> items_;
};

}  // namespace snaplint::rules
