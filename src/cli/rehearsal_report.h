// `madang rehearsals` as text: the table for a terminal, CSV and JSON for
// other tools.
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
  std::string deck;     // as the user named it
  std::string history;  // the database's path
};

// The table: slide, title, budget, the last `last` runs side by side, the
// median they learn from, the trend; ANSI colours when `color`.
std::string rehearsals_table(const history::Lineup& lineup, const history::Plan& plan,
                             const ReportHeader& header, int last, bool color);

// One line per run and slide shown in it.
std::string rehearsals_csv(const history::Lineup& lineup, const history::Plan& plan);

// {"deck", "history", "duration_seconds", "runs": [oldest first; each with
// "id", "started", "finished", "seconds" and its "slides" (number, title,
// seconds, steps)], "slides": [the plan], "gone": [slides no longer in it]}.
std::string rehearsals_json(const history::Lineup& lineup, const history::Plan& plan,
                            const ReportHeader& header);

// Columns a string takes in a terminal (East Asian wide characters: two).
int display_width(const std::string& utf8);

}  // namespace madang::app
