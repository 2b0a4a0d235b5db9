// history_fill DIR SLIDES RUNS: DIR/deck.md and DIR/history.sqlite for the
// `rehearsals` benchmark (tests/bench/rehearsals_bench.sh).
#include <cstdlib>
#include <string>

#include "history_fill.h"

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  const std::string dir = argv[1];
  return madang::bench::fill_history(dir, dir + "/history.sqlite", std::atoi(argv[2]),
                                     std::atoi(argv[3]))
             ? 0
             : 1;
}
