// "Did you mean" suggestions.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace snaplint {

// Levenshtein distance, optionally ignoring ASCII case; stops early once above `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case = false,
                          std::size_t limit = SIZE_MAX);

// The candidate closest to `word` within `max_distance` edits (case differences count as half an
// edit, so 'START' prefers 'start' over 'stars'); ties go to the earlier candidate. Candidates
// whose length differs too much are skipped without computing a distance.
std::optional<std::string_view> closest_match(std::string_view word,
                                              const std::vector<std::string_view>& candidates,
                                              std::size_t max_distance = 2);

}  // namespace snaplint
