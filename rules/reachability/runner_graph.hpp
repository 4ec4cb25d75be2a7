// What dead-end-node and trap-cycle share: the graph as the runner follows it (edges leaving
// global nodes dropped), its strong components, and which of them are trap cycles.
#pragma once

#include <boost/graph/properties.hpp>
#include <cstdint>
#include <vector>

#include "../rule_support.hpp"

namespace snaplint::rules {

struct TrapAnalysis {
  // For each node, the node it was first reached from by a search from __start__ that ignores
  // edges leaving global nodes; no_index when unreached.
  std::vector<std::uint32_t> reached;
  // For each node, its strong component in the runner's graph.
  std::vector<std::uint32_t> component;
  // For each component: true when it is a trap cycle (see trap-cycle in rules.md) reachable from
  // __start__.
  std::vector<bool> is_trap;
};

// The strong components of the runner's graph (edges leaving global nodes ignored) by Tarjan's
// algorithm, numbered as boost::strong_components numbers them: roots tried in vertex order,
// out-edges in document order, each component numbered when its root finishes. Written out
// rather than boost::strong_components over a filtered_graph because a generated agent is one
// long chain: Boost's depth-first search keeps a frame of about 80 bytes per level of depth and
// a deque-backed stack, so a 1M-node chain spent about two seconds growing and faulting them in;
// here a level is two words. Iterative, so depth never touches the call stack.
// Fills `component` (one entry per vertex) and returns the number of components.
std::size_t runner_components(const AgentGraph& graph, const std::vector<bool>& global,
                              std::vector<std::uint32_t>& component);

// Needs a start node (model.start_node != no_index).
TrapAnalysis analyse_traps(const LintContext& context);

// True when a node may end the run by itself: a HandoffNode or WarmEndNode, or a node whose type
// is unknown (the runner refuses it, and what it was meant to be cannot be told, so it is given
// the benefit of the doubt rather than blamed for what follows from it).
bool may_end_the_run(const Node& node);

// Closed walks through trap components, reusing its buffers from one component to the next so
// that many small traps cost no more than their size.
class TrapWalker {
 public:
  TrapWalker(const LintContext& context, const TrapAnalysis& analysis);

  // A closed walk through `members` (one trap component, in document order), starting and
  // ending at its first member and following edges inside the component; it visits every
  // member when the component is small, else at least a cycle through the first one. The first
  // member appears at both ends.
  std::vector<std::uint32_t> walk(const std::vector<std::uint32_t>& members);

 private:
  const LintContext& context_;
  const TrapAnalysis& analysis_;
  std::vector<boost::default_color_type> colors_;
  std::vector<std::uint32_t> parents_;
  std::vector<std::uint32_t> distances_;
  std::vector<bool> visited_;
};

// For each node, whether a node that ends the run (`__end__`, or a non-global node for which
// may_end_the_run holds) can be reached from it in the runner's graph.
std::vector<bool> reaches_an_end(const LintContext& context);

}  // namespace snaplint::rules
