// Edge labels and global conditions are compared in normalized form (rules/rule_support.hpp):
// lower-case, every run of other characters one space, nothing at either end, bytes of
// multi-byte UTF-8 characters kept as they are.
#include <gtest/gtest.h>

#include <string>

#include "../rules/rule_support.hpp"

namespace snaplint::rules {
namespace {

TEST(NormalizedCondition, LowerCasesAndTurnsRunsOfOtherCharactersIntoOneSpace) {
  EXPECT_EQ(normalize_condition("Hello, World!"), "hello world");
  EXPECT_EQ(normalize_condition("  wants--a REFUND  "), "wants a refund");
  EXPECT_EQ(normalize_condition("order_id=42"), "order id 42");
  EXPECT_EQ(normalize_condition("AZaz09"), "azaz09");
  EXPECT_EQ(normalize_condition("@[`{"), "");  // the neighbours of the letters' ranges
  EXPECT_EQ(normalize_condition(""), "");
  EXPECT_EQ(normalize_condition("?!"), "");
  EXPECT_EQ(normalize_condition("Caf\xC3\xA9 \xC3\x84rger"), "caf\xC3\xA9 \xC3\x84rger");
}

TEST(NormalizedCondition, AppendsAfterWhatTheBufferHolds) {
  std::string buffer = "kept";
  append_normalized_condition("  Next One ", buffer);
  EXPECT_EQ(buffer, "keptnext one");
  NormalizedConditions conditions;
  conditions.add("A, b");
  conditions.add("");
  conditions.add("C!");
  ASSERT_EQ(conditions.size(), 3u);
  EXPECT_EQ(conditions[0], "a b");
  EXPECT_EQ(conditions[1], "");
  EXPECT_EQ(conditions[2], "c");
}

}  // namespace
}  // namespace snaplint::rules
