#include "cli_support.hpp"

#include <sys/wait.h>

#include <cstdio>

#include "test_support.hpp"

namespace snaplint::test {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

ProcessResult run_shell(const std::string& command, const std::filesystem::path& dir,
                        const std::string& stdin_text) {
  // stdin and stderr go through files, so a large output on one stream cannot block the other.
  const TempDir scratch;
  const std::filesystem::path input = scratch.path() / "stdin";
  const std::filesystem::path errors = scratch.path() / "stderr";
  write_file(input, stdin_text);
  const std::string full = "cd " + shell_quote(dir.string()) + " && ( " + command + " ) < " +
                           shell_quote(input.string()) + " 2> " + shell_quote(errors.string());
  ProcessResult result;
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t count = 0;
  while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, count);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(errors);
  return result;
}

const std::string clean_graph = R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "Help the user."},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [
    {"id": "e1", "from": "s", "to": "a"},
    {"id": "e2", "from": "a", "to": "e"}
  ]
}}
)";

const std::string broken_graph = R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "n-7", "name": "a", "type": "DefaultNode", "prompt": "Help the user."},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [
    {"id": "e1", "from": "s", "to": "n-7"},
    {"id": "e5", "from": "n-7", "to": "n-8"},
    {"id": "e6", "from": "n-7", "to": "e"}
  ]
}}
)";

ProcessResult run_snaplint(const std::string& args, const std::filesystem::path& dir,
                           const std::string& stdin_text) {
  return run_shell(shell_quote(SNAPLINT_EXECUTABLE) + " " + args, dir, stdin_text);
}

}  // namespace snaplint::test
