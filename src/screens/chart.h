// A chart of the time spent on each slide across rehearsal runs, against
// the slides' budgets: what `madang rehearsals --plot` draws, readable at a
// glance (the budget as a pale bar per slide, each run a line across the
// slides, the newest strongest).
//
// Promise: pure, a display list like a slide's, so any of our renderers
// draws it (a PNG through the headless renderer; PDF when that sink exists).
// Light, for paper and screens alike. Slides a run never showed leave a gap
// in its line.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "text/text.h"

namespace madang::layout {

struct ChartRun {
  std::string label;            // "#12 · 11-05 14:05"
  std::vector<double> seconds;  // one per slide; NaN: not shown in that run
};

struct RehearsalChart {
  std::string title;             // the deck's
  std::string subtitle;          // "리허설 3회 · 예산 20:00"
  std::vector<double> budget_s;  // one per slide; NaN or 0: none
  std::vector<ChartRun> runs;    // oldest first; the last is drawn strongest
};

DisplayList layout_rehearsal_chart(text::FontSystem& fonts, const deck::Deck& deck,
                                   const RehearsalChart& chart, Size size);

// The step between labelled values on a time axis up to `max_s` seconds:
// 5, 10, 15, 30 s, 1, 2, 5, 10 min... (at most about 8 labels).
double time_tick(double max_s);

}  // namespace madang::layout
