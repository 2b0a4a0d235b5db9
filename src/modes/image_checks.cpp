#include "modes/image_checks.h"

namespace madang::app {

void LaterImageChecks::wake() const {
  SDL_Event e{};
  e.type = event_;
  SDL_PushEvent(&e);  // thread-safe; wakes the loop
}

void LaterImageChecks::start(ImageChecks checks) {
  later_.reset();  // first: its verdicts were of another deck's files
  first_ = std::move(checks.first);
  waiting_ = std::move(checks.later);
  if (waiting_.empty()) return;
  if (event_ == 0) {
    const Uint32 type = SDL_RegisterEvents(1);
    event_ = type == static_cast<Uint32>(-1) ? 0 : type;
  }
  if (event_ != 0) {
    wake();
    return;
  }
  // No event left to wake the loop with: these files are not checked, and
  // a damaged one among them shows as the renderer's plain placeholder,
  // without its label and warning (as it would have before any check).
  waiting_.clear();
}

bool LaterImageChecks::apply_verdicts(ImageChecker& checker, deck::Deck* deck,
                                      DeckResources* resources, const Report& report) {
  Diagnostics found;
  if (apply_image_verdicts(deck, checker.take(), &found).empty()) return false;
  for (const Diagnostic& d : found) report(d);
  resources->images_changed();
  return true;
}

bool LaterImageChecks::before_first_frame(deck::Deck* deck, DeckResources* resources,
                                          const Report& report) {
  if (!first_) return false;
  first_->wait();
  const bool changed = apply_verdicts(*first_, deck, resources, report);
  first_.reset();
  return changed;
}

bool LaterImageChecks::apply(deck::Deck* deck, DeckResources* resources, const Report& report) {
  if (!waiting_.empty()) {
    later_ = std::make_unique<ImageChecker>(std::move(waiting_), [this] { wake(); });
    waiting_.clear();
    return false;
  }
  return later_ && apply_verdicts(*later_, deck, resources, report);
}

}  // namespace madang::app
