#include "heap_setup.hpp"

#include <malloc.h>

namespace snaplint::cli {

void prepare_heap() {
#if defined(__GLIBC__)
  // Blocks of up to 32 MiB (the most glibc accepts on 64-bit; it refuses more and keeps its
  // default) come from the heap, and freed memory stays there for the next file or rule: by
  // default glibc maps each block of 128 KiB or more on its own and unmaps it when freed, so the
  // same temporary table costs fresh page faults in every rule that builds one. Setting any of
  // these turns off glibc's own raising of the threshold, so the threshold is set first and the
  // others only once it took.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1) {
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
  }
#endif
}

}  // namespace snaplint::cli
