// Include before any RapidJSON or valijson header. RapidJSON's assertions guard API misuse; the
// default turns into a string-allocating call once valijson enables exceptions (facts.md), so
// route them to a cheap abort instead.
#pragma once

#include <cstdlib>

#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(condition) ((condition) ? static_cast<void>(0) : std::abort())
#endif
#ifndef VALIJSON_USE_EXCEPTIONS
// Without exceptions valijson prints to std::cerr and aborts; with them the library can turn a
// failure into a diagnostic and stays silent.
#define VALIJSON_USE_EXCEPTIONS 1
#endif

// valijson's Schema and Subschema destructors catch an exception and fprintf(stderr, ...) it. No
// constraint's destructor throws, so that never runs, but it makes libsnaplint refer to stderr
// (tests/no_printing_test.cmake). Compile those calls to nothing: <cstdio> is included first, so
// only calls written after this header (valijson's, RapidJSON's error printing) are affected.
#include <cstdio>
#define fprintf(...) static_cast<void>(0)
