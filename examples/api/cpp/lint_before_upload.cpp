// Lint before upload: what a program that POSTs a Kapso agent snapshot does first.
//
//   lint_before_upload SNAPSHOT.json [CONFIG.json]
//
// Exit 0: the snapshot passes the config's policy and would be uploaded. 1: it does not; the
// report is on standard error and nothing is sent. 2: a usage error, an unreadable file or an
// invalid config.
#include <snaplint/snaplint.hpp>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

namespace {

std::optional<std::string> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

// Stands in for the HTTP request a real program would make.
void upload(const std::string& name, const std::string& snapshot) {
  std::cout << "uploading " << name << " (" << snapshot.size() << " bytes)\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: lint_before_upload SNAPSHOT.json [CONFIG.json]\n";
    return 2;
  }
  const std::string name = argv[1];

  std::string config;  // empty: every rule at its default severity
  if (argc == 3) {
    std::optional<std::string> text = read_file(argv[2]);
    if (!text) {
      std::cerr << "cannot read " << argv[2] << '\n';
      return 2;
    }
    config = std::move(*text);
  }
  // Build the Linter once; a long-running uploader keeps it and lints every snapshot with it.
  const snaplint::Result<snaplint::Linter> linter = snaplint::Linter::create(config);
  if (!linter) {
    std::cerr << "invalid config: " << linter.error() << '\n';
    return 2;
  }

  const std::optional<std::string> snapshot = read_file(name.c_str());
  if (!snapshot) {
    std::cerr << "cannot read " << name << '\n';
    return 2;
  }
  const snaplint::Report report = linter->lint(*snapshot, name);
  // Warnings are shown even when they do not stop the upload.
  report.write_text(std::cerr);
  if (report.fails()) {
    std::cerr << "not uploading " << name << ": " << report.error_count() << " error(s), "
              << report.warning_count() << " warning(s)\n";
    return 1;
  }
  upload(name, *snapshot);
  return 0;
}
