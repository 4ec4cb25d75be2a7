// Malloc settings for the snaplint process (never the library's business: a program that links
// the library keeps its own).
#pragma once

namespace snaplint::cli {

// Asks glibc's malloc to keep large blocks on its heaps and to reuse freed memory rather than
// return it to the kernel at once. The rules build temporary tables of a megabyte or more each;
// mapped and unmapped one by one they cost thousands of page faults per file, dearer on a virtual
// machine than the work itself. On another libc nothing changes.
void prepare_heap();

}  // namespace snaplint::cli
