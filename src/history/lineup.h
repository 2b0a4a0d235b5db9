// A deck's recorded runs lined up with its slides as they are now: what the
// rehearsal summary, `madang rehearsals` and the learned budgets read.
//
// Promise: pure. Every slide of the deck gets one row, in deck order, with
// its time in each run (the sum of its visits; NaN when the run never
// showed it); recorded slides that match no slide of the deck any more
// follow as rows of their own, marked, never merged into another row.
// A visit shorter than kSkipSeconds is a skip, passing through, not a
// timing: it adds nothing to the slide's time (a slide only skipped in a
// run has no time in it, and is counted as skipped). Budgets learn from
// complete runs only (those that reached the last slide), unless asked to
// learn from partial ones too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "history/identity.h"
#include "history/store.h"

namespace madang::history {

// A stay on a slide shorter than this is a skip (seconds).
inline constexpr double kSkipSeconds = 2;

struct RunColumn {
  std::int64_t id = 0;
  std::string started;  // ISO 8601, UTC
  double started_unix = 0;
  bool finished = false;
  bool complete = false;   // reached the last slide (else partial)
  double seconds = 0;      // every visit of the run, skips too
  int slides_seen = 0;     // slides with a time in it
  int slides_skipped = 0;  // slides only skipped in it
  int slide_count = 0;     // of the deck at its start
  double duration_s = 0;   // the talk's planned length then
};

struct SlideRow {
  int number = 0;  // 1-based in the deck now; 0: no longer in the deck
  SlideIdentity identity;
  int last_number = 0;                     // where it stood when last recorded
  std::vector<double> seconds;             // one per run; NaN: no time in that run
  std::vector<std::vector<double>> steps;  // one per run: seconds at each step
  std::vector<int> skips;                  // one per run: visits that were skips
  std::vector<double> skipped_s;           // one per run: their seconds
};

// Whether `row` was only skipped in run `k` (shown, but never for long).
bool skipped(const SlideRow& row, std::size_t k);

// Whether budgets learn from `run`: complete, or any with `learn_partial`.
bool teaches(const RunColumn& run, bool learn_partial);

struct Lineup {
  std::vector<RunColumn> runs;  // oldest first
  std::vector<SlideRow> rows;   // the deck's slides, then the ones no longer in it
  int current = 0;              // rows that are slides of the deck
};

Lineup line_up(const deck::Deck& deck, const Recorded& recorded);

// The median of the numbers that are not NaN (NaN when there are none).
double median(std::vector<double> values);

// The median of `row`'s last `recent` times among the first `runs` runs
// (all when < 0) that teach (`teaches`); NaN when none.
double learned_time(const Lineup& lineup, const SlideRow& row, int recent = 5, int runs = -1,
                    bool learn_partial = false);
// learned_time of each slide of the deck.
std::vector<double> learned_times(const Lineup& lineup, int recent = 5, int runs = -1,
                                  bool learn_partial = false);

}  // namespace madang::history
