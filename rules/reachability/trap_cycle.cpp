// trap-cycle: a cycle of nodes that no edge leaves and that has no node ending the run. A
// conversation that enters it goes round forever and never reaches __end__.
#include <string>

#include "../rule_support.hpp"
#include "runner_graph.hpp"

namespace snaplint::rules {
namespace {

class TrapCycle final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo info{"trap-cycle", "reachability", Severity::warning,
                                   "a cycle that no edge leaves and that never ends the run"};
    return info;
  }

  void check(const LintContext& context, Reporter& reporter) const override {
    const Model& model = context.model;
    if (model.start_node == no_index) return;  // nothing to start from: not guessed
    const TrapAnalysis analysis = analyse_traps(context);
    // The members of each trap, in document order.
    std::vector<std::vector<std::uint32_t>> members(analysis.is_trap.size());
    for (std::uint32_t v = 0; v < model.nodes.size(); ++v) {
      if (analysis.is_trap[analysis.component[v]]) members[analysis.component[v]].push_back(v);
    }
    TrapWalker walker(context, analysis);
    std::vector<bool> listed(model.nodes.size(), false);
    for (const std::vector<std::uint32_t>& trap : members) {
      if (!trap.empty()) report(context, walker.walk(trap), trap, listed, reporter);
    }
  }

 private:
  // `listed` is all false on entry and on return.
  static void report(const LintContext& context, const std::vector<std::uint32_t>& walk,
                     const std::vector<std::uint32_t>& trap, std::vector<bool>& listed,
                     Reporter& reporter) {
    const Model& model = context.model;
    std::string path;
    for (std::uint32_t v : walk) {
      if (!path.empty()) path += " -> ";
      path += display_name(model.nodes[v]);
    }
    // Members in the order the walk meets them, then any it did not reach.
    std::vector<std::uint32_t> members;
    for (std::uint32_t v : walk) {
      if (!listed[v]) members.push_back(v);
      listed[v] = true;
    }
    const std::size_t walked = members.size();
    for (std::uint32_t v : trap) {
      if (!listed[v]) members.push_back(v);
    }
    for (std::uint32_t v : walk) listed[v] = false;

    const Node& first = model.nodes[trap.front()];
    std::string message = "the cycle " + path + " has no way out";
    if (members.size() > walked) {
      message += " (it is part of a group of " + std::to_string(members.size()) +
                 " nodes that all lead only to one another)";
    }
    message +=
        ": no edge leaves it and none of its nodes ends the run, so a conversation that enters "
        "it never reaches '__end__'";
    Finding finding{{first.json}, std::move(message), entity_of(first)};
    for (std::uint32_t v : members) {
      finding.related.push_back(
          {"node " + display_name(model.nodes[v]) + " is in the cycle", {model.nodes[v].json}});
    }
    finding.help =
        "add an edge from one of these nodes towards '__end__', or end the run inside the cycle "
        "with a WarmEndNode or HandoffNode";
    reporter.report(std::move(finding));
  }
};

}  // namespace

const Rule& trap_cycle() {
  static const TrapCycle rule;
  return rule;
}

}  // namespace snaplint::rules
