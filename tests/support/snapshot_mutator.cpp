#include "snapshot_mutator.hpp"

#include <random>
#include <vector>

#include "snaplint/json_parser.hpp"

namespace snaplint::test {

namespace {

void write_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

class Mutator {
 public:
  Mutator(const JsonDocument& doc, std::uint32_t seed, std::uint32_t one_in)
      : doc_(doc), random_(seed), one_in_(one_in == 0 ? 1 : one_in) {
    for (JsonRef ref = 0; ref < doc.size(); ++ref) {
      if (doc.is(ref, JsonType::string) && strings_.size() < 4096) strings_.push_back(ref);
    }
  }

  std::string run() {
    write(doc_.root());
    return std::move(out_);
  }

 private:
  bool chance() { return random_() % one_in_ == 0; }

  // A value of another kind than the one it replaces.
  void write_replacement() {
    static constexpr std::string_view replacements[] = {"null", "true", "false",      "0",     "-1",
                                                        "2.5",  "1e3",  "\"\"",       "\"x\"", "[]",
                                                        "{}",   "[1]",  "{\"id\": 1}"};
    out_ += replacements[random_() % std::size(replacements)];
  }

  void write(JsonRef ref) {
    if (chance()) {
      write_replacement();
      return;
    }
    switch (doc_.type(ref)) {
      case JsonType::object: {
        out_ += '{';
        bool first = true;
        for (JsonRef child : doc_.children(ref)) {
          if (chance()) continue;  // drop the member (a payload, a required field, ...)
          if (!first) out_ += ',';
          first = false;
          const std::string_view key = doc_.key(child);
          write_string(out_, chance() ? "x_" + std::string(key) : std::string(key));
          out_ += ':';
          write(child);
        }
        out_ += '}';
        return;
      }
      case JsonType::array: {
        out_ += '[';
        bool first = true;
        for (JsonRef child : doc_.children(ref)) {
          const int copies = chance() ? 0 : chance() ? 2 : 1;
          for (int i = 0; i < copies; ++i) {
            if (!first) out_ += ',';
            first = false;
            write(child);
          }
        }
        out_ += ']';
        return;
      }
      case JsonType::string:
        // Another string of the document: an edge retargeted, an id duplicated, a type swapped.
        write_string(out_, chance() && !strings_.empty()
                               ? doc_.string(strings_[random_() % strings_.size()])
                               : doc_.string(ref));
        return;
      default: {
        const auto [begin, end] = doc_.value_span(ref);
        out_ += doc_.source().bytes().substr(begin, end - begin);
        return;
      }
    }
  }

  const JsonDocument& doc_;
  std::mt19937 random_;
  std::uint32_t one_in_;
  std::vector<JsonRef> strings_;
  std::string out_;
};

}  // namespace

std::string mutate_snapshot(std::string_view json, std::uint32_t seed, std::uint32_t one_in) {
  const SourceFile source{std::string(json)};
  JsonDocument doc(source);
  if (parse_json(source, doc).error || doc.empty()) return std::string(json);
  return Mutator(doc, seed, one_in).run();
}

}  // namespace snaplint::test
