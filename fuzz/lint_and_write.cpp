#include "lint_and_write.hpp"

#include <cstdlib>
#include <sstream>
#include <string_view>

#include "output_checks.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"

namespace snaplint::fuzz {

namespace {

// FNV-1a over the input: picks writer options without spending input bytes on them, so the same
// input always gets the same options and a saved crash reproduces.
std::uint32_t hash(std::string_view bytes) {
  std::uint32_t h = 2166136261u;
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// A short page with markup for every rule: the SARIF writer's rule metadata still gets help
// text, without writing and parsing back all the real pages on every input.
std::string_view short_page(std::string_view) {
  return "# page\n\n`x` <y> & \"z\"\n";
}

}  // namespace

void lint_and_write(const std::uint8_t* data, std::size_t size) {
  // Every rule at its default severity (the default config enables all of them).
  static const Linter linter = [] {
    auto created = Linter::create();
    if (!created) std::abort();
    return std::move(*created);
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Report report = linter.lint(bytes, "fuzz/agent.json");
  if (!report.failure().empty()) {
    // The library turned an exception into a failure: lint must not throw on any input.
    std::fprintf(stderr, "lint failed: %s\n", report.failure().c_str());
    std::abort();
  }

  // The writers of the public Report.
  {
    std::ostringstream text;
    report.write_text(text, (hash(bytes) & 1) != 0);
    std::ostringstream json;
    report.write_json(json);
    check_json(json.str(), "Report::write_json");
    // With every rule's page as help this costs more than the lint itself, and only the
    // results depend on the input: one input in 16 (by hash) takes this path.
    if (hash(bytes) % 16 == 0) {
      std::ostringstream sarif;
      report.write_sarif(sarif);
      check_json(sarif.str(), "Report::write_sarif");
    }
  }

  // Every format the CLI writes, with options chosen by the input's hash.
  FileReport file;
  file.path = report.name();
  file.diagnostics = report.diagnostics();
  file.suppressed = report.suppressed();
  const std::vector<FileReport> reports{std::move(file)};
  const std::uint32_t h = hash(bytes);
  ReportOptions options;
  options.color = (h & 2) != 0;
  options.quiet = (h & 4) != 0;
  options.statistics = (h & 8) != 0;
  options.show_suppressed = (h & 16) != 0;
  options.command_line_hints = (h & 32) != 0;
  std::ostringstream text;
  write_text(text, reports, options);
  std::ostringstream github;
  write_github(github, reports, options);
  std::ostringstream junit;
  write_junit(junit, reports, options);
  check_xml(junit.str(), "write_junit");
  std::ostringstream json;
  write_json(json, reports, options);
  check_json(json.str(), "write_json");
  std::ostringstream sarif;
  write_sarif(sarif, reports, rules::default_registry(), &short_page, options);
  check_json(sarif.str(), "write_sarif");
}

}  // namespace snaplint::fuzz
