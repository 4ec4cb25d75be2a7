#include "snaplint/baseline.hpp"

#include "rapidjson_config.hpp"
//
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>

#include "snaplint/fingerprint.hpp"
#include "snaplint/source_file.hpp"
#include "utf8_text.hpp"

namespace snaplint {

namespace {

constexpr int format_version = 1;

std::string describe_entity(const Entity& entity) {
  if (entity.kind == EntityKind::graph) return "graph";
  std::string text(to_string(entity.kind));
  if (entity.id) return text + " '" + *entity.id + "'";
  return text;
}

auto entry_key(const StaleBaselineEntry& e) {
  return std::tie(e.path, e.rule, e.entity, e.message);
}

}  // namespace

Baseline Baseline::from_reports(const std::vector<FileReport>& reports) {
  Baseline baseline;
  auto add = [&](const FileReport& report, const Diagnostic& diagnostic) {
    baseline.entries_.push_back({fingerprint(report.path, diagnostic),
                                 {report.path, diagnostic.rule, describe_entity(diagnostic.entity),
                                  stable_message(diagnostic.message)}});
  };
  for (const FileReport& report : reports) {
    for (const Diagnostic& diagnostic : report.diagnostics) add(report, diagnostic);
    for (const Diagnostic& diagnostic : report.suppressed) {
      if (diagnostic.suppression && diagnostic.suppression->kind == Suppression::Kind::baseline) {
        add(report, diagnostic);
      }
    }
  }
  std::sort(baseline.entries_.begin(), baseline.entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.finding.path, a.finding.rule, a.finding.entity, a.finding.message,
                    a.fingerprint) < std::tie(b.finding.path, b.finding.rule, b.finding.entity,
                                              b.finding.message, b.fingerprint);
  });
  return baseline;
}

std::optional<Baseline> Baseline::parse(std::string_view text, std::string* error) {
  auto fail = [&](std::size_t offset, const std::string& message) -> std::optional<Baseline> {
    const SourceFile source{std::string(text)};
    const Position at = source.position(static_cast<std::uint32_t>(std::min(offset, text.size())));
    if (error) {
      *error = std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message;
    }
    return std::nullopt;
  };
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    return fail(doc.GetErrorOffset(), std::string("not a baseline file: ") +
                                          rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) {
    return fail(0, "not a baseline file: expected an object with \"snaplint-baseline\": " +
                       std::to_string(format_version));
  }
  const auto version = doc.FindMember("snaplint-baseline");
  if (version == doc.MemberEnd() || !version->value.IsInt()) {
    return fail(0, "not a baseline file: expected an object with \"snaplint-baseline\": " +
                       std::to_string(format_version));
  }
  if (version->value.GetInt() != format_version) {
    return fail(0, "baseline format " + std::to_string(version->value.GetInt()) +
                       " is not supported (this snaplint reads format " +
                       std::to_string(format_version) + ")");
  }
  const auto findings = doc.FindMember("findings");
  if (findings == doc.MemberEnd() || !findings->value.IsArray()) {
    return fail(0, "baseline file has no \"findings\" array");
  }
  Baseline baseline;
  std::size_t index = 0;
  for (const auto& item : findings->value.GetArray()) {
    auto field = [&](const char* name) -> const rapidjson::Value* {
      if (!item.IsObject()) return nullptr;
      const auto it = item.FindMember(name);
      return it != item.MemberEnd() && it->value.IsString() ? &it->value : nullptr;
    };
    const rapidjson::Value* fingerprint_value = field("fingerprint");
    if (!fingerprint_value) {
      return fail(0,
                  "baseline finding #" + std::to_string(index) + " has no \"fingerprint\" string");
    }
    auto text_of = [&](const char* name) {
      const rapidjson::Value* value = field(name);
      return value ? std::string(value->GetString(), value->GetStringLength()) : std::string();
    };
    baseline.entries_.push_back(
        {text_of("fingerprint"),
         {text_of("path"), text_of("rule"), text_of("entity"), text_of("message")}});
    ++index;
  }
  return baseline;
}

void Baseline::write(std::ostream& out) const {
  rapidjson::OStreamWrapper stream(out);
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
  writer.SetIndent(' ', 2);
  // Paths come from the file system in any bytes, and a baseline that is not UTF-8 would not
  // load again (parse validates the encoding): ill-formed sequences become U+FFFD, as in the JSON
  // report. Matching is by fingerprint, computed from the path's own bytes, so an entry still
  // matches its file; apply compares paths in this form too.
  auto string = [&](std::string_view text) {
    const std::string valid = detail::valid_utf8(text);
    writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  };
  writer.StartObject();
  writer.Key("snaplint-baseline");
  writer.Int(format_version);
  writer.Key("findings");
  writer.StartArray();
  for (const Entry& entry : entries_) {
    writer.StartObject();
    writer.Key("path");
    string(entry.finding.path);
    writer.Key("rule");
    string(entry.finding.rule);
    writer.Key("entity");
    string(entry.finding.entity);
    writer.Key("message");
    string(entry.finding.message);
    writer.Key("fingerprint");
    string(entry.fingerprint);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  out << '\n';
}

std::vector<StaleBaselineEntry> Baseline::apply(std::vector<FileReport>& reports) const {
  // Fingerprint → how many findings with it the baseline still absorbs.
  std::map<std::string_view, std::size_t> remaining;
  for (const Entry& entry : entries_) ++remaining[entry.fingerprint];
  for (FileReport& report : reports) {
    std::vector<Diagnostic> kept;
    for (Diagnostic& diagnostic : report.diagnostics) {
      const std::string print = fingerprint(report.path, diagnostic);
      const auto it = remaining.find(print);
      if (it == remaining.end() || it->second == 0) {
        kept.push_back(std::move(diagnostic));
        continue;
      }
      --it->second;
      diagnostic.suppression = Suppression{Suppression::Kind::baseline, "in the baseline"};
      report.suppressed.push_back(std::move(diagnostic));
    }
    report.diagnostics = std::move(kept);
    std::stable_sort(report.suppressed.begin(), report.suppressed.end(), diagnostic_less);
  }
  // Unmatched entries of the files linted in this run; other files were not looked at.
  // Paths as the baseline file holds them (write): a file whose name is not UTF-8 is known by
  // the U+FFFD form, whether the entries were read from a file or made in this run.
  std::map<std::string, bool, std::less<>> linted;
  for (const FileReport& report : reports) {
    if (report.failure.empty()) linted[detail::valid_utf8(report.path)] = true;
  }
  std::vector<StaleBaselineEntry> stale;
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    auto count = remaining.find(it->fingerprint);
    if (count->second == 0 || !linted.count(detail::valid_utf8(it->finding.path))) continue;
    --count->second;
    stale.push_back(it->finding);
  }
  std::sort(stale.begin(), stale.end(),
            [](const StaleBaselineEntry& a, const StaleBaselineEntry& b) {
              return entry_key(a) < entry_key(b);
            });
  return stale;
}

}  // namespace snaplint
