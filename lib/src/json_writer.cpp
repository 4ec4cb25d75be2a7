#include "rapidjson_config.hpp"
//
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "snaplint/fingerprint.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/version.hpp"
#include "utf8_text.hpp"

namespace snaplint {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

// JSON is UTF-8 (RFC 8259) and consumers in other languages reject anything else, but paths come
// from the file system in any bytes: ill-formed sequences become U+FFFD, as in the SARIF writer
// (fuzz/writers_fuzzer checks that the output parses as UTF-8 JSON).
void write_string(Writer& writer, std::string_view text) {
  const std::string valid = detail::valid_utf8(text);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void write_position(Writer& writer, const Position& position) {
  writer.StartObject();
  writer.Key("line");
  writer.Uint(position.line);
  writer.Key("column");
  writer.Uint(position.column);
  writer.EndObject();
}

void write_range(Writer& writer, const Range& range) {
  writer.StartObject();
  writer.Key("start");
  write_position(writer, range.start);
  writer.Key("end");
  write_position(writer, range.end);
  writer.EndObject();
}

void write_entity(Writer& writer, const Entity& entity) {
  writer.StartObject();
  writer.Key("kind");
  write_string(writer, to_string(entity.kind));
  writer.Key("id");
  if (entity.id) {
    write_string(writer, *entity.id);
  } else {
    writer.Null();
  }
  if (entity.index) {
    writer.Key("index");
    writer.Uint(*entity.index);
  }
  writer.EndObject();
}

void write_diagnostic(Writer& writer, const std::string& path, const Diagnostic& diagnostic) {
  writer.StartObject();
  writer.Key("rule");
  write_string(writer, diagnostic.rule);
  writer.Key("severity");
  write_string(writer, to_string(diagnostic.severity));
  writer.Key("message");
  write_string(writer, diagnostic.message);
  writer.Key("pointer");
  write_string(writer, diagnostic.pointer);
  writer.Key("range");
  write_range(writer, diagnostic.range);
  writer.Key("entity");
  write_entity(writer, diagnostic.entity);
  writer.Key("related");
  writer.StartArray();
  for (const RelatedLocation& related : diagnostic.related) {
    writer.StartObject();
    writer.Key("message");
    write_string(writer, related.message);
    writer.Key("pointer");
    write_string(writer, related.pointer);
    writer.Key("range");
    write_range(writer, related.range);
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("help");
  if (diagnostic.help.empty()) {
    writer.Null();
  } else {
    write_string(writer, diagnostic.help);
  }
  writer.Key("fingerprint");
  write_string(writer, fingerprint(path, diagnostic));
  if (diagnostic.suppression) {
    writer.Key("suppression");
    writer.StartObject();
    writer.Key("kind");
    writer.String(diagnostic.suppression->kind == Suppression::Kind::baseline ? "baseline"
                                                                              : "metadata");
    writer.Key("reason");
    write_string(writer, diagnostic.suppression->reason);
    writer.EndObject();
  }
  writer.EndObject();
}

}  // namespace

void write_json(std::ostream& out, const std::vector<FileReport>& reports,
                const ReportOptions& options) {
  rapidjson::OStreamWrapper stream(out);
  Writer writer(stream);
  writer.SetIndent(' ', 2);
  writer.StartObject();
  writer.Key("tool");
  writer.StartObject();
  writer.Key("name");
  writer.String("snaplint");
  writer.Key("version");
  writer.String(version_string);
  writer.EndObject();
  writer.Key("files");
  writer.StartArray();
  for (const FileReport& report : reports) {
    writer.StartObject();
    writer.Key("path");
    write_string(writer, report.path);
    if (report.envelope) {
      writer.Key("envelope");
      write_string(writer, to_string(*report.envelope));
    }
    if (!report.failure.empty()) {
      writer.Key("failure");
      write_string(writer, report.failure);
    }
    writer.Key("diagnostics");
    writer.StartArray();
    for (const Diagnostic& diagnostic : report.diagnostics) {
      write_diagnostic(writer, report.path, diagnostic);
    }
    writer.EndArray();
    // Always present, so consumers need no flag to audit what the team accepted.
    writer.Key("suppressed");
    writer.StartArray();
    for (const Diagnostic& diagnostic : report.suppressed) {
      write_diagnostic(writer, report.path, diagnostic);
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndArray();
  const Summary summary = summarize(reports);
  writer.Key("summary");
  writer.StartObject();
  writer.Key("files");
  writer.Uint64(summary.files);
  writer.Key("errors");
  writer.Uint64(summary.errors);
  writer.Key("warnings");
  writer.Uint64(summary.warnings);
  writer.Key("infos");
  writer.Uint64(summary.infos);
  writer.Key("failures");
  writer.Uint64(summary.failures);
  writer.Key("suppressed");
  writer.Uint64(summary.suppressed);
  writer.Key("baselined");
  writer.Uint64(summary.baselined);
  writer.EndObject();
  writer.Key("stale_baseline");
  writer.StartArray();
  for (const StaleBaselineEntry& entry : options.stale_baseline) {
    writer.StartObject();
    writer.Key("path");
    write_string(writer, entry.path);
    writer.Key("rule");
    write_string(writer, entry.rule);
    writer.Key("entity");
    write_string(writer, entry.entity);
    writer.Key("message");
    write_string(writer, entry.message);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  out << '\n';
}

}  // namespace snaplint
