#include "snaplint/agent_graph.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/pending/queue.hpp>

namespace snaplint {

AgentGraph build_agent_graph(const Model& model) {
  // Boost reads the resolved edges straight from the model (twice: to count, then to place), not
  // from copies of their ends and positions, which at two million edges would be 24 MB more.
  const auto resolved = [](const Edge& edge) { return edge.is_resolved(); };
  const auto ends = [](const Edge& edge) { return std::make_pair(edge.source, edge.target); };
  const Edge* const first = model.edges.data();
  const auto position = [first](const Edge& edge) {
    return EdgeProperties{static_cast<std::uint32_t>(&edge - first)};
  };
  const auto begin = boost::make_filter_iterator(resolved, model.edges.begin(), model.edges.end());
  const auto end = boost::make_filter_iterator(resolved, model.edges.end(), model.edges.end());
  // Out-edges keep document order per source node (the counting sort is stable).
  return AgentGraph(boost::edges_are_unsorted_multi_pass,
                    boost::make_transform_iterator(begin, ends),
                    boost::make_transform_iterator(end, ends),
                    boost::make_transform_iterator(begin, position), model.nodes.size());
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
