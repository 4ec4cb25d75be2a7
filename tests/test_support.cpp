#include "test_support.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "snaplint/rules/all_rules.hpp"

namespace snaplint::test {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

FileReport lint_text(const std::string& json, const std::vector<std::string>& rules,
                     const std::string& path) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  auto selection = RuleSelection::create(registry, rules, {}, &error);
  if (!selection) throw std::runtime_error(error);
  const Engine linter(registry, std::move(*selection));
  return linter.lint(json, path);
}

FileReport lint_for_rule(const std::string& json, std::string_view rule) {
  if (rule != too_many_diagnostics_rule) return lint_text(json, {std::string(rule)});
  FileReport report = lint_text(json);
  limit_diagnostics(report, summary_limit, "run with --max-diagnostics 0 to see them all");
  std::erase_if(report.diagnostics,
                [](const Diagnostic& d) { return d.rule != too_many_diagnostics_rule; });
  return report;
}

std::string format_for_fixture(const Diagnostic& diagnostic) {
  std::ostringstream out;
  out << diagnostic.range.start.line << ':' << diagnostic.range.start.column << '-'
      << diagnostic.range.end.line << ':' << diagnostic.range.end.column << ' '
      << (diagnostic.pointer.empty() ? "\"\"" : diagnostic.pointer) << ' ' << diagnostic.message;
  for (const RelatedLocation& related : diagnostic.related) {
    out << " [related " << related.pointer << ']';
  }
  if (!diagnostic.help.empty()) out << " (help: " << diagnostic.help << ')';
  return out.str();
}

std::filesystem::path shared_dir() {
  const char* from_environment = std::getenv("SNAPLINT_SHARED_DIR");
  std::filesystem::path dir =
      from_environment && *from_environment ? from_environment : SNAPLINT_SHARED_DIR;
  std::error_code error;
  return std::filesystem::is_directory(dir, error) ? dir : std::filesystem::path();
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "snaplint-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, error);
  std::filesystem::remove_all(path_, error);
}

}  // namespace snaplint::test
