// The snapshot's nodes and resolved edges as a Boost.Graph graph. Vertex i is Model::nodes[i];
// each graph edge carries the position of its Model::edges entry.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "snaplint/model.hpp"

namespace snaplint {

struct EdgeProperties {
  std::uint32_t edge = 0;  // position in Model::edges
};

// Compressed sparse rows: two flat arrays per direction, built in one pass. An adjacency list
// would allocate a list node per edge, which for millions of edges costs more than the rules.
// Vertex and edge indices are 32-bit, as everywhere in the model (files stay under 2 GiB): Boost's
// default of size_t doubles the arrays, some 35 MB more at a million nodes.
using AgentGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeProperties,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

// Edges whose ends both resolve to node ids become graph edges; dangling ones are left out.
AgentGraph build_agent_graph(const Model& model);

// A breadth-first search from `sources`: for each vertex, the vertex it was first reached from
// (sources map to themselves), or no_index when unreached. With `ignore_global_sources`, edges
// leaving global nodes are not followed (the runner ignores them).
std::vector<std::uint32_t> search_from(const AgentGraph& graph, const Model& model,
                                       const std::vector<std::uint32_t>& sources,
                                       bool ignore_global_sources);

}  // namespace snaplint
