// A structure-aware mutator for snapshots: it parses a document and writes it back with a few
// seeded changes that keep it JSON but break its shape or its graph (flipped types, dropped
// members and payloads, duplicated items, retargeted strings, renamed keys). Used by the
// differential schema test and by the fuzz targets, so that mutations reach the schema check and
// the rules instead of dying in the parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace snaplint::test {

// Returns `json` with about one change per `one_in` values, or `json` itself when it does not
// parse. The same input and seed always give the same output.
std::string mutate_snapshot(std::string_view json, std::uint32_t seed, std::uint32_t one_in = 25);

}  // namespace snaplint::test
