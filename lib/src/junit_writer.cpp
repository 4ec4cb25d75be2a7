// JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure). The mapping:
// - a <testsuite> per file, and in it a <testcase> per rule that found something there, named
//   by the rule, so a CI's history tracks "dangling-edge in agent.json" across runs;
// - a file without findings gets one passing <testcase name="snaplint">, so every linted file
//   shows up as checked;
// - errors and warnings fail their test case (one <failure> listing all of that rule's findings
//   in the file): both ask for a change. Infos only inform, so they are listed in the test case's
//   <system-out> and do not fail it;
// - a file that could not be read or linted is an <error>: the check itself could not run;
// - with `show_suppressed`, suppressed findings are listed in <system-out>, and a rule whose
//   findings were all suppressed is a <skipped> test case.
// The order is the reports' order, then rule names, so the same reports give the same bytes.
#include <map>
#include <string>

#include "snaplint/report_writer.hpp"
#include "utf8_text.hpp"

namespace snaplint {

namespace {

// Text safe in XML 1.0 content and attribute values. Messages quote the linted file, so they may
// hold anything JSON can escape: characters XML 1.0 does not allow at all (controls other than
// tab, line feed and carriage return, U+FFFE, U+FFFF) and ill-formed UTF-8 become U+FFFD.
// '&' and '<' are always escaped, '>' too (so no "]]>" appears), '"' in attributes, which are
// written between double quotes. Apostrophes, frequent in messages ('e4'), need no escape there
// and stay readable. In attributes, tab and line breaks are written as references, which a
// parser would otherwise normalise to spaces; a carriage return is also kept from line-end
// normalisation in content.
std::string escape_xml(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const detail::DecodedCodePoint decoded = detail::decode_utf8(text, at);
    const char32_t c = decoded.value;
    at += decoded.length;
    const bool allowed = decoded.valid && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') &&
                         c != 0xFFFE && c != 0xFFFF;
    if (!allowed) {
      detail::append_utf8(out, detail::replacement_character);
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      default:
        detail::append_utf8(out, c);
    }
  }
  return out;
}

std::string attribute(std::string_view text) {
  return escape_xml(text, true);
}
std::string content(std::string_view text) {
  return escape_xml(text, false);
}

// "PATH:LINE:COL: severity: message", then the help on an indented line.
std::string finding_line(const std::string& path, const Diagnostic& diagnostic) {
  std::string line = path + ':' + std::to_string(diagnostic.range.start.line) + ':' +
                     std::to_string(diagnostic.range.start.column) + ": " +
                     std::string(to_string(diagnostic.severity)) + ": " + diagnostic.message;
  if (diagnostic.suppression) {
    const bool baseline = diagnostic.suppression->kind == Suppression::Kind::baseline;
    line += baseline ? " (in the baseline" : " (suppressed";
    if (!diagnostic.suppression->reason.empty()) line += ": " + diagnostic.suppression->reason;
    line += ')';
  }
  line += '\n';
  if (!diagnostic.help.empty()) line += "    help: " + diagnostic.help + '\n';
  return line;
}

// One rule's findings in one file.
struct RuleCase {
  std::vector<const Diagnostic*> failing;  // errors and warnings
  std::vector<const Diagnostic*> listed;   // infos, and suppressed findings when shown
};

struct TestCase {
  std::string name;
  std::string failure_type;  // the rule; empty: no <failure>
  std::string failure_message;
  std::string failure_text;
  std::string error_message;  // the file could not be linted; empty: no <error>
  std::string skipped_message;
  std::string system_out;
};

struct Counts {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
  void add(const Counts& other) {
    tests += other.tests;
    failures += other.failures;
    errors += other.errors;
    skipped += other.skipped;
  }
};

std::vector<TestCase> test_cases(const FileReport& report, const ReportOptions& options) {
  std::vector<TestCase> cases;
  if (!report.failure.empty()) {
    TestCase failed;
    failed.name = "snaplint";
    failed.error_message = "cannot lint: " + report.failure;
    cases.push_back(std::move(failed));
  }
  std::map<std::string, RuleCase> by_rule;
  for (const Diagnostic& diagnostic : report.diagnostics) {
    RuleCase& rule = by_rule[diagnostic.rule];
    (diagnostic.severity == Severity::info ? rule.listed : rule.failing).push_back(&diagnostic);
  }
  if (options.show_suppressed) {
    for (const Diagnostic& diagnostic : report.suppressed) {
      by_rule[diagnostic.rule].listed.push_back(&diagnostic);
    }
  }
  for (const auto& [rule, findings] : by_rule) {
    TestCase test;
    test.name = rule;
    if (!findings.failing.empty()) {
      test.failure_type = rule;
      test.failure_message = findings.failing.front()->message;
      if (findings.failing.size() > 1) {
        test.failure_message += " (and " + std::to_string(findings.failing.size() - 1) + " more)";
      }
      for (const Diagnostic* diagnostic : findings.failing) {
        test.failure_text += finding_line(report.path, *diagnostic);
      }
    }
    bool all_suppressed = findings.failing.empty();
    for (const Diagnostic* diagnostic : findings.listed) {
      test.system_out += finding_line(report.path, *diagnostic);
      if (!diagnostic->suppression) all_suppressed = false;
    }
    if (all_suppressed) {
      test.skipped_message = std::to_string(findings.listed.size()) +
                             (findings.listed.size() == 1 ? " finding" : " findings") +
                             " suppressed";
    }
    cases.push_back(std::move(test));
  }
  if (cases.empty()) {
    TestCase clean;
    clean.name = "snaplint";
    cases.push_back(std::move(clean));
  }
  return cases;
}

Counts count(const std::vector<TestCase>& cases) {
  Counts counts;
  for (const TestCase& test : cases) {
    ++counts.tests;
    if (!test.failure_type.empty()) ++counts.failures;
    if (!test.error_message.empty()) ++counts.errors;
    if (!test.skipped_message.empty()) ++counts.skipped;
  }
  return counts;
}

void write_counts(std::ostream& out, const Counts& counts) {
  out << " tests=\"" << counts.tests << "\" failures=\"" << counts.failures << "\" errors=\""
      << counts.errors << "\" skipped=\"" << counts.skipped << '"';
}

void write_test_case(std::ostream& out, const std::string& path, const TestCase& test) {
  out << "    <testcase classname=\"" << attribute(path) << "\" name=\"" << attribute(test.name)
      << '"';
  const bool empty = test.failure_type.empty() && test.error_message.empty() &&
                     test.skipped_message.empty() && test.system_out.empty();
  if (empty) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  // The JUnit schema's order: skipped, error, failure, then system-out.
  if (!test.skipped_message.empty()) {
    out << "      <skipped message=\"" << attribute(test.skipped_message) << "\"/>\n";
  }
  if (!test.error_message.empty()) {
    out << "      <error type=\"cannot-lint\" message=\"" << attribute(test.error_message) << "\">"
        << content(test.error_message) << "</error>\n";
  }
  if (!test.failure_type.empty()) {
    out << "      <failure type=\"" << attribute(test.failure_type) << "\" message=\""
        << attribute(test.failure_message) << "\">" << content(test.failure_text) << "</failure>\n";
  }
  if (!test.system_out.empty()) {
    out << "      <system-out>" << content(test.system_out) << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

void write_junit(std::ostream& out, const std::vector<FileReport>& reports,
                 const ReportOptions& options) {
  std::vector<std::vector<TestCase>> suites;
  suites.reserve(reports.size());
  Counts total;
  for (const FileReport& report : reports) {
    suites.push_back(test_cases(report, options));
    total.add(count(suites.back()));
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"snaplint\"";
  write_counts(out, total);
  out << ">\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const std::string& path = reports[i].path;
    out << "  <testsuite name=\"" << attribute(path) << '"';
    write_counts(out, count(suites[i]));
    out << ">\n";
    for (const TestCase& test : suites[i]) write_test_case(out, path, test);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace snaplint
