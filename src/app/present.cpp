// Present mode: placeholder until the window loop lands.
#include <cstdio>

#include "app/commands.h"

namespace madang::app {

int run_present(const PresentOptions&) {
  std::fprintf(stderr, "madang present: not yet available\n");
  return 2;
}

}  // namespace madang::app
