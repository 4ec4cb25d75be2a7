// A large document is linted on two threads (schema check, then rules from a shared queue); the
// report must be the one the sequential order gives, byte for byte, whichever thread ran what.
#include <gtest/gtest.h>

#include <limits>

#include "../bench/snapshot_generator.hpp"
#include "snaplint/engine.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "support/snapshot_mutator.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

std::string render(const FileReport& report) {
  std::string out = report.failure + "\n";
  for (const Diagnostic& diagnostic : report.diagnostics) {
    out += diagnostic.rule + " " + format_for_fixture(diagnostic) + "\n";
  }
  return out;
}

TEST(EngineThreads, TwoThreadsGiveTheSequentialReport) {
  Engine parallel(rules::default_registry(), RuleSelection::all(rules::default_registry()));
  Engine sequential(rules::default_registry(), RuleSelection::all(rules::default_registry()));
  parallel.set_parallel_threshold(0);
  sequential.set_parallel_threshold(std::numeric_limits<std::size_t>::max());
  const std::string clean = bench::generate_snapshot(200, 11);
  bool saw_schema = false;
  bool saw_rules = false;
  for (std::uint32_t seed = 0; seed < 40; ++seed) {
    const std::string text = mutate_snapshot(clean, seed, 40);
    const FileReport expected = sequential.lint(text, "big.json");
    const FileReport got = parallel.lint(text, "big.json");
    EXPECT_EQ(render(got), render(expected)) << "seed " << seed;
    for (const Diagnostic& diagnostic : expected.diagnostics) {
      (diagnostic.rule == "schema" ? saw_schema : saw_rules) = true;
    }
  }
  EXPECT_TRUE(saw_schema && saw_rules) << "the inputs must give both kinds of findings";
}

}  // namespace
}  // namespace snaplint::test
