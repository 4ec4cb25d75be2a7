// A finding's identity that survives edits to the file: what the baseline stores and what SARIF
// gives as partialFingerprints.
#pragma once

#include <string>
#include <string_view>

#include "snaplint/diagnostic.hpp"

namespace snaplint {

// The message with what moves when a file is edited taken out: array indices ("node #3"), line
// and column numbers. Ids, names and values stay.
std::string stable_message(std::string_view message);

// Path, rule, entity (kind and id; an entity without an id is known by its kind only) and the
// stable message, hashed to 16 lowercase hex digits. Positions, pointers and indices are left out,
// so re-indenting the file, reordering nodes or adding unrelated ones keeps the fingerprint.
std::string fingerprint(std::string_view path, const Diagnostic& diagnostic);

}  // namespace snaplint
