// Every rule has a page (docs/rules/<rule>.md, embedded for `snaplint explain`) with the fixed
// sections, and the page's example really produces the finding it shows.
#include <gtest/gtest.h>

#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint {
// Test names and failure messages show the rule's name.
void PrintTo(const RuleInfo& rule, std::ostream* out) {
  *out << rule.name;
}
}  // namespace snaplint

namespace snaplint::test {
namespace {

// The text of a "## Title" section, up to the next "## " heading.
std::string section(std::string_view page, std::string_view title) {
  const std::string heading = "\n## " + std::string(title) + "\n";
  const std::size_t start = page.find(heading);
  if (start == std::string_view::npos) return {};
  const std::size_t body = start + heading.size();
  const std::size_t end = page.find("\n## ", body);
  return std::string(page.substr(body, end == std::string_view::npos ? end : end - body));
}

// The contents of the ```json fenced blocks of a text, in order.
std::vector<std::string> json_blocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::size_t at = 0;
  while ((at = text.find("```json\n", at)) != std::string::npos) {
    const std::size_t body = at + 8;
    const std::size_t end = text.find("\n```", body);
    if (end == std::string::npos) break;
    blocks.push_back(text.substr(body, end - body + 1));
    at = end + 4;
  }
  return blocks;
}

class RulePage : public testing::TestWithParam<RuleInfo> {};

TEST_P(RulePage, HasTheFixedSections) {
  const RuleInfo& rule = GetParam();
  const std::string_view page = rules::rule_documentation(rule.name);
  ASSERT_FALSE(page.empty()) << "docs/rules/" << rule.name << ".md is missing";
  EXPECT_EQ(page.substr(0, rule.name.size() + 3), "# " + std::string(rule.name) + "\n");
  for (const char* title : {"What it does", "Why it matters", "Example", "Options"}) {
    EXPECT_FALSE(section(page, title).empty()) << rule.name << ": no '## " << title << "'";
  }
  EXPECT_NE(page.find("**Severity:** " + std::string(to_string(rule.default_severity))),
            std::string_view::npos)
      << rule.name << ": the page must state the default severity";
  EXPECT_NE(page.find("**Category:** " + std::string(rule.category)), std::string_view::npos)
      << rule.name << ": the page must state the category";
  const std::string options = section(page, "Options");
  for (const RuleOption& option : rule.options) {
    EXPECT_NE(options.find(std::string(option.name)), std::string::npos)
        << rule.name << ": option '" << option.name << "' is not documented";
  }
}

TEST_P(RulePage, ExampleFailsAndItsFixPasses) {
  const RuleInfo& rule = GetParam();
  const std::vector<std::string> blocks =
      json_blocks(section(rules::rule_documentation(rule.name), "Example"));
  ASSERT_GE(blocks.size(), 2u) << rule.name << ": the example needs a failing and a fixed snippet";
  // Linted as lint_for_rule says: too-many-diagnostics's page shows its example under a limit.
  const FileReport failing = lint_for_rule(blocks[0], rule.name);
  EXPECT_FALSE(failing.diagnostics.empty())
      << rule.name << ": the page's failing example produces no finding";
  const FileReport fixed = lint_for_rule(blocks[1], rule.name);
  for (const Diagnostic& d : fixed.diagnostics) {
    ADD_FAILURE() << rule.name << ": the fixed example still reports: " << d.message;
  }
}

std::string rule_test_name(const testing::TestParamInfo<RuleInfo>& info) {
  std::string name(info.param.name);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RulePage, testing::ValuesIn(rules::default_registry().infos()),
                         rule_test_name);

}  // namespace
}  // namespace snaplint::test
