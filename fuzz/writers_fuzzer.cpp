// Every output writer fed reports whose texts come from the input: paths, rule names, messages,
// pointers, help, code-frame lines, entity ids, suppression reasons, stale baseline entries, in
// any bytes (control characters, quotes, markup, ill-formed UTF-8). Real diagnostics quote the
// linted file, and paths come from the file system, so any of these can hold anything.
// Beyond "no crash": the JSON and SARIF outputs parse back as UTF-8 JSON, the JUnit output is
// well-formed XML, and every GitHub annotation is one line starting with "::".
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "output_checks.hpp"
#include "snaplint/model.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace {

using namespace snaplint;
using namespace snaplint::fuzz;

std::string text(FuzzedDataProvider& input, std::size_t max_length = 64) {
  return input.ConsumeRandomLengthString(max_length);
}

// A rule name of the registry (the SARIF writer looks its metadata up) or any text.
std::string rule_name(FuzzedDataProvider& input) {
  const auto& infos = rules::default_registry().infos();
  if (input.ConsumeBool()) {
    return std::string(infos[input.ConsumeIntegralInRange<std::size_t>(0, infos.size() - 1)].name);
  }
  return text(input, 24);
}

// Positions as the engine makes them: 1-based, any size.
Position position(FuzzedDataProvider& input) {
  Position at;
  at.line = input.ConsumeIntegralInRange<std::uint32_t>(1, input.ConsumeBool() ? 40 : UINT32_MAX);
  at.column = input.ConsumeIntegralInRange<std::uint32_t>(1, input.ConsumeBool() ? 80 : UINT32_MAX);
  return at;
}

// End at or after start, as the engine guarantees.
Range range(FuzzedDataProvider& input) {
  Range r;
  r.start = position(input);
  r.end = r.start;
  if (input.ConsumeBool()) {
    r.end.column += input.ConsumeIntegralInRange<std::uint32_t>(0, UINT32_MAX - r.end.column);
  } else if (input.ConsumeBool() && r.end.line < UINT32_MAX) {
    const std::uint32_t room = UINT32_MAX - r.end.line;
    r.end.line += input.ConsumeIntegralInRange<std::uint32_t>(1, room < 3 ? room : 3);
    r.end.column = input.ConsumeIntegralInRange<std::uint32_t>(1, 200);
  }
  return r;
}

Diagnostic diagnostic(FuzzedDataProvider& input, bool suppressed) {
  Diagnostic d;
  d.rule = rule_name(input);
  d.severity = static_cast<Severity>(input.ConsumeIntegralInRange<int>(0, 2));
  d.message = text(input, 200);
  d.pointer = text(input, 40);
  d.range = range(input);
  d.entity.kind = static_cast<EntityKind>(input.ConsumeIntegralInRange<int>(0, 3));
  if (input.ConsumeBool()) d.entity.id = text(input, 24);
  if (input.ConsumeBool()) d.entity.index = input.ConsumeIntegral<std::uint32_t>();
  const int related = input.ConsumeIntegralInRange<int>(0, 3);
  for (int i = 0; i < related; ++i) {
    d.related.push_back({text(input, 80), text(input, 40), range(input)});
  }
  d.help = text(input, 80);
  d.excerpt.text = text(input, 160);
  d.excerpt.first_column = input.ConsumeIntegralInRange<std::uint32_t>(
      1, input.ConsumeBool() ? d.range.start.column : UINT32_MAX);
  d.excerpt.truncated_left = input.ConsumeBool();
  d.excerpt.truncated_right = input.ConsumeBool();
  if (suppressed) {
    d.suppression =
        Suppression{input.ConsumeBool() ? Suppression::Kind::baseline : Suppression::Kind::metadata,
                    text(input, 60)};
  }
  return d;
}

// SARIF carries every rule's page as help; the real pages (rules::rule_documentation) would make
// each run write and parse back some 200 KB that no input changes. A short page with markup
// keeps that code path.
std::string_view short_page(std::string_view rule) {
  return rule.size() % 2 == 0 ? std::string_view("# page\n\n`x` <y> & \"z\"\n")
                              : std::string_view();
}

void check_github(const std::string& output) {
  std::size_t line_start = 0;
  while (line_start < output.size()) {
    const std::size_t end = output.find('\n', line_start);
    const std::string_view line = std::string_view(output).substr(
        line_start, end == std::string::npos ? end : end - line_start);
    if (line.substr(0, 2) != "::" || end == std::string::npos) {
      std::fprintf(stderr, "write_github: a line that is not one annotation:\n%s\n",
                   output.c_str());
      std::abort();
    }
    line_start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  std::vector<FileReport> reports;
  const int files = input.ConsumeIntegralInRange<int>(0, 3);
  for (int f = 0; f < files; ++f) {
    FileReport report;
    report.path = text(input, 60);
    if (input.ConsumeBool()) report.failure = text(input, 80);
    if (input.ConsumeBool()) {
      report.envelope = static_cast<Envelope>(input.ConsumeIntegralInRange<int>(0, 2));
    }
    const int diagnostics = input.ConsumeIntegralInRange<int>(0, 6);
    for (int i = 0; i < diagnostics; ++i) report.diagnostics.push_back(diagnostic(input, false));
    const int suppressed = input.ConsumeIntegralInRange<int>(0, 2);
    for (int i = 0; i < suppressed; ++i) report.suppressed.push_back(diagnostic(input, true));
    reports.push_back(std::move(report));
  }
  ReportOptions options;
  options.color = input.ConsumeBool();
  options.quiet = input.ConsumeBool();
  options.statistics = input.ConsumeBool();
  options.show_suppressed = input.ConsumeBool();
  options.command_line_hints = input.ConsumeBool();
  const int stale = input.ConsumeIntegralInRange<int>(0, 2);
  for (int i = 0; i < stale; ++i) {
    options.stale_baseline.push_back({text(input), rule_name(input), text(input), text(input)});
  }

  std::ostringstream text_out;
  write_text(text_out, reports, options);
  std::ostringstream json;
  write_json(json, reports, options);
  check_json(json.str(), "write_json");
  std::ostringstream sarif;
  write_sarif(sarif, reports, rules::default_registry(), &short_page, options);
  check_json(sarif.str(), "write_sarif");
  std::ostringstream junit;
  write_junit(junit, reports, options);
  check_xml(junit.str(), "write_junit");
  std::ostringstream github;
  write_github(github, reports, options);
  check_github(github.str());
  return 0;
}
