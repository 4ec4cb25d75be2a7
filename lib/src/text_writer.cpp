#include <algorithm>
#include <map>
#include <string>

#include "snaplint/engine.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/source_file.hpp"
#include "utf8_text.hpp"

namespace snaplint {

Summary summarize(const std::vector<FileReport>& reports) {
  Summary summary;
  summary.files = reports.size();
  for (const FileReport& report : reports) {
    if (!report.failure.empty()) ++summary.failures;
    for (const Diagnostic& diagnostic : report.suppressed) {
      const bool baselined =
          diagnostic.suppression && diagnostic.suppression->kind == Suppression::Kind::baseline;
      ++(baselined ? summary.baselined : summary.suppressed);
    }
    // Every finding, those past --max-diagnostics included (the summary diagnostic that stands
    // for them is not one).
    const FindingCounts counts = count_findings(report);
    summary.errors += counts.errors;
    summary.warnings += counts.warnings;
    summary.infos += counts.infos;
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

// The text format goes to terminals, and what it quotes comes from the linted files and the
// file system: an escape sequence in a snapshot must not recolour, retitle or clear the user's
// terminal, a carriage return must not overwrite the gutter, and a bidirectional override must
// not make the code frame show something else than the file holds. Each offending code point,
// and each ill-formed UTF-8 sequence, becomes one visible code point (control pictures for C0
// and DEL, U+FFFD otherwise), so the carets under an excerpt stay aligned: columns count code
// points, and one code point in gives one out. Tabs are kept in excerpts (the caret line repeats
// them) and shown as U+2409 elsewhere.
std::string make_printable(std::string_view text, bool keep_tabs) {
  const auto plain = [&](unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || (keep_tabs && c == '\t');
  };
  if (std::all_of(text.begin(), text.end(),
                  [&](char c) { return plain(static_cast<unsigned char>(c)); })) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t at = 0; at < text.size();) {
    // One column's worth: a lead byte and the continuation bytes after it (count_code_points).
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    const detail::DecodedCodePoint decoded = detail::decode_utf8(text, at);
    const char32_t c =
        decoded.valid && decoded.length == end - at ? decoded.value : detail::replacement_character;
    if (c < 0x20 && !(keep_tabs && c == '\t')) {
      detail::append_utf8(out, 0x2400 + c);
    } else if (c == 0x7F) {
      detail::append_utf8(out, 0x2421);
    } else if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
               (c >= 0x2066 && c <= 0x2069) || c == detail::replacement_character) {
      detail::append_utf8(out, detail::replacement_character);
    } else {
      out.append(text.substr(at, end - at));
    }
    at = end;
  }
  return out;
}

std::string plural(std::size_t count, std::string_view word) {
  return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

// The source line and carets under the range. Tabs in the line are repeated in the caret line so
// the carets stay aligned whatever the terminal's tab width.
void write_frame(std::ostream& out, const Diagnostic& diagnostic, const Palette& palette) {
  const SourceExcerpt& excerpt = diagnostic.excerpt;
  const std::string text = make_printable(excerpt.text, true);
  const std::string line_number = std::to_string(diagnostic.range.start.line);
  const std::string gutter(line_number.size() + 1, ' ');
  const std::string prefix = excerpt.truncated_left ? "..." : "";
  out << palette.dim << gutter << "|" << palette.reset << '\n';
  out << palette.dim << line_number << " |" << palette.reset << ' ' << prefix << text
      << (excerpt.truncated_right ? "..." : "") << '\n';

  const std::uint32_t start = diagnostic.range.start.column;
  const std::uint32_t skip = start > excerpt.first_column ? start - excerpt.first_column : 0;
  const std::uint32_t line_length = count_code_points(text);
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
  for (std::size_t i = 0; i < text.size() && seen < skip; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    indent += text[i] == '\t' ? '\t' : ' ';
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
      << palette.reset << (diagnostic.suppression ? " (suppressed)" : "") << ": "
      << printable(diagnostic.message) << ' ' << palette.dim << '[' << diagnostic.rule << ']'
      << palette.reset << '\n';
  write_frame(out, diagnostic, palette);
  const std::string gutter(std::to_string(diagnostic.range.start.line).size() + 1, ' ');
  for (const RelatedLocation& related : diagnostic.related) {
    out << gutter << "= " << palette.bold << "note" << palette.reset << ": "
        << printable(related.message) << " at " << path << ':' << related.range.start.line << ':'
        << related.range.start.column << '\n';
  }
  if (!diagnostic.help.empty()) {
    out << gutter << "= " << palette.help << "help" << palette.reset << ": "
        << printable(diagnostic.help) << '\n';
  }
  if (diagnostic.suppression) {
    const bool baselined = diagnostic.suppression->kind == Suppression::Kind::baseline;
    out << gutter << "= " << palette.bold << "suppressed" << palette.reset << ": "
        << (baselined ? "in the baseline"
                      : "by metadata.snaplint: " + printable(diagnostic.suppression->reason))
        << '\n';
  }
}

// `--statistics`: one line per rule that reported something, most frequent first.
void write_statistics(std::ostream& out, const std::vector<FileReport>& reports,
                      const ReportOptions& options) {
  std::map<std::string, std::pair<std::size_t, Severity>> counts;
  for (const FileReport& report : reports) {
    for (const Diagnostic& diagnostic : report.diagnostics) {
      if (options.quiet && diagnostic.severity != Severity::error) continue;
      auto& [count, severity] = counts[diagnostic.rule];
      severity = std::max(severity, diagnostic.severity);
      ++count;
    }
  }
  std::vector<std::pair<std::string, std::pair<std::size_t, Severity>>> rows(counts.begin(),
                                                                             counts.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  std::size_t count_width = 1;
  std::size_t rule_width = 0;
  for (const auto& [rule, entry] : rows) {
    count_width = std::max(count_width, std::to_string(entry.first).size());
    rule_width = std::max(rule_width, rule.size());
  }
  for (const auto& [rule, entry] : rows) {
    const std::string count = std::to_string(entry.first);
    out << std::string(count_width - count.size(), ' ') << count << "  " << rule
        << std::string(rule_width - rule.size(), ' ') << "  " << to_string(entry.second) << '\n';
  }
  if (!rows.empty()) out << '\n';
}

void write_stale_baseline(std::ostream& out, const std::vector<StaleBaselineEntry>& stale,
                          const Palette& palette, bool command_line_hints) {
  if (stale.empty()) return;
  out << palette.bold << plural(stale.size(), "baseline finding") << " no longer "
      << (stale.size() == 1 ? "occurs" : "occur")
      << (command_line_hints ? "; run with --write-baseline to tighten the baseline:" : ":")
      << palette.reset << '\n';
  for (const StaleBaselineEntry& entry : stale) {
    out << "  " << printable(entry.path) << ": " << printable(entry.entity) << ": "
        << printable(entry.message) << " [" << printable(entry.rule) << "]\n";
  }
}

}  // namespace

std::string printable(std::string_view text) {
  return make_printable(text, false);
}

void write_text(std::ostream& out, const std::vector<FileReport>& reports,
                const ReportOptions& options) {
  const Palette palette = palette_for(options);
  if (options.statistics) {
    write_statistics(out, reports, options);
  } else {
    for (const FileReport& report : reports) {
      // Merged in position order, so a suppressed finding shows where it is in the file.
      std::vector<const Diagnostic*> shown;
      for (const Diagnostic& diagnostic : report.diagnostics) {
        if (!options.quiet || diagnostic.severity == Severity::error) shown.push_back(&diagnostic);
      }
      if (options.show_suppressed) {
        for (const Diagnostic& diagnostic : report.suppressed) shown.push_back(&diagnostic);
      }
      std::stable_sort(shown.begin(), shown.end(), [](const Diagnostic* a, const Diagnostic* b) {
        return diagnostic_less(*a, *b);
      });
      const std::string path = printable(report.path);
      for (const Diagnostic* diagnostic : shown) {
        write_diagnostic(out, path, *diagnostic, palette);
        out << '\n';
      }
    }
  }
  // Quiet means findings only: a clean run prints nothing at all.
  if (options.quiet) return;
  const Summary summary = summarize(reports);
  const std::size_t problems = summary.errors + summary.warnings + summary.infos;
  out << palette.bold;
  if (problems == 0) {
    out << "No problems found";
  } else {
    out << "Found " << plural(summary.errors, "error") << ", "
        << plural(summary.warnings, "warning") << " and " << plural(summary.infos, "info");
  }
  out << " in " << plural(summary.files - summary.failures, "file");
  if (summary.failures > 0) {
    out << "; " << plural(summary.failures, "file") << " could not be linted";
  }
  std::vector<std::string> silenced;
  if (summary.suppressed > 0)
    silenced.push_back(std::to_string(summary.suppressed) + " suppressed");
  if (summary.baselined > 0) {
    silenced.push_back(std::to_string(summary.baselined) + " in the baseline");
  }
  if (!silenced.empty()) {
    out << "; not counted: " << silenced.front();
    if (silenced.size() > 1) out << ", " << silenced.back();
    if (options.command_line_hints && !options.show_suppressed) {
      out << " (--show-suppressed lists them)";
    }
  }
  out << '.' << palette.reset << '\n';
  write_stale_baseline(out, options.stale_baseline, palette, options.command_line_hints);
}

}  // namespace snaplint
