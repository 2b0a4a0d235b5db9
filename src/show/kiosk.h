// The kiosk's timing: when a show left to itself moves on, when a visitor
// has it, when it goes back to its start, when the mouse cursor hides.
//
// Promise: pure, no SDL and no clock of its own: every function takes
// `now_ms` from the caller (the loop's LoopClock), so that unit tests and the
// 72-hour soak run the same policy on simulated time.
//
// The rules (docs/kiosk.md):
//  - left alone, each step shows for its slide's `advance` (else the deck's,
//    else 15 s), then the next step or slide comes; after the last step of
//    the last slide the show starts again at slide 1, every diagram at rest;
//  - a visitor's tap, click, swipe, wheel or key takes the show: it stops
//    moving by itself and follows the visitor;
//  - once nobody has touched it for `idle` (the deck's, else 90 s) it goes
//    back to slide 1, every diagram at rest, and moves on by itself again;
//  - the mouse cursor shows while the mouse moves and hides 3 s after; a
//    moving mouse keeps a visitor's show from going idle but does not take a
//    show that moves by itself (a nudged mouse must not stop the loop).
#pragma once

#include "deck/deck.h"
#include "show/show.h"

namespace madang::show {

inline constexpr double kDefaultAdvanceS = 15;
inline constexpr double kDefaultIdleS = 90;
inline constexpr double kCursorHideMs = 3000;

enum class KioskPhase {
  kAuto,     // moving on by itself
  kVisitor,  // following a visitor
};

struct Kiosk {
  KioskPhase phase = KioskPhase::kAuto;
  double shown_ms = 0;   // auto: when the current step came up
  double input_ms = 0;   // visitor: their last input
  double mouse_ms = -1;  // the mouse's last move; -1: not since the start
  long advances = 0;     // steps and slides moved on by itself (loops included)
  long loops = 0;        // times it went from the last slide back to the first
  long returns = 0;      // times it went back to the start after a visitor
  // >= 0: the hall shows a cover (a program's title card, modes/kiosk_program.h)
  // that stands this long, left alone, instead of the step's advance.
  double stand_ms = -1;
  bool operator==(const Kiosk&) const = default;
};

// How long step `step` of slide `slide` (0-based) shows, in ms: the slide's
// `advance`, else the deck's, else 15 s. A step that brings a clip (video or
// sound) on a slide that moves on when its clip ends (`advance: video`, or a
// clip slide with no advance of its own) shows for as long as the clip
// plays (start to end) and a quarter second more: its last frame is seen.
double advance_ms(const deck::Deck& deck, int slide, int step = 0);
// Whether slide `slide` moves on when its clip ends (its clips play once
// then, instead of looping as a kiosk's clips do).
bool advances_after_clip(const deck::Deck& deck, int slide);
// How long a visitor's show waits untouched before going back to the start.
double idle_ms(const deck::Deck& deck);

Kiosk start_kiosk(double now_ms);

// A visitor's tap, click, swipe, wheel or key.
void visitor_input(Kiosk& kiosk, double now_ms);
// The mouse moved (a finger's motion is not the mouse).
void mouse_moved(Kiosk& kiosk, double now_ms);
bool cursor_visible(const Kiosk& kiosk, double now_ms);

enum class KioskDue {
  kNothing,
  kAdvance,  // moving on by itself: the next step, the next slide, or slide 1 again
  kReturn,   // the visitor left: back to the start
};

struct KioskNext {
  KioskDue due = KioskDue::kNothing;
  double at_ms = 0;  // when it is (or was) due
};

// What the show is waiting for, and when. `due` is the next thing even when
// it is not time yet: compare `at_ms` with now (see due_now).
KioskNext kiosk_next(const Kiosk& kiosk, const Show& show);
// What is due at `now_ms` (kNothing when it is not time yet).
KioskDue due_now(const Kiosk& kiosk, const Show& show, double now_ms);

// The show moves on by itself: the next step or slide, or after the last
// step of the last slide, slide 1 with every diagram at rest.
Change advance(Show& show, Kiosk& kiosk, double now_ms);
// The visitor left: slide 1, every diagram at rest, moving on by itself.
Change return_to_start(Show& show, Kiosk& kiosk, double now_ms);
// The kiosk moved on by itself beyond its show (a program's next card or
// talk, which the caller put up): counted as an advance, timed from now.
void moved_on(Kiosk& kiosk, double now_ms);

// When the next thing the kiosk waits for happens (an advance, a return, the
// cursor hiding), in ms from now (>= 0).
double kiosk_wait_ms(const Kiosk& kiosk, const Show& show, double now_ms);

// "auto" / "visitor" (logs and traces).
const char* phase_name(KioskPhase phase);

}  // namespace madang::show
