// The schema check judges each distinct shape of node, edge or tool once (schema_units.hpp). This
// test holds it to valijson over the whole document: identical findings, in the same order, on
// every fixture, example and corpus file, on generated snapshots, and on thousands of mutated
// ones whose shapes are broken in every way the mutator knows.
#include <gtest/gtest.h>

#include <filesystem>

#include "../bench/snapshot_generator.hpp"
#include "snaplint/json_parser.hpp"
#include "snaplint/schema_check.hpp"
#include "support/snapshot_mutator.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

std::string describe(const JsonDocument& doc, const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& finding : findings) {
    out += doc.pointer(finding.where.value) + " " + finding.message + "\n";
  }
  return out;
}

// The findings of both strategies, or nothing when the text is not JSON. Returns how many
// findings there were.
std::size_t expect_same_verdict(const std::string& text, const std::string& name) {
  static const SchemaCheck by_shape(SchemaCheck::Strategy::by_shape);
  static const SchemaCheck whole(SchemaCheck::Strategy::whole_document);
  const SourceFile source{text};
  JsonDocument doc(source);
  if (parse_json(source, doc).error) return 0;
  std::vector<Finding> shaped;
  std::vector<Finding> reference;
  by_shape.check(doc, shaped);
  whole.check(doc, reference);
  EXPECT_EQ(describe(doc, shaped), describe(doc, reference)) << name;
  return reference.size();
}

std::vector<fs::path> json_files_under(const fs::path& root) {
  std::vector<fs::path> files;
  if (root.empty() || !fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry);
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SchemaDifferential, EmbeddedSchemaIsJudgedByShape) {
  EXPECT_EQ(SchemaCheck::shared().strategy(), SchemaCheck::Strategy::by_shape);
  EXPECT_EQ(SchemaCheck::shared().shape_cache_blocker(), "");
}

TEST(SchemaDifferential, KeywordsThatDependOnValuesBlockTheShapeCache) {
  EXPECT_EQ(SchemaCheck::shape_blocker_of(R"({"properties": {"a": {"enum": [1]}}})"),
            "/properties/a/enum");
  EXPECT_EQ(SchemaCheck::shape_blocker_of(R"({"items": [{"type": "string"}]})"), "/items");
  EXPECT_EQ(SchemaCheck::shape_blocker_of(R"({"if": {"properties": {}}, "then": {}})"),
            "/if/properties");
  EXPECT_EQ(SchemaCheck::shape_blocker_of(R"({"$ref": "#/properties/a"})"), "/$ref");
  EXPECT_EQ(SchemaCheck::shape_blocker_of(R"({"definitions": {"a": {"minLength": 2}}})"),
            "/definitions/a/minLength");
  EXPECT_EQ(SchemaCheck::shape_blocker_of(
                R"({"type": "object", "required": ["a"], "items": {"$ref": "#/definitions/b"}})"),
            "");
}

TEST(SchemaDifferential, FixturesAndExamplesAndCorpus) {
  std::vector<fs::path> files = json_files_under(fs::path(SNAPLINT_TEST_DIR) / "rules");
  for (const auto& file : json_files_under(fs::path(SNAPLINT_SOURCE_DIR) / "examples")) {
    files.push_back(file);
  }
  for (const auto& file : json_files_under(shared_dir() / "corpus")) files.push_back(file);
  ASSERT_GT(files.size(), 100u);
  std::size_t findings = 0;
  for (const fs::path& file : files) findings += expect_same_verdict(read_file(file), file);
  EXPECT_GT(findings, 0u) << "the inputs must include schema violations";
}

// Items of a nested array are judged one by one, even when the first item is fine and the array
// looks like others; and a shape judged valid in one node does not excuse another node.
TEST(SchemaDifferential, NestedArraysAreJudgedItemByItem) {
  const std::string text = R"({"graph": {"edges": [], "nodes": [
    {"id": "a", "name": "a", "type": "SubagentNode",
     "subagent": {"webhooks": [{"name": "ok", "url": "https://x"}]}},
    {"id": "b", "name": "b", "type": "SubagentNode",
     "subagent": {"webhooks": [{"name": "ok", "url": "https://x"}, {"name": 5, "url": "https://x"},
                               {"name": "ok", "url": null}, {"name": "ok", "url": []}]}},
    {"id": "c", "name": "c", "type": "DefaultNode", "tool_ids": ["t", "u", 7, "v", {}]}]}})";
  EXPECT_EQ(expect_same_verdict(text, "nested arrays"), 4u);
}

TEST(SchemaDifferential, GeneratedSnapshots) {
  for (const std::size_t nodes : {1u, 20u, 1000u}) {
    expect_same_verdict(bench::generate_snapshot(nodes, 7), "generated " + std::to_string(nodes));
  }
}

TEST(SchemaDifferential, MutatedSnapshots) {
  std::vector<std::string> seeds;
  for (const auto& file : json_files_under(shared_dir() / "corpus"))
    seeds.push_back(read_file(file));
  seeds.push_back(read_file(fs::path(SNAPLINT_SOURCE_DIR) / "examples" / "broken_agent.json"));
  seeds.push_back(bench::generate_snapshot(60, 3));
  std::size_t runs = 0;
  std::size_t findings = 0;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    for (std::uint32_t seed = 0; seed < 150; ++seed) {
      const std::string mutated = mutate_snapshot(seeds[i], seed, 10 + seed % 60);
      findings += expect_same_verdict(
          mutated, "seed " + std::to_string(i) + "/" + std::to_string(seed) + ":\n" + mutated);
      ++runs;
      if (HasFailure()) return;  // one mutated document is enough to read
    }
  }
  EXPECT_GT(findings, runs) << "the mutations must break shapes, not only values";
}

}  // namespace
}  // namespace snaplint::test
