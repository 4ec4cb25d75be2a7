// `snaplint install-hook`: writes a git pre-commit hook that lints the staged snapshots, for teams
// that do not use the pre-commit framework (which reads .pre-commit-hooks.yaml instead).
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "atomic_file.hpp"
#include "commands.hpp"

extern char** environ;

namespace snaplint::cli {

namespace {

namespace fs = std::filesystem;

// The line by which install-hook knows a hook is its own and may be replaced without --force.
constexpr std::string_view hook_marker = "# installed by snaplint install-hook";

// Where a replaced foreign hook is kept, beside the hook.
constexpr std::string_view backup_suffix = ".snaplint-backup";

// The hook itself. bash rather than POSIX sh: `read -d ''` is the simple safe way to walk the
// NUL-separated names git gives for paths with spaces or newlines (bash 3.2, macOS's, has it).
// @SNAPLINT@ is replaced by the installing executable's absolute path, shell-quoted.
constexpr std::string_view hook_template = R"(#!/usr/bin/env bash
# installed by snaplint install-hook
#
# Git pre-commit hook: lints the staged version of every staged *.json file with snaplint and
# blocks the commit when a file has errors or cannot be linted. Written by `snaplint install-hook`,
# which recognises the line above: run it again to update this file. Delete this file to remove
# the hook; `git commit --no-verify` skips it once. SNAPLINT=/path/to/snaplint picks the executable.
set -u -o pipefail

# $SNAPLINT, else snaplint on PATH, else the snaplint that installed this hook.
installed_snaplint=@SNAPLINT@
if [ -n "${SNAPLINT:-}" ]; then
  snaplint=$SNAPLINT
elif command -v snaplint >/dev/null 2>&1; then
  snaplint=snaplint
else
  snaplint=$installed_snaplint
fi

# The output is captured per file, so snaplint cannot see the terminal: decide colour here.
color=never
if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then
  color=always
fi

checked=0
failed=0
status=0
# Added, copied, modified and renamed files only: a deleted file has nothing to lint. Paths are
# relative to the top of the work tree, where git runs this hook.
while IFS= read -r -d '' -u 3 file; do
  case "/$file" in
    */.snaplint.json) continue ;;  # snaplint's configuration, not a snapshot
  esac
  if [ "$checked" -eq 0 ] && ! command -v "$snaplint" >/dev/null 2>&1; then
    echo "snaplint pre-commit hook: cannot run snaplint ('$snaplint'): put it on PATH or set" \
      "SNAPLINT, or skip the check once with 'git commit --no-verify'" >&2
    exit 2
  fi
  checked=$((checked + 1))
  # The index's version, not the work tree's: that is what is being committed.
  output=$(git cat-file blob ":$file" |
    "$snaplint" check --color "$color" --stdin-filename "$file" - 2>&1)
  code=$?
  if [ "$code" -ne 0 ]; then
    failed=$((failed + 1))
    printf '%s\n' "$output" >&2
    if [ "$code" -eq 1 ] && [ "$status" -eq 0 ]; then
      status=1
    elif [ "$code" -ne 1 ]; then
      status=2
    fi
  fi
done 3< <(git diff --cached --name-only -z --diff-filter=ACMR -- '*.json')

if [ "$status" -ne 0 ]; then
  echo "snaplint: commit blocked: $failed of $checked staged snapshot(s) failed the check." \
    "Fix and 'git add' them, or skip the check once with 'git commit --no-verify'." >&2
fi
exit "$status"
)";

static_assert(hook_template.find(hook_marker) != std::string_view::npos,
              "the hook must carry the marker install-hook looks for");

std::string shell_quote(std::string_view text) {
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

std::string hook_script(const std::string& snaplint_path) {
  std::string script(hook_template);
  const std::size_t at = script.find("@SNAPLINT@");
  script.replace(at, std::string_view("@SNAPLINT@").size(), shell_quote(snaplint_path));
  return script;
}

struct ProcessResult {
  std::string spawn_error;  // set when the program could not be started
  int exit_code = -1;       // -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs a program found on PATH with the given arguments, no shell involved, and collects its
// standard output and error (both drained together, so neither pipe can fill up and stall it).
ProcessResult run_program(const std::vector<std::string>& args) {
  ProcessResult result;
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.spawn_error = std::strerror(errno);
    return result;
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.spawn_error = std::strerror(errno);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    result.spawn_error = std::strerror(spawned);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return result;
  }

  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[4096];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t count = ::read(fds[i].fd, buffer, sizeof buffer);
      if (count > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(count));
      } else if (count == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;  // poll ignores negative descriptors
        --open_count;
      }
    }
  }
  for (const pollfd& fd : fds) {
    if (fd.fd >= 0) ::close(fd.fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

// This executable's absolute path, recorded in the hook for when snaplint is not on PATH.
std::string own_executable() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? std::string() : self.string();
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::istringstream entries(path);
  std::string directory;
  while (std::getline(entries, directory, ':')) {
    if (directory.empty()) directory = ".";
    if (::access((fs::path(directory) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

bool is_snaplint_hook(const fs::path& hook) {
  std::ifstream in(hook, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line == hook_marker) return true;
  }
  return false;
}

std::string trim_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

int run_install_hook(const InstallHookOptions& options) {
  // `--git-path hooks` honours core.hooksPath and, in a linked worktree, gives the shared hooks
  // directory; the answer is relative to the current directory.
  const ProcessResult git = run_program({"git", "rev-parse", "--git-path", "hooks"});
  if (!git.spawn_error.empty()) {
    std::cerr << "snaplint: error: install-hook cannot run git: " << git.spawn_error << '\n';
    return exit_trouble;
  }
  if (git.exit_code != 0 || trim_line(git.out).empty()) {
    std::cerr << "snaplint: error: install-hook must run inside a git repository";
    const std::string reason = trim_line(git.err);
    if (!reason.empty()) std::cerr << " (git: " << reason << ")";
    std::cerr << '\n';
    return exit_trouble;
  }
  const fs::path hooks_directory = trim_line(git.out);
  const fs::path hook = hooks_directory / "pre-commit";
  const fs::path backup = hooks_directory / ("pre-commit" + std::string(backup_suffix));

  std::error_code error;
  fs::create_directories(hooks_directory, error);
  if (error) {
    std::cerr << "snaplint: error: cannot create " << hooks_directory.string() << ": "
              << error.message() << '\n';
    return exit_trouble;
  }
  const fs::file_status existing = fs::symlink_status(hook, error);
  const bool exists = !error && fs::exists(existing);
  if (exists && fs::is_directory(fs::status(hook, error))) {
    std::cerr << "snaplint: error: " << hook.string() << " is a directory\n";
    return exit_trouble;
  }
  const bool ours = exists && is_snaplint_hook(hook);
  const bool replacing = exists && !ours;
  if (replacing && !options.force) {
    std::cerr << "snaplint: error: " << hook.string()
              << " already exists and was not written by snaplint; left unchanged. Run "
                 "'snaplint install-hook --force' to replace it (it is kept as "
              << backup.string() << ")\n";
    return exit_trouble;
  }

  const std::string self = own_executable();
  // A foreign hook is moved aside whole (mode, symbolic link and all), and moved back should
  // the new one fail to be written.
  if (replacing && std::rename(hook.c_str(), backup.c_str()) != 0) {
    std::cerr << "snaplint: error: cannot move " << hook.string() << " to " << backup.string()
              << ": " << std::strerror(errno) << '\n';
    return exit_trouble;
  }
  const std::string write_error = write_file_atomically(hook.string(), hook_script(self), 0755);
  if (!write_error.empty()) {
    if (replacing) std::rename(backup.c_str(), hook.c_str());
    std::cerr << "snaplint: error: " << write_error << '\n';
    return exit_trouble;
  }
  // An updated hook keeps its old mode otherwise; a hook git cannot execute is silently skipped.
  if (::chmod(hook.c_str(), 0755) != 0) {
    std::cerr << "snaplint: error: cannot make " << hook.string()
              << " executable: " << std::strerror(errno) << '\n';
    return exit_trouble;
  }

  if (replacing) {
    std::cout << "Replaced " << hook.string()
              << " with snaplint's pre-commit hook; the old hook is " << backup.string() << "\n";
  } else {
    std::cout << (ours ? "Updated" : "Installed") << " snaplint's pre-commit hook in "
              << hook.string() << "\n";
  }
  if (!on_path("snaplint")) {
    std::cout << "Note: snaplint is not on PATH; the hook will run " << self
              << " (set SNAPLINT to use another)\n";
  }
  return exit_clean;
}

}  // namespace snaplint::cli
