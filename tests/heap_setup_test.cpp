// The CLI's malloc settings (cli/heap_setup.cpp): a block of a megabyte comes from the heap, not
// from a mapping of its own, so that the rules' temporary tables reuse memory instead of taking
// fresh page faults each time.
#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "../cli/heap_setup.hpp"

namespace snaplint::test {
namespace {

TEST(HeapSetup, AMegabyteBlockComesFromTheHeapNotAMappingOfItsOwn) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__)
  GTEST_SKIP() << "the sanitizers replace glibc's malloc";
#else
  cli::prepare_heap();
  const std::size_t mapped_before = mallinfo2().hblks;
  void* block = std::malloc(std::size_t{1} << 20);
  ASSERT_NE(block, nullptr);
  std::memset(block, 1, std::size_t{1} << 20);
  // glibc's default threshold is 128 KiB: without the settings this block is mapped on its own.
  EXPECT_EQ(mallinfo2().hblks, mapped_before);
  std::free(block);
#endif
}

}  // namespace
}  // namespace snaplint::test
