// A made-up history for benchmarks: a deck of N slides and R runs of it.
#pragma once

#include <string>

namespace madang::bench {

// Writes DIR/deck.md (`slides` slides with titles, bullets and a fragment
// every fifth slide) and records `runs` finished runs of it into `history`
// (every slide visited once, its time varying from run to run). false with
// a message on stderr when something cannot be written.
bool fill_history(const std::string& dir, const std::string& history, int slides, int runs);

}  // namespace madang::bench
