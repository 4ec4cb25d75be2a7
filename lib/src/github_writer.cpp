// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
// diff. The output is annotations only, without a summary line: the job's log shows every line
// anyway, and a `::notice::` summary would add an annotation that points at no file. Suppressed
// findings are never written, whatever `show_suppressed` says: an annotation cannot be marked as
// accepted, so it would read as a finding to fix.
#include <cstdint>
#include <string>

#include "snaplint/report_writer.hpp"
#include "utf8_text.hpp"

namespace snaplint {

namespace {

// A line break ends a command, "::" ends its properties and "," separates them; these escapes
// are the ones the runner undoes (the same as actions/toolkit's escapeData and escapeProperty).
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : detail::valid_utf8(text)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case '\t':
        out += c;
        break;
      default:
        // The runner passes other control characters through to the log, which is rendered as a
        // terminal: an escape sequence quoted from a snapshot is shown, not obeyed.
        if ((c >= 0 && c < 0x20) || c == 0x7F) {
          detail::append_utf8(out, c == 0x7F ? 0x2421 : 0x2400 + c);
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* command_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "notice";
  }
  return "error";
}

void write_annotation(std::ostream& out, const std::string& path, const Diagnostic& diagnostic) {
  const Range& range = diagnostic.range;
  out << "::" << command_of(diagnostic.severity) << " file=" << escape_property(path)
      << ",line=" << range.start.line;
  // GitHub takes columns only for a range on one line, and its endColumn is the last column of
  // the range (it defaults to col), where snaplint's end is exclusive.
  if (range.end.line <= range.start.line) {
    const std::uint32_t last =
        range.end.column > range.start.column ? range.end.column - 1 : range.start.column;
    out << ",col=" << range.start.column << ",endLine=" << range.start.line
        << ",endColumn=" << last;
  } else {
    out << ",endLine=" << range.end.line;
  }
  out << ",title=" << escape_property("snaplint " + diagnostic.rule) << "::";
  std::string message = diagnostic.message;
  if (!diagnostic.help.empty()) message += "\nhelp: " + diagnostic.help;
  out << escape_data(message) << '\n';
}

}  // namespace

void write_github(std::ostream& out, const std::vector<FileReport>& reports,
                  const ReportOptions& options) {
  for (const FileReport& report : reports) {
    if (!report.failure.empty()) {
      out << "::error file=" << escape_property(report.path)
          << "::" << escape_data("cannot lint: " + report.failure) << '\n';
    }
    for (const Diagnostic& diagnostic : report.diagnostics) {
      if (options.quiet && diagnostic.severity != Severity::error) continue;
      write_annotation(out, report.path, diagnostic);
    }
  }
}

}  // namespace snaplint
