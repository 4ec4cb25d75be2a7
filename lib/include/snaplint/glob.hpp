// Glob patterns for the `files` of a .snaplint.json override, matched against '/'-separated paths
// relative to the config file's directory.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace snaplint {

// `*` matches any run of characters within one path segment, `**` as a whole segment any number
// of segments (none included), `?` one character (a code point), `[abc]`, `[a-z]`, `[!a]` (or
// `[^a]`) one character of a class, `\x` the character x itself. None of them match a '/'. A
// pattern without '/' matches the last segment (the file name) in any directory, as in
// .gitignore; a leading "./" or "/" only anchors the pattern at the config's directory.
bool glob_match(std::string_view pattern, std::string_view path);

// Why a pattern is malformed (an unterminated `[` class, a trailing `\`, empty), or nothing.
std::optional<std::string> glob_problem(std::string_view pattern);

}  // namespace snaplint
