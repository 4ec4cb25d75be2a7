#include "snaplint/suggest.hpp"

#include <algorithm>
#include <cstdint>

namespace snaplint {

namespace {
char fold(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, bool ignore_case,
                          std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t diagonal = row[0];
    row[0] = j;
    std::size_t row_min = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const bool same = ignore_case ? fold(a[i - 1]) == fold(b[j - 1]) : a[i - 1] == b[j - 1];
      const std::size_t next = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = row[i];
      row[i] = next;
      row_min = std::min(row_min, next);
    }
    if (row_min > limit) return limit + 1;
  }
  return row[a.size()];
}

std::optional<std::string_view> closest_match(std::string_view word,
                                              const std::vector<std::string_view>& candidates,
                                              std::size_t max_distance) {
  std::optional<std::string_view> best;
  std::size_t best_score = SIZE_MAX;  // in half edits
  for (std::string_view candidate : candidates) {
    if (candidate == word) continue;
    const std::size_t length_gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                                  : word.size() - candidate.size();
    if (length_gap > max_distance) continue;
    const std::size_t folded = edit_distance(word, candidate, true, max_distance);
    if (folded > max_distance) continue;
    const std::size_t exact = edit_distance(word, candidate, false, 2 * max_distance + 1);
    const std::size_t score = folded + exact;  // each case-only change adds half an edit
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

}  // namespace snaplint
