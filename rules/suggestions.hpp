// "Did you mean" over many candidates. closest_match (snaplint/suggest.hpp) compares a word with
// every candidate: right for a few findings, but when thousands of edges name ids that do not
// exist (ids renamed in bulk), thousands of scans of a hundred thousand ids take minutes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace snaplint::rules {

// The same answers as closest_match(word, candidates) (at most two edits), in time that does not
// grow with the number of candidates once the first few words are answered: the case-folded
// candidates go into a trie, searched with one edit-distance row per trie node, which visits only
// the prefixes within two edits of the word; closest_match's own scoring then runs over those
// candidates alone, in candidate order, so that scores and ties come out as they would.
class Suggester {
 public:
  explicit Suggester(std::vector<std::string_view> candidates);

  std::optional<std::string_view> closest(std::string_view word);

 private:
  static constexpr std::uint32_t none = UINT32_MAX;
  struct TrieNode {
    std::uint32_t first_child = none;
    std::uint32_t next_sibling = none;
    std::uint32_t first_candidate = none;  // candidates whose folded text ends here
    char byte = 0;
  };

  // A candidate within two edits of a word, ignoring case, and that number of edits.
  struct Near {
    std::uint32_t candidate;
    std::uint32_t folded;
  };

  void build_trie();
  // The candidates near `word`, in candidate order.
  std::vector<Near> near(std::string_view word) const;

  std::vector<std::string_view> candidates_;
  std::size_t answered_ = 0;  // words answered by a plain closest_match
  std::vector<TrieNode> trie_;
  std::vector<std::uint32_t> next_candidate_;  // the next candidate ending at the same node
};

}  // namespace snaplint::rules
