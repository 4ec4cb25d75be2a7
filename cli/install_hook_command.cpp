#include <iostream>

#include "commands.hpp"

namespace snaplint::cli {

int run_install_hook(const InstallHookOptions&) {
  std::cerr << "snaplint: error: install-hook is not implemented yet\n";
  return exit_trouble;
}

}  // namespace snaplint::cli
