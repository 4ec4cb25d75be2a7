#include "snaplint/model_stream.hpp"

#include <chrono>
#include <thread>

namespace snaplint {

namespace {

// The parser completes a node in about two microseconds; a reader that caught up waits this long
// before it looks again, rather than spinning on the parser's core.
void wait_for_the_parser() {
  std::this_thread::sleep_for(std::chrono::microseconds(50));
}

}  // namespace

void ModelStream::follow(const JsonDocument& document, const ParseProgress& progress) noexcept {
  try {
    read_.document = &document;
    // Edges are resolved as they are read, which needs every node first.
    if (follow_array(document, progress, ParseProgress::nodes)) {
      follow_array(document, progress, ParseProgress::edges);
    }
  } catch (...) {
    failed_ = true;
  }
}

bool ModelStream::follow_array(const JsonDocument& document, const ParseProgress& progress,
                               ParseProgress::Watched which) {
  // over() is read before what it may have ended: its acquire makes every earlier publication
  // visible, so a reader told the parse is over still reads all the parser published.
  JsonRef array = no_value;
  for (;;) {
    const bool over = progress.over();
    array = progress.array(which);
    if (array != no_value) break;
    if (over) return false;
    wait_for_the_parser();
  }
  const bool nodes = which == ParseProgress::nodes;
  (nodes ? nodes_array_ : edges_array_) = array;
  ReadSoFar& so_far = read_.read_so_far;
  JsonRef& next = nodes ? so_far.next_node : so_far.next_edge;
  std::uint32_t& index = nodes ? so_far.next_node_index : so_far.next_edge_index;
  next = array + 1;
  for (;;) {
    const bool over = progress.over();
    const JsonRef end = progress.array_next(which);
    const JsonRef limit = end != no_value ? end : progress.complete();
    for (; next < limit; next = document.next(next), ++index) {
      if (reads_decoded_text(document, next)) return false;  // left to after the parse
      if (nodes) {
        add_node(document, read_, next, index);
      } else {
        add_edge(document, read_, next, index);
        if (so_far.resolved_edges < read_.edges.size()) {
          resolve_edge(read_, read_.edges.back());
          so_far.resolved_edges = read_.edges.size();
        }
      }
    }
    if (end != no_value) return true;
    if (over) return false;
    wait_for_the_parser();
  }
}

void ModelStream::hand_over(Model& model) {
  if (failed_ || nodes_array_ == no_value || nodes_array_ != model.nodes_array) return;
  model.nodes = std::move(read_.nodes);
  model.node_by_id = std::move(read_.node_by_id);
  model.start_node = read_.start_node;
  model.end_node = read_.end_node;
  const ReadSoFar& so_far = read_.read_so_far;
  model.read_so_far.next_node = so_far.next_node;
  model.read_so_far.next_node_index = so_far.next_node_index;
  // Edges were read only once every node was, so their ends are resolved against all nodes.
  if (edges_array_ == no_value || edges_array_ != model.edges_array) return;
  model.edges = std::move(read_.edges);
  model.read_so_far.next_edge = so_far.next_edge;
  model.read_so_far.next_edge_index = so_far.next_edge_index;
  model.read_so_far.resolved_edges = so_far.resolved_edges;
}

}  // namespace snaplint
