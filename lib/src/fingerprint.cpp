#include "snaplint/fingerprint.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace snaplint {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

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

std::vector<std::string_view> quoted_values(std::string_view message) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::vector<std::string_view> values;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char quote = message[i];
    if ((quote != '\'' && quote != '"') || (i > 0 && is_word(message[i - 1]))) continue;
    // The closing quote is the next one not followed by a letter or digit, so "customer's" inside
    // a quoted prompt does not end it.
    std::size_t close = i + 1;
    while (close < message.size() && (message[close] != quote || (close + 1 < message.size() &&
                                                                  is_word(message[close + 1])))) {
      ++close;
    }
    if (close >= message.size()) break;
    values.push_back(message.substr(i + 1, close - i - 1));
    i = close;
  }
  return values;
}

std::string fingerprint(std::string_view path, const Diagnostic& diagnostic) {
  // For one rule the message's words are its template; the quoted values (ids, names, keys) and
  // the entity say which finding it is. Taken as a sorted set they are the same whichever of two
  // nodes comes first in the file, so a pair finding ("'a' and 'b' have the same condition",
  // reported at the later of the two) keeps its fingerprint when the nodes are reordered.
  const std::string message = stable_message(diagnostic.message);
  std::vector<std::string_view> identity = quoted_values(message);
  if (diagnostic.entity.id) identity.push_back(*diagnostic.entity.id);
  std::sort(identity.begin(), identity.end());
  identity.erase(std::unique(identity.begin(), identity.end()), identity.end());
  Fnv1a hash;
  hash.add("snaplint/v1");
  hash.add(path);
  hash.add(diagnostic.rule);
  hash.add(to_string(diagnostic.entity.kind));
  for (const std::string_view value : identity) hash.add(value);
  return hash.hex();
}

}  // namespace snaplint
