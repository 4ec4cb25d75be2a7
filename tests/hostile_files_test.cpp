// What a user, an attacker or a broken exporter can put in front of `snaplint check`: empty,
// binary, huge, sparse, oddly encoded and oddly named files, FIFOs, link loops, files nobody may
// read. Every case must end (each run is under timeout(1): a hang fails the test instead of
// stalling it), with a diagnostic or a clean result and a documented exit code, and the good
// files of the same run must still be linted. The "nothing lost" tests check that linting never
// writes to a linted file and that every file snaplint writes is replaced atomically.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define RAPIDJSON_HAS_STDSTRING 1
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace snaplint::test {
namespace {

namespace fs = std::filesystem;

// A hang shows as exit code 124 instead of a test that never returns. The bound is generous (a
// loaded CI machine), and the test asserts on the exit code, never on the time taken.
ProcessResult run(const std::string& args, const fs::path& dir, const std::string& stdin_text = "",
                  const std::string& prefix = "") {
  return run_shell(prefix + "timeout -k 10 120 " + shell_quote(SNAPLINT_EXECUTABLE) + " " + args,
                   dir, stdin_text);
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  EXPECT_FALSE(doc.HasParseError()) << text.substr(0, 2000);
  return doc;
}

// The report of `path` in a --format json output, or null.
const rapidjson::Value* file_report(const rapidjson::Document& doc, const std::string& path) {
  if (!doc.IsObject() || !doc.HasMember("files")) return nullptr;
  for (const auto& file : doc["files"].GetArray()) {
    if (file["path"].GetString() == path) return &file;
  }
  return nullptr;
}

// "rule@line:column" for each diagnostic of a file report, in order.
std::vector<std::string> findings(const rapidjson::Value& file) {
  std::vector<std::string> out;
  if (!file.HasMember("diagnostics")) return out;
  for (const auto& diagnostic : file["diagnostics"].GetArray()) {
    const auto& start = diagnostic["range"]["start"];
    out.push_back(std::string(diagnostic["rule"].GetString()) + "@" +
                  std::to_string(start["line"].GetUint()) + ":" +
                  std::to_string(start["column"].GetUint()));
  }
  return out;
}

bool has_finding(const rapidjson::Value& file, const std::string& rule) {
  for (const std::string& finding : findings(file)) {
    if (finding.rfind(rule + "@", 0) == 0) return true;
  }
  return false;
}

std::string failure_of(const rapidjson::Value* file) {
  return file && file->HasMember("failure") ? (*file)["failure"].GetString() : "";
}

// A dangling edge ("to": "nowhere") at line 8, column 45, and nothing else. Its own text, not
// cli_support's broken_graph: the tests below quote its lines and positions throughout.
const std::string broken_at_8_45 = R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""},
    {"id": "a", "name": "a", "type": "DefaultNode", "prompt": "Help the user."},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [{"id": "e1", "from": "s", "to": "a"},
            {"id": "e2", "from": "a", "to": "nowhere"},
            {"id": "e3", "from": "a", "to": "e"}]
}}
)";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// "LINE:COLUMN" of the first `needle` in `text` as snaplint counts them: lines end at "\n" (a
// "\r" before it is not part of the line), columns count code points and a tab is one column.
std::string position_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  const std::size_t line_start =
      text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  const auto line = 1 + std::count(text.begin(), text.begin() + at, '\n');
  const auto column = 1 + std::count_if(text.begin() + line_start, text.begin() + at, [](char c) {
                        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                      });
  return std::to_string(line) + ":" + std::to_string(column);
}

// Puts the good pair next to every hostile case: they must be linted whatever else happens.
void write_good_pair(const fs::path& dir) {
  write_file(dir / "good-clean.json", clean_graph);
  write_file(dir / "good-broken.json", broken_at_8_45);
}

void expect_good_pair_linted(const rapidjson::Document& doc, const std::string& prefix = "") {
  const rapidjson::Value* clean = file_report(doc, prefix + "good-clean.json");
  const rapidjson::Value* broken = file_report(doc, prefix + "good-broken.json");
  ASSERT_TRUE(clean && broken);
  EXPECT_TRUE(findings(*clean).empty());
  EXPECT_EQ(findings(*broken), std::vector<std::string>{"dangling-edge@8:45"});
}

void make_sparse_file(const fs::path& path, off_t size) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, size), 0);
  ::close(fd);
}

constexpr off_t two_gib = off_t{2} << 30;

// Sanitizers reserve terabytes of address space for their shadow memory, so a process under an
// address-space limit (ulimit -v) cannot even start.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

// 1 GiB of address space (`ulimit -v` counts KiB), where the build allows it.
std::string address_space_limit() {
  return sanitized ? "" : "ulimit -v 1048576; ";
}

// --- Empty, blank and binary files ---

TEST(HostileFiles, EmptyAndBlankFilesAreInvalidJsonAtTheirEnd) {
  TempDir dir;
  write_good_pair(dir.path());
  write_file(dir.path() / "empty.json", "");
  write_file(dir.path() / "blank.json", " \n\t \r\n  ");
  const ProcessResult result = run("check --format json .", dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  EXPECT_EQ(findings(*file_report(doc, "empty.json")),
            std::vector<std::string>{"invalid-json@1:1"});
  EXPECT_EQ(findings(*file_report(doc, "blank.json")),
            std::vector<std::string>{"invalid-json@3:3"});

  const ProcessResult text = run("check --color never empty.json blank.json", dir.path());
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("empty.json:1:1: error:"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("blank.json:3:3: error:"), std::string::npos) << text.out;
}

TEST(HostileFiles, BinaryGarbageIsInvalidJsonAndNeverReachesTheTerminalRaw) {
  TempDir dir;
  write_good_pair(dir.path());
  std::mt19937 random(7);  // fixed seed: the same garbage every run
  std::string noise(64 * 1024, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xFF);
  noise[0] = '\x1b';  // whatever the seed, the first byte is an escape
  write_file(dir.path() / "noise.json", noise);
  static constexpr char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
  write_file(dir.path() / "png.json", std::string(png, sizeof png - 1));
  write_file(dir.path() / "nuls.json", std::string(4096, '\0'));
  // Escape sequences in a file's text, and (decoded from \u escapes) in a value a message quotes.
  write_file(dir.path() / "escapes.json",
             replace_all(broken_at_8_45, "\"nowhere\"", "\"\\u001b]0;pwned\\u0007\\u001b[2J\""));
  write_file(dir.path() / "raw-escapes.json", "{\"graph\": 1}\n\x1b[31m\xff\xc2\x9b\x7f\rx");
  const ProcessResult result = run("check --format json .", dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  for (const char* name : {"noise.json", "png.json", "nuls.json", "raw-escapes.json"}) {
    const rapidjson::Value* file = file_report(doc, name);
    ASSERT_TRUE(file) << name;
    EXPECT_TRUE(has_finding(*file, "invalid-json")) << name;
  }
  EXPECT_EQ(findings(*file_report(doc, "png.json")), std::vector<std::string>{"invalid-json@1:1"});

  for (const std::string format : {"text", "github"}) {
    const ProcessResult shown = run("check --color never --format " + format + " .", dir.path());
    EXPECT_EQ(shown.exit_code, 1) << format;
    EXPECT_EQ(shown.out.find('\x1b'), std::string::npos) << format;
    EXPECT_EQ(shown.out.find('\0'), std::string::npos) << format;
    EXPECT_EQ(shown.out.find('\x07'), std::string::npos) << format;
    EXPECT_EQ(shown.out.find('\r'), std::string::npos) << format;
    EXPECT_EQ(shown.out.find("\xc2\x9b"), std::string::npos) << format;
    // Shown as control pictures: U+241B for ESC, U+2407 for BEL.
    EXPECT_NE(shown.out.find("\u241b]0;pwned\u2407\u241b[2J"), std::string::npos) << shown.out;
  }
  const ProcessResult text = run("check --color never raw-escapes.json", dir.path());
  // The frame of the trailing garbage: ESC, an ill-formed byte, a C1 control and DEL, one column
  // each; the CR ends the line, as in editors, so it is not in the frame.
  EXPECT_NE(text.out.find("2 | \u241b[31m\ufffd\ufffd\u2421\n"), std::string::npos) << text.out;
}

// --- Size ---

TEST(HostileFiles, ASparseTwoGigabyteFileIsRefusedWithoutBeingRead) {
  TempDir dir;
  write_good_pair(dir.path());
  make_sparse_file(dir.path() / "huge.json", two_gib);
  // In 1 GiB of address space, mapping or reading the 2 GiB file would fail, so a run that passes
  // has judged the size before touching the bytes.
  const ProcessResult result = run("check --format json .", dir.path(), "", address_space_limit());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  EXPECT_EQ(failure_of(file_report(doc, "huge.json")),
            "too large: 2147483648 bytes (2 GiB) is over the --max-file-size limit of 1073741824 "
            "bytes (1 GiB); the file was not read");
  EXPECT_NE(result.err.find("snaplint: error: huge.json: too large: 2147483648 bytes"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(doc["summary"]["failures"].GetUint(), 1u);

  // The text summary counts it among the files that could not be linted.
  const ProcessResult text = run("check huge.json good-clean.json", dir.path());
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.out.find("in 1 file; 1 file could not be linted"), std::string::npos) << text.out;

  // Raised past the address space, the limit lets the file through, and neither mapping it nor
  // reading it can work: a failure, not a crash.
  if (sanitized) return;
  const ProcessResult raised =
      run("check --format json --max-file-size 2G huge.json good-broken.json", dir.path(), "",
          "ulimit -v 1048576; ");
  EXPECT_EQ(raised.exit_code, 2) << raised.err;
  const rapidjson::Document raised_doc = parse_json(raised.out);
  EXPECT_EQ(failure_of(file_report(raised_doc, "huge.json")),
            "cannot read: not enough memory for 2147483648 bytes (2 GiB)");
  EXPECT_EQ(findings(*file_report(raised_doc, "good-broken.json")),
            std::vector<std::string>{"dangling-edge@8:45"});
}

TEST(HostileFiles, MaxFileSizeTakesBytesAndBinarySuffixesAndIsInclusive) {
  TempDir dir;
  write_file(dir.path() / "k.json", std::string(1024 - clean_graph.size(), ' ') + clean_graph);
  // Past the size where files are mapped instead of read: the limit applies there too.
  write_file(dir.path() / "big.json", std::string(2 << 20, '\n') + clean_graph);
  const auto failure = [&](const std::string& args, const std::string& file) {
    const ProcessResult result = run("check --format json " + args + " " + file, dir.path());
    return failure_of(file_report(parse_json(result.out), file));
  };
  EXPECT_EQ(failure("--max-file-size 1024", "k.json"), "");
  EXPECT_EQ(failure("--max-file-size 1K", "k.json"), "");
  EXPECT_EQ(failure("--max-file-size 1kib", "k.json"), "");
  EXPECT_EQ(failure("--max-file-size 1KB", "k.json"), "");
  EXPECT_EQ(failure("--max-file-size 1023", "k.json"),
            "too large: 1024 bytes (1 KiB) is over the --max-file-size limit of 1023 bytes; the "
            "file was not read");
  EXPECT_EQ(failure("--max-file-size 2M", "big.json"),
            "too large: " + std::to_string((2 << 20) + clean_graph.size()) +
                " bytes (2.0 MiB) is over the --max-file-size limit of 2097152 bytes (2 MiB); the "
                "file was not read");
  EXPECT_EQ(failure("--max-file-size 3m", "big.json"), "");
  EXPECT_EQ(failure("--max-file-size=1G", "big.json"), "");
  EXPECT_EQ(failure("--max-file-size 2g", "big.json"), "");
  EXPECT_EQ(run("check --max-file-size 1023 k.json", dir.path()).exit_code, 2);

  for (const std::string bad :
       {"0", "0K", "-1", "1T", "1.5M", "M", "", "12 M", "1MiBB", "1GiBs", "1Kx",
        "18446744073709551616", "99999999999G", "2147483649", "3G"}) {
    const ProcessResult result =
        run("check --max-file-size " + shell_quote(bad) + " k.json", dir.path());
    EXPECT_EQ(result.exit_code, 2) << "'" << bad << "'";
    EXPECT_NE(result.err.find("--max-file-size"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
}

TEST(HostileFiles, StandardInputIsCutOffAtTheLimit) {
  TempDir dir;
  const ProcessResult over = run_shell(
      "head -c 3000000 /dev/zero | timeout -k 10 120 " + shell_quote(SNAPLINT_EXECUTABLE) +
          " check --format json --max-file-size 1M --stdin-filename in.json -",
      dir.path());
  EXPECT_EQ(over.exit_code, 2) << over.err;
  EXPECT_EQ(failure_of(file_report(parse_json(over.out), "in.json")),
            "too large: more than the --max-file-size limit of 1048576 bytes (1 MiB); the rest "
            "was not read");

  const ProcessResult under = run("check --max-file-size 1M -", dir.path(), broken_at_8_45);
  EXPECT_EQ(under.exit_code, 1);
  EXPECT_EQ(under.out.rfind("<stdin>:8:45:", 0), 0u) << under.out;
}

TEST(HostileFiles, AMegabyteOnOneLineGetsAShortCodeFrame) {
  TempDir dir;
  const std::string filler(512 * 1024, 'x');
  const std::string line =
      R"({"graph": {"nodes": [{"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": ""}, )"
      R"({"id": "a", "name": "a", "type": "DefaultNode", "prompt": ")" +
      filler +
      R"("}, {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}], "edges": [)"
      R"({"id": "e1", "from": "s", "to": "a"}, {"id": "e2", "from": "a", "to": "nowhere"}, )"
      R"({"id": "e3", "from": "a", "to": "e", "label": ")" +
      filler + R"("}]}})";
  const std::size_t column = line.find("\"nowhere\"") + 1;  // ASCII: bytes are code points
  write_file(dir.path() / "one-line.json", line);
  write_good_pair(dir.path());

  const ProcessResult text = run("check --color never one-line.json", dir.path());
  EXPECT_EQ(text.exit_code, 1);
  const std::string where = "one-line.json:1:" + std::to_string(column) + ": error: ";
  EXPECT_NE(text.out.find(where), std::string::npos) << text.out.substr(0, 2000);
  std::istringstream lines(text.out);
  for (std::string printed; std::getline(lines, printed);) {
    EXPECT_LT(printed.size(), 300u) << printed.substr(0, 300);
  }
  // The window keeps the finding and marks both cuts; the carets sit under "nowhere".
  const std::size_t frame = text.out.find("1 | ...");
  ASSERT_NE(frame, std::string::npos) << text.out.substr(0, 2000);
  const std::string frame_line = text.out.substr(frame, text.out.find('\n', frame) - frame);
  EXPECT_NE(frame_line.find("\"to\": \"nowhere\""), std::string::npos) << frame_line;
  EXPECT_EQ(frame_line.substr(frame_line.size() - 3), "...");
  const std::size_t carets = text.out.find("^^^^^^^^^", frame);
  ASSERT_NE(carets, std::string::npos);
  const std::size_t caret_column = carets - text.out.rfind('\n', carets) - 1;
  EXPECT_EQ(caret_column, frame_line.find("\"nowhere\""));

  // No format copies the line whole.
  for (const std::string format : {"text", "json", "sarif", "github", "junit"}) {
    const ProcessResult result = run("check --format " + format + " .", dir.path());
    EXPECT_EQ(result.exit_code, 1) << format;
    EXPECT_EQ(result.out.find(std::string(1000, 'x')), std::string::npos) << format;
  }
}

// --- Line ends, tabs and numbers ---

TEST(HostileFiles, CrlfAndTabsGiveTheLineAndColumnAnEditorShows) {
  TempDir dir;
  write_file(dir.path() / "crlf.json", replace_all(broken_at_8_45, "\n", "\r\n"));
  // Columns count code points, a tab is one: "\t\t\t{" puts the edge's '{' at column 4.
  std::string tabbed =
      replace_all(broken_at_8_45, "            {\"id\": \"e2\"", "\t\t\t{\"id\": \"e2\"");
  tabbed = replace_all(tabbed, "\n  ", "\n\t");
  write_file(dir.path() / "tabs.json", tabbed);
  write_file(dir.path() / "mixed.json",
             "{\"graph\": {\r\n\t\"nodes\": [\n\t\t{\"id\": \"s\", \"name\": \"__start__\", "
             "\"type\": \"DefaultNode\", \"prompt\": \"\"},\r\n\t\t{\"id\": \"e\", \"name\": "
             "\"__end__\", \"type\": \"DefaultNode\", \"prompt\": \"\"}],\n\t\"edges\": [{\"id\": "
             "\"e1\", \"from\": \"s\", \"to\": \"e\"}, {\"id\": \"e2\", \"from\": \"s\", \"to\": "
             "\"ünïcödé\"}, {\"id\": \"e3\", \"from\": \"s\", \"to\": 7}]\r\n}}\r\n");
  write_good_pair(dir.path());
  const ProcessResult result = run("check --format json .", dir.path());
  EXPECT_EQ(result.exit_code, 1);
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  EXPECT_EQ(findings(*file_report(doc, "crlf.json")),
            std::vector<std::string>{"dangling-edge@8:45"});
  EXPECT_EQ(position_of(tabbed, "\"nowhere\""), "8:36");
  EXPECT_EQ(findings(*file_report(doc, "tabs.json")),
            std::vector<std::string>{"dangling-edge@8:36"});
  const std::string mixed_at = position_of(read_file(dir.path() / "mixed.json"), "\"ünïcödé\"");
  EXPECT_EQ(mixed_at, "5:82");
  const std::vector<std::string> mixed = findings(*file_report(doc, "mixed.json"));
  EXPECT_NE(std::find(mixed.begin(), mixed.end(), "dangling-edge@" + mixed_at), mixed.end())
      << ::testing::PrintToString(mixed);

  // The frame shows no carriage return, and the caret line repeats the tabs so the carets sit
  // under the value whatever the terminal's tab width.
  const ProcessResult text = run("check --color never crlf.json tabs.json", dir.path());
  EXPECT_EQ(text.out.find('\r'), std::string::npos);
  EXPECT_NE(text.out.find("8 | \t\t\t{\"id\": \"e2\", \"from\": \"a\", \"to\": \"nowhere\"},\n"
                          "  | \t\t\t" +
                          std::string(32, ' ') + "^^^^^^^^^\n"),
            std::string::npos)
      << text.out;
}

TEST(HostileFiles, HugeAndNegativeZeroNumbersAreReportedNotCrashedOn) {
  TempDir dir;
  write_good_pair(dir.path());
  write_file(dir.path() / "numbers.json",
             replace_all(clean_graph, "\"prompt\": \"Help the user.\"",
                         "\"prompt\": \"Help the user.\", \"x\": -0, \"y\": 1e400, \"z\": -1e400, "
                         "\"w\": 123456789012345678901234567890, \"v\": 1e-400, \"u\": -0.0e-0"));
  write_file(dir.path() / "huge-number.json", "1" + std::string(100000, '0'));
  write_file(dir.path() / "minus-zero.json", "-0");
  const ProcessResult result = run("check --format json .", dir.path());
  EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.exit_code << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  for (const char* name : {"numbers.json", "huge-number.json", "minus-zero.json"}) {
    const rapidjson::Value* file = file_report(doc, name);
    ASSERT_TRUE(file) << name;
    EXPECT_EQ(failure_of(file), "") << name;
    EXPECT_FALSE(findings(*file).empty()) << name;
  }
  // 1e400 overflows a double: it is pointed at, not read as infinity in silence.
  const std::vector<std::string> numbers = findings(*file_report(doc, "numbers.json"));
  EXPECT_TRUE(std::any_of(numbers.begin(), numbers.end(), [](const std::string& f) {
    return f.find("@4:") != std::string::npos;
  })) << ::testing::PrintToString(numbers);
}

TEST(HostileFiles, DuplicateKeysAtEveryLevelAreReported) {
  TempDir dir;
  write_good_pair(dir.path());
  write_file(dir.path() / "duplicates.json", R"({"graph": {
  "nodes": [
    {"id": "s", "name": "__start__", "type": "DefaultNode", "prompt": "", "id": "s"},
    {"id": "e", "name": "__end__", "type": "DefaultNode", "prompt": ""}
  ],
  "edges": [{"id": "e1", "from": "s", "to": "e", "to": "e"}],
  "edges": [{"id": "e1", "from": "s", "to": "e"}],
  "metadata": {"a": {"b": {"c": 1, "c": 2}}}
},
"graph": {"nodes": [], "edges": []}}
)");
  const ProcessResult result = run("check --format json .", dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  std::vector<unsigned> lines;
  for (const auto& diagnostic : (*file_report(doc, "duplicates.json"))["diagnostics"].GetArray()) {
    if (std::string(diagnostic["rule"].GetString()) == "duplicate-key") {
      lines.push_back(diagnostic["range"]["start"]["line"].GetUint());
    }
  }
  for (const unsigned line : {3u, 6u, 7u, 8u, 10u}) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), line), lines.end())
        << "no duplicate-key on line " << line << ": " << ::testing::PrintToString(lines);
  }
  const ProcessResult text = run("check --color never duplicates.json", dir.path());
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("[duplicate-key]"), std::string::npos);
}

// --- Things that are not regular files ---

TEST(HostileFiles, ASymbolicLinkLoopEndsTheWalkAndIsReported) {
  TempDir dir;
  const fs::path tree = dir.path() / "tree";
  fs::create_directories(tree / "sub");
  write_good_pair(tree);
  write_file(tree / "sub" / "nested.json", broken_at_8_45);
  fs::create_directory_symlink(".", tree / "loop");                 // tree/loop/loop/loop/...
  fs::create_directory_symlink("..", tree / "sub" / "up");          // back to the top
  fs::create_directory_symlink("..", tree / "sub" / "again.json");  // a directory *.json
  fs::create_symlink("self.json", tree / "self.json");              // ELOOP when opened
  fs::create_symlink("pong.json", tree / "ping.json");
  fs::create_symlink("ping.json", tree / "pong.json");
  const ProcessResult result = run("check --format json tree", dir.path());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc, "tree/");
  std::vector<std::string> paths;
  for (const auto& file : doc["files"].GetArray()) paths.push_back(file["path"].GetString());
  // Linked directories are not entered: each file once, under its real path.
  EXPECT_EQ(paths, (std::vector<std::string>{"tree/good-broken.json", "tree/good-clean.json",
                                             "tree/ping.json", "tree/pong.json", "tree/self.json",
                                             "tree/sub/nested.json"}));
  for (const char* name : {"tree/ping.json", "tree/pong.json", "tree/self.json"}) {
    EXPECT_EQ(failure_of(file_report(doc, name)), "cannot read: Too many levels of symbolic links")
        << name;
  }

  // Named on the command line, a loop is a loop, not a missing file.
  const ProcessResult named = run("check --format json tree/self.json missing.json", dir.path());
  EXPECT_EQ(named.exit_code, 2);
  const rapidjson::Document named_doc = parse_json(named.out);
  EXPECT_EQ(failure_of(file_report(named_doc, "tree/self.json")),
            "cannot read: Too many levels of symbolic links");
  EXPECT_EQ(failure_of(file_report(named_doc, "missing.json")),
            "cannot read: no such file or directory");
}

TEST(HostileFiles, FifosAndDevicesAreRefusedWithoutWaiting) {
  TempDir dir;
  write_good_pair(dir.path());
  ASSERT_EQ(mkfifo((dir.path() / "pipe.json").c_str(), 0600), 0);  // found by the walk
  ASSERT_EQ(mkfifo((dir.path() / "named-pipe").c_str(), 0600), 0);
  const ProcessResult result = run("check --format json . named-pipe /dev/zero", dir.path());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  for (const char* name : {"pipe.json", "named-pipe", "/dev/zero"}) {
    EXPECT_EQ(failure_of(file_report(doc, name)), "cannot read: not a regular file") << name;
  }
}

// Root reads every file, so as root the test drops the two capabilities that let it
// (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from the bounding set of the snaplint it starts:
// setpriv (util-linux) then runs it with root's uid but the permission checks of anyone else.
std::string without_read_override() {
  if (geteuid() != 0) return "";
  return "setpriv --bounding-set=-dac_override,-dac_read_search ";
}

TEST(HostileFiles, FilesAndDirectoriesWithoutReadPermissionAmongGoodOnes) {
  TempDir dir;
  if (geteuid() == 0 && std::system("setpriv --bounding-set=-dac_override true 2>/dev/null") != 0) {
    GTEST_SKIP() << "setpriv cannot drop capabilities here, and root reads any file";
  }
  write_good_pair(dir.path());
  write_file(dir.path() / "locked.json", clean_graph);
  fs::permissions(dir.path() / "locked.json", fs::perms::none);
  fs::create_directory(dir.path() / "closed");
  write_file(dir.path() / "closed" / "inside.json", clean_graph);
  fs::permissions(dir.path() / "closed", fs::perms::none);
  const ProcessResult result =
      run("check --format json .", dir.path(), "", without_read_override());
  fs::permissions(dir.path() / "closed", fs::perms::owner_all);  // so TempDir can remove it
  EXPECT_EQ(result.exit_code, 2) << result.err;
  const rapidjson::Document doc = parse_json(result.out);
  expect_good_pair_linted(doc);
  EXPECT_EQ(failure_of(file_report(doc, "locked.json")), "cannot read: Permission denied");
  EXPECT_EQ(failure_of(file_report(doc, "closed")), "cannot read directory: Permission denied");
  EXPECT_EQ(doc["summary"]["failures"].GetUint(), 2u);
}

// --- Names ---

// stderr is a terminal too: a file name cannot split an error line, retitle the terminal or
// reorder the text. It is shown as the text report shows it (␊, ␛, ␇, � for the bidirectional
// override and for the byte that is not UTF-8).
TEST(HostileFiles, ErrorLinesOnStderrShowControlCharactersInFileNamesAsSymbols) {
  TempDir dir;
  const std::string name = "bad\nname\x1b]0;pwned\x07\xe2\x80\xae\xff.json";
  write_file(dir.path() / name, clean_graph);
  const ProcessResult result = run("check --max-file-size 10 " + shell_quote(name), dir.path());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_EQ(result.err.rfind("snaplint: error: bad\u240aname\u241b]0;pwned\u2407\ufffd\ufffd.json: "
                             "too large: ",
                             0),
            0u)
      << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_EQ(result.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(result.err.find('\x07'), std::string::npos);
}

TEST(HostileFiles, PathsWithSpacesAndNonAsciiNamesInEveryFormat) {
  TempDir dir;
  const std::string folder = "my agents";
  const std::string name = "Ünïcødé 日本 #1 100%.json";
  fs::create_directories(dir.path() / folder);
  write_file(dir.path() / folder / name, broken_at_8_45);
  write_file(dir.path() / folder / "with space.json", clean_graph);
  write_file(dir.path() / folder / "line\nbreak.json", broken_at_8_45);
  const std::string path = folder + "/" + name;

  const ProcessResult text = run("check --color never " + shell_quote(folder), dir.path());
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find(path + ":8:45: error: "), std::string::npos) << text.out;
  // A newline in a name cannot break a finding's line in two.
  EXPECT_NE(text.out.find("my agents/line\u240abreak.json:8:45: error: "), std::string::npos)
      << text.out;

  const rapidjson::Document json = parse_json(run("check --format json .", dir.path()).out);
  ASSERT_TRUE(file_report(json, path));
  EXPECT_EQ(findings(*file_report(json, path)), std::vector<std::string>{"dangling-edge@8:45"});
  EXPECT_TRUE(file_report(json, folder + "/with space.json"));
  EXPECT_TRUE(file_report(json, folder + "/line\nbreak.json"));

  const rapidjson::Document sarif = parse_json(run("check --format sarif .", dir.path()).out);
  std::vector<std::string> uris;
  for (const auto& result : sarif["runs"][0]["results"].GetArray()) {
    const auto& location = result["locations"][0]["physicalLocation"]["artifactLocation"];
    uris.push_back(location["uri"].GetString());
    EXPECT_STREQ(location["uriBaseId"].GetString(), "%SRCROOT%");
  }
  EXPECT_EQ(
      uris,
      (std::vector<std::string>{
          "my%20agents/line%0Abreak.json",
          "my%20agents/%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%E6%97%A5%E6%9C%AC%20%231%20100%25.json"}));

  const ProcessResult github = run("check --format github .", dir.path());
  EXPECT_NE(github.out.find("::error file=my agents/" + name.substr(0, name.size() - 5)),
            std::string::npos)
      << github.out;
  EXPECT_NE(github.out.find("file=my agents/line%0Abreak.json,"), std::string::npos) << github.out;
}

// --- Nothing lost ---

struct FileState {
  std::string content;
  struct stat info {};
};

std::map<std::string, FileState> snapshot_of(const fs::path& dir) {
  std::map<std::string, FileState> states;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    FileState state;
    state.content = read_file(entry.path());
    EXPECT_EQ(::stat(entry.path().c_str(), &state.info), 0);
    states[entry.path().string()] = state;
  }
  return states;
}

void expect_unchanged(const std::map<std::string, FileState>& before,
                      const std::map<std::string, FileState>& after, const std::string& context) {
  ASSERT_EQ(before.size(), after.size()) << context;
  for (const auto& [path, old] : before) {
    const FileState& now = after.at(path);
    EXPECT_EQ(now.content, old.content) << path << " " << context;
    EXPECT_EQ(now.info.st_ino, old.info.st_ino) << path << " " << context;
    EXPECT_EQ(now.info.st_size, old.info.st_size) << path << " " << context;
    EXPECT_EQ(now.info.st_mode, old.info.st_mode) << path << " " << context;
    EXPECT_EQ(now.info.st_mtim.tv_sec, old.info.st_mtim.tv_sec) << path << " " << context;
    EXPECT_EQ(now.info.st_mtim.tv_nsec, old.info.st_mtim.tv_nsec) << path << " " << context;
    EXPECT_EQ(now.info.st_ctim.tv_sec, old.info.st_ctim.tv_sec) << path << " " << context;
    EXPECT_EQ(now.info.st_ctim.tv_nsec, old.info.st_ctim.tv_nsec) << path << " " << context;
  }
}

// Watches a directory for any open-for-writing (IN_CLOSE_WRITE fires on closing such a
// descriptor even when nothing was written), modification or metadata change.
class WriteWatch {
 public:
  explicit WriteWatch(const fs::path& dir) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ >= 0) {
      inotify_add_watch(fd_, dir.c_str(),
                        IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_MOVED_TO | IN_CREATE |
                            IN_DELETE | IN_MOVED_FROM);
    }
  }
  ~WriteWatch() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  // The names events were reported for since the last call.
  std::vector<std::string> events() {
    std::vector<std::string> names;
    alignas(inotify_event) char buffer[64 * 1024];
    for (ssize_t n; (n = ::read(fd_, buffer, sizeof buffer)) > 0;) {
      for (char* at = buffer; at < buffer + n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        names.push_back(event->len ? event->name : "(directory)");
        at += sizeof(inotify_event) + event->len;
      }
    }
    return names;
  }

 private:
  int fd_ = -1;
};

// The files of the nothing-lost tests: clean, broken, invalid, empty, mapped, oddly named.
void write_linted_set(const fs::path& dir) {
  write_good_pair(dir);
  write_file(dir / "invalid.json", "{\"graph\": [1,");
  write_file(dir / "empty.json", "");
  write_file(dir / "mapped.json", std::string(2 << 20, ' ') + broken_at_8_45);
  write_file(dir / "Ünïcødé name.json", broken_at_8_45);
  write_file(dir / "suppressed.json",
             replace_all(broken_at_8_45, "\"edges\"",
                         "\"metadata\": {\"snaplint\": {\"suppress\": [{\"rule\": "
                         "\"dangling-edge\", \"id\": \"e2\", \"reason\": \"later\"}]}},\n  "
                         "\"edges\""));
}

TEST(NothingLost, CheckNeverOpensALintedFileForWriting) {
  TempDir dir;
  const fs::path agents = dir.path() / "agents";
  const fs::path out = dir.path() / "out";
  fs::create_directories(agents);
  fs::create_directories(out);
  write_linted_set(agents);
  fs::permissions(agents / "good-clean.json", fs::perms::owner_read | fs::perms::owner_write);
  const auto before = snapshot_of(agents);
  WriteWatch watch(agents);
  ASSERT_TRUE(watch.ok());

  std::vector<std::string> runs;
  for (const std::string format : {"text", "json", "sarif", "github", "junit"}) {
    runs.push_back("check --color always --format " + format + " agents");
    runs.push_back("check --show-suppressed --statistics --format " + format + " agents");
  }
  runs.push_back(
      "check --output text=out/r.txt --output json=out/r.json --output sarif=out/r.sarif "
      "--output github=out/r.gh --output junit=out/r.xml agents");
  runs.push_back("check --write-baseline out/baseline.json agents");
  runs.push_back("check --baseline out/baseline.json --jobs 3 agents");
  runs.push_back("check --stdin-filename agents/good-broken.json - < agents/good-broken.json");
  runs.push_back("check --show-config agents/good-broken.json");
  for (const std::string& args : runs) {
    const ProcessResult result = run(args, dir.path());
    EXPECT_TRUE(result.exit_code == 1 || result.exit_code == 0) << args << ": " << result.err;
    EXPECT_EQ(watch.events(), std::vector<std::string>{}) << args;
  }
  expect_unchanged(before, snapshot_of(agents), "after every run");
  EXPECT_TRUE(fs::exists(out / "r.sarif") && fs::exists(out / "baseline.json"));
}

// Names in `dir` left by a failed atomic write.
std::vector<std::string> temporary_files(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".snaplint-") != std::string::npos) names.push_back(name);
  }
  return names;
}

TEST(NothingLost, OutputsAndBaselinesAreRenamedIntoPlace) {
  TempDir dir;
  write_good_pair(dir.path());
  write_file(dir.path() / "report.sarif", "old report");
  write_file(dir.path() / "baseline.json", "old baseline");
  fs::permissions(dir.path() / "report.sarif", fs::perms::owner_read | fs::perms::owner_write);
  struct stat report_before {};
  struct stat baseline_before {};
  ::stat((dir.path() / "report.sarif").c_str(), &report_before);
  ::stat((dir.path() / "baseline.json").c_str(), &baseline_before);
  // A link to a report elsewhere stays a link; the file it names is replaced.
  fs::create_directory(dir.path() / "reports");
  write_file(dir.path() / "reports" / "real.json", "old");
  fs::create_symlink("reports/real.json", dir.path() / "linked.json");

  const ProcessResult result = run(
      "check --output sarif=report.sarif --output json=linked.json --write-baseline baseline.json "
      "good-broken.json good-clean.json",
      dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;  // the baseline accepts the one finding
  struct stat report_after {};
  struct stat baseline_after {};
  ::stat((dir.path() / "report.sarif").c_str(), &report_after);
  ::stat((dir.path() / "baseline.json").c_str(), &baseline_after);
  // A new inode: written beside and renamed, never truncated and rewritten in place.
  EXPECT_NE(report_after.st_ino, report_before.st_ino);
  EXPECT_NE(baseline_after.st_ino, baseline_before.st_ino);
  EXPECT_EQ(report_after.st_mode & 0777, 0600u) << "an existing file keeps its mode";
  EXPECT_NE(read_file(dir.path() / "report.sarif").find("\"version\": \"2.1.0\""),
            std::string::npos);
  EXPECT_NE(read_file(dir.path() / "baseline.json"), "old baseline");
  EXPECT_TRUE(fs::is_symlink(dir.path() / "linked.json"));
  EXPECT_NE(read_file(dir.path() / "reports" / "real.json").find("\"files\""), std::string::npos);
  EXPECT_EQ(temporary_files(dir.path()), std::vector<std::string>{});
  EXPECT_EQ(temporary_files(dir.path() / "reports"), std::vector<std::string>{});

  // A new file gets 0644 less the umask.
  const ProcessResult masked = run_shell(
      "umask 077 && " + shell_quote(SNAPLINT_EXECUTABLE) + " check --output json=new.json .",
      dir.path());
  EXPECT_EQ(masked.exit_code, 1) << masked.err;
  EXPECT_EQ(fs::status(dir.path() / "new.json").permissions(),
            fs::perms::owner_read | fs::perms::owner_write);
}

// chattr +i makes rename(2) over the file fail, even for root; its guard takes the flag off again
// so the temporary directory can be removed.
class Immutable {
 public:
  explicit Immutable(const fs::path& path) : path_(path) {
    ok_ = std::system(("chattr +i " + shell_quote(path.string()) + " 2>/dev/null").c_str()) == 0;
  }
  ~Immutable() {
    if (ok_) std::system(("chattr -i " + shell_quote(path_.string())).c_str());
  }
  bool ok() const { return ok_; }

 private:
  fs::path path_;
  bool ok_ = false;
};

TEST(NothingLost, AFailedRenameKeepsTheOriginalAndLeavesNoTemporaryFile) {
  TempDir dir;
  write_good_pair(dir.path());
  write_file(dir.path() / "report.json", "the old report");
  write_file(dir.path() / "baseline.json", "the old baseline");
  fs::create_directories(dir.path() / "taken.sarif" / "inside");  // a non-empty directory
  const Immutable report(dir.path() / "report.json");
  const Immutable baseline(dir.path() / "baseline.json");
  if (!report.ok() || !baseline.ok()) GTEST_SKIP() << "chattr +i is not possible here";

  const ProcessResult result =
      run("check --output json=report.json --output sarif=taken.sarif --output text=fine.txt "
          "--write-baseline baseline.json .",
          dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("cannot replace report.json: Operation not permitted; report.json is "
                            "unchanged"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("cannot replace taken.sarif: Is a directory"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("cannot replace baseline.json"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(dir.path() / "report.json"), "the old report");
  EXPECT_EQ(read_file(dir.path() / "baseline.json"), "the old baseline");
  EXPECT_TRUE(fs::is_directory(dir.path() / "taken.sarif" / "inside"));
  EXPECT_TRUE(fs::exists(dir.path() / "fine.txt")) << "the other outputs are still written";
  EXPECT_EQ(temporary_files(dir.path()), std::vector<std::string>{});
  // The linted report on standard output is complete all the same.
  EXPECT_NE(result.out.find("good-broken.json:8:45: error:"), std::string::npos) << result.out;
}

TEST(NothingLost, AFailedWriteKeepsTheOriginalAndLeavesNoTemporaryFile) {
  TempDir dir;
  write_good_pair(dir.path());
  write_file(dir.path() / "report.sarif", "the old report");
  write_file(dir.path() / "baseline.json", "the old baseline");
  // A 512-byte file size limit (dash counts 512-byte blocks) makes write(2) fail with EFBIG on
  // the temporary file, root or not; SIGXFSZ is ignored so the failure is an error, not a kill.
  for (int i = 0; i < 10; ++i) {  // a baseline larger than the limit too
    write_file(dir.path() / ("broken-" + std::to_string(i) + ".json"), broken_at_8_45);
  }
  const ProcessResult result =
      run("check --output sarif=report.sarif --write-baseline baseline.json .", dir.path(), "",
          "ulimit -f 1; trap '' XFSZ; ");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("File too large; report.sarif is unchanged"), std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(dir.path() / "report.sarif"), "the old report");
  EXPECT_EQ(read_file(dir.path() / "baseline.json"), "the old baseline");
  EXPECT_EQ(temporary_files(dir.path()), std::vector<std::string>{});
}

TEST(NothingLost, InstallHookKeepsTheOldHookWhenItCannotReplaceIt) {
  TempDir dir;
  if (run_shell("git init -q repo", dir.path()).exit_code != 0) GTEST_SKIP() << "no git";
  const fs::path repo = dir.path() / "repo";
  const ProcessResult first = run("install-hook", repo);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const fs::path hooks = repo / ".git" / "hooks";
  const std::string installed = read_file(hooks / "pre-commit");
  {
    const Immutable hook(hooks / "pre-commit");
    if (!hook.ok()) GTEST_SKIP() << "chattr +i is not possible here";
    const ProcessResult update = run("install-hook", repo);
    EXPECT_EQ(update.exit_code, 2);
    EXPECT_NE(update.err.find("cannot replace"), std::string::npos) << update.err;
    EXPECT_EQ(read_file(hooks / "pre-commit"), installed);
    EXPECT_EQ(temporary_files(hooks), std::vector<std::string>{});
  }
  // A foreign hook that cannot be replaced is kept where it is, under its own name.
  write_file(hooks / "pre-commit", "#!/bin/sh\necho mine\n");
  const Immutable foreign(hooks / "pre-commit");
  const ProcessResult forced = run("install-hook --force", repo);
  EXPECT_EQ(forced.exit_code, 2);
  EXPECT_EQ(read_file(hooks / "pre-commit"), "#!/bin/sh\necho mine\n");
  EXPECT_EQ(temporary_files(hooks), std::vector<std::string>{});
}

// --- Determinism over the hostile set ---

TEST(HostileFiles, OutputIsTheSameOnEveryRunForEveryJobCountAndOrder) {
  TempDir dir;
  const fs::path set = dir.path() / "set";
  fs::create_directories(set / "sub");
  write_linted_set(set);
  write_file(set / "nuls.json", std::string(100, '\0'));
  write_file(set / "sub" / "crlf.json", replace_all(broken_at_8_45, "\n", "\r\n"));
  write_file(set / "sub" / "numbers.json", "[1e400, -0]");
  make_sparse_file(set / "huge.json", two_gib);
  ASSERT_EQ(mkfifo((set / "pipe.json").c_str(), 0600), 0);
  fs::create_symlink("self.json", set / "self.json");
  fs::create_directory_symlink(".", set / "sub" / "loop");
  for (const std::string format : {"text", "json", "sarif", "github", "junit"}) {
    const std::string base = "check --color never --format " + format;
    const ProcessResult first = run(base + " --jobs 1 set", dir.path());
    EXPECT_EQ(first.exit_code, 2) << format << first.err;
    for (const std::string other :
         {" --jobs 1 set", " --jobs 2 set", " -j 7 set", " set",
          " set/sub set/pipe.json set/self.json set/huge.json set/nuls.json set/*.json"}) {
      const ProcessResult again = run(base + other, dir.path());
      EXPECT_EQ(again.exit_code, first.exit_code) << format << other;
      EXPECT_EQ(again.out, first.out) << format << other;
      EXPECT_EQ(again.err, first.err) << format << other;
    }
  }
}

}  // namespace
}  // namespace snaplint::test
