// Where window input meets the diagrams of the slide on screen.
//
// Promise: pure, no SDL. The modes ask these what a key, a pointer or a
// finger means before they call diagram/interaction.h or the navigation, so
// that the decisions (which key goes where, which pixel a click lands on) are
// tested without a window.
#pragma once

#include "input/keymap.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "show/navigation.h"

namespace madang::app {

// A window's two sizes: SDL reports pointer positions in window units, the
// renderer (and so the slide rect and the display list) works in pixels; on a
// HiDPI screen one unit is several pixels.
struct WindowScale {
  int window_w = 1, window_h = 1;  // SDL_GetWindowSize
  int pixel_w = 1, pixel_h = 1;    // SDL_GetRendererOutputSize
};

// A pointer position in window units -> the pixels of the display list laid
// out for `slide` (the letterboxed slide rect, modes/slide_view.h slide_rect,
// in renderer pixels). Points off the slide come back outside [0, w) x [0, h).
layout::Point window_to_slide(float x, float y, const WindowScale& scale,
                              const layout::Rect& slide);

// An SDL finger position (fractions of the window) in window units.
layout::Point finger_to_window(float fx, float fy, const WindowScale& scale);

// Whether a finger that moved (dx, dy) (fractions of the window) between down
// and up was a tap (a click) rather than a swipe.
bool is_tap(float dx, float dy);

// What present mode knows when a key goes down.
struct KeyContext {
  bool overlay = false;       // help, overview, blank screen or typed digits showing
  bool has_diagrams = false;  // diagram::has_diagrams(current slide)
  bool focus_ring = false;    // an element of the slide has the keyboard focus
  bool clearable = false;     // a selection, row or focus that Esc would clear
};

KeyContext key_context(const PresentState& present, const layout::SlideState& slide,
                       bool has_diagrams);

enum class KeyRoute {
  kNavigation,  // input/keymap.h lookup + show/navigation.h apply
  kFocusNext,
  kFocusPrevious,
  kPressEnter,
  kDiagramEscape,
};

// The decision table (see diagram_bindings in input/keymap.h): an open overlay
// keeps every key; Tab and Shift+Tab move the focus ring only on a slide with
// diagrams (elsewhere Tab opens the overview); Enter presses the focused
// element only while a ring shows (else it is Next); Esc clears the diagrams
// only when there is something to clear (else it leaves full screen).
KeyRoute route_key(int scancode, int mods, const KeyContext& context);

}  // namespace madang::app
