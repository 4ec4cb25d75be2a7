#include "flat_tables.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace snaplint::rules {

namespace {

constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;

// Fixed-size loads compile to one instruction; a memcpy of a variable length is a library call.
std::uint64_t load8(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  return word;
}

std::uint64_t load4(const char* bytes) {
  std::uint32_t word;
  std::memcpy(&word, bytes, 4);
  return word;
}

std::uint64_t mix(std::uint64_t state, std::uint64_t word) {
  state = (state ^ word) * multiplier;
  return state ^ (state >> 29);
}

}  // namespace

// Every byte is read, by words that may overlap at the end (the length is mixed in first, so two
// texts that share their words differ by it).
std::uint64_t hash_text(std::string_view text) {
  const char* at = text.data();
  const std::size_t size = text.size();
  std::uint64_t state = 0x243F6A8885A308D3ULL ^ (size * multiplier);
  if (size >= 8) {
    const char* last = at + size - 8;
    for (; at < last; at += 8) state = mix(state, load8(at));
    state = mix(state, load8(last));
  } else if (size >= 4) {
    state = mix(state, (load4(at) << 32) | load4(at + size - 4));
  } else if (size > 0) {
    const auto byte = [&](std::size_t k) {
      return std::uint64_t{static_cast<unsigned char>(at[k])};
    };
    state = mix(state, (byte(0) << 16) | (byte(size / 2) << 8) | byte(size - 1));
  }
  return hash_number(state);
}

std::size_t slot_count_for(std::size_t count) {
  return count == 0 ? 0 : std::bit_ceil(std::max<std::size_t>(16, 2 * count));
}

std::pair<std::uint32_t, bool> NumberTable::insert(std::uint64_t key, std::uint32_t value) {
  if (2 * (count_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash_number(key) & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.value == no_index) {
      slot = {key, value};
      ++count_;
      return {value, true};
    }
    if (slot.key == key) return {slot.value, false};
  }
}

void NumberTable::grow() {
  std::vector<Slot> old(slot_count_for(count_ + 1));
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.value == no_index) continue;
    std::size_t at = hash_number(slot.key) & mask;
    while (slots_[at].value != no_index) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

}  // namespace snaplint::rules
