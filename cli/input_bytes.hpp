// The bytes of one input: large regular files are mapped (no copy, no fresh memory to fault in),
// small ones and standard input are read into a buffer that is reused from file to file.
#pragma once

#include <string>
#include <string_view>

#include "file_discovery.hpp"

namespace snaplint::cli {

class InputBytes {
 public:
  InputBytes() = default;
  ~InputBytes();
  InputBytes(const InputBytes&) = delete;
  InputBytes& operator=(const InputBytes&) = delete;

  // Replaces the previous input's bytes. Returns why the input cannot be read, or empty.
  std::string load(const InputFile& input);
  std::string_view bytes() const { return bytes_; }

 private:
  void release();

  // Mapping pays a few system calls and a page-table set-up; below this size reading is cheaper.
  static constexpr std::size_t map_threshold = 1 << 20;
  std::string buffer_;
  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
  std::string_view bytes_;
};

}  // namespace snaplint::cli
