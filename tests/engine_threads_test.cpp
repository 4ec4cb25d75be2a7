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

// The nodes and edges read while the parser works (ModelStream) must give the report of a model
// read after the parse, on either engine path.
TEST(EngineThreads, FollowingTheParserGivesTheSameReport) {
  const RuleRegistry& registry = rules::default_registry();
  Engine plain(registry, RuleSelection::all(registry));
  plain.set_follow_threshold(std::numeric_limits<std::size_t>::max());
  plain.set_parallel_threshold(std::numeric_limits<std::size_t>::max());
  Engine followed_parallel(registry, RuleSelection::all(registry));
  followed_parallel.set_follow_threshold(0);
  followed_parallel.set_parallel_threshold(0);
  Engine followed_sequential(registry, RuleSelection::all(registry));
  followed_sequential.set_follow_threshold(0);
  followed_sequential.set_parallel_threshold(std::numeric_limits<std::size_t>::max());
  const std::string clean = bench::generate_snapshot(200, 13);
  std::size_t with_findings = 0;
  for (std::uint32_t seed = 0; seed < 30; ++seed) {
    const std::string text = seed == 0 ? clean : mutate_snapshot(clean, seed, 40);
    const FileReport expected = plain.lint(text, "big.json");
    EXPECT_EQ(render(followed_parallel.lint(text, "big.json")), render(expected)) << seed;
    EXPECT_EQ(render(followed_sequential.lint(text, "big.json")), render(expected)) << seed;
    with_findings += !expected.diagnostics.empty();
  }
  EXPECT_GT(with_findings, 10u) << "the mutated snapshots must give findings to compare";
}

}  // namespace
}  // namespace snaplint::test
