#include "suggestions.hpp"

#include <algorithm>
#include <string>

#include "snaplint/suggest.hpp"

namespace snaplint::rules {

namespace {

// The distance closest_match allows, and how it folds case (ASCII letters only).
constexpr std::size_t max_distance = 2;
char fold(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}
bool has_upper(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A few words over a few candidates are scanned: that costs less than building the trie. Over
// more candidates one scan already costs more than the trie.
constexpr std::size_t scanned_words = 8;
constexpr std::size_t scanned_candidates = 1024;
// Longer words are scanned too: their rows would be long, and few candidates have their length.
constexpr std::size_t longest_searched_word = 64;

}  // namespace

Suggester::Suggester(std::vector<std::string_view> candidates)
    : candidates_(std::move(candidates)) {}

std::optional<std::string_view> Suggester::closest(std::string_view word) {
  const bool few = answered_ < scanned_words && candidates_.size() <= scanned_candidates;
  if (few || word.size() > longest_searched_word) {
    ++answered_;
    return closest_match(word, candidates_);
  }
  if (trie_.empty()) build_trie();
  // closest_match's loop, over the only candidates it would not skip.
  std::optional<std::string_view> best;
  std::size_t best_score = SIZE_MAX;  // in half edits
  const bool word_has_upper = has_upper(word);
  for (const Near& near_one : near(word)) {
    const std::string_view candidate = candidates_[near_one.candidate];
    if (candidate == word) continue;
    // Within max_distance the trie's distance is the one edit_distance finds (and the length gap
    // is within it too); without capitals on either side, case changes nothing.
    const std::size_t folded = near_one.folded;
    const std::size_t exact = word_has_upper || has_upper(candidate)
                                  ? edit_distance(word, candidate, false, 2 * max_distance + 1)
                                  : folded;
    const std::size_t score = folded + exact;
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

void Suggester::build_trie() {
  trie_.emplace_back();  // the root
  next_candidate_.assign(candidates_.size(), none);
  std::vector<std::uint32_t> last_candidate;  // per node, to keep each list in candidate order
  last_candidate.push_back(none);
  for (std::uint32_t k = 0; k < candidates_.size(); ++k) {
    std::uint32_t node = 0;
    for (char c : candidates_[k]) {
      const char byte = fold(c);
      std::uint32_t child = trie_[node].first_child;
      while (child != none && trie_[child].byte != byte) child = trie_[child].next_sibling;
      if (child == none) {
        child = static_cast<std::uint32_t>(trie_.size());
        TrieNode added;
        added.next_sibling = trie_[node].first_child;
        added.byte = byte;
        trie_.push_back(added);
        trie_[node].first_child = child;
        last_candidate.push_back(none);
      }
      node = child;
    }
    if (last_candidate[node] == none) {
      trie_[node].first_candidate = k;
    } else {
      next_candidate_[last_candidate[node]] = k;
    }
    last_candidate[node] = k;
  }
}

std::vector<Suggester::Near> Suggester::near(std::string_view word) const {
  std::string folded(word);
  for (char& c : folded) c = fold(c);
  const std::size_t width = folded.size() + 1;
  // rows[d]: the edit distances between the trie prefix of depth d being visited and each
  // prefix of the word. A prefix deeper than the word by more than max_distance is out of reach.
  const std::size_t max_depth = folded.size() + max_distance;
  std::vector<std::size_t> rows((max_depth + 1) * width);
  for (std::size_t i = 0; i < width; ++i) rows[i] = i;
  std::vector<Near> found;
  // The empty candidate ends at the root.
  if (folded.size() <= max_distance) {
    for (std::uint32_t k = trie_[0].first_candidate; k != none; k = next_candidate_[k]) {
      found.push_back({k, static_cast<std::uint32_t>(folded.size())});
    }
  }
  struct Visit {
    std::uint32_t node;
    std::size_t depth;
  };
  std::vector<Visit> stack;
  for (std::uint32_t child = trie_[0].first_child; child != none;
       child = trie_[child].next_sibling) {
    stack.push_back({child, 1});
  }
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    // The row of a node follows from its parent's, the row above it, still in place: the nodes
    // visited since the parent are all its descendants, deeper than it.
    const std::size_t* above = rows.data() + (depth - 1) * width;
    std::size_t* row = rows.data() + depth * width;
    row[0] = depth;
    std::size_t smallest = row[0];
    for (std::size_t i = 1; i < width; ++i) {
      const std::size_t substitution = above[i - 1] + (folded[i - 1] == trie_[node].byte ? 0 : 1);
      row[i] = std::min({above[i] + 1, row[i - 1] + 1, substitution});
      smallest = std::min(smallest, row[i]);
    }
    if (smallest > max_distance) continue;  // no longer text can come back within reach
    if (row[width - 1] <= max_distance) {
      for (std::uint32_t k = trie_[node].first_candidate; k != none; k = next_candidate_[k]) {
        found.push_back({k, static_cast<std::uint32_t>(row[width - 1])});
      }
    }
    if (depth == max_depth) continue;
    for (std::uint32_t child = trie_[node].first_child; child != none;
         child = trie_[child].next_sibling) {
      stack.push_back({child, depth + 1});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Near& a, const Near& b) { return a.candidate < b.candidate; });
  return found;
}

}  // namespace snaplint::rules
