#include "snaplint/report_writer.hpp"

namespace snaplint {

// Placeholder: the github writer is being written.
void write_github(std::ostream&, const std::vector<FileReport>&, const ReportOptions&) {}

}  // namespace snaplint
