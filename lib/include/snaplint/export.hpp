// Marks what the shared library exports; everything else is built with hidden visibility, so the
// library's ABI is its public API and nothing of RapidJSON, valijson or Boost leaks into it.
#ifndef SNAPLINT_EXPORT_HPP
#define SNAPLINT_EXPORT_HPP

#if defined(_WIN32)
#define SNAPLINT_API
#else
#define SNAPLINT_API __attribute__((visibility("default")))
#endif

#endif
