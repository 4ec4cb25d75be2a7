// Turns the paths on the command line into the list of files to lint (input_bytes.hpp reads them).
#pragma once

#include <string>
#include <vector>

namespace snaplint::cli {

struct InputFile {
  std::string display_path;  // as shown in reports
  std::string path;          // as opened; empty for standard input
  std::string problem;       // why the path cannot be linted ("cannot read: ..."), or empty
};

// Files are taken as given; directories are searched recursively for *.json files, in sorted
// order, skipping hidden directories and files (.snaplint.json is a config, not a snapshot) and not
// following symbolic links to directories (so a link loop ends the walk instead of feeding it); a
// *.json link that leads nowhere or into a loop is listed, and reported when it cannot be opened.
// "-" is standard input.
std::vector<InputFile> discover_files(const std::vector<std::string>& paths);

}  // namespace snaplint::cli
