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
  const char* data = bytes_.data();
  const std::size_t size = bytes_.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::size_t SourceFile::line_start_index(std::size_t offset) const {
  if (line_starts_.empty()) build_line_table();
  offset = std::min(offset, bytes_.size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(after - line_starts_.begin()) - 1;
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const std::size_t line = line_start_index(offset);
  const std::size_t start = line_starts_[line];
  const auto column = count_code_points(std::string_view(bytes_).substr(start, offset - start));
  return Position{static_cast<std::uint32_t>(line + 1), column + 1};
}

SourceExcerpt SourceFile::excerpt(std::size_t offset, std::uint32_t max_columns) const {
  offset = std::min(offset, bytes_.size());
  const std::size_t line = line_start_index(offset);
  const std::size_t start = line_starts_[line];
  std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : bytes_.size();
  while (end > start && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;

  const std::string_view whole = std::string_view(bytes_).substr(start, end - start);
  SourceExcerpt result;
  if (count_code_points(whole) <= max_columns) {
    result.text = whole;
    return result;
  }
  // Keep a third of the window before the offset and the rest after it, on code point
  // boundaries.
  auto is_boundary = [&](std::size_t i) {
    return i >= end || (static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80;
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
  result.text = std::string_view(bytes_).substr(window_start, window_end - window_start);
  result.first_column = 1 + count_code_points(whole.substr(0, window_start - start));
  result.truncated_left = window_start > start;
  result.truncated_right = window_end < end;
  return result;
}

}  // namespace snaplint
