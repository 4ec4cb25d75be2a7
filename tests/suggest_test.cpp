#include "snaplint/suggest.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "../rules/suggestions.hpp"

namespace snaplint {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
  EXPECT_EQ(edit_distance("ABC", "abc", true), 0u);
  EXPECT_EQ(edit_distance("ABC", "abc", false), 3u);
  EXPECT_GT(edit_distance("abcdefgh", "zzzzzzzz", false, 2), 2u);
}

TEST(ClosestMatch, SuggestsWithinTheDistanceAndPrefersCaseOnlyChanges) {
  const std::vector<std::string_view> types = {"DefaultNode", "WhatsappTemplateNode"};
  EXPECT_EQ(closest_match("WhatsAppTemplateNode", types), "WhatsappTemplateNode");
  EXPECT_EQ(closest_match("DefualtNode", types), "DefaultNode");
  EXPECT_FALSE(closest_match("CustomNode", types).has_value());
  const std::vector<std::string_view> ids = {"stars", "start"};
  EXPECT_EQ(closest_match("START", ids), "start");
  EXPECT_FALSE(closest_match("start", {"start"}).has_value()) << "never suggest the word itself";
}

// The indexed Suggester must answer exactly as closest_match over the same candidates, past the
// first few words (which it answers with closest_match itself) and on near-misses, case changes,
// ties between equally close candidates, prefixes and words far from everything.
TEST(Suggester, AnswersAsClosestMatchDoes) {
  std::mt19937 random(7);
  const std::string alphabet = "abAB_-1";
  auto random_word = [&](std::size_t max_length) {
    std::string word(1 + random() % max_length, 'a');
    for (char& c : word) c = alphabet[random() % alphabet.size()];
    return word;
  };
  std::vector<std::string> owned;
  for (int i = 0; i < 400; ++i) owned.push_back(random_word(6));
  owned.push_back("start");
  owned.push_back("stars");
  owned.push_back("START");
  const std::vector<std::string_view> candidates(owned.begin(), owned.end());
  rules::Suggester suggester(candidates);
  std::size_t suggested = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string word = i % 3 == 0 ? random_word(8) : owned[random() % owned.size()];
    if (i % 3 == 1 && !word.empty()) word[random() % word.size()] ^= 0x20;  // a case change
    if (i % 3 == 2) word.insert(random() % (word.size() + 1), 1, 'b');      // one insertion
    if (i % 50 == 0) word = "STAR";
    const auto expected = closest_match(word, candidates);
    const auto actual = suggester.closest(word);
    ASSERT_EQ(expected, actual) << "word " << word;
    suggested += expected.has_value();
  }
  EXPECT_GT(suggested, 1000u) << "the words must mostly be near a candidate to test anything";
}

}  // namespace
}  // namespace snaplint
