// A forum's clock (pure): the program against the time of day, and which
// time card is up. What the console's program panel, `layout forum.yaml
// --console --json` and the time cards show, made from plain numbers.
//
// Promise: pure functions of the program, where it is, what each item has
// taken so far and the time of day given; no clock is read here.
#pragma once

#include <string>
#include <vector>

#include "deck/program.h"
#include "screens/forum.h"

namespace madang::show {

// Where a forum is, and what it has taken.
struct ForumClock {
  int item = 0;                // the item (talk or break) on now, index in Program::items
  std::vector<double> slot_s;  // per item: its slot (a talk without `minutes:` has its deck's
                               // duration, else 0)
  std::vector<double> took_s;  // per item: time it took (items before `item`)
  double elapsed_s = 0;        // the current item's time so far (a talk: its own timer)
  bool started = false;        // the current talk's timer runs (its first slide was shown)
  double now_s = -1;           // seconds after midnight, the clock's; < 0: unknown
  std::vector<bool> missing;   // per item: its deck did not load
};

// "14:05" for seconds after midnight (wrapping at 24 h).
std::string day_clock(double seconds_of_day);

// The panel: a row per item (planned start on the clock when the program
// has a start time, slot, time taken), the current talk's countdown against
// its slot, the expected end at this pace against the planned end, the drift.
layout::ProgramPanel program_panel(const deck::Program& program, const ForumClock& clock);

// Seconds the program is behind its plan (negative: ahead). With a start
// time: the expected end against the planned end; without: what the items
// so far took beyond their slots.
double program_drift_s(const deck::Program& program, const ForumClock& clock);

// The time card up for a talk of `slot_s` seconds, `elapsed_s` into it: the
// smallest of `cards` (minutes left) whose moment has come, and since when.
struct TimeCardUp {
  int minutes = -1;  // -1: none yet
  double since_s = 0;
};
TimeCardUp time_card_up(const std::vector<int>& cards, double slot_s, double elapsed_s);

// How long the console shows a new time card large (then it stays as a bar).
inline constexpr double kTimeCardLargeSeconds = 10;

}  // namespace madang::show
