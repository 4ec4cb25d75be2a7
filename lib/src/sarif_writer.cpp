#include "snaplint/report_writer.hpp"

namespace snaplint {

// Placeholder: the sarif writer is being written.
void write_sarif(std::ostream&, const std::vector<FileReport>&, const RuleRegistry&, RuleDocsLookup,
                 const ReportOptions&) {}

}  // namespace snaplint
