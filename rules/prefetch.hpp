// Software prefetching for the rules' loops over nodes and edges. Such a loop reads a text of
// each item from the source (a name, a label, a member's key), and each read is a cache miss: the
// file is far larger than the cache, and the loops leave the processor too little room to overlap
// the misses by itself. These helpers start loading what an item a few places ahead will need.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "snaplint/json_document.hpp"
#include "snaplint/model.hpp"

namespace snaplint::rules {

// How many items ahead: far enough for the text to arrive before the loop gets there, near enough
// that it is still in cache when it does.
inline constexpr std::size_t prefetch_distance = 8;

// The text `text_of(item)` of the item prefetch_distance places after `item` in `items`. Give it
// a text the item keeps (its id, near its other members in the file): a text read through the
// tape would be a load to wait for, which is what a prefetch is there to avoid.
template <class Item, class TextOf>
void prefetch_ahead(const ModelArray<Item>& items, const Item& item, TextOf text_of) {
  const auto at = static_cast<std::size_t>(&item - items.data()) + prefetch_distance;
  if (at < items.size()) __builtin_prefetch(text_of(items[at]).data());
}

// The first lines of the text of the node prefetch_distance places after `node`, from its id
// (which the node keeps, and which comes first in a node as Kapso writes it): the keys written
// near it (name, type, prompt, tool_ids in a compact file) come with it.
inline void prefetch_node_head(const ModelArray<Node>& nodes, const Node& node) {
  const auto at = static_cast<std::size_t>(&node - nodes.data()) + prefetch_distance;
  if (at >= nodes.size() || !nodes[at].has_id()) return;
  // The next line by address arithmetic on an integer: it may lie past the end of the text, and
  // a prefetch never faults.
  const auto id = reinterpret_cast<std::uintptr_t>(nodes[at].id.data());
  __builtin_prefetch(reinterpret_cast<const void*>(id));
  __builtin_prefetch(reinterpret_cast<const void*>(id + 64));
}

// The whole text, up to `max_bytes` of it, of the node prefetch_distance places after `node`,
// when `wanted(that node)`: for loops that read a few kinds of node through and through (the
// webhook rules), so that the payload they walk is in cache when they get there.
template <class Wanted>
void prefetch_node_text(const JsonDocument& doc, const ModelArray<Node>& nodes, const Node& node,
                        Wanted wanted, std::size_t max_bytes = 1024) {
  const auto at = static_cast<std::size_t>(&node - nodes.data()) + prefetch_distance;
  if (at >= nodes.size() || !wanted(nodes[at])) return;
  // From where the node starts (its end would cost a walk of its members), within the file.
  const std::uint32_t begin = doc.value_begin(nodes[at].json);
  const std::size_t end = std::min(doc.source().bytes().size(), std::size_t{begin} + max_bytes);
  const char* text = doc.source().bytes().data();
  for (std::size_t offset = begin; offset < end; offset += 64) {
    __builtin_prefetch(text + offset);
  }
}

// Nodes that define webhooks (see for_each_webhook).
inline bool has_webhooks(const Node& node) {
  return node.type == NodeType::webhook || node.type == NodeType::subagent;
}

}  // namespace snaplint::rules
