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

// As in editors: "\r\n" is one line end, and a lone "\r" (classic Mac OS) is one too.
TEST(SourceFile, ALoneCarriageReturnEndsALineAndCrlfIsOneLineEnd) {
  // Lines: "ab" "\r", "cd" "\r\n", "e" "\r", "" "\r", "f".
  const SourceFile source("ab\rcd\r\ne\r\rf");
  EXPECT_EQ(source.position(0), (Position{1, 1}));
  EXPECT_EQ(source.position(2), (Position{1, 3}));  // the CR itself is still on line 1
  EXPECT_EQ(source.position(3), (Position{2, 1}));
  EXPECT_EQ(source.position(5), (Position{2, 3}));  // the CR of a CRLF ...
  EXPECT_EQ(source.position(6), (Position{2, 4}));  // ... and its LF: one line end, not two
  EXPECT_EQ(source.position(7), (Position{3, 1}));
  EXPECT_EQ(source.position(8), (Position{3, 2}));
  EXPECT_EQ(source.position(9), (Position{4, 1}));
  EXPECT_EQ(source.position(10), (Position{5, 1}));
  EXPECT_EQ(source.position(11), (Position{5, 2}));
  EXPECT_EQ(source.excerpt(0).text, "ab");
  EXPECT_EQ(source.excerpt(4).text, "cd");
  EXPECT_EQ(source.excerpt(7).text, "e");
  EXPECT_EQ(source.excerpt(9).text, "");
  EXPECT_EQ(source.excerpt(10).text, "f");
  // A final CR ends the last line, as a final LF does.
  EXPECT_EQ(SourceFile("a\r").position(2), (Position{2, 1}));
  EXPECT_EQ(SourceFile("a\n").position(2), (Position{2, 1}));
  EXPECT_EQ(SourceFile("a\r\n").position(3), (Position{2, 1}));
}

// The same text with LF, CRLF and CR line ends: the same line and column at every character.
TEST(SourceFile, LfCrlfAndCrGiveTheSamePositions) {
  const std::string lf = "{\n  \"a\": 1,\n\n  \"b\": [\"é\", 2]\n}\n";
  std::string crlf;
  std::string cr;
  for (const char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const SourceFile lf_source(lf);
  const SourceFile crlf_source(crlf);
  const SourceFile cr_source(cr);
  std::size_t crlf_offset = 0;
  for (std::size_t offset = 0; offset < lf.size(); ++offset) {
    EXPECT_EQ(cr_source.position(offset), lf_source.position(offset)) << "offset " << offset;
    EXPECT_EQ(crlf_source.position(crlf_offset), lf_source.position(offset)) << "offset " << offset;
    EXPECT_EQ(cr_source.excerpt(offset).text, lf_source.excerpt(offset).text);
    EXPECT_EQ(crlf_source.excerpt(crlf_offset).text, lf_source.excerpt(offset).text);
    crlf_offset += lf[offset] == '\n' ? 2 : 1;
  }
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
