// A C++ program built against an installed snaplint: the public headers, libsnaplint, nothing
// else. Prints "snaplint VERSION" (the library's) and exits 0 when every check passes.
#include <snaplint/snaplint.h>  // the C API is usable from C++ too
#include <snaplint/snaplint.hpp>

#include <cstdint>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "snapshots.h"

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::cerr << "cpp_consumer: FAILED: " << what << '\n';
    ++failures;
  }
}

}  // namespace

int main() {
  const snaplint::Result<snaplint::Linter> linter = snaplint::Linter::create();
  check(static_cast<bool>(linter), "the default linter is created");
  if (!linter) return 1;

  const snaplint::Report clean = linter->lint(CLEAN_SNAPSHOT, "clean.json");
  check(clean.diagnostics().empty() && !clean.fails(), "a clean snapshot passes");

  const std::string snapshot = BROKEN_SNAPSHOT;
  // The unreachable node's object starts here (1-based, on the only line).
  const auto column = static_cast<std::uint32_t>(snapshot.find(R"({"id": "draft")") + 1);
  const snaplint::Report broken = linter->lint(snapshot, "agents/broken.json");
  check(broken.error_count() == 1 && broken.warning_count() == 1, "error and warning counted");
  check(broken.fails(), "a broken snapshot fails");
  check(!broken.diagnostics().empty() && broken.diagnostics()[0].rule == "unreachable-node" &&
            broken.diagnostics()[0].range.start == snaplint::Position{1, column},
        "the unreachable node is found where it is");
  std::ostringstream json;
  broken.write_json(json);
  check(json.str().find("\"rule\": \"unreachable-node\"") != std::string::npos, "JSON output");
  std::ostringstream text;
  broken.write_text(text);
  const std::string location = "agents/broken.json:1:" + std::to_string(column) + ": error:";
  check(text.str().find(location) != std::string::npos, "text output");

  const auto relaxed = snaplint::Linter::create(R"({"severity": {"unreachable-node": "off"}})");
  check(relaxed && !relaxed->lint(BROKEN_SNAPSHOT, "a.json").fails(), "the config applies");
  const auto invalid = snaplint::Linter::create(R"({"fail-on": "sometimes"})");
  check(!invalid && invalid.error().rfind("<config>:1:", 0) == 0, "an invalid config explained");

  // The header's version is the library's.
  check(std::strcmp(snaplint_version(), SNAPLINT_VERSION_STRING) == 0, "C API version");
  check(std::strcmp(snaplint::version_string, SNAPLINT_VERSION_STRING) == 0, "C++ version");

  std::cout << "snaplint " << snaplint_version() << '\n';
  return failures == 0 ? 0 : 1;
}
