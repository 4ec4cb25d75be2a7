// Boost.Graph work for the reachability rules; see runner_graph.hpp.
#include "runner_graph.hpp"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/pending/queue.hpp>
#include <boost/range/iterator_range.hpp>

namespace snaplint::rules {
namespace {

using Vertex = boost::graph_traits<AgentGraph>::vertex_descriptor;
using EdgeDescriptor = boost::graph_traits<AgentGraph>::edge_descriptor;

// Edges of the runner's graph that stay inside one strong component.
struct InsideComponent {
  const AgentGraph* graph = nullptr;
  const Model* model = nullptr;
  const std::vector<std::uint32_t>* component = nullptr;
  bool operator()(const EdgeDescriptor& e) const {
    const Vertex from = boost::source(e, *graph);
    return !model->nodes[from].is_global &&
           (*component)[from] == (*component)[boost::target(e, *graph)];
  }
};
using ComponentGraph = boost::filtered_graph<AgentGraph, InsideComponent>;

// Breadth-first search from `source` inside its component, recording predecessors and
// distances; `colors` must be white for the component's members on entry and is reset after.
void search_component(const ComponentGraph& graph, Vertex source,
                      const std::vector<std::uint32_t>& members,
                      std::vector<boost::default_color_type>& colors,
                      std::vector<std::uint32_t>& parents, std::vector<std::uint32_t>& distances) {
  const auto index = boost::get(boost::vertex_index, graph);
  parents[source] = static_cast<std::uint32_t>(source);
  distances[source] = 0;
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(
      graph, source, queue,
      boost::make_bfs_visitor(std::make_pair(
          boost::record_predecessors(boost::make_iterator_property_map(parents.begin(), index),
                                     boost::on_tree_edge()),
          boost::record_distances(boost::make_iterator_property_map(distances.begin(), index),
                                  boost::on_tree_edge()))),
      boost::make_iterator_property_map(colors.begin(), index));
  for (std::uint32_t member : members) colors[member] = boost::white_color;
}

// Which nodes are global, as one flat vector: the searches below ask it for every edge, and
// model.nodes is too wide to walk at random for one flag.
std::vector<bool> global_nodes(const Model& model) {
  std::vector<bool> global(model.nodes.size());
  for (std::size_t v = 0; v < model.nodes.size(); ++v) global[v] = model.nodes[v].is_global;
  return global;
}

}  // namespace

std::size_t runner_components(const AgentGraph& graph, const std::vector<bool>& global,
                              std::vector<std::uint32_t>& component) {
  constexpr std::uint32_t unseen = UINT32_MAX;
  const std::size_t n = boost::num_vertices(graph);
  component.assign(n, unseen);
  std::vector<std::uint32_t> discovered(n, unseen);  // discovery time
  std::vector<std::uint32_t> low(n, 0);  // the earliest discovery time reachable, Tarjan's lowlink
  std::vector<std::uint32_t> open;       // Tarjan's stack: discovered, not yet in a component
  struct Frame {
    std::uint32_t vertex;
    std::uint32_t next_edge;  // the next out-edge to follow, counted from the vertex's first
  };
  std::vector<Frame> path;
  std::uint32_t time = 0;
  std::uint32_t count = 0;
  const auto discover = [&](std::uint32_t v) {
    discovered[v] = low[v] = time++;
    open.push_back(v);
    path.push_back({v, 0});
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (discovered[root] != unseen) continue;
    discover(root);
    while (!path.empty()) {
      Frame& frame = path.back();
      const std::uint32_t v = frame.vertex;
      const auto [first, last] = boost::out_edges(Vertex{v}, graph);
      if (!global[v] && first + frame.next_edge != last) {
        const std::uint32_t w =
            static_cast<std::uint32_t>(boost::target(*(first + frame.next_edge), graph));
        ++frame.next_edge;  // `frame` dangles once discover() grows `path`
        if (discovered[w] == unseen) {
          discover(w);
        } else if (component[w] == unseen) {
          low[v] = std::min(low[v], discovered[w]);
        }
        continue;
      }
      path.pop_back();
      if (!path.empty()) low[path.back().vertex] = std::min(low[path.back().vertex], low[v]);
      if (low[v] != discovered[v]) continue;
      std::uint32_t member;
      do {
        member = open.back();
        open.pop_back();
        component[member] = count;
      } while (member != v);
      ++count;
    }
  }
  return count;
}

bool may_end_the_run(const Node& node) {
  return node.type == NodeType::handoff || node.type == NodeType::warm_end ||
         node.type == NodeType::unknown;
}

TrapAnalysis analyse_traps(const LintContext& context) {
  const Model& model = context.model;
  const AgentGraph& graph = context.graph;
  TrapAnalysis analysis;
  analysis.reached = search_from(graph, model, {model.start_node}, true);
  const std::vector<bool> global = global_nodes(model);
  const std::size_t count = runner_components(graph, global, analysis.component);

  std::vector<std::uint32_t> sizes(count, 0);
  std::vector<bool> has_self_loop(count, false);
  std::vector<bool> has_exit(count, false);
  std::vector<bool> has_end(count, false);
  std::vector<bool> reached(count, false);
  const std::size_t n = boost::num_vertices(graph);
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::uint32_t c = analysis.component[v];
    ++sizes[c];
    if (model.nodes[v].is_end() || may_end_the_run(model.nodes[v])) has_end[c] = true;
    if (analysis.reached[v] != no_index) reached[c] = true;
    if (global[v]) continue;  // the runner does not follow its edges
    for (const auto& e : boost::make_iterator_range(boost::out_edges(Vertex{v}, graph))) {
      const std::uint32_t w = static_cast<std::uint32_t>(boost::target(e, graph));
      if (analysis.component[w] != c) has_exit[c] = true;
      if (w == v) has_self_loop[c] = true;
    }
  }
  analysis.is_trap.assign(count, false);
  for (std::size_t c = 0; c < count; ++c) {
    analysis.is_trap[c] =
        (sizes[c] >= 2 || has_self_loop[c]) && !has_exit[c] && !has_end[c] && reached[c];
  }
  return analysis;
}

TrapWalker::TrapWalker(const LintContext& context, const TrapAnalysis& analysis)
    : context_(context),
      analysis_(analysis),
      colors_(boost::num_vertices(context.graph), boost::white_color),
      parents_(boost::num_vertices(context.graph), no_index),
      distances_(boost::num_vertices(context.graph), no_index),
      visited_(boost::num_vertices(context.graph), false) {}

std::vector<std::uint32_t> TrapWalker::walk(const std::vector<std::uint32_t>& members) {
  // Past this many steps the walk only closes the cycle: a message cannot list thousands of
  // nodes, and each step is one search of the component.
  constexpr std::size_t longest_walk = 32;
  const std::uint32_t first = members.front();
  std::vector<std::uint32_t> walk{first};
  if (members.size() == 1) {  // a self-loop
    walk.push_back(first);
    return walk;
  }

  const AgentGraph& graph = context_.graph;
  const ComponentGraph inside(graph,
                              InsideComponent{&graph, &context_.model, &analysis_.component});
  visited_[first] = true;
  std::size_t unvisited = members.size() - 1;
  // Appends the search tree's path from the current end of the walk to `to`.
  const auto append_path = [&](std::uint32_t to) {
    std::vector<std::uint32_t> path;
    for (std::uint32_t at = to; at != walk.back(); at = parents_[at]) path.push_back(at);
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      walk.push_back(*it);
      if (!visited_[*it]) --unvisited;
      visited_[*it] = true;
    }
  };
  while (unvisited > 0 && walk.size() < longest_walk) {
    search_component(inside, walk.back(), members, colors_, parents_, distances_);
    std::uint32_t nearest = no_index;
    for (std::uint32_t member : members) {
      if (visited_[member]) continue;
      if (nearest == no_index || distances_[member] < distances_[nearest]) nearest = member;
    }
    append_path(nearest);
  }
  // Back to the first member. The walk cannot end there: each step ends at a new member.
  search_component(inside, walk.back(), members, colors_, parents_, distances_);
  std::vector<std::uint32_t> back;
  for (std::uint32_t at = first; at != walk.back(); at = parents_[at]) back.push_back(at);
  walk.insert(walk.end(), back.rbegin(), back.rend());
  for (std::uint32_t member : members) visited_[member] = false;
  return walk;
}

std::vector<bool> reaches_an_end(const LintContext& context) {
  const Model& model = context.model;
  const AgentGraph& graph = context.graph;
  const std::vector<bool> global = global_nodes(model);
  // A breadth-first search backwards from the ends, along in-edges whose source the runner
  // follows (not a global node).
  std::vector<bool> reaches(boost::num_vertices(graph), false);
  std::vector<Vertex> queue;
  for (Vertex v = 0; v < model.nodes.size(); ++v) {
    const Node& node = model.nodes[v];
    if (node.is_end() || (!node.is_global && may_end_the_run(node))) {
      reaches[v] = true;
      queue.push_back(v);
    }
  }
  for (std::size_t next = 0; next < queue.size(); ++next) {
    for (const auto& e : boost::make_iterator_range(boost::in_edges(queue[next], graph))) {
      const Vertex u = boost::source(e, graph);
      if (global[u] || reaches[u]) continue;
      reaches[u] = true;
      queue.push_back(u);
    }
  }
  return reaches;
}

}  // namespace snaplint::rules
