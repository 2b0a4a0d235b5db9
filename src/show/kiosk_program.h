// A program in the kiosk (`madang kiosk forum.yaml`): the order of its
// stops. Each talk's title card, then the talk's slides, then the next
// talk's card, round and round; breaks are not stops (a kiosk has nobody to
// wait for). modes/kiosk_program.h puts the stops on the windows; the
// kiosk's own timing (show/kiosk.h) says when a stop moves on.
//
// Promise: pure, no SDL and no clock: the next stop is a function of the
// stop now, the direction and which talks' decks are loaded.
#pragma once

#include <vector>

#include "deck/program.h"

namespace madang::show {

// How long a talk's card stands before its talk begins, left alone (and a
// missing talk's card before the next card).
inline constexpr double kKioskCardMs = 8000;

struct ProgramStop {
  int talk = 0;         // index among the program's talks (0-based)
  bool card = true;     // its title card; else its slides
  bool at_end = false;  // its slides from the last step (a visitor came back to it)
  bool operator==(const ProgramStop&) const = default;
};

// The items of `program` that are stops: its talks, in order.
std::vector<int> program_talk_items(const deck::Program& program);

// The stop after (`direction` > 0) or before (< 0) `at`; `loaded` says, per
// talk, whether its deck is loaded. Forward: a card to its talk (a missing
// deck's card to the next card), a talk to the next card, and after the
// last talk the first card again (`*wrapped` is then set). Back: a talk to
// its own card, a card to the talk before at its last step (its card when
// its deck is missing); the first card stays where it is.
ProgramStop program_stop(const ProgramStop& at, int direction, const std::vector<bool>& loaded,
                         bool* wrapped = nullptr);

}  // namespace madang::show
