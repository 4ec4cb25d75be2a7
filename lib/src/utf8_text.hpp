// UTF-8 decoding for the report writers. Paths come from the file system and messages quote the
// linted files, so a writer cannot assume valid UTF-8: SARIF and JUnit consumers reject a report
// with ill-formed bytes, and XML also forbids most control characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace snaplint::detail {

inline constexpr char32_t replacement_character = 0xFFFD;

struct DecodedCodePoint {
  char32_t value = replacement_character;
  std::size_t length = 1;  // bytes consumed; on an ill-formed sequence its maximal valid prefix
  bool valid = false;
};

// The code point starting at `text[at]` (at < text.size()), per the Unicode well-formed UTF-8
// table: no overlong forms, no surrogates, nothing above U+10FFFF.
inline DecodedCodePoint decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  unsigned char low = 0x80;  // allowed range of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {};
  }
  for (std::size_t i = 1; i < length; ++i) {
    const bool in_range = at + i < text.size() && byte(at + i) >= (i == 1 ? low : 0x80) &&
                          byte(at + i) <= (i == 1 ? high : 0xBF);
    if (!in_range) return {replacement_character, i, false};
    value = (value << 6) | (byte(at + i) & 0x3F);
  }
  return {value, length, true};
}

inline void append_utf8(std::string& out, char32_t value) {
  if (value < 0x80) {
    out += static_cast<char>(value);
  } else if (value < 0x800) {
    out += static_cast<char>(0xC0 | (value >> 6));
    out += static_cast<char>(0x80 | (value & 0x3F));
  } else if (value < 0x10000) {
    out += static_cast<char>(0xE0 | (value >> 12));
    out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (value & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (value >> 18));
    out += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (value & 0x3F));
  }
}

// `text` with every ill-formed sequence replaced by U+FFFD (one per maximal invalid subpart, as
// Unicode recommends). Valid text is returned unchanged.
inline std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (decoded.valid) {
      out.append(text.substr(at, decoded.length));
    } else {
      append_utf8(out, replacement_character);
    }
    at += decoded.length;
  }
  return out;
}

}  // namespace snaplint::detail
