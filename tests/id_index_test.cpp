// IdIndex against std::unordered_map: the same answers for ids added, repeated and missing,
// through growth from empty and after reserve, including the empty id and ids that share a
// length and most of their bytes (the probes that compare hashes, lengths and texts).
#include "snaplint/id_index.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace snaplint {
namespace {

std::vector<std::string> sample_ids(std::size_t count, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<std::string> ids = {"", "a", "A", "node-1", "node-2"};
  while (ids.size() < count) {
    std::string id = "n" + std::to_string(random() % (count / 2 + 1));  // many repeats
    if (random() % 4 == 0) id += std::string(random() % 40, 'x');
    ids.push_back(id);
  }
  return ids;
}

void expect_same_as_map(IdIndex& index, const std::vector<std::string>& ids) {
  std::unordered_map<std::string, std::uint32_t> expected;
  for (std::uint32_t i = 0; i < ids.size(); ++i) {
    const bool added = expected.try_emplace(ids[i], i).second;
    ASSERT_EQ(index.try_emplace(ids[i], i), added) << ids[i];
  }
  EXPECT_EQ(index.size(), expected.size());
  for (const auto& [id, position] : expected) {
    const std::uint32_t* found = index.find(id);
    ASSERT_NE(found, nullptr) << id;
    EXPECT_EQ(*found, position) << id;
    EXPECT_EQ(index.at(id), position);
    EXPECT_EQ(index.count(id), 1u);
  }
  for (const std::string missing : {"n-missing", "node-3", "b", "xx"}) {
    EXPECT_EQ(index.find(missing), nullptr) << missing;
  }
  EXPECT_THROW(index.at("not-there"), std::out_of_range);
}

TEST(IdIndex, AnswersAsAMapWhileGrowingFromEmpty) {
  IdIndex index;
  EXPECT_EQ(index.find("anything"), nullptr);
  expect_same_as_map(index, sample_ids(5000, 1));
}

TEST(IdIndex, AnswersAsAMapAfterReserve) {
  IdIndex index;
  index.reserve(100);  // then grows past it
  expect_same_as_map(index, sample_ids(3000, 2));
}

// A slot marks itself free with the largest position, so that position cannot be stored (no
// array snaplint reads has 2^32 entries); asking for it leaves the index as it was.
TEST(IdIndex, RefusesTheLargestPositionWhichMarksAFreeSlot) {
  IdIndex index;
  EXPECT_FALSE(index.try_emplace("n1", UINT32_MAX));
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.find("n1"), nullptr);
  EXPECT_TRUE(index.try_emplace("n1", UINT32_MAX - 1));
  EXPECT_EQ(index.at("n1"), UINT32_MAX - 1);
}

TEST(IdIndex, KeepsItsOwnCopyOfTheIds) {
  IdIndex index;
  std::string id = "volatile";
  index.try_emplace(id, 7);
  id = "changed!";  // same length: a view into the caller's text would now read differently
  ASSERT_NE(index.find("volatile"), nullptr);
  EXPECT_EQ(*index.find("volatile"), 7u);
  EXPECT_EQ(index.find("changed!"), nullptr);
}

}  // namespace
}  // namespace snaplint
