#include "snaplint/source_file.hpp"

#include <algorithm>

namespace snaplint {

std::uint32_t count_code_points(std::string_view text) {
  std::uint32_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void SourceFile::build_line_table() const {
  line_starts_.push_back(0);
  const char* data = bytes().data();
  const std::size_t size = bytes().size();
  code_points_before_.reserve(size / checkpoint_bytes + 1);
  std::uint64_t code_points = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (i % checkpoint_bytes == 0) code_points_before_.push_back(code_points);
    if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++code_points;
    // A line ends at "\n", at "\r\n" (one end, not two) and at a lone "\r" (classic Mac OS), as
    // in editors; otherwise a CR-only file would report everything on line 1.
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

std::uint64_t SourceFile::code_points_before(std::size_t offset) const {
  const std::size_t checkpoint = offset / checkpoint_bytes;
  if (checkpoint >= code_points_before_.size()) {
    return count_code_points(bytes().substr(0, offset));  // empty file
  }
  const std::size_t from = checkpoint * checkpoint_bytes;
  return code_points_before_[checkpoint] + count_code_points(bytes().substr(from, offset - from));
}

std::size_t SourceFile::line_start_index(std::size_t offset) const {
  if (line_starts_.empty()) build_line_table();
  offset = std::min(offset, bytes().size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(after - line_starts_.begin()) - 1;
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, bytes().size());
  const std::size_t line = line_start_index(offset);
  const std::size_t start = line_starts_[line];
  // Checkpoints keep this cheap on a minified file, where every finding is on line 1.
  const auto column = code_points_before(offset) - code_points_before(start);
  return Position{static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(column + 1)};
}

SourceExcerpt SourceFile::excerpt(std::size_t offset, std::uint32_t max_columns) const {
  offset = std::min(offset, bytes().size());
  const std::size_t line = line_start_index(offset);
  const std::size_t start = line_starts_[line];
  std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : bytes().size();
  while (end > start && (bytes()[end - 1] == '\n' || bytes()[end - 1] == '\r')) --end;

  const std::string_view whole = bytes().substr(start, end - start);
  SourceExcerpt result;
  if (code_points_before(end) - code_points_before(start) <= max_columns) {
    result.text = whole;
    return result;
  }
  // Keep a third of the window before the offset and the rest after it, on code point
  // boundaries.
  auto is_boundary = [&](std::size_t i) {
    return i >= end || (static_cast<unsigned char>(bytes()[i]) & 0xC0) != 0x80;
  };
  std::size_t window_start = offset;
  for (std::uint32_t n = 0; window_start > start && n < max_columns / 3;) {
    --window_start;
    if (is_boundary(window_start)) ++n;
  }
  std::size_t window_end = window_start;
  for (std::uint32_t n = 0; window_end < end && n < max_columns; ++n) {
    ++window_end;
    while (!is_boundary(window_end)) ++window_end;
  }
  result.text = bytes().substr(window_start, window_end - window_start);
  result.first_column =
      static_cast<std::uint32_t>(1 + code_points_before(window_start) - code_points_before(start));
  result.truncated_left = window_start > start;
  result.truncated_right = window_end < end;
  return result;
}

}  // namespace snaplint
