// The deck's images as a window mode checks them (session/deck_loading.h
// load_show_deck_starting): those of the slide it starts on are waited for
// before the first frame, the rest are checked after it on an ImageChecker's
// workers, whose finds wake the mode's loop (an SDL event of its own) and
// are applied on the loop's thread.
//
// Promise: the deck is changed only here, on the loop's thread: a damaged
// image becomes the labelled placeholder, with the located warning
// check_images gives, and whatever was laid out with it is laid out again
// (DeckResources::images_changed). start() and stop() end the checks under
// way after the file in each worker's hands (tens of ms), never the list.
#pragma once

#include <SDL.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "modes/deck_resources.h"
#include "session/deck_loading.h"

namespace madang::app {

class LaterImageChecks {
 public:
  using Report = std::function<void(const Diagnostic&)>;

  LaterImageChecks() = default;
  LaterImageChecks(const LaterImageChecks&) = delete;
  LaterImageChecks& operator=(const LaterImageChecks&) = delete;

  // The checks of the deck on screen, instead of those under way: `first`
  // for before_first_frame(), `later` from the loop's next event on (it
  // sends itself one; the loop draws before it handles events, so a mode
  // started with them draws its first frame before any is read).
  void start(ImageChecks checks);
  void start(std::vector<std::string> later) { start(ImageChecks{nullptr, std::move(later)}); }
  // No more checks (the deck on screen was replaced by one checked whole).
  void stop() { start(ImageChecks{}); }
  bool running() const { return first_ || !waiting_.empty() || (later_ && !later_->finished()); }

  // Before the first frame: waits for the start slide's checks and applies
  // them to `deck` as apply() does. True when the deck changed.
  bool before_first_frame(deck::Deck* deck, DeckResources* resources, const Report& report);

  // Whether `e` is this one's wake-up (the start of the later checks, or a find).
  bool woke(const SDL_Event& e) const { return event_ != 0 && e.type == event_; }
  // On its wake-up: the later checks begin when they have not, and what
  // they found since the last call is applied to `deck` (the one the files
  // came from): each bad image cleared, each warning given to `report`, the
  // layouts of `resources` dropped. True when the deck changed (the windows
  // draw again).
  bool apply(deck::Deck* deck, DeckResources* resources, const Report& report);

 private:
  void wake() const;
  static bool apply_verdicts(ImageChecker& checker, deck::Deck* deck, DeckResources* resources,
                             const Report& report);

  Uint32 event_ = 0;
  std::unique_ptr<ImageChecker> first_;
  std::vector<std::string> waiting_;  // the later files, until the next wake-up
  std::unique_ptr<ImageChecker> later_;
};

}  // namespace madang::app
