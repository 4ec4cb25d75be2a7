/* A C program built against an installed snaplint: snaplint/snaplint.h and libsnaplint only.
 * Prints "snaplint VERSION" (the library's) and exits 0 when every check passes. */
#include <snaplint/snaplint.h>

#include <stdio.h>
#include <string.h>

#include "snapshots.h"

static int failures = 0;

static void check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "c_consumer: FAILED: %s\n", what);
    ++failures;
  }
}

int main(void) {
  char* error = NULL;
  snaplint_linter* linter = snaplint_linter_new(NULL, &error);
  snaplint_report* clean;
  snaplint_report* broken;
  char* json;
  unsigned line = 0, column = 0;
  /* The unreachable node's object starts here (1-based, on the only line). */
  const unsigned draft_column =
      (unsigned)(strstr(BROKEN_SNAPSHOT, "{\"id\": \"draft\"") - BROKEN_SNAPSHOT + 1);

  check(linter != NULL && error == NULL, "the default linter is created");
  if (linter == NULL) return 1;

  clean = snaplint_lint(linter, CLEAN_SNAPSHOT, strlen(CLEAN_SNAPSHOT), "clean.json");
  check(clean != NULL && snaplint_report_count(clean) == 0 && !snaplint_report_fails(clean),
        "a clean snapshot passes");
  snaplint_report_free(clean);

  broken = snaplint_lint(linter, BROKEN_SNAPSHOT, strlen(BROKEN_SNAPSHOT), "agents/broken.json");
  check(broken != NULL && snaplint_report_error_count(broken) == 1 &&
            snaplint_report_warning_count(broken) == 1 && snaplint_report_fails(broken),
        "a broken snapshot fails with an error and a warning");
  check(snaplint_report_count(broken) == 2 &&
            strcmp(snaplint_diagnostic_rule(broken, 0), "unreachable-node") == 0 &&
            snaplint_diagnostic_severity(broken, 0) == SNAPLINT_SEVERITY_ERROR,
        "the unreachable node is the first finding");
  check(snaplint_diagnostic_range(broken, 0, &line, &column, NULL, NULL) && line == 1 &&
            column == draft_column,
        "the unreachable node is found where it is");
  json = snaplint_report_json(broken);
  check(json != NULL && strstr(json, "\"rule\": \"unreachable-node\"") != NULL, "JSON output");
  snaplint_free(json);
  snaplint_report_free(broken);
  snaplint_linter_free(linter);

  linter = snaplint_linter_new("{\"fail-on\": \"sometimes\"}", &error);
  check(linter == NULL && error != NULL && strncmp(error, "<config>:1:", 11) == 0,
        "an invalid config is explained");
  snaplint_free(error);

  /* The header's version is the library's. */
  check(strcmp(snaplint_version(), SNAPLINT_VERSION_STRING) == 0, "version");

  printf("snaplint %s\n", snaplint_version());
  return failures == 0 ? 0 : 1;
}
