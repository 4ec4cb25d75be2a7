// `check --jobs N` lints files in parallel; what it prints must not depend on N, on the order of
// the command line, or on whether a file was read or mapped.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

// One dangling edge (an error) at line 6 of the graph, to a target named after `number` so the
// files of a run can be told apart in its output.
std::string numbered_broken_graph(int number) {
  return R"({"graph": {
  "nodes": [{"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}],
  "edges": [
    {"id": "e1", "from": "s", "to": "e"},
    {"id": "e2", "from": "s", "to": "missing-)" +
         std::to_string(number) + R"("}
  ]
}}
)";
}

// A directory of clean, broken, invalid and unreadable files.
void fill(const fs::path& dir) {
  fs::create_directories(dir / "agents" / "nested");
  for (int i = 0; i < 40; ++i) {
    const fs::path file =
        dir / "agents" / (i % 3 == 0 ? "nested" : "") / ("agent-" + std::to_string(i) + ".json");
    write_file(file, i % 5 == 0 ? std::string("{\"graph\": [1,")
                     : i % 2    ? numbered_broken_graph(i)
                                : clean_graph);
  }
  fs::create_symlink(dir / "gone.json", dir / "agents" / "dangling.json");
}

TEST(CliJobs, OutputIsTheSameForEveryNumberOfJobs) {
  TempDir dir;
  fill(dir.path());
  for (const std::string format : {"text", "json"}) {
    const ProcessResult one =
        run_snaplint("check --format " + format + " --jobs 1 agents", dir.path());
    EXPECT_EQ(one.exit_code, 2);
    EXPECT_NE(one.out.find("missing-39"), std::string::npos) << one.out;
    for (const std::string jobs : {"--jobs 2", "-j 7", ""}) {
      const ProcessResult many =
          run_snaplint("check --format " + format + " " + jobs + " agents", dir.path());
      EXPECT_EQ(many.exit_code, one.exit_code) << jobs;
      EXPECT_EQ(many.out, one.out) << jobs;
      EXPECT_EQ(many.err, one.err) << jobs;
    }
  }
}

TEST(CliJobs, ReportsComeInPathOrderWhateverTheCommandLineOrder) {
  TempDir dir;
  write_file(dir.path() / "a.json", numbered_broken_graph(1));
  write_file(dir.path() / "b.json", numbered_broken_graph(2));
  write_file(dir.path() / "c.json", numbered_broken_graph(3));
  const ProcessResult forward = run_snaplint("check a.json b.json c.json", dir.path());
  const ProcessResult backward = run_snaplint("check c.json ./b.json a.json", dir.path());
  EXPECT_EQ(backward.out, forward.out);
  EXPECT_LT(forward.out.find("a.json:"), forward.out.find("b.json:"));
  EXPECT_LT(forward.out.find("b.json:"), forward.out.find("c.json:"));

  const ProcessResult twice = run_snaplint("check a.json a.json", dir.path());
  EXPECT_NE(twice.out.find("in 1 file"), std::string::npos) << twice.out;
}

TEST(CliJobs, LargeFilesAreMappedAndReportedAtTheRightPlace) {
  TempDir dir;
  // 2 MiB of leading blank lines: past the size where files are mapped instead of read.
  write_file(dir.path() / "big.json", std::string(2 << 20, '\n') + numbered_broken_graph(9));
  const ProcessResult run = run_snaplint("check big.json", dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("big.json:" + std::to_string((2 << 20) + 6) + ":", 0), 0u)
      << run.out.substr(0, 200);
}

TEST(CliJobs, RejectsANegativeOrHugeJobCount) {
  TempDir dir;
  EXPECT_EQ(run_snaplint("check --jobs -1 .", dir.path()).exit_code, 2);
  EXPECT_EQ(run_snaplint("check --jobs 100000 .", dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace snaplint::test
