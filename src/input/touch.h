// Fingers on a touch screen, followed from down to up: which ones are on the
// screen now (the kiosk's corner chord), and what a lifted finger did, a tap
// or a swipe (input/diagram_input.h is_tap, input/keymap.h swipe_action).
//
// Promise: pure, no SDL (positions are SDL's fractions of the window). A
// finger that shared the screen with another at any moment is part of a
// gesture of several fingers (a chord, a pinch): lifting it is neither a
// tap nor a swipe, so a chord held in two corners clicks nothing.
#pragma once

#include <vector>

#include "show/navigation.h"

namespace madang::app {

// A finger on the screen, in fractions of its window.
struct Finger {
  long long id = 0;
  float x = 0, y = 0;
};

struct Gesture {
  enum class Kind { kNone, kTap, kSwipe };
  Kind kind = Kind::kNone;
  float x = 0, y = 0;  // kTap: where, in fractions of the window
  show::Action swipe;  // kSwipe: what it does
};

class TouchTracker {
 public:
  void down(long long id, float x, float y);
  void move(long long id, float x, float y);
  // The finger left the screen at (x, y): what it did.
  Gesture up(long long id, float x, float y);
  // Forgets every finger (the window lost them).
  void clear() { fingers_.clear(); }

  // Fingers on the screen now.
  std::vector<Finger> fingers() const;

 private:
  struct Track {
    Finger now;
    float x0 = 0, y0 = 0;  // where it went down
    bool shared = false;   // another finger was down meanwhile
  };
  std::vector<Track> fingers_;
};

}  // namespace madang::app
