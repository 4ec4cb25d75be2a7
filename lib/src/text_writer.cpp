#include <algorithm>
#include <string>

#include "snaplint/report_writer.hpp"
#include "snaplint/source_file.hpp"

namespace snaplint {

Summary summarize(const std::vector<FileReport>& reports) {
  Summary summary;
  summary.files = reports.size();
  for (const FileReport& report : reports) {
    if (!report.failure.empty()) ++summary.failures;
    for (const Diagnostic& diagnostic : report.diagnostics) {
      switch (diagnostic.severity) {
        case Severity::error:
          ++summary.errors;
          break;
        case Severity::warning:
          ++summary.warnings;
          break;
        case Severity::info:
          ++summary.infos;
          break;
      }
    }
  }
  return summary;
}

namespace {

struct Palette {
  const char* bold = "";
  const char* dim = "";
  const char* error = "";
  const char* warning = "";
  const char* info = "";
  const char* help = "";
  const char* reset = "";
};

Palette palette_for(const ReportOptions& options) {
  if (!options.color) return {};
  return {"\x1b[1m", "\x1b[2m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[36m", "\x1b[0m"};
}

const char* severity_color(const Palette& palette, Severity severity) {
  switch (severity) {
    case Severity::error:
      return palette.error;
    case Severity::warning:
      return palette.warning;
    case Severity::info:
      return palette.info;
  }
  return palette.error;
}

std::string plural(std::size_t count, std::string_view word) {
  return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

// The source line and carets under the range. Tabs in the line are repeated in the caret line so
// the carets stay aligned whatever the terminal's tab width.
void write_frame(std::ostream& out, const Diagnostic& diagnostic, const Palette& palette) {
  const SourceExcerpt& excerpt = diagnostic.excerpt;
  const std::string line_number = std::to_string(diagnostic.range.start.line);
  const std::string gutter(line_number.size() + 1, ' ');
  const std::string prefix = excerpt.truncated_left ? "..." : "";
  out << palette.dim << gutter << "|" << palette.reset << '\n';
  out << palette.dim << line_number << " |" << palette.reset << ' ' << prefix << excerpt.text
      << (excerpt.truncated_right ? "..." : "") << '\n';

  const std::uint32_t start = diagnostic.range.start.column;
  const std::uint32_t skip = start > excerpt.first_column ? start - excerpt.first_column : 0;
  const std::uint32_t line_length = count_code_points(excerpt.text);
  std::uint32_t width = 1;
  if (diagnostic.range.end.line == diagnostic.range.start.line &&
      diagnostic.range.end.column > start) {
    width = diagnostic.range.end.column - start;
  } else if (diagnostic.range.end.line > diagnostic.range.start.line && line_length > skip) {
    width = line_length - skip;
  }
  width = std::max<std::uint32_t>(1, std::min(width, line_length > skip ? line_length - skip : 1));

  std::string indent = prefix.empty() ? "" : "   ";
  std::uint32_t seen = 0;
  for (std::size_t i = 0; i < excerpt.text.size() && seen < skip; ++i) {
    const auto byte = static_cast<unsigned char>(excerpt.text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    indent += excerpt.text[i] == '\t' ? '\t' : ' ';
    ++seen;
  }
  out << palette.dim << gutter << "|" << palette.reset << ' ' << indent
      << severity_color(palette, diagnostic.severity) << std::string(width, '^') << palette.reset
      << '\n';
}

void write_diagnostic(std::ostream& out, const std::string& path, const Diagnostic& diagnostic,
                      const Palette& palette) {
  out << palette.bold << path << ':' << diagnostic.range.start.line << ':'
      << diagnostic.range.start.column << ':' << palette.reset << ' '
      << severity_color(palette, diagnostic.severity) << to_string(diagnostic.severity)
      << palette.reset << ": " << diagnostic.message << ' ' << palette.dim << '[' << diagnostic.rule
      << ']' << palette.reset << '\n';
  write_frame(out, diagnostic, palette);
  const std::string gutter(std::to_string(diagnostic.range.start.line).size() + 1, ' ');
  for (const RelatedLocation& related : diagnostic.related) {
    out << gutter << "= " << palette.bold << "note" << palette.reset << ": " << related.message
        << " at " << path << ':' << related.range.start.line << ':' << related.range.start.column
        << '\n';
  }
  if (!diagnostic.help.empty()) {
    out << gutter << "= " << palette.help << "help" << palette.reset << ": " << diagnostic.help
        << '\n';
  }
}

}  // namespace

void write_text(std::ostream& out, const std::vector<FileReport>& reports,
                const ReportOptions& options) {
  const Palette palette = palette_for(options);
  for (const FileReport& report : reports) {
    for (const Diagnostic& diagnostic : report.diagnostics) {
      write_diagnostic(out, report.path, diagnostic, palette);
      out << '\n';
    }
  }
  const Summary summary = summarize(reports);
  const std::size_t problems = summary.errors + summary.warnings + summary.infos;
  out << palette.bold;
  if (problems == 0) {
    out << "No problems found";
  } else {
    out << "Found " << plural(summary.errors, "error") << ", "
        << plural(summary.warnings, "warning") << " and " << plural(summary.infos, "info");
  }
  out << " in " << plural(summary.files, "file");
  if (summary.failures > 0) out << " (" << summary.failures << " could not be read)";
  out << '.' << palette.reset << '\n';
}

}  // namespace snaplint
