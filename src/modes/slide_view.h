// Slide pictures for a window: layout at the real pixel size (crisp text at
// any window size), drawn through render::SdlRenderer, plus the textures that
// transitions and the overview grid need.
//
// Promise: one per SDL_Renderer, over the show's shared DeckResources (fonts,
// glyphs, images, layouts); owns only this renderer's textures. Holds no
// presentation state (which slide, which step, which diagram element is
// selected: the caller says, as a layout::SlideState). Layout happens only
// when (slide, state, size) is new, so a redraw of a still slide does no
// shaping, and a slide the console laid out at a size is not laid out again.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "ink/ink.h"
#include "input/transition.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "modes/deck_resources.h"
#include "render/clip_frames.h"

namespace madang::app {

// The slide rect of a window, in whole pixels (letterboxed to the deck's aspect).
layout::Rect slide_rect(int window_width, int window_height, const deck::Meta& meta);

class SlideView {
 public:
  SlideView(SDL_Renderer* renderer, DeckResources& resources);
  ~SlideView();
  SlideView(const SlideView&) = delete;
  SlideView& operator=(const SlideView&) = delete;

  // The deck was replaced (call after DeckResources::deck_changed): drops
  // this renderer's textures of the old deck.
  void deck_changed();

  // Render targets were lost (SDL_RENDER_TARGETS_RESET, DEVICE_RESET).
  void invalidate();

  // The display list of slide `slide` (0-based) in `state` laid out for
  // `rect`: what draw puts on screen, so what the pointer hit-tests. nullptr
  // for a slide that does not exist or an empty rect.
  const layout::DisplayList* laid_out(const deck::Deck& deck, int slide,
                                      const layout::SlideState& state, const layout::Rect& rect);

  // Draws any display list (the console's) with its top-left at (x, y).
  void draw_list(const layout::DisplayList& list, float x, float y);

  // Draws slide `slide` (0-based) in `state` into `rect`.
  void draw(const deck::Deck& deck, int slide, const layout::SlideState& state,
            const layout::Rect& rect);
  // The same through a picture it keeps of the slide (the incoming
  // transition picture's texture): when only part of the slide changed since
  // the picture was drawn (a diagram's selection animating), only that part
  // is drawn again (layout/damage.h), then the picture is copied to the
  // window. A slide with a clip or a PDF page (their pixels change without
  // their list) is drawn directly.
  void draw_kept(const deck::Deck& deck, int slide, const layout::SlideState& state,
                 const layout::Rect& rect);
  // The area the last draw_kept drew again, in the slide's pixels (w 0:
  // nothing; the whole slide when it drew it all): for tests and traces.
  layout::Rect last_redrawn() const;

  // A PDF deck: has the pages a move from `slide` in `state` may show next
  // (the next two, the one before) rendered on the page cache's worker at
  // the size `rect` shows them, so that a page turn never waits for
  // poppler. A Markdown deck: the images of those slides decoded on the
  // resources' worker (render/image_ahead.h) at the size `rect` draws them,
  // so that a slide change does not decode. Each draw first takes what the
  // worker finished.
  void ahead(const deck::Deck& deck, int slide, const layout::SlideState& state,
             const layout::Rect& rect);

  // Renders the outgoing (which = 0) or incoming (1) picture of a transition
  // into a texture the size of `rect`, with `ink` on it (ink/ink_list.h:
  // the highlighters under the text). false when render targets fail.
  bool capture(const deck::Deck& deck, int slide, const layout::SlideState& state,
               const layout::Rect& rect, int which,
               const std::vector<const ink::Stroke*>& ink = {});

  // Composites the two captured pictures at eased progress `p`.
  void draw_transition(const Transition& t, float p, const layout::Rect& rect);

  // The slide fully revealed, laid out and rendered at w x h, once; nullptr
  // when render targets fail. Owned by the view.
  SDL_Texture* thumbnail(const deck::Deck& deck, int slide, int w, int h);

  // Where playing clips' frames come from for what it draws next
  // (render/clip_frames.h); nullptr (the default): posters. Thumbnails
  // always show posters.
  void set_clips(const render::ClipFrames* clips);

  // Textures it holds now (its renderer's, transitions', thumbnails'): leak checks.
  int texture_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::app
