#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace snaplint::cli {

namespace {

std::string describe_errno(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view content,
                                  unsigned mode) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (directory / ("." + target.filename().string() + ".snaplint-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) return describe_errno("cannot create a temporary file in " + directory.string());

  struct stat existing {};
  const bool exists = stat(path.c_str(), &existing) == 0;
  std::string error;
  if (fchmod(fd, exists ? (existing.st_mode & 07777) : mode) != 0) {
    error = describe_errno("cannot set permissions of " + temp);
  }
  for (std::size_t written = 0; error.empty() && written < content.size();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = describe_errno("cannot write " + temp);
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  if (error.empty() && fsync(fd) != 0) error = describe_errno("cannot write " + temp);
  if (::close(fd) != 0 && error.empty()) error = describe_errno("cannot write " + temp);
  if (error.empty() && std::rename(temp.c_str(), path.c_str()) != 0) {
    error = describe_errno("cannot replace " + path);
  }
  if (!error.empty()) ::unlink(temp.c_str());
  return error;
}

}  // namespace snaplint::cli
