// lint_fuzzer with a structure-aware mutator. Byte-level mutations of a snapshot mostly break the
// JSON, so they exercise the parser and rarely the rules. For an input that parses, this mutator
// instead rewrites the document with mutate_snapshot (tests/support/snapshot_mutator.hpp):
// members and payloads dropped, array items dropped or duplicated, strings swapped for other
// strings of the document (edges retargeted, ids duplicated, types flipped), values replaced by
// values of another kind. The result is still JSON, so it reaches the schema check, the model,
// the graph and every rule. One mutation in four, and every input that does not parse, still
// gets libFuzzer's own mutations, which bring in the dictionary's keys and values.
//
// It is a target of its own rather than a mode of lint_fuzzer: a custom mutator replaces
// libFuzzer's mutations for the whole process, and the two strategies grow different corpora
// (invalid JSON near the parser's edges vs valid graphs near the rules' edges); kept apart, each
// corpus stays small and fast to replay.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "lint_and_write.hpp"
#include "snapshot_mutator.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  snaplint::fuzz::lint_and_write(data, size);
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  if (seed % 4 != 0) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    // From one change in 3 values to one in 40: small graphs need a high rate to change at all.
    const std::uint32_t one_in = 3 + (seed >> 2) % 38;
    const std::string mutated = snaplint::test::mutate_snapshot(input, seed, one_in);
    // mutate_snapshot returns the input itself when it is not JSON (or nothing changed).
    if (mutated != input && mutated.size() <= max_size) {
      std::memcpy(data, mutated.data(), mutated.size());
      return mutated.size();
    }
  }
  return LLVMFuzzerMutate(data, size, max_size);
}
