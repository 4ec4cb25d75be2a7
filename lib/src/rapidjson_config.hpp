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
