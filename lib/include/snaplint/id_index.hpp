// A flat hash index from id strings to positions: one array of slots, open addressing, no
// allocation per entry. The model resolves every edge end through it, so on a million-node
// snapshot it is one of the hottest structures; std::unordered_map spent most of that time
// allocating nodes and chasing pointers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/huge_page_allocator.hpp"

namespace snaplint {

class IdIndex {
 public:
  // Room for `count` ids without growing.
  void reserve(std::size_t count);
  // Adds `id` unless it is already there; returns whether it was added.
  bool try_emplace(std::string_view id, std::uint32_t position);
  // The position stored for `id`, or nullptr.
  const std::uint32_t* find(std::string_view id) const;
  // The position stored for `id`, which must be there (as std::unordered_map::at, it throws
  // std::out_of_range otherwise).
  std::uint32_t at(std::string_view id) const;
  std::size_t count(std::string_view id) const { return find(id) ? 1 : 0; }
  std::size_t size() const { return size_; }

 private:
  // A probe compares the slot's check bits and length first, and the text only when both match.
  // The text is a copy in `texts_`, not the file's: ids lie scattered over a file far larger than
  // the cache, so every successful lookup would otherwise be a cache miss, while the copies of
  // 100k ids take about a megabyte. 16 bytes a slot: a million ids take 2^21 slots.
  struct Slot {
    std::uint32_t check = 0;   // the hash's high half (the low bits chose the slot)
    std::uint32_t offset = 0;  // of the id's text in texts_
    std::uint32_t length = 0;
    std::uint32_t position = unused;
  };
  static constexpr std::uint32_t unused = UINT32_MAX;  // no position is: arrays are smaller
  static std::uint32_t check_of(std::uint64_t hash) {
    return static_cast<std::uint32_t>(hash >> 32);
  }
  bool holds(const Slot& slot, std::uint64_t hash, std::string_view id) const {
    return slot.check == check_of(hash) && slot.length == id.size() && text_of(slot) == id;
  }
  std::string_view text_of(const Slot& slot) const {
    return std::string_view(texts_.data() + slot.offset, slot.length);
  }
  static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
  void grow();

  // A power of two in size, at most half full; 6 MB for 100k ids, hence huge pages.
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::string texts_;
  std::size_t size_ = 0;
};

}  // namespace snaplint
