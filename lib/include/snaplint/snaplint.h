/* snaplint's C API: lint a Kapso agent snapshot from C or from any language with a C FFI
 * (Python's ctypes, Go's cgo, Rust, Ruby, ...). Link libsnaplint.so, or libsnaplint.a plus the
 * C++ runtime (`pkg-config --libs --static snaplint`).
 *
 *   char* error = NULL;
 *   snaplint_linter* linter = snaplint_linter_new(config_json, &error);  // NULL: defaults
 *   if (!linter) {
 *     fprintf(stderr, "%s\n", error ? error : "out of memory");
 *     snaplint_free(error);
 *     return 2;
 *   }
 *   snaplint_report* report = snaplint_lint(linter, data, size, "agent.json");
 *   snaplint_linter_free(linter);                 // the report does not need it
 *   int fails = snaplint_report_fails(report);    // 1 for a NULL report too
 *   if (fails) {
 *     char* text = snaplint_report_text(report);  // NULL for a NULL report
 *     if (text) fputs(text, stderr);
 *     snaplint_free(text);
 *   }
 *   snaplint_report_free(report);
 *   if (fails) return 1;                          // do not upload
 *
 * Ownership, in two rules: an object from a `_new`/`snaplint_lint` call is released with its
 * `_free` function; a `char*` the library returns is the caller's and is released with
 * snaplint_free, while a `const char*` belongs to the object it came from (the report, or static
 * storage) and must not be freed. Every function accepts NULL for its handle and does nothing
 * harmful with it (documented per function); no function lets a C++ exception escape, and the
 * library keeps no global mutable state and never prints.
 *
 * Threads: a linter may be used by several threads at once; a report is immutable, so several
 * threads may read one report at once. Freeing must not race with use.
 *
 * Strings are UTF-8 and NUL-terminated. A value the snapshot spells with a `\u0000` escape ends
 * at that character in the accessors below; snaplint_report_json() escapes it and is exact. */
#ifndef SNAPLINT_SNAPLINT_H
#define SNAPLINT_SNAPLINT_H

#include <stddef.h>

#include "snaplint/export.hpp"
#include "snaplint/version.hpp"

#ifdef __cplusplus
extern "C" {
#endif

/* A configured linter: a .snaplint.json policy with its rules ready to run. */
typedef struct snaplint_linter snaplint_linter;

/* What linting one snapshot found. Independent of the linter that made it: a report stays
 * valid after snaplint_linter_free(), until snaplint_report_free(). */
typedef struct snaplint_report snaplint_report;

typedef enum snaplint_severity {
  SNAPLINT_SEVERITY_INFO = 0,
  SNAPLINT_SEVERITY_WARNING = 1,
  SNAPLINT_SEVERITY_ERROR = 2
} snaplint_severity;

/* ---- Library ---------------------------------------------------------------------------- */

/* The library's version, e.g. "0.1.0" (compare with SNAPLINT_VERSION_STRING, the version of
 * the header compiled against). Static storage: never free it. */
SNAPLINT_API const char* snaplint_version(void);

/* Releases a `char*` this library returned (an error message, snaplint_report_json(),
 * snaplint_report_text()). NULL is ignored. Do not pass it anything else. */
SNAPLINT_API void snaplint_free(void* pointer);

/* "info", "warning" or "error"; NULL for a value outside the enum. Static storage. */
SNAPLINT_API const char* snaplint_severity_name(snaplint_severity severity);

/* ---- Linter ----------------------------------------------------------------------------- */

/* Makes a linter from the text of a .snaplint.json config; NULL or "" means every rule at its
 * default severity. A config's `overrides` are matched against the name given to
 * snaplint_lint(); `root` has no effect (no file system walk happens).
 *
 * Returns NULL when the config is not valid (or memory ran out). Then, if `error` is not NULL,
 * `*error` receives a message with the position, such as
 *   <config>:1:12: 'fail-on' should be one of "error", "warning" (at /fail-on)
 * to release with snaplint_free(); it is NULL if even the message could not be allocated. On
 * success `*error` is set to NULL. `error` may be NULL when the reason is not wanted. */
SNAPLINT_API snaplint_linter* snaplint_linter_new(const char* config_json, char** error);

/* Releases a linter. NULL is ignored. Reports it made stay valid. */
SNAPLINT_API void snaplint_linter_free(snaplint_linter* linter);

/* Lints the `len` bytes at `data` (not NUL-terminated; NUL bytes inside are linted, and
 * reported, as the invalid JSON they are). `name` is the snapshot's name in the report and the
 * path the config's override globs match; NULL means "snapshot.json".
 *
 * Input that is not a snapshot (invalid JSON, wrong encoding, empty) is a finding in the report,
 * never a NULL. Returns NULL only when `linter` is NULL, when `data` is NULL and `len` is not
 * 0 (NULL with 0 lints the empty input), or when memory ran out. Release the report with
 * snaplint_report_free(). */
SNAPLINT_API snaplint_report* snaplint_lint(const snaplint_linter* linter, const char* data,
                                            size_t len, const char* name);

/* ---- Report ----------------------------------------------------------------------------- */

/* Releases a report and every string its accessors returned. NULL is ignored. */
SNAPLINT_API void snaplint_report_free(snaplint_report* report);

/* The name the snapshot was linted under. Owned by the report; NULL for a NULL report. */
SNAPLINT_API const char* snaplint_report_name(const snaplint_report* report);

/* Why the snapshot could not be linted at all (an internal error); NULL when it was linted,
 * which is always, short of running out of memory. Owned by the report. */
SNAPLINT_API const char* snaplint_report_failure(const snaplint_report* report);

/* How many findings are listed (suppressed ones are not), and how many count per severity. 0 for
 * NULL. Past 1000 findings the list holds the first 1000 and a "too-many-diagnostics" summary in
 * their place; the per-severity counts (and snaplint_report_fails) still include every one. */
SNAPLINT_API size_t snaplint_report_count(const snaplint_report* report);
SNAPLINT_API size_t snaplint_report_error_count(const snaplint_report* report);
SNAPLINT_API size_t snaplint_report_warning_count(const snaplint_report* report);
SNAPLINT_API size_t snaplint_report_info_count(const snaplint_report* report);

/* 1 when the config's policy rejects the snapshot (an error; with `fail-on: warning` any
 * warning; more warnings than `max-warnings`; or a failure), else 0: what a program about to
 * upload the snapshot should check. 1 for a NULL report, so that a failed lint never passes. */
SNAPLINT_API int snaplint_report_fails(const snaplint_report* report);

/* The whole report as snaplint's JSON output (`snaplint check --format json`: every finding
 * with pointer, range, entity, related locations, help, fingerprint, and the suppressed ones).
 * The caller releases it with snaplint_free(). NULL for a NULL report or when out of memory. */
SNAPLINT_API char* snaplint_report_json(const snaplint_report* report);

/* The report as snaplint's text output for people: per finding `file:line:col: severity:
 * message [rule]`, a code frame, notes and help; then a summary line ("No problems found in 1
 * file."). No colours. The caller releases it with snaplint_free(). NULL for a NULL report or
 * when out of memory. */
SNAPLINT_API char* snaplint_report_text(const snaplint_report* report);

/* ---- The i-th finding (0 <= i < snaplint_report_count()) --------------------------------
 * Findings are sorted by line, column, rule and message. Returned strings are owned by the
 * report and valid until snaplint_report_free(). An `i` out of range, or a NULL report, gives
 * NULL, 0 or SNAPLINT_SEVERITY_INFO, and sets no output through a pointer other than to 0. */

/* The rule's name, e.g. "dangling-edge"; parse and schema findings have rules too
 * ("invalid-json", "schema"). */
SNAPLINT_API const char* snaplint_diagnostic_rule(const snaplint_report* report, size_t i);
SNAPLINT_API snaplint_severity snaplint_diagnostic_severity(const snaplint_report* report,
                                                            size_t i);
SNAPLINT_API const char* snaplint_diagnostic_message(const snaplint_report* report, size_t i);
/* A JSON Pointer from the file's root, e.g. "/graph/edges/4/to"; "" for the whole document. */
SNAPLINT_API const char* snaplint_diagnostic_pointer(const snaplint_report* report, size_t i);
/* A suggestion, e.g. "did you mean 'refunds'?"; NULL when there is none. */
SNAPLINT_API const char* snaplint_diagnostic_help(const snaplint_report* report, size_t i);

/* Where the finding is: 1-based lines and columns, columns counting Unicode code points, the
 * end exclusive. Each output pointer may be NULL. Returns 1, or 0 (outputs set to 0) when `i`
 * is out of range. */
SNAPLINT_API int snaplint_diagnostic_range(const snaplint_report* report, size_t i,
                                           unsigned* start_line, unsigned* start_column,
                                           unsigned* end_line, unsigned* end_column);

/* What the finding is about: "graph", "node", "edge" or "tool" (static storage). */
SNAPLINT_API const char* snaplint_diagnostic_entity_kind(const snaplint_report* report, size_t i);
/* The entity's id; NULL when it has none usable (then it has an index) or is the graph. */
SNAPLINT_API const char* snaplint_diagnostic_entity_id(const snaplint_report* report, size_t i);
/* The entity's index in its array (`nodes`, `edges`, `tools`): returns 1 and sets `*index`
 * (if `index` is not NULL) when there is one, else returns 0 and sets it to 0. */
SNAPLINT_API int snaplint_diagnostic_entity_index(const snaplint_report* report, size_t i,
                                                  unsigned* index);

/* Other places the finding refers to (e.g. "first listed here"), j-th of them. */
SNAPLINT_API size_t snaplint_diagnostic_related_count(const snaplint_report* report, size_t i);
SNAPLINT_API const char* snaplint_diagnostic_related_message(const snaplint_report* report,
                                                             size_t i, size_t j);
SNAPLINT_API const char* snaplint_diagnostic_related_pointer(const snaplint_report* report,
                                                             size_t i, size_t j);
/* As snaplint_diagnostic_range(), for the j-th related location. */
SNAPLINT_API int snaplint_diagnostic_related_range(const snaplint_report* report, size_t i,
                                                   size_t j, unsigned* start_line,
                                                   unsigned* start_column, unsigned* end_line,
                                                   unsigned* end_column);

#ifdef __cplusplus
}
#endif

#endif
