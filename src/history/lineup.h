// A deck's recorded runs lined up with its slides as they are now: what the
// rehearsal summary, `madang rehearsals` and the learned budgets read.
//
// Promise: pure. Every slide of the deck gets one row, in deck order, with
// its time in each run (the sum of its visits; NaN when the run never
// showed it); recorded slides that match no slide of the deck any more
// follow as rows of their own, marked, never merged into another row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "history/identity.h"
#include "history/store.h"

namespace madang::history {

struct RunColumn {
  std::int64_t id = 0;
  std::string started;  // ISO 8601, UTC
  double started_unix = 0;
  bool finished = false;
  double seconds = 0;  // every visit of the run
  int slides_seen = 0;
  double duration_s = 0;  // the talk's planned length then
};

struct SlideRow {
  int number = 0;  // 1-based in the deck now; 0: no longer in the deck
  SlideIdentity identity;
  int last_number = 0;                     // where it stood when last recorded
  std::vector<double> seconds;             // one per run; NaN: not shown in that run
  std::vector<std::vector<double>> steps;  // one per run: seconds at each step
};

struct Lineup {
  std::vector<RunColumn> runs;  // oldest first
  std::vector<SlideRow> rows;   // the deck's slides, then the ones no longer in it
  int current = 0;              // rows that are slides of the deck
};

Lineup line_up(const deck::Deck& deck, const Recorded& recorded);

// The median of the numbers that are not NaN (NaN when there are none).
double median(std::vector<double> values);

// For each slide of the deck, the median of its last `recent` recorded
// times among the first `runs` runs (all when < 0); NaN when none.
std::vector<double> learned_times(const Lineup& lineup, int recent = 5, int runs = -1);

}  // namespace madang::history
