#include "input_bytes.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace snaplint::cli {

InputBytes::~InputBytes() {
  release();
}

void InputBytes::release() {
  if (mapping_) ::munmap(mapping_, mapping_size_);
  mapping_ = nullptr;
  mapping_size_ = 0;
  bytes_ = {};
}

std::string InputBytes::load(const InputFile& input) {
  release();
  if (!input.path.empty()) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (read_input then refuses it).
    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat info {};
    if (fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
        static_cast<std::size_t>(info.st_size) >= map_threshold) {
      const auto size = static_cast<std::size_t>(info.st_size);
      void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      ::close(fd);
      if (mapping != MAP_FAILED) {
        // The parser reads the file once, front to back.
        ::madvise(mapping, size, MADV_SEQUENTIAL);
        mapping_ = mapping;
        mapping_size_ = size;
        bytes_ = std::string_view(static_cast<const char*>(mapping), size);
        return {};
      }
    } else if (fd >= 0) {
      ::close(fd);
    }
  }
  std::string problem = read_input(input, buffer_);
  bytes_ = buffer_;
  return problem;
}

}  // namespace snaplint::cli
