// What the rehearsal's pictures show, made from the history: the summary
// when a run ends, the bar over a single screen, the chart of
// `madang rehearsals --plot`.
//
// Promise: pure (no SDL, no database): the lined-up runs and the plan in,
// layout's plain input out, every time already printed as "m:ss".
#pragma once

#include <string>

#include "history/lineup.h"
#include "history/plan.h"
#include "screens/chart.h"
#include "screens/rehearsal.h"
#include "show/show.h"

namespace madang::app {

// "0:41", "1:02:03"; "–" when unknown (NaN).
std::string seconds_text(double seconds);
// "2024-11-05 14:05", local time.
std::string local_time_text(double unix_seconds);

// Within this much of its budget a slide is on time (not coloured).
double on_time_margin(double budget_s);
layout::Mood judge(double seconds, double budget_s);

// The summary of run `run` (an index into lineup.runs) against `plan`, the
// plan it was rehearsed with. `history_path` is named in the note. A partial
// run (ended before the last slide) says so and is not judged against the
// talk's length; a slide only skipped in it reads "건너뜀"; the median is
// of the earlier runs the budgets learn from (complete ones, unless
// `learn_partial`).
layout::RehearsalSummary summary_of(const history::Lineup& lineup, const history::Plan& plan,
                                    int run, const std::string& history_path,
                                    bool learn_partial = false);

// The bar while rehearsing run number `ordinal` (1-based among the deck's).
layout::RehearsalBar bar_of(const show::Show& show, double now_ms, int ordinal);

// The last `last` runs against `plan`.
layout::RehearsalChart chart_of(const history::Lineup& lineup, const history::Plan& plan,
                                const std::string& title, int last);

}  // namespace madang::app
