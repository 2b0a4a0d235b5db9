// The rehearsal's own screens, laid out like the presenter console: the
// summary shown when a run ends (every slide: this run, its budget, the
// previous run, the median of the earlier ones, over and under in colour,
// the total against the talk's duration) and the small bar at the foot of a
// single screen while rehearsing, in a band of its own below the slide.
//
// Promise: pure, like layout_console: the same input and size give the same
// list. The input is plain data, every text ready to print
// (session/rehearsal_views.h makes it from the history), so this stage knows
// nothing of runs or databases.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "screens/console.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "text/text.h"

namespace madang::layout {

struct SummaryRow {
  std::string number;  // "12"; "–" for a slide no longer in the deck
  std::string title;
  std::string this_run, budget, previous, median;  // "0:41"; "–" when none
  std::string delta;                               // this run against the budget: "+0:12"
  Mood mood = Mood::kNeutral;                      // of this run and the delta
  bool gone = false;                               // no longer in the deck (drawn muted)
  // The same as numbers, for a bar of this run against the budget (NaN: none).
  double this_s = std::numeric_limits<double>::quiet_NaN();
  double budget_s = std::numeric_limits<double>::quiet_NaN();
  bool operator==(const SummaryRow&) const = default;
};

struct RehearsalSummary {
  std::string heading;  // "리허설 3회차"
  std::string when;     // "2024-11-05 14:05 시작", and " · 부분 리허설 ..." when partial
  std::vector<SummaryRow> rows;
  SummaryRow total;
  std::string verdict;  // "19:12 / 20:00 · 0:48 남김"
  Mood verdict_mood = Mood::kNeutral;
  std::string note;   // how the budgets were made, where the history is
  std::string keys;   // "Q 끝내기 · ↑↓ 넘기기"
  int first_row = 0;  // the first row shown (a long deck pages)
  bool operator==(const RehearsalSummary&) const = default;
};

struct SummaryLayout {
  DisplayList list;
  int first_row = 0;  // as used (clamped)
  int rows_shown = 0;
  int last_first_row = 0;  // the largest useful first_row
};

SummaryLayout layout_rehearsal_summary(text::FontSystem& fonts, const deck::Deck& deck,
                                       const RehearsalSummary& summary, Size size);

// The bar while rehearsing on one screen (the hall keeps its band free).
struct RehearsalBar {
  std::string label;    // "● 리허설 3회차"
  std::string elapsed;  // "12:05"
  bool paused = false;
  std::string on_slide;  // "0:45"
  std::string budget;    // "0:52"; empty: no budget
  std::string slide_delta;
  Mood slide_mood = Mood::kNeutral;
  std::string talk_delta;  // "-1:10"; empty: no plan
  Mood talk_mood = Mood::kNeutral;
  bool operator==(const RehearsalBar&) const = default;
};

// A list the size of the window, transparent but for the bar at its foot.
DisplayList layout_rehearsal_bar(text::FontSystem& fonts, const deck::Deck& deck,
                                 const RehearsalBar& bar, Size size);

// Where that bar is in a window of `size`: a band across its foot, in whole
// pixels (the hall letterboxes the slide above it).
Rect rehearsal_bar_rect(Size size);

}  // namespace madang::layout
