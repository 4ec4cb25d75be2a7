// The pre-commit integrations, end to end with the real tools: this repository's
// .pre-commit-hooks.yaml run by the pre-commit framework, and the hook `snaplint install-hook`
// writes, run by `git commit`. Each test works in its own temporary repository with HOME and
// the caches pointed inside it, so neither the user's git config nor the network plays a part.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output and error together, as a user would see them
};

std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream entries(path ? path : "");
  std::string directory;
  while (std::getline(entries, directory, ':')) {
    const fs::path candidate = fs::path(directory.empty() ? "." : directory) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// A temporary git repository plus the environment every command in it runs with.
class Sandbox {
 public:
  Sandbox() : repo_(dir_.path() / "repo") {
    fs::create_directories(dir_.path() / "home");
    set("HOME", (dir_.path() / "home").string());
    set("XDG_CONFIG_HOME", (dir_.path() / "home" / ".config").string());
    set("XDG_CACHE_HOME", (dir_.path() / "cache").string());
    set("PRE_COMMIT_HOME", (dir_.path() / "cache" / "pre-commit").string());
    set("GIT_CONFIG_NOSYSTEM", "1");
    // The snaplint under test comes first on PATH, as an installed one would be.
    const char* path = std::getenv("PATH");
    set("PATH", fs::path(SNAPLINT_EXECUTABLE).parent_path().string() + ":" +
                    (path ? path : "/usr/bin:/bin"));
    // Nothing from an enclosing git process (these tests may run inside a hook) or the user.
    for (const char* name : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                             "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_CONFIG", "GIT_CONFIG_GLOBAL",
                             "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "SNAPLINT", "NO_COLOR"}) {
      unset(name);
    }
    fs::create_directories(repo_);
    init_repository(repo_);
  }

  const fs::path& repo() const { return repo_; }
  const fs::path& root() const { return dir_.path(); }

  void set(const std::string& name, const std::string& value) { env_.push_back({name, value}); }
  void unset(const std::string& name) { env_.push_back({name, std::nullopt}); }

  // Runs `args` (found on PATH, no shell) in `dir`, with standard input from /dev/null.
  CommandResult run(const std::vector<std::string>& args, const fs::path& dir) const {
    CommandResult result;
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return result;
    const pid_t pid = fork();
    if (pid == 0) {
      ::close(pipe_fds[0]);
      dup2(pipe_fds[1], STDOUT_FILENO);
      dup2(pipe_fds[1], STDERR_FILENO);
      ::close(pipe_fds[1]);
      const int null_fd = ::open("/dev/null", O_RDONLY);
      dup2(null_fd, STDIN_FILENO);
      for (const auto& [name, value] : env_) {
        if (value) {
          setenv(name.c_str(), value->c_str(), 1);
        } else {
          unsetenv(name.c_str());
        }
      }
      if (chdir(dir.c_str()) != 0) _exit(126);
      std::vector<char*> argv;
      for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
      argv.push_back(nullptr);
      execvp(argv[0], argv.data());
      _exit(127);
    }
    ::close(pipe_fds[1]);
    if (pid < 0) {
      ::close(pipe_fds[0]);
      return result;
    }
    char buffer[4096];
    ssize_t count = 0;
    while ((count = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0) {
      if (count < 0) {
        if (errno == EINTR) continue;
        break;
      }
      result.output.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(pipe_fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
  }

  CommandResult run(const std::vector<std::string>& args) const { return run(args, repo_); }

  // `git ARGS` in the repository; fails the test when git does.
  std::string git(const std::vector<std::string>& args, const fs::path& dir) const {
    std::vector<std::string> command = {"git"};
    command.insert(command.end(), args.begin(), args.end());
    const CommandResult result = run(command, dir);
    EXPECT_EQ(result.exit_code, 0) << "git failed: " << result.output;
    return result.output;
  }
  std::string git(const std::vector<std::string>& args) const { return git(args, repo_); }

  void init_repository(const fs::path& dir) const {
    git({"init", "-q"}, dir);
    git({"config", "user.name", "Snaplint Test"}, dir);
    git({"config", "user.email", "test@snaplint.invalid"}, dir);
    git({"config", "commit.gpgsign", "false"}, dir);
  }

  // Writes `content` to `name` in the repository and stages it.
  void stage(const std::string& name, const std::string& content) const {
    fs::create_directories((repo_ / name).parent_path());
    write_file(repo_ / name, content);
    git({"add", "--", name});
  }

  CommandResult commit(const std::string& message = "change") const {
    return run({"git", "commit", "-q", "-m", message});
  }

  CommandResult install_hook(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> command = {SNAPLINT_EXECUTABLE, "install-hook"};
    command.insert(command.end(), extra.begin(), extra.end());
    return run(command);
  }

  fs::path hook_path() const { return repo_ / ".git" / "hooks" / "pre-commit"; }

 private:
  TempDir dir_;
  fs::path repo_;
  std::vector<std::pair<std::string, std::optional<std::string>>> env_;
};

#define SKIP_WITHOUT(program)                                                     \
  do {                                                                            \
    if (find_on_path(program).empty()) {                                          \
      GTEST_SKIP() << "'" program "' is not on PATH; install the Debian package"; \
    }                                                                             \
  } while (false)

// --- The pre-commit framework with this repository's .pre-commit-hooks.yaml ---

// pre-commit clones the hook repository at a commit, so the working copy's hooks file (perhaps
// not committed yet) is committed into a repository of its own first.
void use_this_repositorys_hook(const Sandbox& box) {
  const fs::path hook_repo = box.root() / "hook-repo";
  fs::create_directories(hook_repo);
  box.init_repository(hook_repo);
  fs::copy_file(fs::path(SNAPLINT_SOURCE_DIR) / ".pre-commit-hooks.yaml",
                hook_repo / ".pre-commit-hooks.yaml");
  box.git({"add", ".pre-commit-hooks.yaml"}, hook_repo);
  box.git({"commit", "-q", "-m", "hooks"}, hook_repo);
  std::string sha = box.git({"rev-parse", "HEAD"}, hook_repo);
  while (!sha.empty() && sha.back() == '\n') sha.pop_back();
  const std::string config = "repos:\n  - repo: " + hook_repo.string() + "\n    rev: " + sha +
                             "\n    hooks:\n      - id: snaplint\n";
  write_file(box.repo() / ".pre-commit-config.yaml", config);
  box.git({"add", ".pre-commit-config.yaml"});
  const CommandResult install = box.run({"pre-commit", "install"});
  ASSERT_EQ(install.exit_code, 0) << install.output;
}

TEST(PreCommitFramework, BlocksABrokenSnapshotAndPassesACleanOne) {
  SKIP_WITHOUT("git");
  SKIP_WITHOUT("pre-commit");
  Sandbox box;
  use_this_repositorys_hook(box);
  ASSERT_FALSE(HasFatalFailure());

  box.stage("agents/support agent.json", clean_graph);
  // Taken for a snapshot, snaplint's configuration would fail: it has no graph.
  box.stage(".snaplint.json", "{\"ignore\": [\"unused-tool\"]}\n");
  const CommandResult clean = box.commit();
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  // "Skipped" instead would mean the hook found no file to lint.
  EXPECT_NE(clean.output.find("Passed"), std::string::npos) << clean.output;

  box.stage("agents/broken.json", broken_graph);
  const CommandResult broken = box.commit();
  EXPECT_NE(broken.exit_code, 0);
  EXPECT_NE(broken.output.find("agents/broken.json"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("[dangling-edge]"), std::string::npos) << broken.output;
}

// --- `snaplint install-hook` ---

bool is_snaplint_hook(const fs::path& hook) {
  return read_file(hook).find("\n# installed by snaplint install-hook\n") != std::string::npos;
}

TEST(InstallHook, WritesAnExecutableHookThatLintsStagedSnapshots) {
  SKIP_WITHOUT("git");
  Sandbox box;
  const CommandResult install = box.install_hook();
  ASSERT_EQ(install.exit_code, 0) << install.output;
  ASSERT_TRUE(is_snaplint_hook(box.hook_path()));
  struct stat info {};
  ASSERT_EQ(stat(box.hook_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0755u);

  box.stage("clean.json", clean_graph);
  const CommandResult clean = box.commit();
  EXPECT_EQ(clean.exit_code, 0) << clean.output;

  box.stage("broken.json", broken_graph);
  const CommandResult broken = box.commit();
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("broken.json:"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("[dangling-edge]"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("commit blocked"), std::string::npos) << broken.output;
}

TEST(InstallHook, LintsTheStagedVersionNotTheWorkingCopy) {
  SKIP_WITHOUT("git");
  Sandbox box;
  ASSERT_EQ(box.install_hook().exit_code, 0);

  // Broken in the index, fixed on disk only: what would be committed is broken.
  box.stage("agent.json", broken_graph);
  write_file(box.repo() / "agent.json", clean_graph);
  const CommandResult blocked = box.commit();
  EXPECT_EQ(blocked.exit_code, 1) << blocked.output;
  EXPECT_NE(blocked.output.find("[dangling-edge]"), std::string::npos) << blocked.output;

  // Clean in the index, broken on disk only: what would be committed is clean.
  box.stage("agent.json", clean_graph);
  write_file(box.repo() / "agent.json", broken_graph);
  const CommandResult allowed = box.commit();
  EXPECT_EQ(allowed.exit_code, 0) << allowed.output;
}

TEST(InstallHook, HandlesFileNamesWithSpacesAndNewlines) {
  SKIP_WITHOUT("git");
  Sandbox box;
  ASSERT_EQ(box.install_hook().exit_code, 0);
  // Split at whitespace, these names would be files that do not exist, and block the commit.
  box.stage("my agent.json", clean_graph);
  box.stage("two\nlines.json", clean_graph);
  const CommandResult clean = box.commit();
  EXPECT_EQ(clean.exit_code, 0) << clean.output;

  box.stage("sub dir/broken agent.json", broken_graph);
  const CommandResult broken = box.commit();
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("sub dir/broken agent.json:"), std::string::npos) << broken.output;
}

TEST(InstallHook, DoesNotRunSnaplintWhenNoSnapshotIsStaged) {
  SKIP_WITHOUT("git");
  Sandbox box;
  ASSERT_EQ(box.install_hook().exit_code, 0);
  box.stage("broken.json", broken_graph);
  ASSERT_EQ(box.run({"git", "commit", "-q", "--no-verify", "-m", "broken"}).exit_code, 0);
  // `false` as snaplint blocks any commit that runs it.
  box.set("SNAPLINT", "false");
  box.stage("notes.txt", "not a snapshot\n");
  const CommandResult text_only = box.commit();
  EXPECT_EQ(text_only.exit_code, 0) << text_only.output;
  // Deleting a snapshot leaves nothing to lint either, nor does a .snaplint.json.
  box.git({"rm", "-q", "broken.json"});
  box.stage(".snaplint.json", "{}\n");
  const CommandResult removal = box.commit();
  EXPECT_EQ(removal.exit_code, 0) << removal.output;

  box.stage("agent.json", clean_graph);
  EXPECT_NE(box.commit().exit_code, 0) << "SNAPLINT does not choose the executable";
}

TEST(InstallHook, FallsBackToTheInstallingExecutableWhenSnaplintIsNotOnPath) {
  SKIP_WITHOUT("git");
  Sandbox box;
  ASSERT_EQ(box.install_hook().exit_code, 0);
  // git itself stays reachable; the directory with the snaplint under test does not.
  box.set("PATH", fs::path(find_on_path("git")).parent_path().string() + ":/usr/bin:/bin");
  box.stage("broken.json", broken_graph);
  const CommandResult broken = box.commit();
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("[dangling-edge]"), std::string::npos) << broken.output;
}

TEST(InstallHook, BlocksTheCommitWhenSnaplintCannotRun) {
  SKIP_WITHOUT("git");
  Sandbox box;
  ASSERT_EQ(box.install_hook().exit_code, 0);
  box.set("SNAPLINT", (box.root() / "no-such-snaplint").string());
  box.stage("agent.json", clean_graph);
  const CommandResult run = box.commit();
  EXPECT_EQ(run.exit_code, 1);  // git's own exit code for a rejected commit
  EXPECT_NE(run.output.find("cannot run snaplint"), std::string::npos) << run.output;
}

TEST(InstallHook, RefusesToReplaceAForeignHookUnlessForced) {
  SKIP_WITHOUT("git");
  Sandbox box;
  const std::string foreign = "#!/bin/sh\necho someone else's hook\n";
  fs::create_directories(box.hook_path().parent_path());
  write_file(box.hook_path(), foreign);

  const CommandResult refused = box.install_hook();
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.output.find("--force"), std::string::npos) << refused.output;
  EXPECT_EQ(read_file(box.hook_path()), foreign);

  const CommandResult forced = box.install_hook({"--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_TRUE(is_snaplint_hook(box.hook_path()));
  const fs::path backup = box.hook_path().string() + ".snaplint-backup";
  EXPECT_EQ(read_file(backup), foreign);

  // Its own hook is simply updated, and the backup stays as it was.
  write_file(box.hook_path(), read_file(box.hook_path()) + "# an older version\n");
  const CommandResult again = box.install_hook();
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(read_file(box.hook_path()).find("an older version"), std::string::npos);
  EXPECT_TRUE(is_snaplint_hook(box.hook_path()));
  EXPECT_EQ(read_file(backup), foreign);
}

TEST(InstallHook, FollowsCoreHooksPathFromASubdirectory) {
  SKIP_WITHOUT("git");
  Sandbox box;
  box.git({"config", "core.hooksPath", "team-hooks"});
  fs::create_directories(box.repo() / "agents" / "drafts");
  const CommandResult install =
      box.run({SNAPLINT_EXECUTABLE, "install-hook"}, box.repo() / "agents" / "drafts");
  ASSERT_EQ(install.exit_code, 0) << install.output;
  EXPECT_TRUE(is_snaplint_hook(box.repo() / "team-hooks" / "pre-commit"));
  EXPECT_FALSE(fs::exists(box.hook_path()));

  box.stage("agents/broken.json", broken_graph);
  EXPECT_EQ(box.commit().exit_code, 1);
}

TEST(InstallHook, NeedsAGitRepository) {
  SKIP_WITHOUT("git");
  Sandbox box;
  const fs::path outside = box.root() / "not-a-repo";
  fs::create_directories(outside);
  // Stop git's search for a repository above the temporary directory.
  box.set("GIT_CEILING_DIRECTORIES", box.root().string());
  const CommandResult run = box.run({SNAPLINT_EXECUTABLE, "install-hook"}, outside);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("must run inside a git repository"), std::string::npos) << run.output;
  EXPECT_TRUE(fs::is_empty(outside));
}

}  // namespace
}  // namespace snaplint::test
