// The bytes of one linted file and the mapping from byte offsets to lines and columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/diagnostic.hpp"

namespace snaplint {

class SourceFile {
 public:
  SourceFile() = default;
  explicit SourceFile(std::string bytes) : owned_(std::move(bytes)) {}
  // A view of bytes someone else keeps alive for as long as this object (a mapped file, the
  // caller's buffer): large files are linted without a copy.
  static SourceFile borrow(std::string_view bytes) {
    SourceFile source;
    source.borrowed_ = bytes;
    source.is_borrowed_ = true;
    return source;
  }

  std::string_view bytes() const { return is_borrowed_ ? borrowed_ : std::string_view(owned_); }
  std::size_t size() const { return bytes().size(); }

  // Line and column of a byte offset. The line table is built on the first call only, so files
  // without findings never pay for it. Columns count code points, not bytes.
  Position position(std::size_t offset) const;

  // The line holding `offset`, without its line terminator, cut to about `max_columns` code points
  // around the offset.
  SourceExcerpt excerpt(std::size_t offset, std::uint32_t max_columns = 120) const;

 private:
  void build_line_table() const;
  std::size_t line_start_index(std::size_t offset) const;
  // Code points in bytes [0, offset), from a checkpoint every checkpoint_bytes.
  std::uint64_t code_points_before(std::size_t offset) const;

  static constexpr std::size_t checkpoint_bytes = 1024;
  std::string owned_;
  std::string_view borrowed_;
  bool is_borrowed_ = false;
  mutable std::vector<std::size_t> line_starts_;
  mutable std::vector<std::uint64_t> code_points_before_;
};

// Number of code points in a UTF-8 byte range (continuation bytes are not counted).
std::uint32_t count_code_points(std::string_view text);

}  // namespace snaplint
