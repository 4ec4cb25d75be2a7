// Writers for a run's reports. They only write to the stream they are given.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "snaplint/engine.hpp"

namespace snaplint {

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t failures = 0;    // files that could not be read or linted
  std::size_t suppressed = 0;  // silenced by a suppression in the snapshot's metadata
  std::size_t baselined = 0;   // silenced by the baseline
};

Summary summarize(const std::vector<FileReport>& reports);

// A baseline finding that no longer occurs: the baseline can be tightened.
struct StaleBaselineEntry {
  std::string path;
  std::string rule;
  std::string entity;  // "node 'greet'", or "graph"
  std::string message;
};

// How a run's reports are written; every writer takes the same options and ignores what does not
// apply to its format.
struct ReportOptions {
  bool color = false;            // text: ANSI colours
  bool quiet = false;            // text, github: errors only, no summary
  bool statistics = false;       // text: counts per rule after the findings
  bool show_suppressed = false;  // text, junit: also the suppressed findings (json and sarif
                                 // always list them, marked)
  std::vector<StaleBaselineEntry> stale_baseline;
  bool command_line_hints = false;  // text: name the CLI options that show more
};

// `text` (a path, a message) as the text and GitHub formats show it: control characters,
// bidirectional overrides and ill-formed UTF-8 become visible symbols (␛, ␊, �), so that what is
// quoted from a file or a file name cannot act on the terminal. Printable text is unchanged.
std::string printable(std::string_view text);

// file:line:col: severity: message [rule], a code frame, help and related lines, then a summary.
void write_text(std::ostream& out, const std::vector<FileReport>& reports,
                const ReportOptions& options);

// The JSON report: {"tool", "files": [{"path", "diagnostics": [...]}], "summary"}.
void write_json(std::ostream& out, const std::vector<FileReport>& reports,
                const ReportOptions& options);

// Looks up a rule's documentation page (Markdown); empty when there is none.
using RuleDocsLookup = std::string_view (*)(std::string_view rule);

// SARIF 2.1.0: one run, every rule of the registry with its page as help; suppressed findings
// are results with a `suppressions` entry (SARIF's own way to say "reviewed and accepted").
void write_sarif(std::ostream& out, const std::vector<FileReport>& reports,
                 const RuleRegistry& registry, RuleDocsLookup docs, const ReportOptions& options);

// GitHub Actions workflow commands: ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::
void write_github(std::ostream& out, const std::vector<FileReport>& reports,
                  const ReportOptions& options);

// JUnit XML: a test suite per file, a test case per file and rule, a failure per finding.
void write_junit(std::ostream& out, const std::vector<FileReport>& reports,
                 const ReportOptions& options);

}  // namespace snaplint

namespace snaplint {

// `snaplint rules`: one line per rule (name, category, severity, summary), or JSON.
void write_rule_list_text(std::ostream& out, const RuleRegistry& registry);
void write_rule_list_json(std::ostream& out, const RuleRegistry& registry);

}  // namespace snaplint
