#include "snaplint/huge_page_allocator.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace snaplint::huge_pages {

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

std::size_t round_up(std::size_t bytes) {
  return (bytes + huge_page - 1) & ~(huge_page - 1);
}

}  // namespace

void* allocate(std::size_t bytes) {
  // A block that starts and ends on a 2 MiB boundary: the kernel backs only whole aligned 2 MiB
  // ranges with huge pages, and an unaligned block of a few megabytes would otherwise keep up to
  // 4 MiB of ordinary pages at its ends (a thousand page faults). So map 2 MiB more than needed
  // and give back what lies outside the aligned block.
  const std::size_t size = round_up(bytes);
  // MAP_NORESERVE: a generous reservation costs nothing until it is touched.
  void* mapping = ::mmap(nullptr, size + huge_page, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapping == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(mapping);
  const auto aligned = (start + huge_page - 1) & ~(huge_page - 1);
  if (aligned > start) ::munmap(mapping, aligned - start);
  const std::size_t tail = start + size + huge_page - (aligned + size);
  if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + size), tail);
  void* block = reinterpret_cast<void*>(aligned);
  ::madvise(block, size, MADV_HUGEPAGE);  // a hint: without THP it is plain memory
  return block;
}

void deallocate(void* block, std::size_t bytes) noexcept {
  ::munmap(block, round_up(bytes));
}

}  // namespace snaplint::huge_pages
