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

#include "app/navigation.h"
#include "deck/deck.h"
#include "deck/parse.h"

namespace madang::app {

struct ReloadOutcome {
  bool accepted = false;
  PresentState state;               // clamped to the new deck when accepted
  std::vector<std::string> errors;  // first few error lines when refused
  int error_count = 0;              // all errors, when refused
};

ReloadOutcome reload_policy(const PresentState& state, const deck::ParseResult& fresh,
                            int max_error_lines = 4);

// The policy carried out on the talk's deck and place: when accepted, `fresh`'s
// deck replaces `deck` and `state` moves to the clamped place; when refused,
// both stay exactly as they were. Returns the outcome (errors for the overlay).
ReloadOutcome apply_reload(deck::Deck& deck, PresentState& state, deck::ParseResult fresh);

// The navigation's view of a deck.
DeckShape shape_of(const deck::Deck& deck);

// Files whose change should reload the deck: the deck itself and every image
// it uses (also those not found yet, so that adding one shows it).
std::vector<std::string> watched_files(const deck::Deck& deck);

}  // namespace madang::app
