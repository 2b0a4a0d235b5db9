// The talk's plan: a time budget for every slide, from the deck's `time:`
// directives and what the rehearsals taught, fitted to its `duration:`.
//
// Promise: pure, a function of the deck, the learned times and a duration.
// A slide's `<!-- time: 90s -->` is its budget, untouched. The others get
// their learned time (history/lineup.h learned_times: the median of the
// recent complete runs, skips left out), a slide never rehearsed the
// typical learned slide's, all
// scaled together so that the talk fills its duration. With nothing learned
// the rest of the duration is shared evenly, as before rehearsals existed.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"

namespace madang::history {

enum class BudgetSource {
  kNone,       // no duration, no directive, nothing learned: no budget
  kDirective,  // `<!-- time: ... -->`
  kLearned,    // rehearsed: its median, scaled
  kTypical,    // never rehearsed while others were: the typical slide's, scaled
  kShare,      // nothing learned: an even share of the duration
};

struct Plan {
  std::vector<double> budgets_s;  // one per slide
  std::vector<BudgetSource> sources;
  // What the budgets add up to: the duration when one is given; else their
  // sum when every slide has a budget (the talk as rehearsed); else 0.
  double duration_s = 0;
  double scale = 1;       // learned times were multiplied by this to fit
  bool overfull = false;  // the time directives alone fill the duration (or more)
};

// `learned_s`: one per slide, NaN where nothing was learned; `duration_s`:
// the talk's length (0: none given).
Plan plan_budgets(const deck::Deck& deck, const std::vector<double>& learned_s, double duration_s);

// "directive", "learned", "typical", "share", "none" (JSON, CSV).
const char* source_name(BudgetSource source);

}  // namespace madang::history
