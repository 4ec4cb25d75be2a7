#include "input_bytes.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>

namespace snaplint::cli {

std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 19) return std::nullopt;  // 20 digits may not fit 64 bits
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < digits; ++i) value = value * 10 + (text[i] - '0');
  std::string_view suffix = text.substr(digits);
  unsigned shift = 0;
  if (!suffix.empty()) {
    switch (suffix.front()) {
      case 'k':
      case 'K':
        shift = 10;
        break;
      case 'm':
      case 'M':
        shift = 20;
        break;
      case 'g':
      case 'G':
        shift = 30;
        break;
      default:
        return std::nullopt;
    }
    suffix.remove_prefix(1);
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (!suffix.empty() && suffix.size() <= 2) {
      if (lower(suffix.back()) != 'b' || (suffix.size() == 2 && lower(suffix.front()) != 'i')) {
        return std::nullopt;
      }
    } else if (!suffix.empty()) {
      return std::nullopt;
    }
  }
  if (value == 0 || value > (std::numeric_limits<std::uint64_t>::max() >> shift)) {
    return std::nullopt;
  }
  return value << shift;
}

std::string describe_size(std::uint64_t bytes) {
  std::string text = std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  static constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) return text;
  double scaled = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (scaled /= 1024; scaled >= 1024 && unit + 1 < std::size(units); scaled /= 1024) ++unit;
  char rounded[32];
  // "2 GiB" for a round size, "1.5 MiB" otherwise.
  const bool whole = (bytes & ((std::uint64_t{1} << (10 * (unit + 1))) - 1)) == 0;
  std::snprintf(rounded, sizeof rounded, whole ? "%.0f %s" : "%.1f %s", scaled, units[unit]);
  return text + " (" + rounded + ")";
}

namespace {

std::string too_large(std::uint64_t size, std::uint64_t max_size) {
  return "too large: " + describe_size(size) + " is over the --max-file-size limit of " +
         describe_size(max_size) + "; the file was not read";
}

}  // namespace

InputBytes::~InputBytes() {
  release();
}

void InputBytes::release() {
  if (mapping_) ::munmap(mapping_, mapping_size_);
  mapping_ = nullptr;
  mapping_size_ = 0;
  bytes_ = {};
}

std::string InputBytes::load(const InputFile& input, std::uint64_t max_size) {
  release();
  buffer_.clear();
  int fd = STDIN_FILENO;
  if (!input.path.empty()) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; it is refused
    // below, once fstat has said what the path is.
    fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::string("cannot read: ") + std::strerror(errno);
  }
  const auto done = [&](std::string problem) {
    if (fd != STDIN_FILENO) ::close(fd);
    return problem;
  };
  struct stat info {};
  const bool known = ::fstat(fd, &info) == 0;
  if (!input.path.empty()) {
    if (!known) return done(std::string("cannot read: ") + std::strerror(errno));
    if (!S_ISREG(info.st_mode)) return done("cannot read: not a regular file");
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }
  // The size is judged before anything is read or mapped: a 2 GB file costs one fstat.
  const bool regular = known && S_ISREG(info.st_mode);
  const auto size = regular ? static_cast<std::uint64_t>(info.st_size) : 0;
  if (size > max_size) return done(too_large(size, max_size));

  if (!input.path.empty() && size >= map_threshold) {
    // MAP_POPULATE: the parser reads every page; mapping them all in one call spares a page
    // fault per 64 KiB, which a virtual machine makes dear.
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapping != MAP_FAILED) {
      // The parser reads the file once, front to back.
      ::madvise(mapping, size, MADV_SEQUENTIAL);
      mapping_ = mapping;
      mapping_size_ = size;
      bytes_ = std::string_view(static_cast<const char*>(mapping), size);
      return done("");
    }
  }
  std::string problem;
  try {
    problem = read_all(fd, static_cast<std::size_t>(size), max_size);
  } catch (const std::exception&) {  // bad_alloc: the mapping failed too, memory is short
    buffer_ = std::string();
    problem = "cannot read: not enough memory for " + describe_size(size);
  }
  bytes_ = buffer_;
  return done(std::move(problem));
}

// Reads to the end, straight into the buffer, growing it only if the input is longer than fstat
// said (standard input, or a file being appended to), and never beyond one byte over the limit.
std::string InputBytes::read_all(int fd, std::size_t expected, std::uint64_t max_size) {
  const std::uint64_t cap = max_size < std::numeric_limits<std::size_t>::max() / 2
                                ? max_size + 1
                                : std::numeric_limits<std::size_t>::max() / 2;
  buffer_.resize(std::min<std::uint64_t>(std::max<std::size_t>(expected + 1, 65536), cap));
  std::size_t filled = 0;
  std::string error;
  for (;;) {
    if (filled == buffer_.size()) {
      if (filled >= cap) break;
      buffer_.resize(std::min<std::uint64_t>(buffer_.size() * 2, cap));
    }
    const ssize_t count = ::read(fd, buffer_.data() + filled, buffer_.size() - filled);
    if (count > 0) {
      filled += static_cast<std::size_t>(count);
    } else if (count == 0) {
      break;
    } else if (errno != EINTR) {
      error = std::string("cannot read: ") + std::strerror(errno);
      break;
    }
  }
  buffer_.resize(filled);
  if (error.empty() && filled > max_size) {
    buffer_.clear();
    return "too large: more than the --max-file-size limit of " + describe_size(max_size) +
           "; the rest was not read";
  }
  return error;
}

}  // namespace snaplint::cli
