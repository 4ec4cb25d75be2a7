/* The C API (snaplint/snaplint.h) used from C: every function, its error paths and its NULL
 * handling. Compiled as C99, linked against the shared libsnaplint, and run under
 * AddressSanitizer/LeakSanitizer in the sanitizer build, where any leak fails the test.
 *
 * Usage: snaplint_c_api_test EXAMPLES_DIR (the repository's examples/ folder). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snaplint/snaplint.h"

static int failures = 0;

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                                   \
    }                                                                               \
  } while (0)

/* NULL-safe string equality, so that a NULL where a string is expected fails the CHECK. */
static int same(const char* actual, const char* expected) {
  if (actual == NULL || expected == NULL) return actual == expected;
  return strcmp(actual, expected) == 0;
}

static int contains(const char* haystack, const char* needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

static const char clean[] =
    "{\"graph\": {\n"
    "  \"nodes\": [{\"id\": \"start\", \"name\": \"__start__\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"\"},\n"
    "            {\"id\": \"end\", \"name\": \"__end__\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"\"}],\n"
    "  \"edges\": [{\"id\": \"e1\", \"from\": \"start\", \"to\": \"end\"}]}}";

/* An unreachable node (error, line 4) and an unused tool (warning). */
static const char broken[] =
    "{\"graph\": {\n"
    "  \"nodes\": [{\"id\": \"start\", \"name\": \"__start__\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"\"},\n"
    "            {\"id\": \"end\", \"name\": \"__end__\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"\"},\n"
    "            {\"id\": \"draft\", \"name\": \"draft\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"Later.\"}],\n"
    "  \"edges\": [{\"id\": \"e1\", \"from\": \"start\", \"to\": \"end\"}],\n"
    "  \"tools\": [{\"id\": \"crm\", \"name\": \"crm\", \"description\": \"CRM\"}]}}";

/* Two edges with one id: a finding with a related location (the first edge). */
static const char duplicate_edge_id[] =
    "{\"graph\": {\n"
    "  \"nodes\": [{\"id\": \"start\", \"name\": \"__start__\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"\"},\n"
    "            {\"id\": \"end\", \"name\": \"__end__\", \"type\": \"DefaultNode\", "
    "\"prompt\": \"\"}],\n"
    "  \"edges\": [{\"id\": \"e1\", \"from\": \"start\", \"to\": \"end\"},\n"
    "            {\"id\": \"e1\", \"from\": \"start\", \"to\": \"end\", \"label\": \"x\"}]}}";

static snaplint_report* lint_string(const snaplint_linter* linter, const char* text,
                                    const char* name) {
  return snaplint_lint(linter, text, strlen(text), name);
}

/* Whether a report holds exactly one finding and it is invalid-json. */
static int only_invalid_json(const snaplint_report* report) {
  return report != NULL && snaplint_report_count(report) == 1 &&
         same(snaplint_diagnostic_rule(report, 0), "invalid-json") &&
         snaplint_report_fails(report) == 1;
}

static char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  char* data = NULL;
  long length;
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (length = ftell(file)) >= 0 &&
      fseek(file, 0, SEEK_SET) == 0) {
    data = malloc((size_t)length + 1);
    if (data != NULL && fread(data, 1, (size_t)length, file) != (size_t)length) {
      free(data);
      data = NULL;
    }
    *size = (size_t)length;
  }
  fclose(file);
  return data;
}

static void test_library(void) {
  CHECK(same(snaplint_version(), SNAPLINT_VERSION_STRING));
  CHECK(same(snaplint_severity_name(SNAPLINT_SEVERITY_INFO), "info"));
  CHECK(same(snaplint_severity_name(SNAPLINT_SEVERITY_WARNING), "warning"));
  CHECK(same(snaplint_severity_name(SNAPLINT_SEVERITY_ERROR), "error"));
  CHECK(snaplint_severity_name((snaplint_severity)7) == NULL);
  snaplint_free(NULL);
}

static void test_linter_creation(void) {
  char* error = (char*)"untouched";
  snaplint_linter* linter = snaplint_linter_new(NULL, &error);
  CHECK(linter != NULL);
  CHECK(error == NULL); /* success clears *error */
  snaplint_linter_free(linter);

  linter = snaplint_linter_new("", NULL);
  CHECK(linter != NULL);
  snaplint_linter_free(linter);

  linter = snaplint_linter_new("{\"fail-on\": \"warning\", \"max-warnings\": 3}", &error);
  CHECK(linter != NULL);
  CHECK(error == NULL);
  snaplint_linter_free(linter);

  /* An invalid value: NULL, and a message with the position and the pointer. */
  linter = snaplint_linter_new("{\n  \"fail-on\": \"sometimes\"\n}", &error);
  CHECK(linter == NULL);
  CHECK(error != NULL && strncmp(error, "<config>:2:14: ", 15) == 0);
  CHECK(contains(error, "/fail-on"));
  snaplint_free(error);

  /* An unknown rule gets a suggestion. */
  error = NULL;
  linter = snaplint_linter_new("{\"ignore\": [\"unreachable-nodes\"]}", &error);
  CHECK(linter == NULL);
  CHECK(contains(error, "did you mean 'unreachable-node'"));
  snaplint_free(error);

  /* Not JSON at all. */
  error = NULL;
  linter = snaplint_linter_new("{not json", &error);
  CHECK(linter == NULL);
  CHECK(contains(error, "<config>:1:"));
  snaplint_free(error);

  /* The reason may be unwanted; nothing leaks then. */
  CHECK(snaplint_linter_new("{not json", NULL) == NULL);

  snaplint_linter_free(NULL);
}

static void test_clean_snapshot(const snaplint_linter* linter) {
  snaplint_report* report = lint_string(linter, clean, "agent.json");
  char* json;
  char* text;
  CHECK(report != NULL);
  CHECK(same(snaplint_report_name(report), "agent.json"));
  CHECK(snaplint_report_failure(report) == NULL);
  CHECK(snaplint_report_count(report) == 0);
  CHECK(snaplint_report_error_count(report) == 0);
  CHECK(snaplint_report_warning_count(report) == 0);
  CHECK(snaplint_report_info_count(report) == 0);
  CHECK(snaplint_report_fails(report) == 0);
  json = snaplint_report_json(report);
  CHECK(contains(json, "\"path\": \"agent.json\""));
  CHECK(contains(json, "\"diagnostics\": []"));
  snaplint_free(json);
  text = snaplint_report_text(report);
  CHECK(contains(text, "No problems found"));
  snaplint_free(text);
  snaplint_report_free(report);

  /* No name: "snapshot.json". */
  report = lint_string(linter, clean, NULL);
  CHECK(same(snaplint_report_name(report), "snapshot.json"));
  snaplint_report_free(report);
}

static void test_findings(const snaplint_linter* linter) {
  snaplint_report* report = lint_string(linter, broken, "agents/a.json");
  unsigned start_line = 0, start_column = 0, end_line = 0, end_column = 0, index = 99;
  char* json;
  char* text;
  CHECK(snaplint_report_count(report) == 2);
  CHECK(snaplint_report_error_count(report) == 1);
  CHECK(snaplint_report_warning_count(report) == 1);
  CHECK(snaplint_report_info_count(report) == 0);
  CHECK(snaplint_report_fails(report) == 1);

  CHECK(same(snaplint_diagnostic_rule(report, 0), "unreachable-node"));
  CHECK(snaplint_diagnostic_severity(report, 0) == SNAPLINT_SEVERITY_ERROR);
  CHECK(contains(snaplint_diagnostic_message(report, 0), "'draft'"));
  CHECK(same(snaplint_diagnostic_pointer(report, 0), "/graph/nodes/2"));
  CHECK(snaplint_diagnostic_range(report, 0, &start_line, &start_column, &end_line, &end_column) ==
        1);
  CHECK(start_line == 4 && start_column == 13);
  CHECK(end_line > start_line || (end_line == start_line && end_column > start_column));
  CHECK(same(snaplint_diagnostic_entity_kind(report, 0), "node"));
  CHECK(same(snaplint_diagnostic_entity_id(report, 0), "draft"));
  CHECK(snaplint_diagnostic_entity_index(report, 0, &index) == 1 && index == 2);
  CHECK(snaplint_diagnostic_entity_index(report, 0, NULL) == 1);
  CHECK(snaplint_diagnostic_related_count(report, 0) == 0);
  /* Each output pointer may be NULL. */
  CHECK(snaplint_diagnostic_range(report, 0, NULL, NULL, NULL, NULL) == 1);
  start_line = 0;
  CHECK(snaplint_diagnostic_range(report, 0, &start_line, NULL, NULL, NULL) == 1);
  CHECK(start_line == 4);

  CHECK(same(snaplint_diagnostic_rule(report, 1), "unused-tool"));
  CHECK(snaplint_diagnostic_severity(report, 1) == SNAPLINT_SEVERITY_WARNING);
  CHECK(same(snaplint_diagnostic_entity_kind(report, 1), "tool"));
  CHECK(same(snaplint_diagnostic_entity_id(report, 1), "crm"));
  CHECK(contains(snaplint_diagnostic_help(report, 1), "'crm'"));

  json = snaplint_report_json(report);
  CHECK(contains(json, "\"rule\": \"unreachable-node\""));
  CHECK(contains(json, "\"fingerprint\""));
  snaplint_free(json);
  text = snaplint_report_text(report);
  CHECK(contains(text, "agents/a.json:4:13: error: node 'draft' is not reachable"));
  CHECK(contains(text, "[unused-tool]"));
  CHECK(!contains(text, "\x1b[")); /* never coloured */
  snaplint_free(text);

  /* Out of range: NULL, 0, zeroed outputs; no crash. */
  start_line = start_column = end_line = end_column = index = 99;
  CHECK(snaplint_diagnostic_rule(report, 2) == NULL);
  CHECK(snaplint_diagnostic_message(report, 2) == NULL);
  CHECK(snaplint_diagnostic_pointer(report, 2) == NULL);
  CHECK(snaplint_diagnostic_help(report, 2) == NULL);
  CHECK(snaplint_diagnostic_entity_kind(report, 2) == NULL);
  CHECK(snaplint_diagnostic_entity_id(report, (size_t)-1) == NULL);
  CHECK(snaplint_diagnostic_severity(report, 2) == SNAPLINT_SEVERITY_INFO);
  CHECK(snaplint_diagnostic_range(report, 2, &start_line, &start_column, &end_line, &end_column) ==
        0);
  CHECK(start_line == 0 && start_column == 0 && end_line == 0 && end_column == 0);
  CHECK(snaplint_diagnostic_entity_index(report, 2, &index) == 0 && index == 0);
  CHECK(snaplint_diagnostic_related_count(report, 2) == 0);
  CHECK(snaplint_diagnostic_related_message(report, 0, 0) == NULL);
  CHECK(snaplint_diagnostic_related_pointer(report, 2, 0) == NULL);
  start_line = 99;
  CHECK(snaplint_diagnostic_related_range(report, 0, 0, &start_line, NULL, NULL, NULL) == 0);
  CHECK(start_line == 0);
  snaplint_report_free(report);
}

static void test_related_locations(const snaplint_linter* linter) {
  snaplint_report* report = lint_string(linter, duplicate_edge_id, "a.json");
  size_t i, found = (size_t)-1;
  unsigned start_line = 0, start_column = 0, end_line = 0, end_column = 0;
  for (i = 0; i < snaplint_report_count(report); ++i) {
    if (same(snaplint_diagnostic_rule(report, i), "duplicate-edge-id")) found = i;
  }
  CHECK(found != (size_t)-1);
  CHECK(same(snaplint_diagnostic_entity_kind(report, found), "edge"));
  CHECK(snaplint_diagnostic_related_count(report, found) == 1);
  CHECK(snaplint_diagnostic_related_message(report, found, 0) != NULL);
  CHECK(same(snaplint_diagnostic_related_pointer(report, found, 0), "/graph/edges/0/id"));
  CHECK(snaplint_diagnostic_related_range(report, found, 0, &start_line, &start_column, &end_line,
                                          &end_column) == 1);
  CHECK(start_line == 4 && start_column > 1 && end_line == 4 && end_column > start_column);
  CHECK(snaplint_diagnostic_related_message(report, found, 1) == NULL);
  CHECK(snaplint_diagnostic_related_pointer(report, found, 1) == NULL);
  snaplint_report_free(report);
}

static void test_bad_input(const snaplint_linter* linter) {
  static const char with_nul[] = "{\"graph\": {}}\0 trailing";
  char* buffer;
  size_t clean_size = strlen(clean);
  snaplint_report* report;
  unsigned index = 99;

  /* Truncated JSON: one invalid-json finding about the whole document. */
  report = lint_string(linter, "{\"graph\": {\"nodes\": [", "a.json");
  CHECK(only_invalid_json(report));
  CHECK(snaplint_diagnostic_severity(report, 0) == SNAPLINT_SEVERITY_ERROR);
  CHECK(same(snaplint_diagnostic_entity_kind(report, 0), "graph"));
  CHECK(snaplint_diagnostic_entity_id(report, 0) == NULL);
  CHECK(snaplint_diagnostic_entity_index(report, 0, &index) == 0 && index == 0);
  snaplint_report_free(report);

  /* NUL bytes inside the data: the explicit length is what counts, not strlen. */
  report = snaplint_lint(linter, with_nul, sizeof with_nul - 1, "a.json");
  CHECK(only_invalid_json(report));
  snaplint_report_free(report);
  buffer = malloc(clean_size + 2);
  CHECK(buffer != NULL);
  if (buffer != NULL) {
    memcpy(buffer, clean, clean_size);
    buffer[clean_size] = '\0';
    buffer[clean_size + 1] = ' ';
    report = snaplint_lint(linter, buffer, clean_size, "a.json"); /* exact: clean */
    CHECK(report != NULL && snaplint_report_count(report) == 0);
    snaplint_report_free(report);
    report = snaplint_lint(linter, buffer, clean_size + 2, "a.json"); /* with the NUL */
    CHECK(only_invalid_json(report));
    snaplint_report_free(report);
    free(buffer);
  }

  /* Not UTF-8, and nothing at all (NULL with length 0 is the empty input). */
  report = snaplint_lint(linter, "\xff\xfe{}", 4, "a.json");
  CHECK(only_invalid_json(report));
  snaplint_report_free(report);
  report = snaplint_lint(linter, "", 0, "a.json");
  CHECK(only_invalid_json(report));
  snaplint_report_free(report);
  report = snaplint_lint(linter, NULL, 0, NULL);
  CHECK(only_invalid_json(report));
  snaplint_report_free(report);

  /* What cannot be linted is a NULL report. */
  CHECK(snaplint_lint(linter, NULL, 5, "a.json") == NULL);
  CHECK(snaplint_lint(NULL, clean, strlen(clean), "a.json") == NULL);
}

static void test_null_report(void) {
  unsigned value = 99;
  CHECK(snaplint_report_name(NULL) == NULL);
  CHECK(snaplint_report_failure(NULL) == NULL);
  CHECK(snaplint_report_count(NULL) == 0);
  CHECK(snaplint_report_error_count(NULL) == 0);
  CHECK(snaplint_report_warning_count(NULL) == 0);
  CHECK(snaplint_report_info_count(NULL) == 0);
  CHECK(snaplint_report_fails(NULL) == 1); /* a failed lint never passes */
  CHECK(snaplint_report_json(NULL) == NULL);
  CHECK(snaplint_report_text(NULL) == NULL);
  CHECK(snaplint_diagnostic_rule(NULL, 0) == NULL);
  CHECK(snaplint_diagnostic_severity(NULL, 0) == SNAPLINT_SEVERITY_INFO);
  CHECK(snaplint_diagnostic_message(NULL, 0) == NULL);
  CHECK(snaplint_diagnostic_pointer(NULL, 0) == NULL);
  CHECK(snaplint_diagnostic_help(NULL, 0) == NULL);
  CHECK(snaplint_diagnostic_range(NULL, 0, &value, NULL, NULL, NULL) == 0 && value == 0);
  CHECK(snaplint_diagnostic_entity_kind(NULL, 0) == NULL);
  CHECK(snaplint_diagnostic_entity_id(NULL, 0) == NULL);
  value = 99;
  CHECK(snaplint_diagnostic_entity_index(NULL, 0, &value) == 0 && value == 0);
  CHECK(snaplint_diagnostic_related_count(NULL, 0) == 0);
  CHECK(snaplint_diagnostic_related_message(NULL, 0, 0) == NULL);
  CHECK(snaplint_diagnostic_related_pointer(NULL, 0, 0) == NULL);
  CHECK(snaplint_diagnostic_related_range(NULL, 0, 0, NULL, NULL, NULL, NULL) == 0);
  snaplint_report_free(NULL);
}

static void test_config_policy(void) {
  snaplint_linter* linter = snaplint_linter_new(
      "{\"overrides\": [{\"files\": [\"drafts/**\"], "
      "\"severity\": {\"unreachable-node\": \"off\"}}]}",
      NULL);
  snaplint_report* report;
  CHECK(linter != NULL);
  /* The name is matched against the overrides. */
  report = lint_string(linter, broken, "drafts/a.json");
  CHECK(snaplint_report_count(report) == 1);
  CHECK(same(snaplint_diagnostic_rule(report, 0), "unused-tool"));
  CHECK(snaplint_report_fails(report) == 0);
  snaplint_report_free(report);
  report = lint_string(linter, broken, "live/a.json");
  CHECK(snaplint_report_count(report) == 2);
  snaplint_report_free(report);
  snaplint_linter_free(linter);

  /* fail-on: warning turns a warning-only report into a failing one. */
  linter =
      snaplint_linter_new("{\"fail-on\": \"warning\", \"ignore\": [\"unreachable-node\"]}", NULL);
  CHECK(linter != NULL);
  report = lint_string(linter, broken, "a.json");
  CHECK(snaplint_report_error_count(report) == 0);
  CHECK(snaplint_report_warning_count(report) == 1);
  CHECK(snaplint_report_fails(report) == 1);
  snaplint_report_free(report);
  snaplint_linter_free(linter);
}

static void test_report_outlives_linter(void) {
  snaplint_linter* linter = snaplint_linter_new(NULL, NULL);
  snaplint_report* report = lint_string(linter, broken, "a.json");
  char* json;
  snaplint_linter_free(linter);
  CHECK(snaplint_report_count(report) == 2);
  CHECK(same(snaplint_diagnostic_rule(report, 0), "unreachable-node"));
  CHECK(same(snaplint_report_name(report), "a.json"));
  json = snaplint_report_json(report);
  CHECK(contains(json, "unused-tool"));
  snaplint_free(json);
  snaplint_report_free(report);
}

static void test_examples(const snaplint_linter* linter, const char* examples_dir) {
  char path[4096];
  size_t size = 0;
  char* data;
  snaplint_report* report;

  snprintf(path, sizeof path, "%s/support_agent.json", examples_dir);
  data = read_file(path, &size);
  CHECK(data != NULL);
  report = snaplint_lint(linter, data, size, "examples/support_agent.json");
  CHECK(report != NULL && snaplint_report_error_count(report) == 0);
  CHECK(snaplint_report_fails(report) == 0);
  snaplint_report_free(report);
  free(data);

  snprintf(path, sizeof path, "%s/broken_agent.json", examples_dir);
  data = read_file(path, &size);
  CHECK(data != NULL);
  report = snaplint_lint(linter, data, size, "examples/broken_agent.json");
  CHECK(snaplint_report_error_count(report) > 0);
  CHECK(snaplint_report_fails(report) == 1);
  snaplint_report_free(report);
  free(data);
}

int main(int argc, char** argv) {
  snaplint_linter* linter;
  if (argc != 2) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR\n", argv[0]);
    return 2;
  }
  test_library();
  test_linter_creation();
  linter = snaplint_linter_new(NULL, NULL);
  CHECK(linter != NULL);
  if (linter != NULL) {
    test_clean_snapshot(linter);
    test_findings(linter);
    test_related_locations(linter);
    test_bad_input(linter);
    test_examples(linter, argv[1]);
  }
  snaplint_linter_free(linter);
  test_null_report();
  test_config_policy();
  test_report_outlives_linter();
  if (failures > 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all C API checks passed\n");
  return 0;
}
