// Shared by lint_fuzzer and lint_structured_fuzzer: the whole lint of a byte buffer through the
// public API, then every writer over the report so the writers see real diagnostics.
#pragma once

#include <cstddef>
#include <cstdint>

namespace snaplint::fuzz {

void lint_and_write(const std::uint8_t* data, std::size_t size);

}  // namespace snaplint::fuzz
