#include "snaplint/agent_graph.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/pending/queue.hpp>

namespace snaplint {

AgentGraph build_agent_graph(const Model& model) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  std::vector<EdgeProperties> properties;
  ends.reserve(model.edges.size());
  properties.reserve(model.edges.size());
  for (std::uint32_t i = 0; i < model.edges.size(); ++i) {
    const Edge& edge = model.edges[i];
    if (!edge.is_resolved()) continue;
    ends.emplace_back(edge.source, edge.target);
    properties.push_back(EdgeProperties{i});
  }
  // Out-edges keep document order per source node (the counting sort is stable).
  return AgentGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                    properties.begin(), model.nodes.size());
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
void search(const Graph& graph, const std::vector<std::uint32_t>& sources,
            std::vector<std::uint32_t>& parents) {
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph));
  const auto index = boost::get(boost::vertex_index, graph);
  for (std::uint32_t source : sources) parents[source] = source;
  boost::queue<typename boost::graph_traits<Graph>::vertex_descriptor> queue;
  boost::breadth_first_search(
      graph, sources.begin(), sources.end(), queue,
      boost::make_bfs_visitor(boost::record_predecessors(
          boost::make_iterator_property_map(parents.begin(), index), boost::on_tree_edge())),
      boost::make_iterator_property_map(colors.begin(), index));
}

}  // namespace

std::vector<std::uint32_t> search_from(const AgentGraph& graph, const Model& model,
                                       const std::vector<std::uint32_t>& sources,
                                       bool ignore_global_sources) {
  std::vector<std::uint32_t> reached(boost::num_vertices(graph), no_index);
  for (std::uint32_t source : sources) {
    if (source >= reached.size()) return reached;
  }
  if (ignore_global_sources) {
    const boost::filtered_graph<AgentGraph, NotFromGlobalNode> ordinary(
        graph, NotFromGlobalNode{&graph, &model});
    search(ordinary, sources, reached);
  } else {
    search(graph, sources, reached);
  }
  return reached;
}

}  // namespace snaplint
