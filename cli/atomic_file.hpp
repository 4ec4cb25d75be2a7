// Writing a file the user owns without ever leaving it half-written.
#pragma once

#include <string>
#include <string_view>

namespace snaplint::cli {

// Writes `content` to a temporary file in the target's directory and renames it over `path`, so
// readers see the old file or the new one, never a mix; on any failure the old file is left as it
// was and the temporary file is removed. `mode` (less the umask) is used for a new file; an
// existing file keeps its permissions and, when root writes it, its owner. A symbolic link is
// followed: the file it names is replaced and the link kept. Returns an error message, empty on
// success.
std::string write_file_atomically(const std::string& path, std::string_view content,
                                  unsigned mode = 0644);

}  // namespace snaplint::cli
