// A flat hash index from id strings to positions: one array of slots, open addressing, no
// allocation per entry. The model resolves every edge end through it, so on a million-node
// snapshot it is one of the hottest structures; std::unordered_map spent most of that time
// allocating nodes and chasing pointers.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

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
  struct Slot {
    std::string_view id;
    std::uint32_t position = 0;
    bool used = false;
  };
  void grow();
  std::size_t home(std::string_view id) const {
    return std::hash<std::string_view>{}(id) & (slots_.size() - 1);
  }

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::size_t size_ = 0;
};

}  // namespace snaplint
