// What a pointer, a click, a tap and a diagram key do to a show when they
// land on a hall window: the diagram input every mode (present, kiosk,
// rehearse) shares, so that the diagrams work the same everywhere.
//
// Promise: turns window units into the slide's pixels (letterbox, HiDPI) and
// diagram events into show::Changes (diagram/interaction.h decides what
// they mean); holds nothing but the diagram animation's last tick. Windows
// and views are the caller's: HallTarget only points at them.
#pragma once

#include <string>

#include "layout/display_list.h"
#include "modes/hall_view.h"
#include "platform/window.h"
#include "show/show.h"

namespace madang::app {

// A hall window and the view that draws into it.
struct HallTarget {
  const Window* window = nullptr;
  HallView* view = nullptr;
};

// The display list on screen in `hall` (what the pointer hit-tests), or
// nullptr when no slide takes input: the hall is frozen or blank, or
// `covered` (an overview or help over it).
const layout::DisplayList* hall_list(const HallTarget& hall, const show::Show& show,
                                     bool covered = false);

// A point in window units as pixels of the slide on screen in `hall`.
layout::Point on_hall_slide(const HallTarget& hall, const deck::Deck& deck, float x, float y);

// The pointer moved to (x, y), window units: what it hovers.
show::Change hall_hover(show::Show& show, const HallTarget& hall, float x, float y,
                        bool covered = false);

// A click or tap at (x, y), window units: a diagram element selected or the
// diagram reset. A click that hits no diagram changes nothing (it does not
// advance the slide).
// The internal link of a PDF deck's page under (x, y) in the hall's window
// pixels: the slide (0-based) and step it goes to; false when there is none
// (a URI link is shown, never opened: a hall's laptop opens no browser on a
// click, and a kiosk never does).
bool hall_link(const show::Show& show, const HallTarget& hall, float x, float y, bool covered,
               int* slide, int* step);

show::Change hall_click(show::Show& show, const HallTarget& hall, float x, float y,
                        bool covered = false);

// The clip (its key, "3:0": deck/clips.h) under (x, y) in the hall's window
// units, or "" when there is none: a click or tap there plays or pauses it.
std::string hall_clip(const show::Show& show, const HallTarget& hall, float x, float y,
                      bool covered = false);

// The clip under pixel (x, y) of `list`, or "".
std::string clip_at(const layout::DisplayList& list, float x, float y);

// A key the current slide's diagrams take before the key table (Tab,
// Shift+Tab, Enter, Esc; input/diagram_input.h route_key). `list`: the hall's
// (for the focus ring's order). True, with the change, when they took it.
bool diagram_key(show::Show& show, const layout::DisplayList* list, int scancode, int mods,
                 show::Change* change);

// Starts the hall's transition from `before` to what the show's hall shows
// now: it slides or fades (or as `style` says).
void begin_hall_transition(const HallTarget& hall, const show::Show& show,
                           const show::HallPicture& before, double now_ms,
                           const TransitionStyle& style = {});

// The 200 ms animation of a diagram's change, frame by frame.
class DiagramClock {
 public:
  // Moves the current slide's diagram animation on by the time since the
  // last tick (the first tick of a change shows it at 0).
  show::Change tick(show::Show& show, double now_ms);
  // The show changed under it (a reload): start afresh.
  void reset() { last_ms_ = -1; }
  // An animation has been ticked and is not over yet.
  bool running() const { return last_ms_ >= 0; }

 private:
  double last_ms_ = -1;  // -1: at rest
};

}  // namespace madang::app
