// The bytes of one input: large regular files are mapped (no copy, no fresh memory to fault in),
// small ones and standard input are read into a buffer that is reused from file to file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "file_discovery.hpp"

namespace snaplint::cli {

// "1048576", "512K", "64M", "1G" (powers of 1024; any case, optionally followed by "iB" or
// "B": "64MiB", "1gb"). Empty for anything else, for 0 (a limit no file could pass) and on
// overflow.
std::optional<std::uint64_t> parse_size(std::string_view text);

// The largest --max-file-size: the parser keeps 32-bit offsets and reads files up to 2 GiB.
inline constexpr std::uint64_t largest_max_file_size = std::uint64_t{1} << 31;

// "2147483648 bytes (2 GiB)", "1000 bytes": the exact count, and a rounded one when it helps.
std::string describe_size(std::uint64_t bytes);

class InputBytes {
 public:
  InputBytes() = default;
  ~InputBytes();
  InputBytes(const InputBytes&) = delete;
  InputBytes& operator=(const InputBytes&) = delete;

  // Replaces the previous input's bytes. Returns why the input was not linted, as the whole
  // message ("cannot read: ...", "too large: ..."), or empty. An input larger than `max_size`
  // (--max-file-size) is refused before a byte of it is read or mapped. Only regular files and
  // standard input are read: a FIFO or a device named on the command line could block or never end.
  std::string load(const InputFile& input, std::uint64_t max_size);
  std::string_view bytes() const { return bytes_; }

 private:
  void release();
  std::string read_all(int fd, std::size_t expected, std::uint64_t max_size);

  // Mapping pays a few system calls and a page-table set-up; below this size reading is cheaper.
  static constexpr std::size_t map_threshold = 1 << 20;
  std::string buffer_;
  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
  std::string_view bytes_;
};

}  // namespace snaplint::cli
