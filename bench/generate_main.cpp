// snaplint_generate N > file.json: writes a synthetic snapshot of N nodes.
#include <cstdlib>
#include <iostream>

#include "snapshot_generator.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: snaplint_generate NODE_COUNT > snapshot.json\n";
    return 2;
  }
  std::cout << snaplint::bench::generate_snapshot(std::strtoull(argv[1], nullptr, 10));
  return 0;
}
