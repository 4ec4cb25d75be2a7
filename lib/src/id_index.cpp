#include "snaplint/id_index.hpp"

#include <stdexcept>

namespace snaplint {

void IdIndex::reserve(std::size_t count) {
  std::size_t capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  if (capacity <= slots_.size()) return;
  const auto old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  const std::size_t mask = capacity - 1;
  for (const Slot& slot : old) {
    if (slot.position == unused) continue;
    std::size_t at = hash_of(text_of(slot)) & mask;
    while (slots_[at].position != unused) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

void IdIndex::grow() {
  reserve(slots_.empty() ? 8 : slots_.size());
}

bool IdIndex::try_emplace(std::string_view id, std::uint32_t position) {
  // Offsets are 32 bits: past 4 GiB of ids (no file snaplint reads has them) ids are not added.
  if (texts_.size() + id.size() > UINT32_MAX || position == unused) return false;
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t hash = hash_of(id);
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.position == unused) {
      slot = Slot{check_of(hash), static_cast<std::uint32_t>(texts_.size()),
                  static_cast<std::uint32_t>(id.size()), position};
      texts_.append(id);
      ++size_;
      return true;
    }
    if (holds(slot, hash, id)) return false;
  }
}

const std::uint32_t* IdIndex::find(std::string_view id) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t hash = hash_of(id);
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.position == unused) return nullptr;
    if (holds(slot, hash, id)) return &slot.position;
  }
}

std::uint32_t IdIndex::at(std::string_view id) const {
  const std::uint32_t* position = find(id);
  if (!position) throw std::out_of_range("IdIndex::at: no such id");
  return *position;
}

}  // namespace snaplint
