// `madang rehearsals` as text: the table for a terminal, CSV and JSON for
// other tools. Each marks a partial run (ended before the last slide: the
// budgets do not learn from it unless --learn-partial) and a slide only
// skipped in a run (passed through in under 2 s: no time of its own).
//
// Promise: pure (no database, no terminal queries): the lined-up runs and
// the current plan in, text out; the same input gives the same bytes (the
// tests' goldens). Columns line up in a terminal with Korean titles (wide
// characters count two columns).
#pragma once

#include <string>

#include "history/lineup.h"
#include "history/plan.h"

namespace madang::app {

struct ReportHeader {
  std::string deck;            // as the user named it
  std::string history;         // the database's path
  bool learn_partial = false;  // the budgets learn from partial runs too
};

// The table: slide, title, budget, the last `last` runs side by side, the
// median they learn from, the trend; ANSI colours when `color`.
std::string rehearsals_table(const history::Lineup& lineup, const history::Plan& plan,
                             const ReportHeader& header, int last, bool color);

// One line per run and slide shown in it; its last columns say whether the
// run was partial and the slide only skipped (its seconds: passing through).
std::string rehearsals_csv(const history::Lineup& lineup, const history::Plan& plan);

// {"deck", "history", "duration_seconds", "runs": [oldest first; each with
// "id", "started", "finished", "partial", "seconds" and its "slides"
// (number, title, seconds, skipped, steps)], "slides": [the plan], "gone":
// [slides no longer in it]}.
std::string rehearsals_json(const history::Lineup& lineup, const history::Plan& plan,
                            const ReportHeader& header);

// Columns a string takes in a terminal (East Asian wide characters: two).
int display_width(const std::string& utf8);

}  // namespace madang::app
