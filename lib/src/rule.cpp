#include "snaplint/rule.hpp"

#include "snaplint/registry.hpp"

namespace snaplint {

namespace {
Entity make_entity(EntityKind kind, bool has_id, std::string_view id, std::uint32_t index) {
  Entity entity;
  entity.kind = kind;
  if (has_id) entity.id = std::string(id);
  entity.index = index;
  return entity;
}
}  // namespace

Entity entity_of(const Node& node) {
  return make_entity(EntityKind::node, node.has_id(), node.id, node.index);
}
Entity entity_of(const Edge& edge) {
  return make_entity(EntityKind::edge, edge.has_id(), edge.id, edge.index);
}
Entity entity_of(const Tool& tool) {
  return make_entity(EntityKind::tool, tool.has_id(), tool.id, tool.index);
}
double LintContext::option(std::string_view name) const {
  return selection.option(rule, name);
}

Entity graph_entity() {
  return Entity{};
}

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

std::string display_name(const Node& node) {
  return node.has_id() ? quoted(node.id) : "#" + std::to_string(node.index);
}

std::string display_name(const Edge& edge) {
  return edge.has_id() ? quoted(edge.id) : "#" + std::to_string(edge.index);
}

}  // namespace snaplint
