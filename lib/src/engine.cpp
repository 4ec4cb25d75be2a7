#include "snaplint/engine.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <latch>
#include <optional>
#include <thread>

#include "snaplint/agent_graph.hpp"
#include "snaplint/model_stream.hpp"
#include "suppressions.hpp"

namespace snaplint {

namespace {

// How many more findings of a file become diagnostics; the rest are only counted. A diagnostic
// costs about a kilobyte and microseconds, and a hostile file can hold millions of findings.
struct FindingBudget {
  std::size_t remaining;  // SIZE_MAX: no limit
  FileReport& report;

  // Whether one more finding of this severity may be built; counts it as omitted if not.
  bool take(Severity severity) {
    if (remaining == 0) {
      report.omitted.add(severity);
      ++report.unbuilt;
      return false;
    }
    if (remaining != SIZE_MAX) --remaining;
    return true;
  }
};

// Turns findings (values on the tape) into diagnostics (pointers, ranges, code frames).
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(const JsonDocument& doc, const Model* model, const RuleSelection& selection,
                    std::vector<Diagnostic>& out, FindingBudget& budget)
      : doc_(doc), model_(model), selection_(selection), out_(out), budget_(budget) {}

  // Whether a finding of `rule` would be built: enabled, and within the budget (which it takes).
  bool admit(const RuleInfo& rule) {
    return selection_.enabled(rule.name) && budget_.take(selection_.severity(rule.name));
  }

  void add(const RuleInfo& rule, Finding finding) {
    if (!admit(rule)) return;
    build(rule, std::move(finding));
  }

  // For a finding admit() let through.
  void build(const RuleInfo& rule, Finding finding) {
    Diagnostic diagnostic;
    diagnostic.rule = std::string(rule.name);
    diagnostic.severity = selection_.severity(rule.name);
    diagnostic.message = std::move(finding.message);
    diagnostic.help = std::move(finding.help);
    diagnostic.entity = std::move(finding.entity);
    std::uint32_t begin = 0;
    if (finding.where.value != no_value) {
      diagnostic.pointer = doc_.pointer(finding.where.value);
      const auto span = span_of(finding.where);
      begin = span.first;
      diagnostic.range = range_of(span);
    }
    diagnostic.excerpt = doc_.source().excerpt(begin);
    for (RelatedFinding& related : finding.related) {
      RelatedLocation location;
      location.message = std::move(related.message);
      if (related.where.value != no_value) {
        location.pointer = doc_.pointer(related.where.value);
        location.range = range_of(span_of(related.where));
      }
      diagnostic.related.push_back(std::move(location));
    }
    out_.push_back(std::move(diagnostic));
  }

  // For findings that do not come from a rule: the node, edge or tool the value belongs to.
  Entity entity_around(JsonRef ref) const {
    if (!model_) return graph_entity();
    for (JsonRef at = ref; at != no_value; at = doc_.parent(at)) {
      const JsonRef parent = doc_.parent(at);
      if (parent == no_value) break;
      if (parent == model_->nodes_array) return find(model_->nodes, at);
      if (parent == model_->edges_array) return find(model_->edges, at);
      if (parent == model_->tools_array) return find(model_->tools, at);
    }
    return graph_entity();
  }

 private:
  template <class Items>
  static Entity find(const Items& items, JsonRef json) {
    // Items are in document order, so their JSON refs ascend.
    const auto it = std::lower_bound(items.begin(), items.end(), json,
                                     [](const auto& item, JsonRef ref) { return item.json < ref; });
    if (it != items.end() && it->json == json) return entity_of(*it);
    return graph_entity();
  }

  std::pair<std::uint32_t, std::uint32_t> span_of(const Location& where) const {
    return where.at_key ? doc_.key_span(where.value) : doc_.value_span(where.value);
  }

  Range range_of(std::pair<std::uint32_t, std::uint32_t> span) const {
    return Range{doc_.source().position(span.first), doc_.source().position(span.second)};
  }

  const JsonDocument& doc_;
  const Model* model_;
  const RuleSelection& selection_;
  std::vector<Diagnostic>& out_;
  FindingBudget& budget_;
};

// Keeps a rule's findings as they are: DiagnosticBuilder runs on one thread only.
class FindingsReporter final : public Reporter {
 public:
  explicit FindingsReporter(std::vector<Finding>& findings) : findings_(findings) {}
  void report(Finding finding) override { findings_.push_back(std::move(finding)); }

 private:
  std::vector<Finding>& findings_;
};

Diagnostic parse_error_diagnostic(const SourceFile& source, const ParseError& error,
                                  Severity severity) {
  Diagnostic diagnostic;
  diagnostic.rule = std::string(builtin::invalid_json.name);
  diagnostic.severity = severity;
  diagnostic.message = error.message;
  diagnostic.range.start = source.position(error.offset);
  // One code point wide, so the frame shows where the error is; empty at the end of the file.
  std::size_t end = error.offset;
  const std::string_view bytes = source.bytes();
  if (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') {
    ++end;
    while (end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80) ++end;
  }
  diagnostic.range.end = source.position(end);
  diagnostic.excerpt = source.excerpt(error.offset);
  return diagnostic;
}

std::string plural(std::size_t count, std::string_view word) {
  return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

}  // namespace

void FindingCounts::add(Severity severity) {
  switch (severity) {
    case Severity::error:
      ++errors;
      break;
    case Severity::warning:
      ++warnings;
      break;
    case Severity::info:
      ++infos;
      break;
  }
}

FindingCounts count_findings(const FileReport& report) {
  // The summary stands for the omitted findings: they are counted instead.
  FindingCounts counts;
  for (const Diagnostic& diagnostic : report.diagnostics) {
    if (diagnostic.rule != too_many_diagnostics_rule) counts.add(diagnostic.severity);
  }
  counts.errors += report.omitted.errors;
  counts.warnings += report.omitted.warnings;
  counts.infos += report.omitted.infos;
  return counts;
}

void limit_diagnostics(FileReport& report, std::size_t max_diagnostics, std::string_view hint) {
  std::vector<Diagnostic>& diagnostics = report.diagnostics;
  // A summary from an earlier call (or for findings the engine only counted) is made anew.
  if (!diagnostics.empty() && diagnostics.back().rule == too_many_diagnostics_rule) {
    diagnostics.pop_back();
  }
  bool cut = false;
  if (max_diagnostics > 0 && diagnostics.size() > max_diagnostics) {
    for (std::size_t i = max_diagnostics; i < diagnostics.size(); ++i) {
      report.omitted.add(diagnostics[i].severity);
    }
    cut = true;
  }
  const FindingCounts& omitted = report.omitted;
  if (omitted.total() == 0) return;

  Diagnostic summary;
  summary.rule = std::string(too_many_diagnostics_rule);
  summary.severity = omitted.errors > 0     ? Severity::error
                     : omitted.warnings > 0 ? Severity::warning
                                            : Severity::info;
  // At the first finding left out, or after the last one kept: the report stays in order.
  const Diagnostic* place = cut                   ? &diagnostics[max_diagnostics]
                            : diagnostics.empty() ? nullptr
                                                  : &diagnostics.back();
  if (place) {
    summary.pointer = place->pointer;
    summary.range = place->range;
    summary.excerpt = place->excerpt;
  }
  if (cut) diagnostics.resize(max_diagnostics);
  std::vector<std::string> parts;
  if (omitted.errors > 0) parts.push_back(plural(omitted.errors, "error"));
  if (omitted.warnings > 0) parts.push_back(plural(omitted.warnings, "warning"));
  if (omitted.infos > 0) parts.push_back(plural(omitted.infos, "info"));
  std::string counts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    counts += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  summary.message = std::to_string(omitted.total()) + " more finding" +
                    (omitted.total() == 1 ? "" : "s") + (cut ? " from here on" : "") +
                    " not shown (" + counts + "): the report keeps the first " +
                    std::to_string(diagnostics.size()) + " of this file";
  summary.help = std::string(hint);
  if (report.unbuilt > 0) {
    summary.help += "; " + std::to_string(report.unbuilt) +
                    " of them were only counted, past the findings snaplint builds per file "
                    "(100000 by default), and cannot be listed";
  }
  diagnostics.push_back(std::move(summary));
}

Engine::Engine(const RuleRegistry& registry, RuleSelection selection, LintLimits limits,
               std::string today)
    : registry_(registry),
      selection_(std::move(selection)),
      limits_(limits),
      today_(std::move(today)) {}

FileReport Engine::lint(std::string_view bytes, std::string path) const {
  return lint(bytes, std::move(path), limits_);
}

FileReport Engine::lint(std::string_view bytes, std::string path, const LintLimits& limits) const {
  FileReport report;
  report.path = std::move(path);
  try {
    lint_into(report, bytes, limits);
    limit_diagnostics(report, limits.max_diagnostics,
                      "the command line shows them all with --max-diagnostics 0");
  } catch (const std::exception& error) {
    report.diagnostics.clear();
    report.suppressed.clear();
    report.omitted = {};
    report.unbuilt = 0;
    report.failure = std::string("internal error: ") + error.what();
  } catch (...) {
    report.diagnostics.clear();
    report.suppressed.clear();
    report.omitted = {};
    report.unbuilt = 0;
    report.failure = "internal error";
  }
  return report;
}

void Engine::lint_into(FileReport& report, std::string_view bytes, const LintLimits& limits) const {
  const SourceFile source = SourceFile::borrow(bytes);
  JsonDocument doc(source);
  ModelStream model_stream;
  model_stream.min_bytes = follow_threshold_;
  const ParseResult parsed = parse_json(source, doc, limits.parse, &model_stream);
  if (parsed.error) {
    if (selection_.enabled(builtin::invalid_json.name)) {
      report.diagnostics.push_back(parse_error_diagnostic(
          source, *parsed.error, selection_.severity(builtin::invalid_json.name)));
    }
    return;
  }

  // On a large file the model stream has read the nodes and edges during the parse, on the
  // parser's second thread; the model reads on from where it stopped (all of it, when the stream
  // stopped early or guessed the wrong arrays).
  // On a large document the work is shared with a second thread. It reads the edges while this
  // thread reads the nodes, checks the schema while this thread resolves the edges and builds the
  // graph, then takes rules from the same queue as this thread. Each rule's findings are kept
  // apart and turned into diagnostics here afterwards, in registry order, so the report does not
  // depend on which thread ran what (and only this thread computes line and column positions,
  // whose table SourceFile builds lazily).
  Model model = begin_model(doc);
  model_stream.hand_over(model);
  std::vector<const Rule*> rules;
  for (const Rule* rule : registry_.rules()) {
    if (selection_.enabled(rule->info().name)) rules.push_back(rule);
  }
  std::vector<std::vector<Finding>> rule_findings(rules.size());
  std::vector<Finding> schema_findings;
  std::optional<AgentGraph> graph;
  std::atomic<std::size_t> next_rule{0};
  const auto run_rules = [&] {
    for (std::size_t r = next_rule++; r < rules.size(); r = next_rule++) {
      const LintContext context{doc, model, *graph, selection_, rules[r]->info()};
      FindingsReporter reporter(rule_findings[r]);
      rules[r]->check(context, reporter);
    }
  };
  const bool check_schema = selection_.enabled(builtin::schema.name);
  if (doc.size() >= parallel_threshold_) {
    std::latch edges_read(1);
    std::latch graph_built(1);
    std::atomic<bool> graph_failed{false};
    // Two failure slots: this thread reads the first once the edges are read, while the helper
    // may still write the second; it reads the second only after joining.
    std::exception_ptr edges_failure;
    std::exception_ptr helper_failure;
    std::thread helper([&] {
      try {
        read_edges(doc, model);
      } catch (...) {
        edges_failure = std::current_exception();
      }
      edges_read.count_down();
      if (edges_failure) return;
      try {
        if (check_schema) schema_.check(doc, schema_findings);
        graph_built.wait();
        if (!graph_failed) run_rules();
      } catch (...) {
        helper_failure = std::current_exception();
        next_rule = rules.size();  // this thread's share is not run: stop the other one too
      }
    });
    // However this block is left, the helper is released (told when the graph failed) and
    // joined: a throw on this thread must not leave it waiting for a graph.
    struct ReleaseAndJoin {
      std::latch& graph_built;
      std::atomic<bool>& graph_failed;
      std::thread& thread;
      bool released = false;
      void release() {
        released = true;
        graph_built.count_down();
      }
      ~ReleaseAndJoin() {
        if (!released) {
          graph_failed = true;
          graph_built.count_down();
        }
        if (thread.joinable()) thread.join();
      }
    } release_and_join{graph_built, graph_failed, helper};
    read_nodes_and_tools(doc, model);
    edges_read.wait();
    if (edges_failure) std::rethrow_exception(edges_failure);
    resolve_edges(model);
    graph.emplace(build_agent_graph(model));
    release_and_join.release();
    run_rules();
    helper.join();
    if (helper_failure) std::rethrow_exception(helper_failure);
  } else {
    read_nodes_and_tools(doc, model);
    read_edges(doc, model);
    resolve_edges(model);
    if (check_schema) schema_.check(doc, schema_findings);
    graph.emplace(build_agent_graph(model));
    run_rules();
  }

  report.envelope = model.envelope;
  FindingBudget budget{limits.max_findings == 0 ? SIZE_MAX : limits.max_findings, report};
  DiagnosticBuilder builder(doc, &model, selection_, report.diagnostics, budget);

  for (const DuplicateKey& duplicate : parsed.duplicate_keys) {
    if (!builder.admit(builtin::duplicate_key)) continue;  // not even the message, past the budget
    Finding finding{{duplicate.repeat, true},
                    "key " + quoted(doc.key(duplicate.repeat)) +
                        " is repeated in this object; the last value wins",
                    builder.entity_around(duplicate.repeat)};
    finding.related.push_back({"first occurrence", {duplicate.first, true}});
    builder.build(builtin::duplicate_key, std::move(finding));
  }
  // Reported under `schema`: the schema (and the rules) judged only the string's beginning.
  for (const LongString& long_string : parsed.long_strings) {
    const std::string limit = std::to_string(limits.parse.max_string_length);
    Finding finding{{long_string.value, false},
                    "string of " + std::to_string(long_string.length) +
                        " bytes is longer than the limit of " + limit +
                        " bytes: the schema and the rules read only its first " + limit + " bytes",
                    builder.entity_around(long_string.value)};
    finding.help =
        "shorten it, or raise the limit (snaplint check --max-string-length N; 0 for "
        "none)";
    builder.add(builtin::schema, std::move(finding));
  }

  for (Finding& finding : schema_findings) {
    finding.entity = builder.entity_around(finding.where.value);
    builder.add(builtin::schema, std::move(finding));
  }
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (Finding& finding : rule_findings[r]) builder.add(rules[r]->info(), std::move(finding));
  }

  const SuppressionReport report_suppression = [&](const RuleInfo& rule, Finding finding) {
    builder.add(rule, std::move(finding));
  };
  std::vector<SuppressionEntry> suppressions = read_suppressions(
      doc, model, registry_, today_.empty() ? current_utc_date() : today_, report_suppression);
  apply_suppressions(suppressions, registry_, report);
  report_unused_suppressions(suppressions, registry_, selection_, report_suppression);
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(), diagnostic_less);
  std::stable_sort(report.suppressed.begin(), report.suppressed.end(), diagnostic_less);
}

}  // namespace snaplint
