// dangling-edge: an edge's `from` or `to` is no node's id. The runner resolves edge ends through
// an id table and fails on anything else, names included.
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "../flat_tables.hpp"
#include "../rule_support.hpp"
#include "../suggestions.hpp"

namespace snaplint::rules {
namespace {

class DanglingEdge final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"dangling-edge", "edges", Severity::error,
                                   "an edge's from or to is no node's id"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    Lookup lookup(model);
    for (const Edge& edge : model.edges) {
      if (edge.from_ref != no_value && edge.source == no_index) {
        report(lookup, edge, edge.from_ref, model.from(edge), "starts at", reporter);
      }
      if (edge.to_ref != no_value && edge.target == no_index) {
        report(lookup, edge, edge.to_ref, model.to(edge), "targets", reporter);
      }
    }
  }

 private:
  // Built only when an edge dangles: names and ids of all nodes, for the message and the help
  // line. Each dangling value is looked up once, however many edges repeat it.
  class Lookup {
   public:
    explicit Lookup(const Model& model)
        : model_(model), by_name_(0, NameOf{&model}), asked_(0, AskedOf{&asked_values_}) {}
    Lookup(const Lookup&) = delete;
    Lookup& operator=(const Lookup&) = delete;

    // The node named `value` (the first one), or null.
    const Node* named(std::string_view value) {
      build();
      const std::uint32_t node = by_name_.find(value);
      return node == no_index ? nullptr : &model_.nodes[node];
    }

    std::string help_for(std::string_view value) {
      const auto next = static_cast<std::uint32_t>(asked_values_.size());
      const auto [known, inserted] = asked_.insert(value, next);
      if (!inserted) return helps_[known];
      asked_values_.push_back(value);
      helps_.push_back(find_help(value));
      return helps_.back();
    }

   private:
    struct NameOf {
      const Model* model;
      std::string_view operator()(std::uint32_t n) const { return model->name(model->nodes[n]); }
    };
    struct AskedOf {
      const std::vector<std::string_view>* values;
      std::string_view operator()(std::uint32_t k) const { return (*values)[k]; }
    };

    void build() {
      if (built_) return;
      built_ = true;
      std::vector<std::string_view> ids;
      for (std::uint32_t n = 0; n < model_.nodes.size(); ++n) {
        const Node& node = model_.nodes[n];
        if (node.has_name()) by_name_.insert(model_.name(node), n);
        if (node.has_id()) ids.push_back(node.id);
      }
      suggester_.emplace(std::move(ids));
    }

    static bool names_special(std::string_view value, std::string_view word) {
      const std::string lowered = ascii_lower(value);
      return lowered == word || lowered == "__" + std::string(word) + "__";
    }

    std::string find_help(std::string_view value) {
      if (const Node* node = named(value)) {
        if (node->has_id()) return "use its id " + quoted(node->id);
        return {};
      }
      for (auto [word, index, name] : {std::tuple{"start", model_.start_node, start_node_name},
                                       std::tuple{"end", model_.end_node, end_node_name}}) {
        if (!names_special(value, word)) continue;
        if (index != no_index && model_.nodes[index].has_id()) {
          return "use the id of the " + quoted(name) + " node, " + quoted(model_.nodes[index].id);
        }
        return "the graph has no " + quoted(name) + " node; add one and use its id";
      }
      if (const auto match = suggester_->closest(value)) {
        return "did you mean " + quoted(*match) + "?";
      }
      return {};
    }

    const Model& model_;
    bool built_ = false;
    TextTable<NameOf> by_name_;           // node name → the first node with it
    std::optional<Suggester> suggester_;  // over the nodes' ids, in order
    std::vector<std::string_view> asked_values_;
    std::vector<std::string> helps_;
    TextTable<AskedOf> asked_;  // dangling value → its position in asked_values_ and helps_
  };

  static void report(Lookup& lookup, const Edge& edge, JsonRef where, std::string_view value,
                     std::string_view verb, Reporter& reporter) {
    std::string message;
    if (lookup.named(value) != nullptr) {
      message = "edge " + display_name(edge) + " refers to node " + quoted(value) +
                " by name; edges must use node ids";
    } else {
      message =
          "edge " + display_name(edge) + " " + std::string(verb) + " unknown node " + quoted(value);
    }
    reporter.report(
        Finding{{where}, std::move(message), entity_of(edge), {}, lookup.help_for(value)});
  }
};

}  // namespace

const Rule& dangling_edge() {
  static const DanglingEdge rule;
  return rule;
}

}  // namespace snaplint::rules
