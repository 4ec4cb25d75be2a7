// A finding's identity that survives edits to the file: what the baseline stores and what SARIF
// gives as partialFingerprints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "snaplint/diagnostic.hpp"

namespace snaplint {

// The message with what moves when a file is edited taken out: array indices ("node #3"), line
// and column numbers. Ids, names and values stay.
std::string stable_message(std::string_view message);

// The values a message quotes ('id', "text"), in order.
std::vector<std::string_view> quoted_values(std::string_view message);

// Path, rule, entity kind, and the set of the entity's id and the values the stable message
// quotes, hashed to 16 lowercase hex digits. Positions, pointers, indices and the order of the
// quoted values are left out, so re-indenting the file, reordering nodes (even the two nodes of a
// pair finding) or adding unrelated ones keeps the fingerprint.
std::string fingerprint(std::string_view path, const Diagnostic& diagnostic);

}  // namespace snaplint
