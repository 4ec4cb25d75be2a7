#include <iostream>

#include "commands.hpp"
#include "snaplint/report_writer.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "snaplint/suggest.hpp"

namespace snaplint::cli {

int run_explain(const std::string& rule) {
  const std::string_view page = rules::rule_documentation(rule);
  if (!page.empty()) {
    std::cout << page;
    return exit_clean;
  }
  std::cerr << "snaplint: error: unknown rule '" << printable(rule) << "'";
  std::vector<std::string_view> names;
  for (const RuleInfo& info : rules::default_registry().infos()) names.push_back(info.name);
  if (const auto match = closest_match(rule, names, 3)) {
    std::cerr << "; did you mean '" << *match << "'?";
  }
  std::cerr << " (see 'snaplint rules')\n";
  return exit_trouble;
}

}  // namespace snaplint::cli
