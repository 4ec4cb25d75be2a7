#include "file_discovery.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace snaplint::cli {

namespace fs = std::filesystem;

namespace {

std::string display(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

void add_directory(const fs::path& root, std::vector<InputFile>& out) {
  std::vector<InputFile> found;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  if (error) {
    out.push_back({display(root), root.string(), "cannot read directory: " + error.message()});
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
    if (error) {
      found.push_back(
          {display(it->path()), it->path().string(), "cannot read directory: " + error.message()});
      error.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    std::error_code status_error;
    if (entry.is_directory(status_error)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    // Hidden files are tool settings, not snapshots: .snaplint.json, .snaplint-baseline.json.
    if (entry.path().extension() != ".json" || name[0] == '.') continue;
    found.push_back({display(entry.path()), entry.path().string(), ""});
  }
  std::sort(found.begin(), found.end(),
            [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::vector<InputFile> discover_files(const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back({"<stdin>", "", ""});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      files.push_back({path, path, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      add_directory(path, files);
    } else {
      files.push_back({path, path, ""});
    }
  }
  return files;
}

std::string read_input(const InputFile& input, std::string& bytes) {
  bytes.clear();
  int fd = STDIN_FILENO;
  std::size_t expected = 0;
  if (!input.path.empty()) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::strerror(errno);
    struct stat info {};
    if (::fstat(fd, &info) == 0) {
      if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return "not a regular file";
      }
      expected = static_cast<std::size_t>(info.st_size);
      ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    }
  }
  // Read straight into the buffer; grow it only if the file is longer than fstat said (stdin,
  // or a file being appended to).
  bytes.resize(std::max<std::size_t>(expected + 1, 65536));
  std::size_t filled = 0;
  std::string error;
  for (;;) {
    if (filled == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t count = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (count > 0) {
      filled += static_cast<std::size_t>(count);
    } else if (count == 0) {
      break;
    } else if (errno != EINTR) {
      error = std::strerror(errno);
      break;
    }
  }
  bytes.resize(filled);
  if (fd != STDIN_FILENO) ::close(fd);
  return error;
}

}  // namespace snaplint::cli
