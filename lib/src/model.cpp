#include "snaplint/model.hpp"

#include <cstring>

namespace snaplint {

std::string_view to_string(Envelope envelope) {
  switch (envelope) {
    case Envelope::request:
      return "request";
    case Envelope::response:
      return "response";
    case Envelope::bare:
      return "bare";
  }
  return "bare";
}

std::string_view to_string(NodeType type) {
  if (type == NodeType::unknown) return "unknown";
  return node_type_names[static_cast<std::size_t>(type)];
}

std::size_t payload_index(std::string_view key) {
  std::size_t i = 0;
  while (i < payload_kind_count && payload_keys[i] != key) ++i;
  return i;
}

std::string_view payload_key(NodeType type) {
  if (type == NodeType::default_node || type == NodeType::unknown) return {};
  return payload_keys[static_cast<std::size_t>(type) - 1];
}

const Node* Model::find_node(std::string_view id) const {
  const std::uint32_t* position = node_by_id.find(id);
  return position ? &nodes[*position] : nullptr;
}

Envelope detect_envelope(const JsonDocument& document, JsonRef* graph) {
  const JsonRef root = document.root();
  *graph = no_value;
  if (!document.is(root, JsonType::object)) return Envelope::bare;
  if (const JsonRef data = document.member(root, "data"); data != no_value) {
    *graph = document.member(data, "graph");
    return Envelope::response;
  }
  if (const JsonRef request_graph = document.member(root, "graph"); request_graph != no_value) {
    *graph = request_graph;
    return Envelope::request;
  }
  *graph = root;
  return Envelope::bare;
}

namespace {

// The member if it exists and has the expected type.
JsonRef typed_member(const JsonDocument& doc, JsonRef object, std::string_view key, JsonType type) {
  const JsonRef ref = doc.member(object, key);
  return doc.is(ref, type) ? ref : no_value;
}

NodeType parse_node_type(std::string_view name) {
  for (std::size_t i = 0; i < std::size(node_type_names); ++i) {
    if (node_type_names[i] == name) return static_cast<NodeType>(i);
  }
  return NodeType::unknown;
}

// Whether a key is the literal `name`: the length first, then a compare of fixed size that the
// compiler inlines.
template <std::size_t N>
bool is_key(std::string_view key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

// A string member's ref, or no_value when absent or of another type.
JsonRef if_string(const JsonDocument& doc, JsonRef ref) {
  return doc.is(ref, JsonType::string) ? ref : no_value;
}

// Nodes and edges are read in one pass over their members rather than one member() lookup per
// field: a node has a dozen keys, scattered over its text (prompts sit between them), and each
// lookup would read them all again.
Node read_node(const JsonDocument& doc, JsonRef json, std::uint32_t index) {
  Node node;
  node.index = index;
  node.json = json;
  JsonRef type = no_value;
  JsonRef global = no_value;
  for (JsonRef member : doc.children(json)) {
    const std::string_view key = doc.key(member);
    if (is_key(key, "id")) {
      node.id_ref = member;
    } else if (is_key(key, "name")) {
      node.name_ref = member;
    } else if (is_key(key, "type")) {
      type = member;
    } else if (is_key(key, "global")) {
      global = member;
    } else if (is_key(key, "prompt")) {
      node.prompt_ref = member;
    } else if (is_key(key, "global_condition")) {
      node.global_condition_ref = member;
    } else if (is_key(key, "tool_ids")) {
      node.tool_ids_ref = member;
    } else if (is_key(key, "nodeable_id")) {
      node.nodeable_id_ref = member;
    } else if (const std::size_t kind = payload_index(key); kind < payload_kind_count) {
      node.payloads[kind] = member;
    }
  }
  node.id_ref = if_string(doc, node.id_ref);
  node.name_ref = if_string(doc, node.name_ref);
  node.type_ref = if_string(doc, type);
  if (node.id_ref != no_value) node.id = doc.string(node.id_ref);
  if (node.name_ref != no_value) {
    const std::string_view name = doc.string(node.name_ref);
    node.named_start = name == start_node_name;
    node.named_end = name == end_node_name;
  }
  if (node.type_ref != no_value) {
    node.type = parse_node_type(doc.string(node.type_ref));
  } else if (type != no_value) {
    node.type = NodeType::unknown;  // present but not a string
  }
  node.is_global = doc.is(global, JsonType::boolean) && doc.boolean(global);
  return node;
}

Edge read_edge(const JsonDocument& doc, JsonRef json, std::uint32_t index) {
  Edge edge;
  edge.index = index;
  edge.json = json;
  for (JsonRef member : doc.children(json)) {
    const std::string_view key = doc.key(member);
    if (is_key(key, "id")) {
      edge.id_ref = member;
    } else if (is_key(key, "from")) {
      edge.from_ref = member;
    } else if (is_key(key, "to")) {
      edge.to_ref = member;
    } else if (is_key(key, "label")) {
      edge.label_ref = member;
    }
  }
  edge.id_ref = if_string(doc, edge.id_ref);
  edge.from_ref = if_string(doc, edge.from_ref);
  edge.to_ref = if_string(doc, edge.to_ref);
  edge.label_ref = if_string(doc, edge.label_ref);
  if (edge.id_ref != no_value) edge.id = doc.string(edge.id_ref);
  return edge;
}

}  // namespace

Model begin_model(const JsonDocument& doc) {
  Model model;
  model.document = &doc;
  model.envelope = detect_envelope(doc, &model.graph);
  if (!doc.is(model.graph, JsonType::object)) {
    model.graph = no_value;
    return model;
  }
  model.nodes_array = typed_member(doc, model.graph, "nodes", JsonType::array);
  model.edges_array = typed_member(doc, model.graph, "edges", JsonType::array);
  model.tools_array = typed_member(doc, model.graph, "tools", JsonType::array);
  return model;
}

void add_node(const JsonDocument& doc, Model& model, JsonRef json, std::uint32_t index) {
  if (!doc.is(json, JsonType::object)) return;
  Node node = read_node(doc, json, index);
  const auto position = static_cast<std::uint32_t>(model.nodes.size());
  if (node.has_id()) model.node_by_id.try_emplace(node.id, position);
  if (node.is_start() && model.start_node == no_index) model.start_node = position;
  if (node.is_end() && model.end_node == no_index) model.end_node = position;
  model.nodes.push_back(node);
}

void add_edge(const JsonDocument& doc, Model& model, JsonRef json, std::uint32_t index) {
  if (doc.is(json, JsonType::object)) model.edges.push_back(read_edge(doc, json, index));
}

bool reads_decoded_text(const JsonDocument& doc, JsonRef json) {
  if (!doc.is(json, JsonType::object)) return false;
  for (JsonRef member : doc.children(json)) {
    if (doc.key_is_decoded(member)) return true;
    if (!doc.string_is_decoded(member) || !doc.is(member, JsonType::string)) continue;
    const std::string_view key = doc.key(member);
    if (is_key(key, "id") || is_key(key, "name") || is_key(key, "type") || is_key(key, "from") ||
        is_key(key, "to")) {
      return true;
    }
  }
  return false;
}

void read_nodes_and_tools(const JsonDocument& doc, Model& model) {
  if (model.nodes_array != no_value) {
    const std::uint32_t count = doc.child_count(model.nodes_array);
    model.nodes.reserve(count);
    model.node_by_id.reserve(count);
  }
  const ReadSoFar& so_far = model.read_so_far;
  std::uint32_t index = so_far.next_node_index;
  for (JsonRef json : doc.children_from(model.nodes_array, so_far.next_node)) {
    add_node(doc, model, json, index++);
  }
  index = 0;
  for (JsonRef json : doc.children(model.tools_array)) {
    if (doc.is(json, JsonType::object)) {
      Tool tool;
      tool.index = index;
      tool.json = json;
      tool.id_ref = typed_member(doc, json, "id", JsonType::string);
      if (tool.has_id()) {
        tool.id = doc.string(tool.id_ref);
        model.tool_by_id.try_emplace(tool.id, static_cast<std::uint32_t>(model.tools.size()));
      }
      model.tools.push_back(tool);
    }
    ++index;
  }
}

void read_edges(const JsonDocument& doc, Model& model) {
  if (model.edges_array != no_value) model.edges.reserve(doc.child_count(model.edges_array));
  const ReadSoFar& so_far = model.read_so_far;
  std::uint32_t index = so_far.next_edge_index;
  for (JsonRef json : doc.children_from(model.edges_array, so_far.next_edge)) {
    add_edge(doc, model, json, index++);
  }
}

void resolve_edge(Model& model, Edge& edge) {
  if (edge.from_ref != no_value) {
    if (const std::uint32_t* source = model.node_by_id.find(model.from(edge))) {
      edge.source = *source;
    }
  }
  if (edge.to_ref != no_value) {
    if (const std::uint32_t* target = model.node_by_id.find(model.to(edge))) {
      edge.target = *target;
    }
  }
}

void resolve_edges(Model& model) {
  for (std::size_t e = model.read_so_far.resolved_edges; e < model.edges.size(); ++e) {
    resolve_edge(model, model.edges[e]);
  }
}

Model build_model(const JsonDocument& doc) {
  Model model = begin_model(doc);
  read_nodes_and_tools(doc, model);
  read_edges(doc, model);
  resolve_edges(model);
  return model;
}

}  // namespace snaplint
