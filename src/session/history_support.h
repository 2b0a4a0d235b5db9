// Where the window modes meet the rehearsal history (history/): which file,
// a deck's recorded runs, and the plan they make applied to a show.
//
// Promise: no SDL. A history that cannot be read is reported as "madang
// COMMAND: history FILE ..." and the mode goes on without one: a talk never
// stops for its rehearsals.
#pragma once

#include <string>

#include "history/lineup.h"
#include "history/plan.h"
#include "history/store.h"
#include "show/show.h"

namespace madang::app {

// `--history FILE`, else the user's (history/store.h default_history_path).
std::string history_path(const std::string& option);

// The deck's recorded runs, read only: no file is created or moved.
history::Recorded read_history(const char* command, const std::string& option,
                               const std::string& deck_path);

// The talk's length the show plans for: --duration, else the deck's.
double planned_duration(const show::Show& show);

// Plans the show's budgets from its deck and `recorded` (show::set_plan),
// learning from complete runs only unless `learn_partial`; the plan, for
// the views that explain it.
history::Plan plan_show(show::Show& show, const history::Recorded& recorded,
                        bool learn_partial = false);

}  // namespace madang::app
