// One Linter shared by many threads gives the same reports as linting one snapshot at a time.
// .ci/run also runs this suite under ThreadSanitizer, which is what finds a data race that
// happens not to change an output here.
#include <gtest/gtest.h>

#include <cstddef>
#include <latch>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "snaplint/snaplint.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 10;

// The override makes the Linter build a second engine lazily, on the first lint of a name under
// drafts/: that happens while the threads race, not before.
constexpr const char* kConfig = R"({
  "overrides": [{"files": ["drafts/**"], "severity": {"unreachable-node": "off"}}]
})";

struct Case {
  std::string snapshot;
  std::string name;
};

// Everything a report says, in two formats: diagnostics, positions, excerpts, help, fingerprints.
std::string render(const Report& report) {
  std::ostringstream out;
  report.write_json(out);
  report.write_text(out);
  return out.str();
}

std::vector<Case> cases() {
  const std::string broken = read_file(SNAPLINT_SOURCE_DIR "/examples/broken_agent.json");
  const std::string support = read_file(SNAPLINT_SOURCE_DIR "/examples/support_agent.json");
  return {{broken, "live/broken_agent.json"},
          {broken, "drafts/broken_agent.json"},
          {support, "live/support_agent.json"},
          {support, "drafts/support_agent.json"}};
}

TEST(ThreadSafety, OneLinterLintingFromEightThreadsGivesIdenticalReports) {
  const std::vector<Case> all = cases();
  std::vector<std::string> expected;
  {
    const Result<Linter> reference = Linter::create(kConfig);
    ASSERT_TRUE(reference) << reference.error();
    for (const Case& entry : all)
      expected.push_back(render(reference->lint(entry.snapshot, entry.name)));
  }
  // The cases really differ: the snapshots, and the override on the broken one.
  ASSERT_NE(expected[0].find("unreachable-node"), std::string::npos);
  ASSERT_EQ(expected[1].find("unreachable-node"), std::string::npos);
  ASSERT_NE(expected[0], expected[2]);

  const Result<Linter> linter = Linter::create(kConfig);
  ASSERT_TRUE(linter) << linter.error();
  const Linter& shared = *linter;

  // mismatches[t]: what thread t saw that differs from the expected report (written by t only).
  std::vector<std::vector<std::string>> mismatches(kThreads);
  std::vector<int> linted(kThreads, 0);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();  // all threads begin together, on the same snapshot
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < all.size(); ++i) {
          // Half the threads walk the cases backwards, so different snapshots overlap too.
          const std::size_t index = t % 2 == 0 ? i : all.size() - 1 - i;
          const std::string got = render(shared.lint(all[index].snapshot, all[index].name));
          ++linted[t];
          if (got != expected[index]) {
            mismatches[t].push_back(all[index].name + " in round " + std::to_string(round) + ":\n" +
                                    got);
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(linted[t], kRounds * static_cast<int>(all.size()));
    for (const std::string& mismatch : mismatches[t]) {
      ADD_FAILURE() << "thread " << t << " got a different report for " << mismatch;
    }
  }
}

TEST(ThreadSafety, CopiesOfALinterShareItsEnginesAcrossThreads) {
  const std::vector<Case> all = cases();
  const Result<Linter> linter = Linter::create(kConfig);
  ASSERT_TRUE(linter) << linter.error();
  const std::string expected = render(Linter::create(kConfig)->lint(all[1].snapshot, all[1].name));

  std::vector<std::string> got(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    // Each thread owns a copy; the copies share one immutable state and its lazily built engines.
    threads.emplace_back([&, t, copy = *linter] {
      start.arrive_and_wait();
      got[t] = render(copy.lint(all[1].snapshot, all[1].name));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(got[t], expected) << "thread " << t;
}

}  // namespace
}  // namespace snaplint::test
