// Synthetic snapshots for benchmarks: deterministic, realistic agent graphs of any size that lint
// clean. Pretty-printed like a real export, all seven node types with full payloads, multi-sentence
// prompts (some with escapes and non-ASCII text), a few global nodes, a tool catalogue, about two
// edges per node, every node reachable from __start__.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace snaplint::bench {

// Writes a request-envelope snapshot ({"graph": ...}) of `node_count` nodes, __start__ and
// __end__ included (at least 3), to `out`, in chunks: the whole text is never held in memory.
// The same node_count and seed give the same bytes on every platform.
void write_snapshot(std::ostream& out, std::size_t node_count, unsigned seed = 1);

// The same text as write_snapshot, in one string (for in-process benchmarks).
std::string generate_snapshot(std::size_t node_count, unsigned seed = 1);

}  // namespace snaplint::bench
