#include "snaplint/huge_page_allocator.hpp"

#include <sys/mman.h>

namespace snaplint::huge_pages {

void* allocate(std::size_t bytes) {
  // MAP_NORESERVE: a generous reservation costs nothing until it is touched.
  void* block = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (block == MAP_FAILED) throw std::bad_alloc();
  ::madvise(block, bytes, MADV_HUGEPAGE);  // a hint: without THP it is plain memory
  return block;
}

void deallocate(void* block, std::size_t bytes) noexcept {
  ::munmap(block, bytes);
}

}  // namespace snaplint::huge_pages
