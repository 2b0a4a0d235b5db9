// Slide transitions as pure timing and geometry.
//
// Promise: no SDL. Which transition a change uses (the slide's own, else the
// deck's), the easing, and where the outgoing and incoming pictures sit at a
// given time; the window loop only composites the two textures it is told to.
#pragma once

#include <string>

#include "deck/deck.h"

namespace madang::app {

enum class TransitionKind { kNone, kFade, kSlide };

inline constexpr double kTransitionMs = 250;  // a slide change
inline constexpr double kRevealMs = 150;      // a fragment appearing or hiding

// "fade", "slide", "none"; anything else (already reported by the parser) fades.
TransitionKind transition_kind(const std::string& name);

// The transition into slide `to` (0-based) of `deck`.
TransitionKind transition_into(const deck::Deck& deck, int to);

// Ease-out cubic on [0, 1]: fast start, gentle landing.
float ease_out_cubic(float t);

struct Transition {
  TransitionKind kind = TransitionKind::kNone;
  int direction = 1;  // +1 forward (new slide comes from the right), -1 back
  double start_ms = 0;
  double duration_ms = kTransitionMs;
};

// Eased progress at `now_ms`, 0..1 (1 once finished or for kNone).
float transition_progress(const Transition& t, double now_ms);
bool transition_running(const Transition& t, double now_ms);

// Where to draw each picture at eased progress `p` for a slide `width` wide.
struct TransitionFrame {
  float out_x = 0, in_x = 0;          // horizontal offsets in pixels
  float out_alpha = 1, in_alpha = 1;  // 0..1
};
TransitionFrame transition_frame(const Transition& t, float p, float width);

}  // namespace madang::app
