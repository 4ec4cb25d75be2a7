// The sample snapshots in ../shared/corpus (path from SNAPLINT_SHARED_DIR or the CMake option).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

fs::path agents_dir() {
  const fs::path shared = shared_dir();
  return shared.empty() ? fs::path() : shared / "corpus" / "agents";
}

FileReport lint_sample(const std::string& name) {
  return lint_text(read_file(agents_dir() / name), {}, name);
}

bool has(const FileReport& report, const std::string& rule, const std::string& pointer) {
  return std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.rule == rule && d.pointer == pointer; });
}

TEST(Corpus, CleanSamplesReportNoErrors) {
  if (agents_dir().empty()) GTEST_SKIP() << "shared corpus not found; set SNAPLINT_SHARED_DIR";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(agents_dir())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name.find("BUGGY") != std::string::npos ||
        name.find("defects") != std::string::npos) {
      continue;
    }
    const FileReport report = lint_sample(name);
    for (const Diagnostic& d : report.diagnostics) {
      EXPECT_NE(d.severity, Severity::error) << name << ": " << d.rule << " " << d.message;
    }
    ++checked;
  }
  EXPECT_GE(checked, 9);
}

TEST(Corpus, BuggyTemplateReportsEdgesToStartAndEndAndTheMissingSpecialNodes) {
  if (agents_dir().empty()) GTEST_SKIP() << "shared corpus not found; set SNAPLINT_SHARED_DIR";
  const FileReport report = lint_sample("02_cli_template_support_BUGGY.snapshot.json");
  EXPECT_TRUE(has(report, "dangling-edge", "/graph/edges/0/from"));
  EXPECT_TRUE(has(report, "dangling-edge", "/graph/edges/3/to"));
  EXPECT_TRUE(has(report, "missing-start-node", "/graph/nodes"));
  EXPECT_TRUE(has(report, "missing-end-node", "/graph/nodes"));
  for (const Diagnostic& d : report.diagnostics) {
    if (d.pointer == "/graph/edges/0/from") {
      EXPECT_EQ(d.range.start, (Position{31, 17}));
    }
    if (d.pointer == "/graph/edges/3/to") {
      EXPECT_EQ(d.range.start, (Position{51, 15}));
    }
  }
}

TEST(Corpus, DefectSampleReportsEveryListedDefect) {
  if (agents_dir().empty()) GTEST_SKIP() << "shared corpus not found; set SNAPLINT_SHARED_DIR";
  const FileReport report = lint_sample("03_request_defects_for_lint_tests.json");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"duplicate-node-name", "/graph/nodes/2/name"},
      {"webhook-url", "/graph/nodes/3/webhook/url"},
      {"webhook-method", "/graph/nodes/3/webhook/http_method"},
      {"global-condition-missing", "/graph/nodes/5/global_condition"},
      {"missing-nodeable", "/graph/nodes/5"},
      {"global-condition-conflict", "/graph/nodes/7/global_condition"},
      {"warm-end-timeout", "/graph/nodes/8/warm_end/timeout_minutes"},
      {"unknown-node-type", "/graph/nodes/9/type"},
      {"unreachable-node", "/graph/nodes/10"},
      {"missing-tool", "/graph/nodes/10/tool_ids/0"},
      {"webhook-method", "/graph/nodes/10/subagent/webhooks/1/http_method"},
      {"unknown-node-type", "/graph/nodes/11/type"},
      {"dangling-edge", "/graph/edges/4/to"},
      {"dangling-edge", "/graph/edges/10/from"},
      {"dangling-edge", "/graph/edges/10/to"},
      {"unreachable-node", "/graph/nodes/2"},
      {"unreachable-node", "/graph/nodes/9"},
      {"unreachable-node", "/graph/nodes/11"},
      // The rest of the catalogue.
      {"invalid-node-name", "/graph/nodes/3/name"},
      {"knowledge-base-empty", "/graph/nodes/4/knowledge_base"},
      {"subagent-tools", "/graph/nodes/10/subagent/webhooks/1/name"},
      {"start-node-edges", "/graph/edges/1/from"},
      {"self-loop", "/graph/edges/2/to"},
      {"end-node-outgoing-edge", "/graph/edges/7/from"},
      {"edge-into-global-node", "/graph/edges/8/to"},
      {"duplicate-edge-id", "/graph/edges/9/id"},
      {"ambiguous-branch", "/graph/edges/9/label"},
      {"empty-prompt", "/graph/nodes/9"},
  };
  for (const auto& [rule, pointer] : expected) {
    EXPECT_TRUE(has(report, rule, pointer)) << rule << " at " << pointer;
  }
}

}  // namespace
}  // namespace snaplint::test
