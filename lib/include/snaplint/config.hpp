// .snaplint.json: a team's rule choice, severities, rule options and exit policy.
#pragma once

#include <string_view>

namespace snaplint {

// The JSON Schema of .snaplint.json files (`snaplint schema --config`).
std::string_view config_schema_text();

}  // namespace snaplint
