// SARIF 2.1.0 (OASIS), the format code-scanning services ingest. What a consumer keys on:
// - tool.driver.rules lists every rule of the registry, so a result's ruleIndex and the rule's
//   help page resolve even for rules that found nothing in this run;
// - locations are relative URIs against %SRCROOT% (the checkout), regions count code points
//   (run.columnKind), and the JSON Pointer is the logical location;
// - partialFingerprints carry snaplint's own fingerprint, which survives re-indenting and
//   reordering, so a service tracks a finding across commits without guessing from lines;
// - suppressed findings stay in the log with a `suppressions` entry, SARIF's way to say "seen and
//   accepted": a service shows them as dismissed instead of reporting them as fixed.
// Nothing time- or machine-dependent is written, so the same reports give the same bytes.
#include "rapidjson_config.hpp"
//
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "snaplint/fingerprint.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/version.hpp"
#include "utf8_text.hpp"

namespace snaplint {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

constexpr const char* schema_uri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char* information_uri = "https://github.com/kapso/snaplint";
constexpr const char* rule_page_base = "https://github.com/kapso/snaplint/blob/main/docs/rules/";
constexpr const char* source_root = "%SRCROOT%";
constexpr const char* fingerprint_key = "snaplint/v1";

// RapidJSON copies bytes as they are; SARIF is UTF-8 JSON, so ill-formed input is replaced.
void write_string(Writer& writer, std::string_view text) {
  const std::string valid = detail::valid_utf8(text);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void write_message(Writer& writer, std::string_view text) {
  writer.StartObject();
  writer.Key("text");
  write_string(writer, text);
  writer.EndObject();
}

const char* level_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "error";
}

// RFC 3986 percent-encoding of every byte but the unreserved characters and '/'. Encoding ':'
// keeps a relative path such as "a:b.json" from reading as a URI with scheme "a"; non-ASCII
// bytes are encoded as the UTF-8 octets they are (RFC 3987's mapping of IRIs to URIs).
std::string percent_encode_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    }
  }
  return out;
}

// A relative path is relative to the checkout (%SRCROOT%, which the consumer resolves); an
// absolute one becomes a file: URI.
void write_artifact_location(Writer& writer, std::string_view path) {
  writer.StartObject();
  writer.Key("uri");
  if (!path.empty() && path.front() == '/') {
    write_string(writer, "file://" + percent_encode_path(path));
  } else {
    write_string(writer, percent_encode_path(path));
    writer.Key("uriBaseId");
    writer.String(source_root);
  }
  writer.EndObject();
}

void write_region(Writer& writer, const Range& range) {
  writer.StartObject();
  writer.Key("startLine");
  writer.Uint(range.start.line);
  writer.Key("startColumn");
  writer.Uint(range.start.column);
  writer.Key("endLine");
  writer.Uint(std::max(range.end.line, range.start.line));
  writer.Key("endColumn");
  // SARIF's endColumn is exclusive like snaplint's; an end before the start would be invalid.
  writer.Uint(range.end.line > range.start.line ? range.end.column
                                                : std::max(range.end.column, range.start.column));
  writer.EndObject();
}

void write_physical_location(Writer& writer, std::string_view path, const Range& range) {
  writer.StartObject();
  writer.Key("artifactLocation");
  write_artifact_location(writer, path);
  writer.Key("region");
  write_region(writer, range);
  writer.EndObject();
}

// The JSON Pointer names the value the finding is about. SARIF's kinds for JSON are "object",
// "array", "property" and "value"; any of them is a JSON value, which is what a pointer names.
// The root's pointer "" names nothing more than the file itself, so it is left out.
void write_logical_locations(Writer& writer, std::string_view pointer) {
  if (pointer.empty()) return;
  writer.Key("logicalLocations");
  writer.StartArray();
  writer.StartObject();
  writer.Key("fullyQualifiedName");
  write_string(writer, pointer);
  writer.Key("kind");
  writer.String("value");
  writer.EndObject();
  writer.EndArray();
}

void write_location(Writer& writer, std::string_view path, const Range& range,
                    std::string_view pointer) {
  writer.StartObject();
  writer.Key("physicalLocation");
  write_physical_location(writer, path, range);
  write_logical_locations(writer, pointer);
  writer.EndObject();
}

void write_rule(Writer& writer, const RuleInfo& rule, RuleDocsLookup docs) {
  const std::string_view page = docs ? docs(rule.name) : std::string_view();
  writer.StartObject();
  writer.Key("id");
  write_string(writer, rule.name);
  writer.Key("shortDescription");
  write_message(writer, rule.summary);
  if (!page.empty()) {
    // The page is Markdown, which reads well enough as plain text for consumers without a
    // Markdown renderer.
    writer.Key("help");
    writer.StartObject();
    writer.Key("text");
    write_string(writer, page);
    writer.Key("markdown");
    write_string(writer, page);
    writer.EndObject();
    // Only a rule with a page has one to link to.
    writer.Key("helpUri");
    write_string(writer, std::string(rule_page_base) + std::string(rule.name) + ".md");
  }
  writer.Key("defaultConfiguration");
  writer.StartObject();
  writer.Key("level");
  writer.String(level_of(rule.default_severity));
  writer.EndObject();
  writer.Key("properties");
  writer.StartObject();
  writer.Key("tags");
  writer.StartArray();
  write_string(writer, rule.category);
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();
}

void write_suppression(Writer& writer, const Suppression& suppression) {
  writer.StartArray();
  writer.StartObject();
  writer.Key("kind");
  // The snapshot's own metadata sits in the analysed file; a baseline is kept outside it.
  writer.String(suppression.kind == Suppression::Kind::metadata ? "inSource" : "external");
  writer.Key("status");
  writer.String("accepted");
  if (!suppression.reason.empty()) {
    writer.Key("justification");
    write_string(writer, suppression.reason);
  }
  writer.EndObject();
  writer.EndArray();
}

void write_result(Writer& writer, const std::string& path, const Diagnostic& diagnostic,
                  const std::unordered_map<std::string_view, std::size_t>& rule_indices) {
  writer.StartObject();
  writer.Key("ruleId");
  write_string(writer, diagnostic.rule);
  if (const auto index = rule_indices.find(diagnostic.rule); index != rule_indices.end()) {
    writer.Key("ruleIndex");
    writer.Uint64(index->second);
  }
  writer.Key("level");
  writer.String(level_of(diagnostic.severity));
  // SARIF's fixes need replacement text; snaplint's help is advice, so it joins the message.
  std::string text = diagnostic.message;
  if (!diagnostic.help.empty()) text += "\nhelp: " + diagnostic.help;
  writer.Key("message");
  write_message(writer, text);
  writer.Key("locations");
  writer.StartArray();
  write_location(writer, path, diagnostic.range, diagnostic.pointer);
  writer.EndArray();
  writer.Key("partialFingerprints");
  writer.StartObject();
  writer.Key(fingerprint_key);
  write_string(writer, fingerprint(path, diagnostic));
  writer.EndObject();
  if (!diagnostic.related.empty()) {
    writer.Key("relatedLocations");
    writer.StartArray();
    for (std::size_t i = 0; i < diagnostic.related.size(); ++i) {
      const RelatedLocation& related = diagnostic.related[i];
      writer.StartObject();
      writer.Key("id");
      writer.Uint64(i + 1);
      writer.Key("message");
      write_message(writer, related.message);
      writer.Key("physicalLocation");
      write_physical_location(writer, path, related.range);
      write_logical_locations(writer, related.pointer);
      writer.EndObject();
    }
    writer.EndArray();
  }
  if (diagnostic.suppression) {
    writer.Key("suppressions");
    write_suppression(writer, *diagnostic.suppression);
  }
  writer.EndObject();
}

// A file that could not be read or linted has no results; the invocation says why.
void write_invocation(Writer& writer, const std::vector<FileReport>& reports) {
  const bool any_failure = std::any_of(reports.begin(), reports.end(),
                                       [](const FileReport& r) { return !r.failure.empty(); });
  writer.StartArray();
  writer.StartObject();
  writer.Key("executionSuccessful");
  writer.Bool(!any_failure);
  if (any_failure) {
    writer.Key("toolExecutionNotifications");
    writer.StartArray();
    for (const FileReport& report : reports) {
      if (report.failure.empty()) continue;
      writer.StartObject();
      writer.Key("level");
      writer.String("error");
      writer.Key("message");
      write_message(writer, "cannot lint " + report.path + ": " + report.failure);
      writer.Key("locations");
      writer.StartArray();
      writer.StartObject();
      writer.Key("physicalLocation");
      writer.StartObject();
      writer.Key("artifactLocation");
      write_artifact_location(writer, report.path);
      writer.EndObject();
      writer.EndObject();
      writer.EndArray();
      writer.EndObject();
    }
    writer.EndArray();
  }
  writer.EndObject();
  writer.EndArray();
}

}  // namespace

void write_sarif(std::ostream& out, const std::vector<FileReport>& reports,
                 const RuleRegistry& registry, RuleDocsLookup docs, const ReportOptions&) {
  const std::vector<RuleInfo>& rules = registry.infos();
  std::unordered_map<std::string_view, std::size_t> rule_indices;
  for (std::size_t i = 0; i < rules.size(); ++i) rule_indices.emplace(rules[i].name, i);

  rapidjson::OStreamWrapper stream(out);
  Writer writer(stream);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("$schema");
  writer.String(schema_uri);
  writer.Key("version");
  writer.String("2.1.0");
  writer.Key("runs");
  writer.StartArray();
  writer.StartObject();

  writer.Key("tool");
  writer.StartObject();
  writer.Key("driver");
  writer.StartObject();
  writer.Key("name");
  writer.String("snaplint");
  writer.Key("version");
  writer.String(version_string);
  writer.Key("informationUri");
  writer.String(information_uri);
  writer.Key("rules");
  writer.StartArray();
  for (const RuleInfo& rule : rules) write_rule(writer, rule, docs);
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();

  writer.Key("invocations");
  write_invocation(writer, reports);
  writer.Key("columnKind");
  writer.String("unicodeCodePoints");

  // Suppressed findings are always written (the options' show_suppressed is for formats without
  // a place to mark them). Each file's findings go in position order, suppressed or not.
  writer.Key("results");
  writer.StartArray();
  for (const FileReport& report : reports) {
    std::vector<const Diagnostic*> findings;
    findings.reserve(report.diagnostics.size() + report.suppressed.size());
    for (const Diagnostic& diagnostic : report.diagnostics) findings.push_back(&diagnostic);
    for (const Diagnostic& diagnostic : report.suppressed) findings.push_back(&diagnostic);
    std::stable_sort(
        findings.begin(), findings.end(),
        [](const Diagnostic* a, const Diagnostic* b) { return diagnostic_less(*a, *b); });
    for (const Diagnostic* diagnostic : findings) {
      write_result(writer, report.path, *diagnostic, rule_indices);
    }
  }
  writer.EndArray();

  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
  out << '\n';
}

}  // namespace snaplint
