// The whole lint of an arbitrary byte buffer, with libFuzzer's own byte-level mutations: they
// reach the parser, the duplicate-key check and the positions and code frames of invalid JSON.
// lint_structured_fuzzer is the same target with a mutator that keeps inputs JSON.
#include <cstddef>
#include <cstdint>

#include "lint_and_write.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  snaplint::fuzz::lint_and_write(data, size);
  return 0;
}
