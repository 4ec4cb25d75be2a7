#include "snaplint/report_writer.hpp"

namespace snaplint {

// Placeholder: the junit writer is being written.
void write_junit(std::ostream&, const std::vector<FileReport>&, const ReportOptions&) {}

}  // namespace snaplint
