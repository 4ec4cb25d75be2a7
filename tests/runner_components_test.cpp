// runner_components (a hand-written Tarjan) against boost::strong_components over the same
// filtered graph: identical component numbers on random graphs with global nodes, self-loops and
// parallel edges, and no stack overflow on a chain deeper than any call stack.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <random>
#include <utility>
#include <vector>

#include "../rules/reachability/runner_graph.hpp"

namespace snaplint::rules {
namespace {

using Ends = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

AgentGraph graph_of(std::size_t vertices, const Ends& ends) {
  std::vector<EdgeProperties> properties(ends.size());
  return AgentGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                    properties.begin(), vertices);
}

struct NotFromGlobal {
  const AgentGraph* graph = nullptr;
  const std::vector<bool>* global = nullptr;
  bool operator()(const AgentGraph::edge_descriptor& e) const {
    return !(*global)[boost::source(e, *graph)];
  }
};

std::vector<std::uint32_t> boost_components(const AgentGraph& graph,
                                            const std::vector<bool>& global) {
  const boost::filtered_graph<AgentGraph, NotFromGlobal> runner(graph,
                                                                NotFromGlobal{&graph, &global});
  std::vector<std::uint32_t> component(boost::num_vertices(graph));
  boost::strong_components(runner, boost::make_iterator_property_map(
                                       component.begin(), boost::get(boost::vertex_index, graph)));
  return component;
}

TEST(RunnerComponents, NumbersComponentsAsBoostDoes) {
  std::mt19937 random(11);
  std::size_t nontrivial = 0;
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 1 + random() % 40;
    const std::size_t edges = random() % (3 * n);
    Ends ends;
    for (std::size_t e = 0; e < edges; ++e) {
      ends.emplace_back(random() % n, random() % n);
    }
    std::vector<bool> global(n);
    for (std::size_t v = 0; v < n; ++v) global[v] = random() % 6 == 0;
    const AgentGraph graph = graph_of(n, ends);
    std::vector<std::uint32_t> component;
    const std::size_t count = runner_components(graph, global, component);
    const std::vector<std::uint32_t> expected = boost_components(graph, global);
    ASSERT_EQ(component, expected) << "round " << round;
    ASSERT_EQ(count, *std::max_element(expected.begin(), expected.end()) + 1);
    nontrivial += count < n;
  }
  EXPECT_GT(nontrivial, 100u) << "most rounds must have a cycle, else little is compared";
}

TEST(RunnerComponents, IgnoresTheEdgesOfGlobalNodes) {
  // 0 -> 1 -> 2 -> 0 is a cycle, unless 2 is global: then it is three components.
  const AgentGraph graph = graph_of(3, {{0, 1}, {1, 2}, {2, 0}});
  std::vector<std::uint32_t> component;
  EXPECT_EQ(runner_components(graph, {false, false, false}, component), 1u);
  EXPECT_EQ(runner_components(graph, {false, false, true}, component), 3u);
}

TEST(RunnerComponents, SurvivesAChainDeeperThanTheCallStack) {
  // A million-node path closed into one cycle: a recursive search would overflow the stack.
  constexpr std::uint32_t n = 1'000'000;
  Ends ends;
  for (std::uint32_t v = 0; v < n; ++v) ends.emplace_back(v, (v + 1) % n);
  const AgentGraph graph = graph_of(n, ends);
  std::vector<std::uint32_t> component;
  EXPECT_EQ(runner_components(graph, std::vector<bool>(n, false), component), 1u);
  ends.pop_back();  // now a path: every node its own component
  EXPECT_EQ(runner_components(graph_of(n, ends), std::vector<bool>(n, false), component), n);
}

}  // namespace
}  // namespace snaplint::rules
