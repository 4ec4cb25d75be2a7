/* Lints a Kapso agent snapshot before uploading it, with snaplint's C API.
 *
 *   lint_before_upload SNAPSHOT.json [CONFIG.json]
 *
 * Prints snaplint's report to standard error. Exits 1, and does not upload, when the config's
 * policy rejects the snapshot; 2 when a file cannot be read or the config is invalid; 0 after
 * the upload (here a message stands where the program would POST the snapshot). */
#include <stdio.h>
#include <stdlib.h>

#include "snaplint/snaplint.h"

/* The whole file, NUL-terminated (for the config) with its size apart (for the snapshot, which
 * may hold NUL bytes); NULL when it cannot be read. Free with free(). */
static char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  char* data = NULL;
  size_t used = 0, capacity = 0;
  if (file == NULL) return NULL;
  for (;;) {
    if (capacity - used < 2) {
      char* grown = realloc(data, capacity = capacity ? capacity * 2 : 65536);
      if (grown == NULL) break;
      data = grown;
    }
    size_t got = fread(data + used, 1, capacity - used - 1, file);
    used += got;
    if (got == 0) break;
  }
  if (data == NULL || ferror(file) || !feof(file)) {
    free(data);
    fclose(file);
    return NULL;
  }
  fclose(file);
  data[used] = '\0';
  *size = used;
  return data;
}

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s SNAPSHOT.json [CONFIG.json]\n", argv[0]);
    return 2;
  }
  size_t size = 0;
  char* config = NULL;
  if (argc == 3 && (config = read_file(argv[2], &size)) == NULL) {
    fprintf(stderr, "%s: cannot read the file\n", argv[2]);
    return 2;
  }

  /* A linter is made once and can lint any number of snapshots, from several threads. */
  char* error = NULL;
  snaplint_linter* linter = snaplint_linter_new(config, &error);
  free(config);
  if (linter == NULL) {
    fprintf(stderr, "%s: %s\n", argv[2], error ? error : "out of memory");
    snaplint_free(error);
    return 2;
  }

  char* snapshot = read_file(argv[1], &size);
  if (snapshot == NULL) {
    fprintf(stderr, "%s: cannot read the file\n", argv[1]);
    snaplint_linter_free(linter);
    return 2;
  }
  snaplint_report* report = snaplint_lint(linter, snapshot, size, argv[1]);
  snaplint_linter_free(linter); /* the report does not need it */

  /* NULL (out of memory) fails too: snaplint_report_fails(NULL) is 1. */
  const int fails = snaplint_report_fails(report);
  char* text = snaplint_report_text(report);
  if (text != NULL) fputs(text, stderr);
  snaplint_free(text);
  snaplint_report_free(report);

  if (fails) {
    fprintf(stderr, "%s: not uploaded\n", argv[1]);
    free(snapshot);
    return 1;
  }
  /* Here the program would POST `snapshot` (`size` bytes) to the Kapso API. */
  printf("%s: would upload %lu bytes\n", argv[1], (unsigned long)size);
  free(snapshot);
  return 0;
}
