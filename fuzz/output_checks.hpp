// What every writer's output must be, whatever the diagnostics say: JSON and SARIF parse back as
// strict UTF-8 JSON, JUnit is well-formed XML. A broken output aborts, so libFuzzer saves the
// input that made it.
#pragma once

#include <string_view>

namespace snaplint::fuzz {

// Aborts with `what` and the first bytes of `output` unless it is one UTF-8 JSON text.
void check_json(std::string_view output, const char* what);
// Aborts unless `output` is well-formed XML (expat).
void check_xml(std::string_view output, const char* what);

}  // namespace snaplint::fuzz
