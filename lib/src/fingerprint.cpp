#include "snaplint/fingerprint.hpp"

#include <cctype>
#include <cstdint>

namespace snaplint {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool ends_with_word(std::string_view text, std::string_view word) {
  if (text.size() < word.size() || text.substr(text.size() - word.size()) != word) return false;
  return text.size() == word.size() ||
         !std::isalnum(static_cast<unsigned char>(text[text.size() - word.size() - 1]));
}

// 64-bit FNV-1a: stable across platforms and releases, which std::hash is not.
class Fnv1a {
 public:
  void add(std::string_view text) {
    for (const char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    hash_ ^= 0xff;
    hash_ *= 0x100000001b3ULL;
  }
  std::string hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15, shift = 0; i >= 0; --i, shift += 4) out[i] = digits[(hash_ >> shift) & 0xf];
    return out;
  }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string stable_message(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  std::size_t i = 0;
  while (i < message.size()) {
    if (!is_digit(message[i])) {
      out += message[i++];
      continue;
    }
    std::size_t end = i;
    while (end < message.size() && is_digit(message[end])) ++end;
    const std::string_view before = std::string_view(out);
    // "#3" (an array index), "line 3", "column 3", "3:14" (a position).
    const bool index = !before.empty() && before.back() == '#';
    const bool numbered_position =
        ends_with_word(before, "line ") || ends_with_word(before, "column ");
    const bool colon_position = end + 1 < message.size() && message[end] == ':' &&
                                is_digit(message[end + 1]) &&
                                (before.empty() || before.back() == ' ');
    if (index || numbered_position) {
      i = end;
      continue;
    }
    if (colon_position) {
      std::size_t after = end + 1;
      while (after < message.size() && is_digit(message[after])) ++after;
      i = after;
      continue;
    }
    out.append(message.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string fingerprint(std::string_view path, const Diagnostic& diagnostic) {
  Fnv1a hash;
  hash.add("snaplint/v1");
  hash.add(path);
  hash.add(diagnostic.rule);
  hash.add(to_string(diagnostic.entity.kind));
  hash.add(diagnostic.entity.id ? *diagnostic.entity.id : std::string_view());
  hash.add(stable_message(diagnostic.message));
  return hash.hex();
}

}  // namespace snaplint
