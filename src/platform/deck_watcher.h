// Hot reload for a window mode: the deck file and every image it names are
// watched (platform/watch.h), and a change wakes the mode's loop as an SDL event.
//
// Promise: sleeps while nothing changes; a watcher that cannot start is
// reported once ("madang COMMAND: not watching for changes: ...") and the
// show goes on without reloads.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>

#include "deck/deck.h"
#include "platform/watch.h"

namespace madang::app {

class DeckWatcher {
 public:
  explicit DeckWatcher(std::string command);
  ~DeckWatcher();  // stops the watching thread before SDL goes
  DeckWatcher(const DeckWatcher&) = delete;
  DeckWatcher& operator=(const DeckWatcher&) = delete;

  // Watches `deck`'s files (again, when they are not those watched now).
  void watch(const deck::Deck& deck);
  // Whether `e` says that a watched file changed.
  bool changed(const SDL_Event& e) const { return event_ != 0 && e.type == event_; }

 private:
  std::string command_;
  Uint32 event_ = 0;
  std::unique_ptr<FileWatcher> watcher_;
};

}  // namespace madang::app
