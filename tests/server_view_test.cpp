// Where RapidJSON and a typical server parser (Ruby's JSON, Node's JSON.parse) could read one text
// as two documents, snaplint reports it or reads it as the server does; and the limits of one
// file's lint (nesting depth, string length, diagnostics per file) end in a diagnostic with a
// position, never a crash, with the other files still linted.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cli_support.hpp"
#include "snaplint/linter.hpp"
#include "snaplint/rules/all_rules.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> rules_of(const FileReport& report) {
  std::vector<std::string> rules;
  for (const Diagnostic& diagnostic : report.diagnostics) rules.push_back(diagnostic.rule);
  return rules;
}

const Diagnostic* first_of(const FileReport& report, std::string_view rule) {
  for (const Diagnostic& diagnostic : report.diagnostics) {
    if (diagnostic.rule == rule) return &diagnostic;
  }
  return nullptr;
}

// The one invalid-json diagnostic of a rejected text, with its position.
struct Rejection {
  bool rejected = false;
  Position at;
  std::string message;
};

Rejection parse_verdict(const std::string& text) {
  const FileReport report = lint_text(text, {"invalid-json"});
  Rejection verdict;
  if (const Diagnostic* error = first_of(report, "invalid-json")) {
    verdict.rejected = true;
    verdict.at = error->range.start;
    verdict.message = error->message;
  }
  return verdict;
}

Position at(std::uint32_t line, std::uint32_t column) {
  return {line, column};
}

FileReport lint_with(const std::string& json, const LintLimits& limits,
                     const std::vector<std::string>& rules = {}) {
  const RuleRegistry& registry = rules::default_registry();
  std::string error;
  auto selection = RuleSelection::create(registry, rules, {}, &error);
  if (!selection) throw std::runtime_error(error);
  return Engine(registry, std::move(*selection)).lint(json, "limits.json", limits);
}

// --- The server's view --------------------------------------------------------------------------

// Ruby, Python and JavaScript keep the last of repeated keys; RapidJSON alone would find the first.
TEST(ServerView, RepeatedKeysAreReportedAtEveryLevelAndTheLastOneCounts) {
  const std::string text = R"({
  "graph": {
    "nodes": [
      {"id": "old", "name": "start", "type": "DefaultNode", "id": "n1"},
      {"id": "n2", "name": "x", "type": "DefaultNode",
       "webhook": {"headers": {"a": "1", "a": "2"}}}
    ],
    "edges": [{"id": "e1", "from": "n1", "to": "n2", "to": "old"}],
    "metadata": {"deep": [[{"k": 1, "k": 2}]]}
  },
  "graph": {
    "nodes": [{"id": "n1", "name": "start", "type": "DefaultNode"}],
    "edges": [{"id": "e1", "from": "n1", "to": "old"}]
  }
})";
  // Every repeat, however deep, is found, even inside the shadowed first "graph".
  const FileReport keys = lint_text(text, {"duplicate-key"});
  std::vector<std::string> pointers;
  for (const Diagnostic& diagnostic : keys.diagnostics) pointers.push_back(diagnostic.pointer);
  EXPECT_EQ(pointers, (std::vector<std::string>{
                          "/graph/nodes/0/id", "/graph/nodes/1/webhook/headers/a",
                          "/graph/edges/0/to", "/graph/metadata/deep/0/0/k", "/graph"}));
  // The rules read the last "graph": its only edge points at a node that does not exist there.
  const FileReport edges = lint_text(text, {"dangling-edge"});
  ASSERT_EQ(edges.diagnostics.size(), 1u);
  EXPECT_EQ(edges.diagnostics[0].pointer, "/graph/edges/0/to");
  EXPECT_EQ(edges.diagnostics[0].range.start.line, 13u);
}

TEST(ServerView, TheLastOfRepeatedKeysCountsInALargeObjectAndWhenSpeltWithEscapes) {
  // Over 16 members the parser finds repeats by hashing; "\u0069d" is "id" to every parser.
  std::string node = R"({"id": "first", "name": "start", "type": "DefaultNode")";
  for (int i = 0; i < 20; ++i) node += ", \"x" + std::to_string(i) + "\": 0";
  node += R"(, "\u0069d": "n1"})";
  const std::string text = R"({"graph": {"nodes": [)" + node +
                           R"(], "edges": [{"id": "e1", "from": "n1", "to": "first"}]}})";
  const FileReport report = lint_text(text, {"duplicate-key", "dangling-edge"});
  EXPECT_EQ(rules_of(report), (std::vector<std::string>{"duplicate-key", "dangling-edge"}));
}

// JSON.parse and Ruby read "\u0000" as a NUL character inside the string; so does snaplint (a C
// string would end there and make "a\u0000b" the id "a").
TEST(ServerView, ANulEscapeIsPartOfTheString) {
  const std::string text = R"({"graph": {
  "nodes": [{"id": "a\u0000b", "name": "start", "type": "DefaultNode"},
            {"id": "a", "name": "other", "type": "DefaultNode"}],
  "edges": [{"id": "e1", "from": "a\u0000b", "to": "a"}]}})";
  const FileReport report = lint_text(text, {"invalid-json", "dangling-edge", "duplicate-node-id"});
  EXPECT_TRUE(report.diagnostics.empty()) << report.diagnostics[0].message;
}

// A raw NUL byte is not JSON (a control character); RapidJSON would take it for the end of input.
TEST(ServerView, ARawNulByteIsInvalidJsonAtItsPosition) {
  const Rejection in_string = parse_verdict(std::string("{\n  \"id\": \"a\0b\"\n}", 17));
  EXPECT_TRUE(in_string.rejected);
  EXPECT_EQ(in_string.at, at(2, 11));
  EXPECT_NE(in_string.message.find("NUL"), std::string::npos);
  const Rejection after = parse_verdict(std::string("{}\n\0", 4));
  EXPECT_TRUE(after.rejected);
  EXPECT_EQ(after.at, at(2, 1));
}

// JavaScript reads every number as a double: past 2^53 not every integer exists, and the server
// would read a neighbour. Ruby reads them exactly; RapidJSON reads integers beyond 64 bits as
// doubles. Either way someone reads another number, so it is invalid-json ("a number that does
// not fit a double", as the rule catalogue puts it), at the number.
TEST(ServerView, IntegersADoubleCannotHoldAreRejectedWithTheValueJavaScriptReads) {
  const Rejection above = parse_verdict("{\"n\":\n  [1, 9007199254740993]}");
  EXPECT_TRUE(above.rejected);
  EXPECT_EQ(above.at, at(2, 7));
  EXPECT_NE(above.message.find("9007199254740993"), std::string::npos) << above.message;
  EXPECT_NE(above.message.find("reads 9007199254740992"), std::string::npos) << above.message;

  for (const std::string inexact :
       {"-9007199254740993", "9223372036854775807", "18446744073709551615",
        "123456789012345678901234567890", "-9223372036854775809"}) {
    const Rejection verdict = parse_verdict("[" + inexact + "]");
    EXPECT_TRUE(verdict.rejected) << inexact;
    EXPECT_EQ(verdict.at, at(1, 2)) << inexact;
  }
  // Every parser reads these alike: within 2^53, or exactly a double (2^53, 2^63, -2^63, 2^64,
  // 2^70), or written as a real.
  for (const std::string exact :
       {"9007199254740992", "-9007199254740992", "9007199254740994", "9223372036854775808",
        "-9223372036854775808", "18446744073709551616", "1180591620717411303424", "1e30",
        "12345678901234567890.5", "-0", "-0.0", "1e-400"}) {
    const Rejection verdict = parse_verdict("[" + exact + "]");
    EXPECT_FALSE(verdict.rejected) << exact << ": " << verdict.message;
  }
}

// Ruby and JavaScript read 1e400 as Infinity, which no snapshot field can mean.
TEST(ServerView, ANumberBeyondTheDoubleRangeIsRejectedAtTheNumber) {
  const Rejection verdict = parse_verdict("{\n  \"timeout_minutes\": 1e400\n}");
  EXPECT_TRUE(verdict.rejected);
  EXPECT_EQ(verdict.at, at(2, 22));
  EXPECT_NE(verdict.message.find("too large"), std::string::npos);
}

// A lone surrogate escape encodes no character: JSON.parse keeps it as a broken UTF-16 string,
// Ruby makes invalid UTF-8 of it. RapidJSON 1.1 rejects a lone high surrogate but turns a lone low
// one into invalid UTF-8; both are invalid-json at the escape.
TEST(ServerView, LoneSurrogateEscapesAreRejectedAtTheEscape) {
  const Rejection high = parse_verdict("{\"a\": \"x\\ud800\"}");
  EXPECT_TRUE(high.rejected);
  EXPECT_NE(high.message.find("surrogate"), std::string::npos);

  const Rejection low = parse_verdict("{\"a\":\n \"xy\\udc00z\"}");
  EXPECT_TRUE(low.rejected);
  EXPECT_EQ(low.at, at(2, 5));
  EXPECT_NE(low.message.find("\\udc00"), std::string::npos) << low.message;

  const Rejection in_key = parse_verdict("{\"\\uDFFF\": 1}");
  EXPECT_TRUE(in_key.rejected);
  EXPECT_EQ(in_key.at, at(1, 3));

  // After an escaped backslash, "ud800" is plain text: the \udc00 that follows is still alone.
  const Rejection after_text = parse_verdict("[\"\\\\ud800\\udc00\"]");
  EXPECT_TRUE(after_text.rejected);
  EXPECT_EQ(after_text.at, at(1, 10));

  // A pair is one character; "\\udc00" is a backslash and text.
  EXPECT_FALSE(parse_verdict("[\"\\ud83d\\ude00 \\uD800\\uDC00\"]").rejected);
  EXPECT_FALSE(parse_verdict("[\"\\\\udc00\"]").rejected);
}

TEST(ServerView, InvalidUtf8IsRejectedAtTheBadByte) {
  const Rejection verdict = parse_verdict("{\n  \"name\": \"ab\xC3\x28\"\n}");
  EXPECT_TRUE(verdict.rejected);
  EXPECT_EQ(verdict.at, at(2, 14));
  EXPECT_NE(verdict.message.find("UTF-8"), std::string::npos);
  // UTF-8 spelling of a surrogate (CESU-8), as some exporters write it.
  const Rejection surrogate = parse_verdict("[\"\xED\xA0\x80\"]");
  EXPECT_TRUE(surrogate.rejected);
  EXPECT_EQ(surrogate.at, at(1, 3));
}

// JSON.parse rejects a byte-order mark; Ruby's JSON too.
TEST(ServerView, AByteOrderMarkIsRejectedAtTheStart) {
  const Rejection verdict = parse_verdict("\xEF\xBB\xBF{\"graph\": {}}");
  EXPECT_TRUE(verdict.rejected);
  EXPECT_EQ(verdict.at, at(1, 1));
  EXPECT_NE(verdict.message.find("byte-order mark"), std::string::npos);
}

// --- Limits
// ---------------------------------------------------------------------------------------

std::string nested(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(Limits, NestingIsAcceptedAtTheLimitAndRejectedOnePast) {
  EXPECT_FALSE(parse_verdict(nested(512)).rejected);
  const Rejection past = parse_verdict(nested(513));
  ASSERT_TRUE(past.rejected);
  EXPECT_EQ(past.at, at(1, 513));  // the bracket that opens level 513
  EXPECT_NE(past.message.find("deeper than 512 levels"), std::string::npos) << past.message;

  LintLimits limits;
  limits.parse.max_depth = 3;
  EXPECT_TRUE(lint_with(nested(3), limits, {"invalid-json"}).diagnostics.empty());
  const FileReport report = lint_with("{\"a\": [{\"b\": []}]}", limits, {"invalid-json"});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].range.start, at(1, 14));
  EXPECT_NE(report.diagnostics[0].message.find("deeper than 3 levels"), std::string::npos);
}

TEST(Limits, ALongStringIsReportedWhereItIsAndReadOnlyUpToTheLimit) {
  LintLimits limits;
  limits.parse.max_string_length = 16;
  const std::string text =
      "{\"graph\": {\"nodes\": [{\"id\": \"n1\", \"name\": \"start\", \"type\": "
      "\"DefaultNode\",\n \"prompt\": \"" +
      std::string(40, 'p') + "\"}], \"edges\": []}}";
  const FileReport report = lint_with(text, limits, {"schema"});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  const Diagnostic& diagnostic = report.diagnostics[0];
  EXPECT_EQ(diagnostic.rule, "schema");
  EXPECT_EQ(diagnostic.pointer, "/graph/nodes/0/prompt");
  EXPECT_EQ(diagnostic.range.start, at(2, 12));
  EXPECT_EQ(diagnostic.range.end, at(2, 54));
  EXPECT_NE(diagnostic.message.find("string of 40 bytes"), std::string::npos) << diagnostic.message;
  EXPECT_NE(diagnostic.message.find("limit of 16 bytes"), std::string::npos);
  EXPECT_EQ(diagnostic.entity.id, "n1");
  EXPECT_NE(diagnostic.help.find("--max-string-length"), std::string::npos);

  // Exactly at the limit, or with no limit: nothing to say.
  limits.parse.max_string_length = 40;
  EXPECT_TRUE(lint_with(text, limits, {"schema"}).diagnostics.empty());
  limits.parse.max_string_length = 0;
  EXPECT_TRUE(lint_with(text, limits, {"schema"}).diagnostics.empty());
}

TEST(Limits, TheDocumentHoldsALongStringCutAtACharacterBoundary) {
  ParseLimits limits;
  limits.max_string_length = 5;
  // "é" is two bytes: five bytes would end inside the third.
  const SourceFile source(std::string(R"(["ééééé", "abc\tdefgh", "short"])"));
  JsonDocument doc(source);
  const ParseResult result = parse_json(source, doc, limits);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.long_strings.size(), 2u);
  EXPECT_EQ(doc.string(doc.resolve("/0")), "éé");
  EXPECT_EQ(result.long_strings[0].length, 10u);
  EXPECT_EQ(doc.string(doc.resolve("/1")), "abc\td");  // decoded text, then cut
  EXPECT_EQ(result.long_strings[1].length, 9u);
  EXPECT_EQ(doc.string(doc.resolve("/2")), "short");
  // The value's span is still the whole string.
  const auto [begin, end] = doc.value_span(doc.resolve("/0"));
  EXPECT_EQ(end - begin, 12u);
}

// A file with a finding per duplicate key: `count` repeats of "k" inside metadata.
std::string with_repeated_keys(int count) {
  std::string members = "\"k\": 0";
  for (int i = 0; i < count; ++i) members += ",\n\"k\": " + std::to_string(i + 1);
  return "{\"graph\": {\"nodes\": [], \"edges\": [], \"metadata\": {" + members + "}}}";
}

TEST(Limits, PastTheDiagnosticsLimitOneSummaryStandsForTheRest) {
  LintLimits limits;
  limits.max_diagnostics = 10;
  const FileReport report = lint_with(with_repeated_keys(25), limits, {"duplicate-key"});
  ASSERT_EQ(report.diagnostics.size(), 11u);
  const Diagnostic& summary = report.diagnostics.back();
  EXPECT_EQ(summary.rule, too_many_diagnostics_rule);
  EXPECT_EQ(summary.severity, Severity::error);
  EXPECT_NE(summary.message.find("15 more findings"), std::string::npos) << summary.message;
  EXPECT_NE(summary.message.find("15 errors"), std::string::npos);
  EXPECT_NE(summary.message.find("first 10"), std::string::npos);
  EXPECT_NE(summary.help.find("--max-diagnostics 0"), std::string::npos);
  // It sits where the first omitted finding is: the report stays in position order.
  EXPECT_EQ(summary.range.start.line, 12u);
  EXPECT_EQ(report.diagnostics[9].range.start.line, 11u);
  EXPECT_EQ(report.omitted.errors, 15u);
  const FindingCounts counts = count_findings(report);
  EXPECT_EQ(counts.errors, 25u);
  EXPECT_EQ(counts.total(), 25u);

  // The limit itself, and no limit.
  limits.max_diagnostics = 25;
  EXPECT_EQ(lint_with(with_repeated_keys(25), limits, {"duplicate-key"}).diagnostics.size(), 25u);
  limits.max_diagnostics = 0;
  EXPECT_EQ(lint_with(with_repeated_keys(1500), limits, {"duplicate-key"}).diagnostics.size(),
            1500u);
}

// Past max_findings the engine only counts: a file of a million repeated keys costs no more
// memory than the limit's worth of diagnostics, and still fails with the right counts.
TEST(Limits, FindingsBeyondTheBuildLimitAreCountedNotBuilt) {
  LintLimits limits;
  limits.max_findings = 50;
  limits.max_diagnostics = 0;
  const FileReport all = lint_with(with_repeated_keys(200), limits, {"duplicate-key"});
  ASSERT_EQ(all.diagnostics.size(), 51u);
  EXPECT_EQ(all.diagnostics.back().rule, too_many_diagnostics_rule);
  EXPECT_NE(all.diagnostics.back().message.find("150 more findings not shown (150 errors)"),
            std::string::npos)
      << all.diagnostics.back().message;
  // After the last one built.
  EXPECT_EQ(all.diagnostics.back().range, all.diagnostics[49].range);
  EXPECT_EQ(count_findings(all).errors, 200u);
  EXPECT_EQ(all.unbuilt, 150u);
  EXPECT_NE(all.diagnostics.back().help.find("150 of them were only counted"), std::string::npos)
      << all.diagnostics.back().help;

  // With a display limit too, the summary counts both.
  limits.max_diagnostics = 10;
  const FileReport shown = lint_with(with_repeated_keys(200), limits, {"duplicate-key"});
  ASSERT_EQ(shown.diagnostics.size(), 11u);
  EXPECT_NE(shown.diagnostics.back().message.find("190 more findings from here on not shown"),
            std::string::npos)
      << shown.diagnostics.back().message;
  EXPECT_EQ(count_findings(shown).errors, 200u);
}

TEST(Limits, TheSummaryHasTheHighestSeverityItStandsFor) {
  FileReport report;
  for (Severity severity : {Severity::error, Severity::info, Severity::warning, Severity::info}) {
    Diagnostic diagnostic;
    diagnostic.rule = "x";
    diagnostic.severity = severity;
    report.diagnostics.push_back(diagnostic);
  }
  limit_diagnostics(report, 2, "hint");
  ASSERT_EQ(report.diagnostics.size(), 3u);
  EXPECT_EQ(report.diagnostics[2].severity, Severity::warning);
  EXPECT_NE(report.diagnostics[2].message.find("(1 warning and 1 info)"), std::string::npos)
      << report.diagnostics[2].message;
  const FindingCounts counts = count_findings(report);
  EXPECT_EQ(counts.errors, 1u);
  EXPECT_EQ(counts.warnings, 1u);
  EXPECT_EQ(counts.infos, 2u);
  // Again with the same limit: nothing changes; with a smaller one, one summary of all omitted.
  limit_diagnostics(report, 2, "hint");
  EXPECT_EQ(report.diagnostics.size(), 3u);
  EXPECT_EQ(count_findings(report).total(), 4u);
  limit_diagnostics(report, 1, "hint");
  ASSERT_EQ(report.diagnostics.size(), 2u);
  EXPECT_EQ(report.diagnostics[1].rule, too_many_diagnostics_rule);
  EXPECT_NE(report.diagnostics[1].message.find("(1 warning and 2 infos)"), std::string::npos)
      << report.diagnostics[1].message;
  EXPECT_EQ(count_findings(report).total(), 4u);
}

// The library keeps 1000 per snapshot; counts and fails() include the rest.
TEST(Limits, TheLibraryCountsEveryFindingPastItsDefaultLimit) {
  const auto linter = Linter::create(R"({"select": ["duplicate-key"]})");
  ASSERT_TRUE(linter) << linter.error();
  const Report report = linter->lint(with_repeated_keys(1200));
  EXPECT_EQ(report.diagnostics().size(), 1001u);
  EXPECT_EQ(report.diagnostics().back().rule, too_many_diagnostics_rule);
  EXPECT_EQ(report.error_count(), 1200u);
  EXPECT_TRUE(report.fails());
}

// --- Limits on the command line
// -------------------------------------------------------------------

// Warnings first, an error last: the error is beyond a limit of 3 diagnostics.
const char* const warnings_then_error = R"({"graph": {
  "nodes": [{"id": "n1", "name": "start", "type": "DefaultNode"}],
  "edges": [{"id": "e1", "from": "n1", "to": "n1", "id": "a", "id": "b", "id": "c", "id": "d"},
            {"id": "e2", "from": "n1", "to": "missing"}]}})";

TEST(LimitsCli, FindingsBeyondTheLimitAreSummarizedAndStillFailTheRun) {
  TempDir dir;
  write_file(dir.path() / "agent.json", warnings_then_error);
  write_file(dir.path() / ".snaplint.json",
             R"({"select": ["duplicate-key", "dangling-edge"],
                 "severity": {"duplicate-key": "warning"}})");
  const ProcessResult limited = run_snaplint("check --max-diagnostics 3 agent.json", dir.path());
  EXPECT_EQ(limited.exit_code, 1) << limited.out << limited.err;
  EXPECT_NE(limited.out.find("error: 2 more findings from here on not shown (1 error and 1 "
                             "warning)"),
            std::string::npos)
      << limited.out;
  EXPECT_NE(limited.out.find("[too-many-diagnostics]"), std::string::npos);
  EXPECT_NE(limited.out.find("--max-diagnostics 0"), std::string::npos);
  EXPECT_EQ(limited.out.find("[dangling-edge]"), std::string::npos);

  const ProcessResult all = run_snaplint("check --max-diagnostics 0 agent.json", dir.path());
  EXPECT_EQ(all.exit_code, 1);
  EXPECT_NE(all.out.find("[dangling-edge]"), std::string::npos);
  EXPECT_EQ(all.out.find("[too-many-diagnostics]"), std::string::npos);
  // The closing summary counts every finding, shown or not.
  for (const ProcessResult* run : {&limited, &all}) {
    EXPECT_NE(run->out.find("Found 1 error, 4 warnings and 0 infos in 1 file"), std::string::npos)
        << run->out;
  }
}

// The baseline sees every finding, not the first ones: a baseline written under a small limit
// accepts the whole file.
TEST(LimitsCli, TheBaselineRecordsFindingsBeyondTheLimit) {
  TempDir dir;
  write_file(dir.path() / "agent.json", with_repeated_keys(30));
  const ProcessResult written = run_snaplint(
      "check --select duplicate-key --max-diagnostics 5 --write-baseline base.json agent.json",
      dir.path());
  EXPECT_EQ(written.exit_code, 0) << written.out << written.err;
  EXPECT_NE(written.err.find("wrote 30 findings"), std::string::npos) << written.err;
  const ProcessResult again = run_snaplint(
      "check --select duplicate-key --max-diagnostics 5 --baseline base.json agent.json",
      dir.path());
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(again.out.find("too-many-diagnostics"), std::string::npos);
}

TEST(LimitsCli, DepthAndStringLimitsAreOptionsAndOtherFilesAreStillLinted) {
  TempDir dir;
  write_file(dir.path() / "a_deep.json",
             R"({"graph": {"nodes": [], "edges": [], "metadata": {"a": [[1]]}}})");
  write_file(dir.path() / "b_long.json",
             "{\"graph\": {\"nodes\": [], \"edges\": [], \"metadata\": {\"s\": \"" +
                 std::string(100, 'x') + "\"}}}");
  write_file(dir.path() / "c_broken.json",
             R"({"graph": {"nodes": [], "edges": [{"id": "e", "from": "a", "to": "b"}]}})");
  const ProcessResult run = run_snaplint(
      "check --max-depth 4 --max-string-length 64 --select invalid-json,schema,dangling-edge .",
      dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("a_deep.json:1:57: error: nesting deeper than 4 levels"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("b_long.json:1:56: error: string of 100 bytes is longer than the limit "
                         "of 64 bytes"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("c_broken.json:1:55: error: edge 'e'"), std::string::npos) << run.out;

  const ProcessResult defaults =
      run_snaplint("check --select invalid-json,schema a_deep.json b_long.json", dir.path());
  EXPECT_EQ(defaults.exit_code, 0) << defaults.out;

  const ProcessResult bad = run_snaplint("check --max-depth 0 .", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace snaplint::test
