// An allocator for the few very large arrays of a lint (the JSON tape): blocks of 4 MiB and more
// are mapped directly and marked for transparent huge pages. Touching fresh memory costs a page
// fault per 4 KiB page, which on a virtual machine is most of the time spent filling a large tape
// (facts.md); a 2 MiB page needs one. Smaller blocks come from operator new as usual.
#pragma once

#include <cstddef>
#include <new>

namespace snaplint {

namespace huge_pages {
inline constexpr std::size_t threshold = std::size_t{4} << 20;
void* allocate(std::size_t bytes);  // throws std::bad_alloc
void deallocate(void* block, std::size_t bytes) noexcept;
}  // namespace huge_pages

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t count) {
    const std::size_t bytes = count * sizeof(T);
    if (bytes < huge_pages::threshold) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(huge_pages::allocate(bytes));
  }
  void deallocate(T* block, std::size_t count) noexcept {
    const std::size_t bytes = count * sizeof(T);
    if (bytes < huge_pages::threshold) {
      ::operator delete(block);
    } else {
      huge_pages::deallocate(block, bytes);
    }
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace snaplint
