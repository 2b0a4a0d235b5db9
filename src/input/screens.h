// Which display shows the hall and which the presenter console.
//
// Promise: pure, no SDL. The present mode asks again whenever displays come
// or go (a projector plugged in or pulled out mid-talk) and moves its
// windows to the answer; nothing else changes.
//
// The rules (README, "Two screens"):
//  - two or more displays: the hall full screen on the projector (the first
//    display that is not the primary one, or --audience K), the console full
//    screen on the primary (or the next other display);
//  - one display: a single view, as before, unless --console: then the hall
//    full screen (windowed with --windowed) and the console in a window;
//  - --no-console: always a single view;
//  - the swap key exchanges the two displays; a projector pulled out leaves
//    the hall on the remaining display, full screen, with the console over
//    it in a window, and plugging it back restores the two screens.
#pragma once

#include <string>
#include <vector>

namespace madang::app {

struct ScreenOptions {
  int audience = -1;        // --audience K; -1: the first non-primary display
  bool console = false;     // --console: a console even on one display
  bool no_console = false;  // --no-console: a single view
  bool windowed = false;    // --windowed
  bool fullscreen = false;  // --fullscreen (the single view)
  int display = 0;          // --display K (the single view)
};

struct ScreenPlan {
  bool console = false;  // a console window exists
  int audience_display = 0;
  bool audience_fullscreen = false;
  int console_display = 0;
  bool console_fullscreen = false;
  bool operator==(const ScreenPlan&) const = default;
};

// `displays`: how many there are; display 0 is the primary one (SDL lists
// the primary output first). `swapped`: the swap key's state.
ScreenPlan plan_screens(int displays, const ScreenOptions& options, bool swapped);

}  // namespace madang::app
