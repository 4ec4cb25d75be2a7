// Synthetic snapshots for benchmarks: a realistic mix of node types, prompts and payloads,
// about two edges per node, every node reachable.
#pragma once

#include <cstddef>
#include <string>

namespace snaplint::bench {

std::string generate_snapshot(std::size_t node_count, unsigned seed = 1);

}  // namespace snaplint::bench
