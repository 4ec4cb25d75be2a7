#include "snaplint/json_parser.hpp"

#include <gtest/gtest.h>

#include <string>

namespace snaplint {

// Readable failure messages for ranges.
void PrintTo(const Range& range, std::ostream* out) {
  *out << range.start.line << ':' << range.start.column << '-' << range.end.line << ':'
       << range.end.column;
}

namespace {

struct Parsed {
  SourceFile source;
  JsonDocument doc;
  ParseResult result;
  explicit Parsed(std::string text) : source(std::move(text)), doc(source) {
    result = parse_json(source, doc);
  }
  Range range_of(std::string_view pointer) const {
    const JsonRef ref = doc.resolve(pointer);
    EXPECT_NE(ref, no_value) << pointer;
    if (ref == no_value) return {};
    const auto [begin, end] = doc.value_span(ref);
    return {source.position(begin), source.position(end)};
  }
};

Range range(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) {
  return {{l1, c1}, {l2, c2}};
}

TEST(JsonParser, RecordsTheSourceRangeOfEveryValue) {
  const Parsed parsed(
      "{\n"
      "  \"graph\": {\n"
      "    \"nodes\": [ {\"id\": \"a\", \"n\": 12.5}, true, null ],\n"
      "    \"edges\": []\n"
      "  }\n"
      "}\n");
  ASSERT_FALSE(parsed.result.error);
  EXPECT_EQ(parsed.range_of(""), range(1, 1, 6, 2));
  EXPECT_EQ(parsed.range_of("/graph"), range(2, 12, 5, 4));
  EXPECT_EQ(parsed.range_of("/graph/nodes"), range(3, 14, 3, 52));
  EXPECT_EQ(parsed.range_of("/graph/nodes/0"), range(3, 16, 3, 38));
  EXPECT_EQ(parsed.range_of("/graph/nodes/0/id"), range(3, 23, 3, 26));
  EXPECT_EQ(parsed.range_of("/graph/nodes/0/n"), range(3, 33, 3, 37));
  EXPECT_EQ(parsed.range_of("/graph/nodes/1"), range(3, 40, 3, 44));
  EXPECT_EQ(parsed.range_of("/graph/nodes/2"), range(3, 46, 3, 50));
  EXPECT_EQ(parsed.range_of("/graph/edges"), range(4, 14, 4, 16));
}

TEST(JsonParser, CountsColumnsInCodePoints) {
  // "é" is two bytes, "😀" four; columns count each as one.
  const Parsed parsed("{\"é😀\": \"ü\", \"x\": 1}");
  ASSERT_FALSE(parsed.result.error);
  EXPECT_EQ(parsed.range_of("/é😀"), range(1, 8, 1, 11));
  EXPECT_EQ(parsed.range_of("/x"), range(1, 18, 1, 19));
  EXPECT_EQ(parsed.doc.string(parsed.doc.resolve("/é😀")), "ü");
}

TEST(JsonParser, HandlesCrlfLineEndings) {
  const Parsed parsed("{\r\n  \"a\": [\r\n    1,\r\n    \"two\"\r\n  ]\r\n}\r\n");
  ASSERT_FALSE(parsed.result.error);
  EXPECT_EQ(parsed.range_of("/a/0"), range(3, 5, 3, 6));
  EXPECT_EQ(parsed.range_of("/a/1"), range(4, 5, 4, 10));
  EXPECT_EQ(parsed.range_of("/a"), range(2, 8, 5, 4));
}

TEST(JsonParser, DecodesEscapedStringsAndKeys) {
  const Parsed parsed(R"({"a\u00e9": "line\nnext \"q\"", "plain": "x"})");
  ASSERT_FALSE(parsed.result.error);
  const JsonRef value = parsed.doc.resolve("/aé");
  ASSERT_NE(value, no_value);
  EXPECT_EQ(parsed.doc.string(value), "line\nnext \"q\"");
  EXPECT_EQ(parsed.doc.member_string(parsed.doc.root(), "plain"), "x");
}

TEST(JsonParser, BuildsAndResolvesEscapedPointers) {
  const Parsed parsed(R"({"a/b": {"c~d": [0, 1, {"e": 2}]}})");
  ASSERT_FALSE(parsed.result.error);
  const JsonRef ref = parsed.doc.resolve("/a~1b/c~0d/2/e");
  ASSERT_NE(ref, no_value);
  EXPECT_EQ(parsed.doc.pointer(ref), "/a~1b/c~0d/2/e");
  EXPECT_EQ(parsed.doc.at(ref).data.integer, 2);
  EXPECT_EQ(parsed.doc.resolve("/a~1b/c~0d/3"), no_value);
  EXPECT_EQ(parsed.doc.resolve("/a~1b/c~0d/x"), no_value);
  EXPECT_EQ(parsed.doc.resolve("/missing"), no_value);
}

TEST(JsonParser, KeepsTheLastOfRepeatedKeysAndReportsEveryRepeat) {
  const Parsed parsed(R"({"k": 1, "other": 0, "k": 2, "k": 3, "inner": {"k": 4}})");
  ASSERT_FALSE(parsed.result.error);
  const auto& duplicates = parsed.result.duplicate_keys;
  ASSERT_EQ(duplicates.size(), 2u);
  const JsonRef first = parsed.doc.resolve("/other") - 1;
  EXPECT_EQ(duplicates[0].first, first);
  EXPECT_EQ(duplicates[1].first, first);
  EXPECT_EQ(parsed.doc.at(duplicates[0].repeat).data.integer, 2);
  EXPECT_EQ(parsed.doc.at(duplicates[1].repeat).data.integer, 3);
  // The model sees only the last value, and iteration skips the shadowed ones.
  EXPECT_EQ(parsed.doc.at(parsed.doc.resolve("/k")).data.integer, 3);
  int members = 0;
  for (JsonRef child : parsed.doc.children(parsed.doc.root())) {
    (void)child;
    ++members;
  }
  EXPECT_EQ(members, 3);  // k (last), other, inner
  // The key's own range, for the diagnostic.
  const auto [begin, end] = parsed.doc.key_span(duplicates[0].repeat);
  EXPECT_EQ(parsed.source.bytes().substr(begin, end - begin), "\"k\"");
}

TEST(JsonParser, FindsRepeatedKeysInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 40; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"k7\": 99}";
  const Parsed parsed(text);
  ASSERT_FALSE(parsed.result.error);
  ASSERT_EQ(parsed.result.duplicate_keys.size(), 1u);
  EXPECT_EQ(parsed.doc.at(parsed.doc.resolve("/k7")).data.integer, 99);
}

// Inputs of 4 MiB and more are searched for NUL bytes on a second thread while they are parsed:
// the same texts behind 5 MiB of leading whitespace take that path.
constexpr std::uint32_t padding = 5u << 20;
std::string padded(std::string_view text) {
  return std::string(padding, ' ') + std::string(text);
}

struct BadInput {
  std::string name;
  std::string text;
  std::uint32_t offset;
  std::string message_part;
  // Behind the padding (made in the test: every test process registers every case).
  bool large = false;
};

class JsonParserRejects : public testing::TestWithParam<BadInput> {};

TEST_P(JsonParserRejects, WithAPositionAndAMessage) {
  const BadInput& input = GetParam();
  const Parsed parsed(input.large ? padded(input.text) : input.text);
  ASSERT_TRUE(parsed.result.error.has_value()) << input.name;
  EXPECT_EQ(parsed.result.error->offset, input.offset + (input.large ? padding : 0)) << input.name;
  EXPECT_NE(parsed.result.error->message.find(input.message_part), std::string::npos)
      << parsed.result.error->message;
  EXPECT_TRUE(parsed.doc.empty());
}

std::string nested(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JsonParserRejects,
    testing::Values(
        BadInput{"empty", "", 0, "no JSON value"},
        BadInput{"whitespace", "  \n ", 4, "no JSON value"},
        BadInput{"trailing", "{} x", 3, "after the JSON value"},
        BadInput{"two_values", "{}\n{}", 3, "after the JSON value"},
        BadInput{"nul_at_end", std::string("{}\0garbage", 10), 2, "NUL"},
        BadInput{"nul_in_string", std::string("{\"a\": \"x\0y\"}", 12), 8, "NUL"},
        BadInput{"syntax_before_nul", std::string("{,\0", 3), 1, "string key"},
        BadInput{"nul_after_utf8_lead", std::string("{\"a\": \"\xC3\0y\"}", 13), 7, "UTF-8"},
        BadInput{"nul_after_3_byte_lead", std::string("[\"\xE0\0x\"]", 7), 2, "UTF-8"},
        BadInput{"large_nul_at_end", std::string("{}\0garbage", 10), 2, "NUL", true},
        BadInput{"large_nul_in_string", std::string("{\"a\": \"x\0y\"}", 12), 8, "NUL", true},
        BadInput{"large_syntax_before_nul", std::string("{,\0", 3), 1, "string key", true},
        BadInput{"large_nul_after_utf8_lead", std::string("{\"a\": \"\xC3\0y\"}", 13), 7, "UTF-8",
                 true},
        BadInput{"bom", "\xEF\xBB\xBF{}", 0, "byte-order mark"},
        BadInput{"invalid_utf8", "{\"a\": \"\xC3\x28\"}", 7, "UTF-8"},
        BadInput{"lone_surrogate", R"(["\uD800"])", 2, "surrogate"},
        BadInput{"huge_number", "[1e400]", 1, "too large"},
        BadInput{"infinite_number", "[0, 2e308]", 4, "too large"},
        BadInput{"negative_infinite_number", "[-1.5e309]", 1, "too large"},
        BadInput{"control_character", "{\"a\": \"x\ny\"}", 8, "control character"},
        BadInput{"missing_comma", "{\"a\": 1 \"b\": 2}", 8, "','"},
        BadInput{"unterminated", "{\"a\": \"x", 8, "unterminated"},
        BadInput{"too_deep", nested(513), 512, "deeper than 512"}),
    [](const testing::TestParamInfo<BadInput>& info) { return info.param.name; });

TEST(JsonParser, AcceptsALargeInputWithoutNulBytes) {
  const Parsed parsed(padded("{\"a\": [1, \"x\"]}  "));
  ASSERT_FALSE(parsed.result.error) << parsed.result.error->message;
  EXPECT_EQ(parsed.doc.string(parsed.doc.resolve("/a/1")), "x");
}

TEST(JsonParser, AcceptsNestingUpToTheLimit) {
  const Parsed parsed(nested(512));
  EXPECT_FALSE(parsed.result.error) << parsed.result.error->message;
}

TEST(JsonParser, SurvivesVeryDeepNestingWithoutRecursion) {
  const Parsed parsed(nested(100000));
  ASSERT_TRUE(parsed.result.error);
  EXPECT_EQ(parsed.result.error->offset, 512u);
}

TEST(JsonParser, AcceptsTheLimitItWasGiven) {
  SourceFile source(nested(10));
  JsonDocument doc(source);
  EXPECT_TRUE(parse_json(source, doc, ParseLimits{5}).error);
  EXPECT_FALSE(parse_json(source, doc, ParseLimits{10}).error);
}

}  // namespace
}  // namespace snaplint
