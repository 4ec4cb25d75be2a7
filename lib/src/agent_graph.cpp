#include "snaplint/agent_graph.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>

namespace snaplint {

AgentGraph build_agent_graph(const Model& model) {
  AgentGraph graph(model.nodes.size());
  for (std::uint32_t i = 0; i < model.edges.size(); ++i) {
    const Edge& edge = model.edges[i];
    if (edge.is_resolved()) boost::add_edge(edge.source, edge.target, EdgeProperties{i}, graph);
  }
  return graph;
}

namespace {

struct NotFromGlobalNode {
  const AgentGraph* graph = nullptr;
  const Model* model = nullptr;
  bool operator()(const AgentGraph::edge_descriptor& e) const {
    return !model->nodes[boost::source(e, *graph)].is_global;
  }
};

template <class Graph>
void search(const Graph& graph, std::uint32_t start, std::vector<std::uint32_t>& parents) {
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph));
  const auto index = boost::get(boost::vertex_index, graph);
  auto color_map = boost::make_iterator_property_map(colors.begin(), index);
  auto parent_map = boost::make_iterator_property_map(parents.begin(), index);
  parents[start] = start;
  boost::breadth_first_search(graph, start,
                              boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
                                                 parent_map, boost::on_tree_edge())))
                                  .color_map(color_map));
}

}  // namespace

std::vector<std::uint32_t> search_from(const AgentGraph& graph, const Model& model,
                                       std::uint32_t start, bool ignore_global_sources) {
  std::vector<std::uint32_t> reached(boost::num_vertices(graph), no_index);
  if (start >= reached.size()) return reached;
  if (ignore_global_sources) {
    const boost::filtered_graph<AgentGraph, NotFromGlobalNode> ordinary(
        graph, NotFromGlobalNode{&graph, &model});
    search(ordinary, start, reached);
  } else {
    search(graph, start, reached);
  }
  return reached;
}

}  // namespace snaplint
