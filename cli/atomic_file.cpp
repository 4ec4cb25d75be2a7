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

// A symbolic link is followed, so the link stays a link and the file it names is updated (as a
// plain write would do); a link that leads nowhere is replaced.
std::filesystem::path resolve_link(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_symlink(fs::symlink_status(path, error))) return path;
  fs::path resolved = fs::canonical(path, error);
  return error ? path : resolved;
}

// The mode a new file gets from open(2) with `mode`: the process's umask applies. The umask can
// only be read by setting it; this runs on the main thread, after the linting threads joined.
unsigned with_umask(unsigned mode) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mode & ~static_cast<unsigned>(mask);
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view content,
                                  unsigned mode) {
  namespace fs = std::filesystem;
  const fs::path target = resolve_link(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (directory / ("." + target.filename().string() + ".snaplint-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) return describe_errno("cannot create a temporary file in " + directory.string());

  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode);
  std::string error;
  if (fchmod(fd, exists ? (existing.st_mode & 07777) : with_umask(mode)) != 0) {
    error = describe_errno("cannot set permissions of " + temp);
  }
  if (exists && fchown(fd, existing.st_uid, existing.st_gid) != 0) {
    // Only root may give a file away; anyone else's rewrite becomes theirs, as with any editor.
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
  if (error.empty() && std::rename(temp.c_str(), target.c_str()) != 0) {
    error = describe_errno("cannot replace " + target.string());
  }
  if (!error.empty()) {
    ::unlink(temp.c_str());
    return exists ? error + "; " + path + " is unchanged" : error;
  }
  // The rename itself is durable once the directory is synced.
  const int directory_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory_fd >= 0) {
    ::fsync(directory_fd);
    ::close(directory_fd);
  }
  return {};
}

}  // namespace snaplint::cli
