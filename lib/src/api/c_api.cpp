// The C API (snaplint/snaplint.h): thin handles over snaplint::Linter and snaplint::Report.
//
// Every entry point catches everything: an exception must never cross into C. Strings handed to
// the caller are malloc'd so that snaplint_free is plain free() and works whichever C runtime the
// caller uses for its own memory. The handles hold no pointer to each other: a Report shares
// ownership of its FileReport, so it outlives the Linter that made it.
#include "snaplint/snaplint.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "snaplint/linter.hpp"
#include "snaplint/report.hpp"

struct snaplint_linter {
  snaplint::Linter linter;
};

struct snaplint_report {
  snaplint::Report report;
};

namespace {

// A malloc'd, NUL-terminated copy; NULL when out of memory.
char* copy_for_caller(std::string_view text) noexcept {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return nullptr;
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

const snaplint::Diagnostic* diagnostic_at(const snaplint_report* report, size_t i) noexcept {
  if (report == nullptr || i >= report->report.diagnostics().size()) return nullptr;
  return &report->report.diagnostics()[i];
}

const snaplint::RelatedLocation* related_at(const snaplint_report* report, size_t i,
                                            size_t j) noexcept {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  if (diagnostic == nullptr || j >= diagnostic->related.size()) return nullptr;
  return &diagnostic->related[j];
}

// Writes a range through the caller's pointers (each may be NULL); a NULL range writes zeros.
int write_range(const snaplint::Range* range, unsigned* start_line, unsigned* start_column,
                unsigned* end_line, unsigned* end_column) noexcept {
  const auto put = [](unsigned* out, std::uint32_t value) {
    if (out != nullptr) *out = static_cast<unsigned>(value);
  };
  put(start_line, range != nullptr ? range->start.line : 0);
  put(start_column, range != nullptr ? range->start.column : 0);
  put(end_line, range != nullptr ? range->end.line : 0);
  put(end_column, range != nullptr ? range->end.column : 0);
  return range != nullptr ? 1 : 0;
}

const char* entity_kind_name(snaplint::EntityKind kind) noexcept {
  switch (kind) {
    case snaplint::EntityKind::graph:
      return "graph";
    case snaplint::EntityKind::node:
      return "node";
    case snaplint::EntityKind::edge:
      return "edge";
    case snaplint::EntityKind::tool:
      return "tool";
  }
  return "graph";
}

// Renders the report with one of Report's writers into a caller-owned string.
template <class Write>
char* render(const snaplint_report* report, Write write) noexcept {
  if (report == nullptr) return nullptr;
  try {
    std::ostringstream out;
    write(report->report, out);
    return copy_for_caller(std::move(out).str());
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

extern "C" {

const char* snaplint_version(void) {
  return SNAPLINT_VERSION_STRING;
}

void snaplint_free(void* pointer) {
  std::free(pointer);
}

const char* snaplint_severity_name(snaplint_severity severity) {
  switch (severity) {
    case SNAPLINT_SEVERITY_INFO:
      return "info";
    case SNAPLINT_SEVERITY_WARNING:
      return "warning";
    case SNAPLINT_SEVERITY_ERROR:
      return "error";
  }
  return nullptr;
}

snaplint_linter* snaplint_linter_new(const char* config_json, char** error) {
  if (error != nullptr) *error = nullptr;
  try {
    snaplint::Result<snaplint::Linter> linter =
        snaplint::Linter::create(config_json != nullptr ? config_json : "");
    if (!linter) {
      if (error != nullptr) *error = copy_for_caller(linter.error());
      return nullptr;
    }
    return new snaplint_linter{std::move(*linter)};
  } catch (...) {
    if (error != nullptr) *error = copy_for_caller("cannot create a linter: out of memory");
    return nullptr;
  }
}

void snaplint_linter_free(snaplint_linter* linter) {
  delete linter;
}

snaplint_report* snaplint_lint(const snaplint_linter* linter, const char* data, size_t len,
                               const char* name) {
  if (linter == nullptr || (data == nullptr && len != 0)) return nullptr;
  try {
    const std::string_view bytes = data != nullptr ? std::string_view(data, len) : "";
    return new snaplint_report{
        linter->linter.lint(bytes, name != nullptr ? name : "snapshot.json")};
  } catch (...) {
    return nullptr;
  }
}

void snaplint_report_free(snaplint_report* report) {
  delete report;
}

const char* snaplint_report_name(const snaplint_report* report) {
  return report != nullptr ? report->report.name().c_str() : nullptr;
}

const char* snaplint_report_failure(const snaplint_report* report) {
  if (report == nullptr || report->report.failure().empty()) return nullptr;
  return report->report.failure().c_str();
}

size_t snaplint_report_count(const snaplint_report* report) {
  return report != nullptr ? report->report.diagnostics().size() : 0;
}

size_t snaplint_report_error_count(const snaplint_report* report) {
  return report != nullptr ? report->report.error_count() : 0;
}

size_t snaplint_report_warning_count(const snaplint_report* report) {
  return report != nullptr ? report->report.warning_count() : 0;
}

size_t snaplint_report_info_count(const snaplint_report* report) {
  return report != nullptr ? report->report.info_count() : 0;
}

int snaplint_report_fails(const snaplint_report* report) {
  return report == nullptr || report->report.fails() ? 1 : 0;
}

char* snaplint_report_json(const snaplint_report* report) {
  return render(report, [](const snaplint::Report& r, std::ostream& out) { r.write_json(out); });
}

char* snaplint_report_text(const snaplint_report* report) {
  return render(report, [](const snaplint::Report& r, std::ostream& out) { r.write_text(out); });
}

const char* snaplint_diagnostic_rule(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  return diagnostic != nullptr ? diagnostic->rule.c_str() : nullptr;
}

snaplint_severity snaplint_diagnostic_severity(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  if (diagnostic == nullptr) return SNAPLINT_SEVERITY_INFO;
  switch (diagnostic->severity) {
    case snaplint::Severity::info:
      return SNAPLINT_SEVERITY_INFO;
    case snaplint::Severity::warning:
      return SNAPLINT_SEVERITY_WARNING;
    case snaplint::Severity::error:
      return SNAPLINT_SEVERITY_ERROR;
  }
  return SNAPLINT_SEVERITY_ERROR;
}

const char* snaplint_diagnostic_message(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  return diagnostic != nullptr ? diagnostic->message.c_str() : nullptr;
}

const char* snaplint_diagnostic_pointer(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  return diagnostic != nullptr ? diagnostic->pointer.c_str() : nullptr;
}

const char* snaplint_diagnostic_help(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  if (diagnostic == nullptr || diagnostic->help.empty()) return nullptr;
  return diagnostic->help.c_str();
}

int snaplint_diagnostic_range(const snaplint_report* report, size_t i, unsigned* start_line,
                              unsigned* start_column, unsigned* end_line, unsigned* end_column) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  return write_range(diagnostic != nullptr ? &diagnostic->range : nullptr, start_line, start_column,
                     end_line, end_column);
}

const char* snaplint_diagnostic_entity_kind(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  return diagnostic != nullptr ? entity_kind_name(diagnostic->entity.kind) : nullptr;
}

const char* snaplint_diagnostic_entity_id(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  if (diagnostic == nullptr || !diagnostic->entity.id) return nullptr;
  return diagnostic->entity.id->c_str();
}

int snaplint_diagnostic_entity_index(const snaplint_report* report, size_t i, unsigned* index) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  const bool has_index = diagnostic != nullptr && diagnostic->entity.index.has_value();
  if (index != nullptr) *index = has_index ? static_cast<unsigned>(*diagnostic->entity.index) : 0;
  return has_index ? 1 : 0;
}

size_t snaplint_diagnostic_related_count(const snaplint_report* report, size_t i) {
  const snaplint::Diagnostic* diagnostic = diagnostic_at(report, i);
  return diagnostic != nullptr ? diagnostic->related.size() : 0;
}

const char* snaplint_diagnostic_related_message(const snaplint_report* report, size_t i, size_t j) {
  const snaplint::RelatedLocation* related = related_at(report, i, j);
  return related != nullptr ? related->message.c_str() : nullptr;
}

const char* snaplint_diagnostic_related_pointer(const snaplint_report* report, size_t i, size_t j) {
  const snaplint::RelatedLocation* related = related_at(report, i, j);
  return related != nullptr ? related->pointer.c_str() : nullptr;
}

int snaplint_diagnostic_related_range(const snaplint_report* report, size_t i, size_t j,
                                      unsigned* start_line, unsigned* start_column,
                                      unsigned* end_line, unsigned* end_column) {
  const snaplint::RelatedLocation* related = related_at(report, i, j);
  return write_range(related != nullptr ? &related->range : nullptr, start_line, start_column,
                     end_line, end_column);
}

}  // extern "C"
