// Google Benchmark: whole-file lint of generated snapshots, the parse alone, and each rule on
// its own (iterating the registry, so a new rule is benchmarked without new code).
#include <benchmark/benchmark.h>

#include "snaplint/agent_graph.hpp"
#include "snaplint/engine.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "snapshot_generator.hpp"

namespace {

using namespace snaplint;

void BM_LintFile(benchmark::State& state) {
  const std::string text = bench::generate_snapshot(static_cast<std::size_t>(state.range(0)));
  const RuleRegistry& registry = rules::default_registry();
  const Engine linter(registry, RuleSelection::all(registry));
  for (auto _ : state) {
    FileReport report = linter.lint(text, "bench.json");
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LintFile)->Arg(20)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ParseToTape(benchmark::State& state) {
  const SourceFile source(bench::generate_snapshot(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) {
    JsonDocument doc(source);
    ParseResult result = parse_json(source, doc);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * source.size()));
}
BENCHMARK(BM_ParseToTape)->Arg(20)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

class NullReporter final : public Reporter {
 public:
  void report(Finding finding) override { benchmark::DoNotOptimize(finding); }
};

void BM_Rule(benchmark::State& state, const Rule* rule) {
  const SourceFile source(bench::generate_snapshot(10000));
  JsonDocument doc(source);
  parse_json(source, doc);
  const Model model = build_model(doc);
  const AgentGraph graph = build_agent_graph(model);
  const RuleSelection selection = RuleSelection::all(rules::default_registry());
  const LintContext context{doc, model, graph, selection, rule->info()};
  NullReporter reporter;
  for (auto _ : state) rule->check(context, reporter);
}

const bool registered = [] {
  for (const Rule* rule : rules::all_rules()) {
    benchmark::RegisterBenchmark(("BM_Rule/" + std::string(rule->info().name) + "/10000").c_str(),
                                 BM_Rule, rule)
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
