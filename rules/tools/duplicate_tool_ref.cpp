// duplicate-tool-ref: one node's `tool_ids` lists the same tool twice. The second entry adds
// nothing and usually stands where another tool was meant.
#include <vector>

#include "../flat_tables.hpp"
#include "../prefetch.hpp"
#include "../rule_support.hpp"

namespace snaplint::rules {
namespace {

class DuplicateToolRef final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"duplicate-tool-ref", "tools", Severity::warning,
                                   "one tool_ids array repeats an id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const JsonDocument& doc = context.json;
    std::vector<JsonRef> entries;  // one node's string entries, reused from node to node
    const ModelArray<Node>& nodes = context.model.nodes;
    for (const Node& node : nodes) {
      prefetch_node_head(nodes, node);
      const JsonRef list = node.tool_ids_ref;
      if (!doc.is(list, JsonType::array)) continue;
      entries.clear();
      for (JsonRef entry : doc.children(list)) {
        if (doc.is(entry, JsonType::string)) entries.push_back(entry);
      }
      const auto id_of = [&](std::uint32_t k) { return doc.string(entries[k]); };
      const auto repeat = [&](std::uint32_t k, std::uint32_t first) {
        report(node, entries[k], id_of(k), entries[first], reporter);
      };
      if (entries.size() <= few) {
        for_each_repeat_pairwise(entries.size(), id_of, repeat);
      } else {
        // A table sized by this list alone, so that a long list costs its own length only.
        for_each_repeat(
            entries.size(), [](std::uint32_t) { return true; }, id_of, repeat);
      }
    }
  }

 private:
  // Up to this many entries, comparing every pair costs less than a table.
  static constexpr std::size_t few = 16;

  template <class IdOf, class Repeat>
  static void for_each_repeat_pairwise(std::size_t count, IdOf id_of, Repeat repeat) {
    for (std::uint32_t k = 1; k < count; ++k) {
      for (std::uint32_t j = 0; j < k; ++j) {
        if (id_of(j) != id_of(k)) continue;
        repeat(k, j);
        break;
      }
    }
  }

  static void report(const Node& node, JsonRef entry, std::string_view id, JsonRef first,
                     Reporter& reporter) {
    reporter.report(Finding{{entry},
                            "node " + display_name(node) + " lists tool " + quoted(id) +
                                " more than once in 'tool_ids'",
                            entity_of(node),
                            {{"first listed here", {first}}},
                            "remove the repeated entry"});
  }
};

}  // namespace

const Rule& duplicate_tool_ref() {
  static const DuplicateToolRef rule;
  return rule;
}

}  // namespace snaplint::rules
