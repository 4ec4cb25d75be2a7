// Running the snaplint executable from tests, as a user would.
#pragma once

#include <filesystem>
#include <string>

namespace snaplint::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text);

// Runs a /bin/sh command line in `dir`, with `stdin_text` as its standard input; captures both
// output streams.
ProcessResult run_shell(const std::string& command, const std::filesystem::path& dir,
                        const std::string& stdin_text = "");

// Runs `snaplint ARGS` (ARGS is shell text: quote paths with shell_quote) in `dir`.
ProcessResult run_snaplint(const std::string& args, const std::filesystem::path& dir,
                           const std::string& stdin_text = "");

// A small snapshot with no findings.
extern const std::string clean_graph;

// One finding and nothing else: dangling-edge (an error by default) at 9:39, edge 'e5' to the
// unknown node 'n-8', with the help "did you mean 'n-7'?".
extern const std::string broken_graph;

}  // namespace snaplint::test
