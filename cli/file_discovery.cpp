#include "file_discovery.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace snaplint::cli {

namespace fs = std::filesystem;

namespace {

std::string display(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  return text.empty() ? "." : text;
}

// One directory at a time, so a subdirectory that cannot be read is reported and the walk goes
// on (recursive_directory_iterator ends the whole walk at the first such error, silently dropping
// every file after it).
void walk(const fs::path& directory, std::vector<InputFile>& found) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  std::vector<fs::path> subdirectories;
  for (const fs::directory_iterator end; !error && it != end; it.increment(error)) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    // Hidden files and directories are tool settings, not snapshots: .git, .snaplint.json,
    // .snaplint-baseline.json.
    if (name.empty() || name[0] == '.') continue;
    std::error_code status_error;
    if (entry.is_directory(status_error)) {
      // A link to a directory is not followed: no loops, and no file reached twice.
      if (!entry.is_symlink(status_error)) subdirectories.push_back(entry.path());
      continue;
    }
    if (entry.path().extension() == ".json") {
      found.push_back({display(entry.path()), entry.path().string(), ""});
    }
  }
  if (error) {
    found.push_back(
        {display(directory), directory.string(), "cannot read directory: " + error.message()});
  }
  for (const fs::path& subdirectory : subdirectories) walk(subdirectory, found);
}

void add_directory(const fs::path& root, std::vector<InputFile>& out) {
  std::vector<InputFile> found;
  walk(root, found);
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
    if (status.type() == fs::file_type::not_found) {
      files.push_back({path, path, "cannot read: no such file or directory"});
    } else if (error) {
      // A loop of symbolic links, a directory on the way that cannot be searched...
      files.push_back({path, path, "cannot read: " + error.message()});
    } else if (fs::is_directory(status)) {
      add_directory(path, files);
    } else {
      files.push_back({path, path, ""});
    }
  }
  return files;
}

}  // namespace snaplint::cli
