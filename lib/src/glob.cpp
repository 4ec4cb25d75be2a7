#include "snaplint/glob.hpp"

#include <vector>

namespace snaplint {

namespace {

constexpr std::size_t none = std::string_view::npos;

// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte, so a
// malformed name still makes progress).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The code point at `at` (bytes as they are when malformed) and where the next one starts.
char32_t decode(std::string_view text, std::size_t at, std::size_t* next) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = sequence_length(lead);
  if (at + length > text.size()) length = 1;
  *next = at + length;
  if (length == 1) return lead;
  char32_t code = lead & (0x3F >> (length - 1));
  for (std::size_t i = 1; i < length; ++i) {
    code = (code << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  }
  return code;
}

// One character of a class, `\` escapes included. Returns `none` past the end of the pattern.
std::size_t class_char(std::string_view pattern, std::size_t at, char32_t* code) {
  if (at < pattern.size() && pattern[at] == '\\') ++at;
  if (at >= pattern.size()) return none;
  std::size_t next = 0;
  *code = decode(pattern, at, &next);
  return next;
}

// Parses the class that opens at pattern[open] == '['. Returns the index after its ']' (or
// `none` when it is not closed) and, when `c` is given, whether the class holds *c.
std::size_t match_class(std::string_view pattern, std::size_t open, const char32_t* c,
                        bool* matched, std::string* problem = nullptr) {
  std::size_t at = open + 1;
  bool negated = false;
  if (at < pattern.size() && (pattern[at] == '!' || pattern[at] == '^')) {
    negated = true;
    ++at;
  }
  bool hit = false;
  bool first = true;
  while (at < pattern.size() && (first || pattern[at] != ']')) {
    first = false;
    char32_t low = 0;
    at = class_char(pattern, at, &low);
    if (at == none) break;
    if (low == U'/' && problem) *problem = "a character class cannot hold '/'";
    char32_t high = low;
    if (at + 1 < pattern.size() && pattern[at] == '-' && pattern[at + 1] != ']') {
      at = class_char(pattern, at + 1, &high);
      if (at == none) break;
      if (high < low && problem) *problem = "a character range runs backwards";
    }
    if (c && *c >= low && *c <= high) hit = true;
  }
  if (at == none || at >= pattern.size()) return none;
  if (matched) *matched = hit != negated;
  return at + 1;
}

// Matches one pattern element (not `*`) at pattern[p] against the character at name[n]; on
// success moves both past it.
bool match_element(std::string_view pattern, std::size_t& p, std::string_view name,
                   std::size_t& n) {
  const char element = pattern[p];
  if (element == '?' || element == '[') {
    std::size_t next_n = 0;
    const char32_t c = decode(name, n, &next_n);
    if (element == '?') {
      ++p;
      n = next_n;
      return true;
    }
    bool matched = false;
    const std::size_t after = match_class(pattern, p, &c, &matched);
    if (after == none) {
      // An unclosed '[' is an ordinary character (glob_problem reports it beforehand).
      if (name[n] != '[') return false;
      ++p;
      ++n;
      return true;
    }
    if (!matched) return false;
    p = after;
    n = next_n;
    return true;
  }
  if (element == '\\' && p + 1 < pattern.size()) ++p;
  if (pattern[p] != name[n]) return false;
  ++p;
  ++n;
  return true;
}

// One segment against one path segment. Greedy with backtracking to the last star: linear in
// practice, never exponential.
bool match_segment(std::string_view pattern, std::string_view name) {
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star_p = none;
  std::size_t star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      while (p < pattern.size() && pattern[p] == '*') ++p;
      star_p = p;
      star_n = n;
      continue;
    }
    if (p < pattern.size() && match_element(pattern, p, name, n)) continue;
    if (star_p == none) return false;
    // The star takes one more character and the rest is tried again.
    std::size_t next = 0;
    decode(name, star_n, &next);
    star_n = next;
    p = star_p;
    n = star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = text.find('/', start);
    parts.push_back(text.substr(start, slash == none ? none : slash - start));
    if (slash == none) break;
    start = slash + 1;
  }
  return parts;
}

// The same greedy algorithm one level up: `**` is the star, a segment is a character.
bool match_segments(const std::vector<std::string_view>& pattern,
                    const std::vector<std::string_view>& path) {
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star_p = none;
  std::size_t star_n = 0;
  while (n < path.size()) {
    if (p < pattern.size() && pattern[p] == "**") {
      while (p < pattern.size() && pattern[p] == "**") ++p;
      star_p = p;
      star_n = n;
      continue;
    }
    if (p < pattern.size() && match_segment(pattern[p], path[n])) {
      ++p;
      ++n;
      continue;
    }
    if (star_p == none) return false;
    p = star_p;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == "**") ++p;
  return p == pattern.size();
}

std::string_view anchored(std::string_view pattern) {
  if (pattern.substr(0, 2) == "./") return pattern.substr(2);
  if (pattern.substr(0, 1) == "/") return pattern.substr(1);
  return pattern;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.find('/') == none) {
    const std::size_t slash = path.rfind('/');
    return match_segment(pattern, slash == none ? path : path.substr(slash + 1));
  }
  std::vector<std::string_view> segments = split(anchored(pattern));
  // "dir/**" is what is inside dir, not a file named dir: a trailing ** takes one segment or more.
  if (segments.size() > 1 && segments.back() == "**") segments.push_back("*");
  return match_segments(segments, split(path));
}

std::optional<std::string> glob_problem(std::string_view pattern) {
  if (pattern.empty()) return "the pattern is empty";
  for (std::size_t at = 0; at < pattern.size(); ++at) {
    if (pattern[at] == '\\') {
      if (at + 1 == pattern.size()) return "the pattern ends with a lone '\\'";
      ++at;
    } else if (pattern[at] == '[') {
      std::string problem;
      const std::size_t after = match_class(pattern, at, nullptr, nullptr, &problem);
      if (after == none) return "'[' opens a character class that is never closed";
      if (!problem.empty()) return problem;
      at = after - 1;
    }
  }
  return std::nullopt;
}

}  // namespace snaplint
