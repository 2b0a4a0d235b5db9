#include "platform/deck_watcher.h"

#include <cstdio>

#include "show/reload.h"

namespace madang::app {

DeckWatcher::DeckWatcher(std::string command) : command_(std::move(command)) {
  const Uint32 type = SDL_RegisterEvents(1);
  event_ = type == static_cast<Uint32>(-1) ? 0 : type;
}

DeckWatcher::~DeckWatcher() {
  watcher_.reset();
}

void DeckWatcher::watch(const deck::Deck& deck) {
  const std::vector<std::string> files = show::watched_files(deck);
  if (watcher_ && watcher_->files() == files) return;
  watcher_.reset();
  if (event_ == 0) return;
  std::string error;
  const Uint32 type = event_;
  watcher_ = FileWatcher::start(
      files,
      [type] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);  // thread-safe; wakes the loop
      },
      100, &error);
  if (!watcher_) {
    std::fprintf(stderr, "madang %s: not watching for changes: %s\n", command_.c_str(),
                 error.c_str());
  }
}

}  // namespace madang::app
