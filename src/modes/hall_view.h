// The hall's picture in a window: the slide the show says, letterboxed, with
// its transitions, black and white screens and the speaker's pointer.
//
// Promise: draws only what it is given (a show::HallPicture); holds only
// what a picture needs between frames (the two textures of a running
// transition, and the band at the foot a mode may keep for itself). The
// present, kiosk and rehearse modes all draw the hall with it.
#pragma once

#include <SDL.h>

#include <vector>

#include "deck/deck.h"
#include "ink/ink.h"
#include "ink/ink_list.h"
#include "input/transition.h"
#include "modes/slide_view.h"
#include "show/show.h"

namespace madang::app {

// How a change of the hall's picture is shown, when not as the deck says.
struct TransitionStyle {
  double fade_ms = 0;    // > 0: a fade this long, whatever the deck says
  bool forward = false;  // a slide change moves forward (the kiosk's loop to slide 1)
};

// What the speaker puts over a slide (ink/ink_list.h's items): strokes
// (highlighters under the text, pens over it), the laser's trail, the
// spotlight. The strokes point into the caller's ink: valid for one draw.
struct HallMarks {
  std::vector<const ink::Stroke*> strokes;
  std::vector<ink::TrailMark> laser;
  bool spotlight = false;
  float spot_x = 0, spot_y = 0, spot_radius = 0;  // slide fractions (radius: of the height)
  // The magnifier: the slide laid out again `zoom` times larger, the point
  // (mag_x, mag_y) of it (slide fractions) at the middle of the slide's rect.
  bool magnify = false;
  float mag_x = 0.5f, mag_y = 0.5f, zoom = 2;
  // The part of the slide the hall shows enlarged (marked on the console).
  layout::Rect magnified() const;
  bool empty() const { return strokes.empty() && laser.empty() && !spotlight && !magnify; }
};

class HallView {
 public:
  HallView(SDL_Renderer* renderer, DeckResources& resources);

  SlideView& slides() { return view_; }

  // The slide rect in a window of w x h pixels, letterboxed above a `band`
  // of pixels at its foot left to something else.
  static layout::Rect slide_rect_in(int w, int h, const deck::Deck& deck, int band = 0);
  // This hall's slide rect, above its band: where it draws the slide and
  // what the pointer hit-tests (modes/hall_input.h).
  layout::Rect slide_rect_of(int w, int h, const deck::Deck& deck) const {
    return slide_rect_in(w, h, deck, band_);
  }
  // Leaves `pixels` at the foot of the window to the mode (the rehearsal
  // bar on a single screen; 0: none). True when that changed (a running
  // transition is cut: its pictures were of the old size).
  bool set_band(int pixels);

  // The speaker's ink, drawn into the pictures of a transition too (so it
  // slides in with its slide); nullptr: none. Must outlive the view's use.
  void set_ink(const ink::Document* ink) { ink_ = ink; }

  // The display list on screen for `picture` (hit tests), or nullptr.
  const layout::DisplayList* laid_out(const deck::Deck& deck, const show::HallPicture& picture,
                                      int w, int h);

  // Starts a transition from what was shown (`from_slide` in `from_state`)
  // to `picture`: a slide change slides or fades, a fragment fades in.
  void begin(const deck::Deck& deck, int from_slide, const layout::SlideState& from_state,
             const show::HallPicture& picture, int w, int h, double now_ms,
             const TransitionStyle& style = {});
  // The next draw shows the picture at once, without finishing a running
  // transition (a jump, a reload, a screen swap).
  void skip_transition() { transition_ = {}; }
  bool animating(double now_ms) const { return transition_running(transition_, now_ms); }

  // Clears to the letterbox colour and draws the picture (or the running
  // transition) into the renderer's current target.
  // `marks` (may be nullptr) are drawn on the slide, not during a transition.
  void draw(const deck::Deck& deck, const show::HallPicture& picture, int w, int h, double now_ms,
            const HallMarks* marks = nullptr);

 private:
  SDL_Renderer* renderer_;
  SlideView view_;
  Transition transition_;
  int band_ = 0;
  const ink::Document* ink_ = nullptr;
};

}  // namespace madang::app
