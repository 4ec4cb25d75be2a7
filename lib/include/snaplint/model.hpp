// A typed, read-only view of a snapshot's nodes, edges and tools over its JsonDocument. Built even
// when the schema check fails: a field of the wrong JSON type reads as absent, so rules can still
// judge everything else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "snaplint/huge_page_allocator.hpp"
#include "snaplint/id_index.hpp"
#include "snaplint/json_document.hpp"

namespace snaplint {

enum class Envelope : std::uint8_t { request, response, bare };
std::string_view to_string(Envelope envelope);

enum class NodeType : std::uint8_t {
  default_node,
  subagent,
  webhook,
  knowledge_base,
  handoff,
  warm_end,
  whatsapp_template,
  unknown,
};

// The seven type names Kapso's runner accepts, in NodeType order.
inline constexpr std::string_view node_type_names[] = {
    "DefaultNode", "SubagentNode", "WebhookNode",          "KnowledgeBaseNode",
    "HandoffNode", "WarmEndNode",  "WhatsappTemplateNode",
};
std::string_view to_string(NodeType type);

// The payload ("nodeable") key a typed node needs, or an empty view for DefaultNode/unknown.
std::string_view payload_key(NodeType type);
// Every payload key, in NodeType order (DefaultNode has none).
inline constexpr std::string_view payload_keys[] = {"subagent", "webhook",  "knowledge_base",
                                                    "handoff",  "warm_end", "whatsapp_template"};
inline constexpr std::size_t payload_kind_count = std::size(payload_keys);
// The position of a payload key in payload_keys, or payload_kind_count for any other text.
std::size_t payload_index(std::string_view key);

inline constexpr std::string_view start_node_name = "__start__";
inline constexpr std::string_view end_node_name = "__end__";
inline constexpr std::uint32_t no_index = UINT32_MAX;

// Nodes and edges keep refs to their members, not views of the texts, which Model::text() reads
// from the document when a rule needs them: a view is 16 bytes, and a million-node snapshot has
// three million nodes and edges. Only the id, which every finding names, is kept as a view.
struct Node {
  std::string_view id;
  std::uint32_t index = 0;  // position in the nodes array
  JsonRef json = no_value;
  JsonRef id_ref = no_value;  // each *_ref is no_value when absent or of the wrong type
  JsonRef name_ref = no_value;
  JsonRef type_ref = no_value;  // the type as written: Model::text(type_ref)
  NodeType type = NodeType::default_node;
  bool is_global = false;
  bool named_start = false;  // named __start__
  bool named_end = false;    // named __end__
  // Members the rules read, found in the one pass that reads the node (a lookup per rule would
  // scan the node's keys again each time): the member's ref, of any JSON type, or no_value when
  // absent. `payloads[i]` is the member named payload_keys[i].
  JsonRef prompt_ref = no_value;
  JsonRef global_condition_ref = no_value;
  JsonRef tool_ids_ref = no_value;
  JsonRef nodeable_id_ref = no_value;
  JsonRef payloads[payload_kind_count] = {no_value, no_value, no_value,
                                          no_value, no_value, no_value};

  bool has_id() const { return id_ref != no_value; }
  bool has_name() const { return name_ref != no_value; }
  bool is_start() const { return named_start; }
  bool is_end() const { return named_end; }
  bool is_special() const { return is_start() || is_end(); }
  bool is_ordinary() const { return !is_global && !is_special(); }
};
static_assert(sizeof(Node) == 80, "a million nodes: mind the size");

struct Edge {
  std::string_view id;
  std::uint32_t index = 0;
  JsonRef json = no_value;
  JsonRef id_ref = no_value;
  JsonRef from_ref = no_value;  // the texts: Model::text(from_ref), and so on
  JsonRef to_ref = no_value;
  JsonRef label_ref = no_value;
  std::uint32_t source = no_index;  // node index `from` resolves to
  std::uint32_t target = no_index;

  bool has_id() const { return id_ref != no_value; }
  bool is_resolved() const { return source != no_index && target != no_index; }
};
static_assert(sizeof(Edge) == 48, "two million edges: mind the size");

struct Tool {
  std::uint32_t index = 0;
  JsonRef json = no_value;
  JsonRef id_ref = no_value;
  std::string_view id;
  bool has_id() const { return id_ref != no_value; }
};

// The model's arrays. A 100k-node snapshot has some 25 MB of nodes and edges, written once
// while the model is built; in 4 KiB pages that is thousands of page faults, most of the
// model's cost on a virtual machine, so large arrays take huge pages (huge_page_allocator.hpp).
template <class T>
using ModelArray = std::vector<T, HugePageAllocator<T>>;

// How far the nodes and edges arrays were read while the file was still being parsed
// (model_stream.hpp): read_nodes_and_tools, read_edges and resolve_edges go on from there.
struct ReadSoFar {
  JsonRef next_node = no_value;  // the first element of the nodes array not read; no_value: none
  std::uint32_t next_node_index = 0;
  JsonRef next_edge = no_value;
  std::uint32_t next_edge_index = 0;
  std::size_t resolved_edges = 0;  // edges [0, resolved_edges) are resolved
};

struct Model {
  const JsonDocument* document = nullptr;  // the document the refs point into
  Envelope envelope = Envelope::bare;
  JsonRef graph = no_value;  // the GRAPH object, wherever the envelope put it
  JsonRef nodes_array = no_value;
  JsonRef edges_array = no_value;
  JsonRef tools_array = no_value;
  ModelArray<Node> nodes;
  ModelArray<Edge> edges;
  ModelArray<Tool> tools;
  // Id → index of the first node/tool with that id; later duplicates are the identity rules'
  // business.
  IdIndex node_by_id;
  IdIndex tool_by_id;
  std::uint32_t start_node = no_index;  // first node named __start__
  std::uint32_t end_node = no_index;
  ReadSoFar read_so_far;

  const Node* find_node(std::string_view id) const;
  // The text of a string member found by the model (a node's name_ref, an edge's from_ref, ...),
  // or an empty view for no_value.
  std::string_view text(JsonRef string_ref) const {
    return string_ref == no_value ? std::string_view() : document->string(string_ref);
  }
  // The same for a node's name, an edge's ends and label.
  std::string_view name(const Node& node) const { return text(node.name_ref); }
  std::string_view type_name(const Node& node) const { return text(node.type_ref); }
  std::string_view from(const Edge& edge) const { return text(edge.from_ref); }
  std::string_view to(const Edge& edge) const { return text(edge.to_ref); }
  std::string_view label(const Edge& edge) const { return text(edge.label_ref); }
};

Envelope detect_envelope(const JsonDocument& document, JsonRef* graph);
Model build_model(const JsonDocument& document);

// build_model in steps, for a caller that reads nodes and edges on two threads at once (they write
// different members of the model): begin_model, then read_nodes_and_tools and read_edges in either
// order or at the same time, then resolve_edges (which needs both). Each goes on from
// model.read_so_far.
Model begin_model(const JsonDocument& document);
void read_nodes_and_tools(const JsonDocument& document, Model& model);
void read_edges(const JsonDocument& document, Model& model);
void resolve_edges(Model& model);

// One element of the nodes or edges array, `json` at position `index`, added to the model (the
// loops of read_nodes_and_tools and read_edges; add_edge does not resolve). For a reader that
// follows the parser.
void add_node(const JsonDocument& document, Model& model, JsonRef json, std::uint32_t index);
void add_edge(const JsonDocument& document, Model& model, JsonRef json, std::uint32_t index);
// Resolves one edge's ends against the nodes read so far.
void resolve_edge(Model& model, Edge& edge);
// Whether add_node or add_edge would read decoded text of the element (a key, or an id, name,
// type, from or to with escapes): a reader that follows the parser must leave it to after the
// parse (JsonDocument::key_is_decoded).
bool reads_decoded_text(const JsonDocument& document, JsonRef json);

}  // namespace snaplint
