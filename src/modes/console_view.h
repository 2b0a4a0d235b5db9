// The presenter console in a window: screens/console.h's lists, drawn through
// the window's SlideView.
//
// Promise: lays the console out only when its input (but the clock) or the
// window's size changed, and keeps that picture in a texture, so that a
// tick of the clock redraws the time over it and nothing else: the console
// costs a texture copy and a few short lines a second while a slide stands.
#pragma once

#include <SDL.h>

#include <memory>
#include <optional>

#include "screens/console.h"
#include "modes/slide_view.h"

namespace madang::app {

class ConsoleView {
 public:
  ConsoleView(SDL_Renderer* renderer, DeckResources& resources);
  ~ConsoleView();
  ConsoleView(const ConsoleView&) = delete;
  ConsoleView& operator=(const ConsoleView&) = delete;

  SlideView& slides() { return view_; }

  // The console for `input` at w x h pixels (laid out again only when
  // needed); what draw() shows and what the pointer hit-tests.
  const layout::ConsoleLayout& laid_out(const deck::Deck& deck, const layout::ConsoleInput& input,
                                        int w, int h);

  // Draws it into the renderer's current target.
  void draw(const deck::Deck& deck, const layout::ConsoleInput& input, int w, int h);

  // The deck changed (after DeckResources::deck_changed), or render
  // targets were lost: lay out and draw everything again.
  void invalidate();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  SlideView view_;
};

}  // namespace madang::app
