// Hot reload policy: what happens to the talk when the deck file changes.
//
// Promise: pure. A reload that parsed without errors is taken and the viewer
// stays where they were (clamped to what still exists); a broken one is
// refused, the last good deck stays on screen, and its first errors come back
// as "file:line:col: error: message" lines for the overlay. Never the reverse:
// a typo saved mid-talk must not blank the screen (sent dies here).
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/parse.h"
#include "show/navigation.h"

namespace madang::show {

struct ReloadOutcome {
  bool accepted = false;
  PresentState state;               // clamped to the new deck when accepted
  std::vector<std::string> errors;  // first few error lines when refused
  int error_count = 0;              // all errors, when refused
};

ReloadOutcome reload_policy(const PresentState& state, const deck::ParseResult& fresh,
                            int max_error_lines = 4);

// The navigation's view of a deck.
DeckShape shape_of(const deck::Deck& deck);

// Files whose change should reload the deck: the deck itself and every image
// it uses (also those not found yet, so that adding one shows it).
std::vector<std::string> watched_files(const deck::Deck& deck);

}  // namespace madang::show
