// snaplint_generate N [--seed S] > file.json: writes a synthetic snapshot of N nodes (__start__ and
// __end__ included), streamed: a million nodes (about 750 MB) never sit in memory at once.
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <limits>
#include <optional>
#include <string_view>

#include "snapshot_generator.hpp"

namespace {

constexpr std::string_view usage =
    "usage: snaplint_generate NODE_COUNT [--seed SEED] > snapshot.json\n"
    "  NODE_COUNT  nodes in the graph, __start__ and __end__ included (at least 3)\n"
    "  --seed      seed of the generator (default 1); the same count and seed give the same "
    "bytes\n";

std::optional<std::uint64_t> parse_number(std::string_view text, std::uint64_t max) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::uint64_t> count;
  std::uint64_t seed = 1;
  for (int k = 1; k < argc; ++k) {
    const std::string_view arg = argv[k];
    if (arg == "-h" || arg == "--help") {
      std::cout << usage;
      return 0;
    }
    std::string_view seed_text;
    if (arg == "--seed" && k + 1 < argc) {
      seed_text = argv[++k];
    } else if (arg.rfind("--seed=", 0) == 0) {
      seed_text = arg.substr(7);
    } else if (!count && !arg.empty() && arg[0] != '-') {
      count = parse_number(arg, std::numeric_limits<std::uint32_t>::max());
      if (!count) {
        std::cerr << "snaplint_generate: invalid node count '" << arg << "'\n" << usage;
        return 2;
      }
      continue;
    } else {
      std::cerr << "snaplint_generate: unexpected argument '" << arg << "'\n" << usage;
      return 2;
    }
    const auto parsed = parse_number(seed_text, std::numeric_limits<unsigned>::max());
    if (!parsed) {
      std::cerr << "snaplint_generate: invalid seed '" << seed_text << "'\n" << usage;
      return 2;
    }
    seed = *parsed;
  }
  if (!count) {
    std::cerr << usage;
    return 2;
  }
  std::ios::sync_with_stdio(false);
  snaplint::bench::write_snapshot(std::cout, static_cast<std::size_t>(*count),
                                  static_cast<unsigned>(seed));
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "snaplint_generate: could not write the snapshot: " << std::strerror(errno)
              << "\n";
    return 1;
  }
  return 0;
}
