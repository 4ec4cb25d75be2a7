// Google Benchmark: snaplint's stages one at a time, on generated snapshots of 1k to 1M nodes
// (issue 6), so a regression shows in the stage that caused it. Every case reports bytes/s (of
// the snapshot file) and items/s (its nodes plus edges); the checking stages also report the
// number of findings, which is 0 on the generator's clean snapshots.
//
//   BM_Read/read/<n>, BM_Read/mmap/<n>  the file's bytes from disk (page cache: warm reads)
//   BM_Parse/<n>                        parse_json into a fresh JsonDocument (the tape and index)
//   BM_Schema/<n>                       SchemaCheck::shared(): valijson once per shape
//   BM_SchemaWholeDocument/<n>          valijson over every value: the reference (1k, 10k only)
//   BM_ModelAndGraph/<n>                build_model + build_agent_graph
//   BM_Rule/<rule>/<n>                  each registered rule's check alone (10k, 100k; and 1M with
//                                       --rules_at_1m, which makes the full run longer: most
//                                       rules take 5-400 ms there)
//   BM_Lint/<n>                         the whole Engine::lint, every rule enabled
//   BM_LibraryCall/20                   Linter::lint on a 20-node snapshot (target 5: <= 0.2 ms)
//
// The whole suite takes about 3.5 minutes on 2 cores and 3 GB of memory at its peak (the 1M-node
// cases; their file, 768 MB, is written to the temporary directory). At small N only, as CI does:
//
//   snaplint_bench --benchmark_min_time=0.05
//     --benchmark_filter='^BM_[A-Za-z]+/(read/|mmap/)?1000$|^BM_Rule/.*/10000$|^BM_LibraryCall/'
//
// No case sets its own iteration count or minimum time: those would append "/iterations:1" or
// "/min_time:..." to the names, and a 1M-node stage already takes longer than the default
// minimum time, so Google Benchmark runs it once.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "snaplint/agent_graph.hpp"
#include "snaplint/engine.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/model.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "snaplint/schema_check.hpp"
#include "snapshot_generator.hpp"

namespace {

using namespace snaplint;

constexpr std::size_t small_snapshot = 20;  // a typical hand-written agent (targets 3 and 5)

// ---------------------------------------------------------------------------------------------
// Inputs. Each size is generated, parsed and modelled once, on first use, and kept for the rest
// of the run: a filter that selects only small sizes never builds the 1M-node snapshot.

// A generated snapshot, parsed and modelled outside any timed loop.
struct Input {
  explicit Input(std::size_t node_count)
      : text(bench::generate_snapshot(node_count)), source(SourceFile::borrow(text)), doc(source) {
    parsed = !parse_json(source, doc).error.has_value();
    if (!parsed) return;  // every case that needs the document skips itself
    model = build_model(doc);
    graph = build_agent_graph(model);
  }
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  // What items/s counts: the graph's nodes and edges.
  std::int64_t items() const {
    return static_cast<std::int64_t>(model.nodes.size() + model.edges.size());
  }
  std::int64_t bytes() const { return static_cast<std::int64_t>(text.size()); }

  const std::string text;
  const SourceFile source;  // borrows `text`
  JsonDocument doc;
  bool parsed = false;
  Model model;
  AgentGraph graph;
};

const Input& input(std::size_t node_count) {
  static std::map<std::size_t, std::unique_ptr<const Input>> inputs;
  std::unique_ptr<const Input>& slot = inputs[node_count];
  if (!slot) slot = std::make_unique<const Input>(node_count);
  return *slot;
}

// The snapshot of `node_count` nodes written once to the temporary directory; the files are
// removed when the program ends.
class TempFiles {
 public:
  ~TempFiles() {
    std::error_code ignored;
    for (const auto& [count, path] : paths_) std::filesystem::remove(path, ignored);
  }
  // An empty path when the file could not be written.
  const std::filesystem::path& path(std::size_t node_count) {
    std::filesystem::path& path = paths_[node_count];
    if (!path.empty()) return path;
    const std::string& text = input(node_count).text;
    std::error_code error;
    const std::filesystem::path directory = std::filesystem::temp_directory_path(error);
    if (error) return path;
    path = directory / ("snaplint-bench-" + std::to_string(::getpid()) + "-" +
                        std::to_string(node_count) + ".json");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
      path.clear();
    }
    return path;
  }

 private:
  std::map<std::size_t, std::filesystem::path> paths_;
};

const std::filesystem::path& snapshot_file(std::size_t node_count) {
  static TempFiles files;
  return files.path(node_count);
}

void set_throughput(benchmark::State& state, const Input& in) {
  state.SetBytesProcessed(state.iterations() * in.bytes());
  state.SetItemsProcessed(state.iterations() * in.items());
}

// The input of the case's size (its argument), or nullptr when it does not parse: the case is
// then skipped.
const Input* input_for(benchmark::State& state) {
  const Input& in = input(static_cast<std::size_t>(state.range(0)));
  if (in.parsed) return &in;
  state.SkipWithError("the generated snapshot does not parse");
  return nullptr;
}

// Discards findings, counting them (the `findings` counter: 0 on a clean snapshot).
class CountingReporter final : public Reporter {
 public:
  void report(Finding finding) override {
    benchmark::DoNotOptimize(finding);
    ++count;
  }
  std::size_t count = 0;
};

// ---------------------------------------------------------------------------------------------
// read: the bytes of the file, the two ways the CLI can get them (cli/input_bytes.cpp). The file
// was just written, so it is in the page cache: this is the cost of a warm read, not of the disk.

enum class ReadVariant { read, mmap };

// read(2) into a buffer sized and touched once, outside the loop, as when one process lints many
// files.
bool read_into(const char* path, std::vector<char>& buffer) {
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  bool ok = ::fstat(fd, &info) == 0;
  const auto size = static_cast<std::size_t>(info.st_size);
  if (ok && buffer.size() < size) buffer.resize(size);
  std::size_t done = 0;
  while (ok && done < size) {
    const ssize_t got = ::read(fd, buffer.data() + done, size - done);
    if (got <= 0) ok = false;
    done += got > 0 ? static_cast<std::size_t>(got) : 0;
  }
  ::close(fd);
  return ok;
}

// mmap(2) as the CLI maps a large file, then one load per page: a mapping costs nothing until
// its pages are faulted in, which is the real price. Nothing is copied, so its bytes/s can
// exceed memory bandwidth. Returns false on failure.
bool map_and_touch(const char* path, std::uint64_t& checksum) {
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_size <= 0) {
    ::close(fd);
    return false;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapping == MAP_FAILED) return false;
  ::madvise(mapping, size, MADV_SEQUENTIAL);
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto* bytes = static_cast<const volatile unsigned char*>(mapping);
  for (std::size_t at = 0; at < size; at += page) checksum += bytes[at];
  ::munmap(mapping, size);
  return true;
}

void BM_Read(benchmark::State& state, ReadVariant variant) {
  const Input* in = input_for(state);
  if (!in) return;
  const std::filesystem::path& path = snapshot_file(static_cast<std::size_t>(state.range(0)));
  if (path.empty()) {
    state.SkipWithError("could not write the snapshot to the temporary directory");
    return;
  }
  std::vector<char> buffer(variant == ReadVariant::read ? in->text.size() : 0);
  std::uint64_t checksum = 0;
  for (auto _ : state) {
    const bool ok = variant == ReadVariant::read ? read_into(path.c_str(), buffer)
                                                 : map_and_touch(path.c_str(), checksum);
    if (!ok) {
      state.SkipWithError("could not read the snapshot file");
      break;
    }
    benchmark::DoNotOptimize(buffer.data());
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(checksum);
  set_throughput(state, *in);
}

// ---------------------------------------------------------------------------------------------
// The stages of Engine::lint (lib/src/engine.cpp), each alone.

// A fresh document per iteration, as Engine::lint builds one per file: the time includes
// allocating (and first touching) the tape.
void BM_Parse(benchmark::State& state) {
  const Input* in = input_for(state);
  if (!in) return;
  for (auto _ : state) {
    JsonDocument doc(in->source);
    ParseResult result = parse_json(in->source, doc);
    benchmark::DoNotOptimize(result);
    benchmark::DoNotOptimize(doc);
  }
  set_throughput(state, *in);
}

void check_schema(benchmark::State& state, const SchemaCheck& schema) {
  const Input* in = input_for(state);
  if (!in) return;
  std::vector<Finding> findings;
  for (auto _ : state) {
    findings.clear();
    schema.check(in->doc, findings);
    benchmark::DoNotOptimize(findings.data());
  }
  state.counters["findings"] = static_cast<double>(findings.size());
  set_throughput(state, *in);
}

void BM_Schema(benchmark::State& state) {
  const SchemaCheck& schema = SchemaCheck::shared();
  // The shape cache falls back to the whole document when the schema defeats it: say so.
  if (schema.strategy() != SchemaCheck::Strategy::by_shape) {
    state.SetLabel("whole_document: " + std::string(schema.shape_cache_blocker()));
  }
  check_schema(state, schema);
}

// The reference the shape cache must agree with, for the before/after of that design.
void BM_SchemaWholeDocument(benchmark::State& state) {
  static const SchemaCheck reference(SchemaCheck::Strategy::whole_document);
  check_schema(state, reference);
}

void BM_ModelAndGraph(benchmark::State& state) {
  const Input* in = input_for(state);
  if (!in) return;
  for (auto _ : state) {
    Model model = build_model(in->doc);
    AgentGraph graph = build_agent_graph(model);
    benchmark::DoNotOptimize(model);
    benchmark::DoNotOptimize(graph);
  }
  set_throughput(state, *in);
}

// One rule's check, found through the registry, so a new rule is benchmarked without new code.
void BM_Rule(benchmark::State& state, const Rule* rule) {
  const Input* in = input_for(state);
  if (!in) return;
  const RuleSelection selection = RuleSelection::all(rules::default_registry());
  const LintContext context{in->doc, in->model, in->graph, selection, rule->info()};
  CountingReporter reporter;
  for (auto _ : state) {
    reporter.count = 0;
    rule->check(context, reporter);
  }
  state.counters["findings"] = static_cast<double>(reporter.count);
  set_throughput(state, *in);
}

// The whole lint of bytes already in memory: parse, schema, model, graph, every rule, sorting.
void BM_Lint(benchmark::State& state) {
  const Input* in = input_for(state);
  if (!in) return;
  const RuleRegistry& registry = rules::default_registry();
  const Engine engine(registry, RuleSelection::all(registry));
  std::size_t findings = 0;
  for (auto _ : state) {
    FileReport report = engine.lint(in->text, "bench.json");
    findings = report.diagnostics.size();
    benchmark::DoNotOptimize(report);
  }
  state.counters["findings"] = static_cast<double>(findings);
  set_throughput(state, *in);
}

// The public API as a program about to upload a snapshot calls it: one Linter, reused.
void BM_LibraryCall(benchmark::State& state) {
  const Input* in = input_for(state);
  if (!in) return;
  Result<Linter> linter = Linter::create("");
  if (!linter) {
    state.SkipWithError(linter.error().c_str());
    return;
  }
  std::size_t findings = 0;
  for (auto _ : state) {
    Report report = linter->lint(in->text, "x.json");
    findings = report.diagnostics().size();
    benchmark::DoNotOptimize(report);
  }
  state.counters["findings"] = static_cast<double>(findings);
  set_throughput(state, *in);
}

// Every case, in the order of the stages (in main: the rule registry is not touched before it).
void register_benchmarks(bool rules_at_1m) {
  using benchmark::RegisterBenchmark;
  const auto all_sizes = [](benchmark::internal::Benchmark* b) {
    b->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
  };
  RegisterBenchmark("BM_Read/read", BM_Read, ReadVariant::read)->Apply(all_sizes);
  RegisterBenchmark("BM_Read/mmap", BM_Read, ReadVariant::mmap)->Apply(all_sizes);
  RegisterBenchmark("BM_Parse", BM_Parse)->Apply(all_sizes);
  RegisterBenchmark("BM_Schema", BM_Schema)->Apply(all_sizes);
  RegisterBenchmark("BM_SchemaWholeDocument", BM_SchemaWholeDocument)
      ->Arg(1000)
      ->Arg(10000)
      ->Unit(benchmark::kMillisecond);
  RegisterBenchmark("BM_ModelAndGraph", BM_ModelAndGraph)->Apply(all_sizes);
  for (const Rule* rule : rules::default_registry().rules()) {
    benchmark::internal::Benchmark* b =
        RegisterBenchmark(("BM_Rule/" + std::string(rule->info().name)).c_str(), BM_Rule, rule);
    b->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
    if (rules_at_1m) b->Arg(1000000);
  }
  RegisterBenchmark("BM_Lint", BM_Lint)->Arg(small_snapshot)->Apply(all_sizes);
  RegisterBenchmark("BM_LibraryCall", BM_LibraryCall)
      ->Arg(small_snapshot)
      ->Unit(benchmark::kMicrosecond);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // Our one flag, after Google Benchmark has taken its own out of argv.
  bool rules_at_1m = false;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--rules_at_1m") {
      rules_at_1m = true;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  argv[argc] = nullptr;
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_benchmarks(rules_at_1m);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
