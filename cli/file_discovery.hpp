// Turns the paths on the command line into the list of files to lint, and reads them.
#pragma once

#include <string>
#include <vector>

namespace snaplint::cli {

struct InputFile {
  std::string display_path;  // as shown in reports
  std::string path;          // as opened; empty for standard input
  std::string problem;       // set when the path cannot be linted (missing, unreadable, ...)
};

// Files are taken as given; directories are searched recursively for *.json files, in sorted
// order, skipping hidden directories and files (.snaplint.json is a config, not a snapshot) and not
// following symbolic links to directories. "-" is standard input.
std::vector<InputFile> discover_files(const std::vector<std::string>& paths);

// Reads the whole file (or standard input) into `bytes`; returns an error message on failure.
std::string read_input(const InputFile& input, std::string& bytes);

}  // namespace snaplint::cli
