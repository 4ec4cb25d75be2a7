#include "snaplint/id_index.hpp"

#include <stdexcept>

namespace snaplint {

void IdIndex::reserve(std::size_t count) {
  std::size_t capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  size_ = 0;
  for (const Slot& slot : old) {
    if (slot.used) try_emplace(slot.id, slot.position);
  }
}

void IdIndex::grow() {
  reserve(slots_.empty() ? 8 : slots_.size());
}

bool IdIndex::try_emplace(std::string_view id, std::uint32_t position) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = home(id);; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (!slot.used) {
      slot = Slot{id, position, true};
      ++size_;
      return true;
    }
    if (slot.id == id) return false;
  }
}

const std::uint32_t* IdIndex::find(std::string_view id) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = home(id);; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (!slot.used) return nullptr;
    if (slot.id == id) return &slot.position;
  }
}

std::uint32_t IdIndex::at(std::string_view id) const {
  const std::uint32_t* position = find(id);
  if (!position) throw std::out_of_range("IdIndex::at: no such id");
  return *position;
}

}  // namespace snaplint
