#include "snaplint/source_file.hpp"

#include <gtest/gtest.h>

namespace snaplint {
namespace {

TEST(SourceFile, MapsOffsetsToLinesAndCodePointColumns) {
  const SourceFile source("ab\nçd\r\n\te\n");
  EXPECT_EQ(source.position(0), (Position{1, 1}));
  EXPECT_EQ(source.position(2), (Position{1, 3}));
  EXPECT_EQ(source.position(3), (Position{2, 1}));
  EXPECT_EQ(source.position(5), (Position{2, 2}));    // after the two bytes of 'ç'
  EXPECT_EQ(source.position(9), (Position{3, 2}));    // a tab is one column
  EXPECT_EQ(source.position(100), (Position{4, 1}));  // clamped to the end
}

TEST(SourceFile, ExcerptIsTheWholeLineWithoutItsTerminator) {
  const SourceFile source("first\r\nsecond line\nthird");
  const SourceExcerpt excerpt = source.excerpt(9);
  EXPECT_EQ(excerpt.text, "second line");
  EXPECT_EQ(excerpt.first_column, 1u);
  EXPECT_FALSE(excerpt.truncated_left || excerpt.truncated_right);
  EXPECT_EQ(source.excerpt(2).text, "first");
}

TEST(SourceFile, CutsLongLinesToAWindowAroundTheOffset) {
  std::string line(5000, 'x');
  line[3000] = 'Y';
  const SourceFile source(line);
  const SourceExcerpt excerpt = source.excerpt(3000, 90);
  EXPECT_TRUE(excerpt.truncated_left);
  EXPECT_TRUE(excerpt.truncated_right);
  EXPECT_EQ(excerpt.text.size(), 90u);
  EXPECT_EQ(excerpt.text[3000 - (excerpt.first_column - 1)], 'Y');
}

TEST(SourceFile, WindowsDoNotSplitMultiByteCharacters) {
  std::string line;
  for (int i = 0; i < 300; ++i) line += "é";
  const SourceFile source(line);
  const SourceExcerpt excerpt = source.excerpt(300, 40);
  EXPECT_EQ(count_code_points(excerpt.text) * 2, excerpt.text.size());
  EXPECT_EQ(excerpt.first_column, 151u - 13u);
}

}  // namespace
}  // namespace snaplint

namespace snaplint {
namespace {

// Columns come from checkpoints every 1 KiB; they must agree with counting from the line start
// on every side of a checkpoint, multi-byte characters included.
TEST(SourceFile, CheckpointedColumnsMatchCountingFromTheLineStart) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += (i % 7 == 0) ? "é" : (i % 500 == 0 ? "\n" : "x");
  const SourceFile source(text);
  for (std::size_t offset = 0; offset <= text.size(); offset += 97) {
    std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    line_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
    const std::uint32_t expected =
        1 + count_code_points(std::string_view(text).substr(line_start, offset - line_start));
    EXPECT_EQ(source.position(offset).column, expected) << "offset " << offset;
  }
}

}  // namespace
}  // namespace snaplint
