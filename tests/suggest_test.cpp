#include "snaplint/suggest.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace snaplint
