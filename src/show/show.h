// The show: one talk in progress, as plain data, and the events that change it.
//
// Promise: pure (no SDL, no clock, no I/O). Every mode (present with its
// console, kiosk, rehearse) is a view and an input policy over one Show:
// windows turn input into the events below and draw what the Show says.
// Holds the last good deck (a refused reload keeps it), the position and
// overlays (show/navigation.h), every slide's diagram state, the talk's
// timer and plan, the hall's freeze and the speaker's pointer.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/parse.h"
#include "layout/layout.h"
#include "show/navigation.h"
#include "show/reload.h"
#include "show/timer.h"

namespace madang::show {

// The hall keeps showing this while the speaker looks ahead.
struct Freeze {
  bool on = false;
  int slide = 0;
  layout::SlideState state;
  bool operator==(const Freeze&) const = default;
};

// The speaker's pointer, shown in the hall as a dot: a position on the
// slide in fractions of its width and height.
struct Pointer {
  bool visible = false;
  float x = 0, y = 0;
  double moved_ms = 0;  // when it last moved (it hides when still)
  bool operator==(const Pointer&) const = default;
};

inline constexpr double kPointerHideMs = 3000;
inline constexpr int kNotesZoomMin = -4, kNotesZoomMax = 8;  // steps of 10%

struct Show {
  deck::Deck deck;  // the last good deck
  DeckShape shape;
  PresentState at;  // position and overlays
  // One per slide (at least one). Kept when the talk moves on, so that a
  // slide returned to shows its diagram as it was left; a reload starts them
  // afresh (the deck's ids may have changed).
  std::vector<layout::SlideState> slides;
  Timer timer;
  double duration_s = 0;           // the talk's length; 0: unknown
  double duration_override_s = 0;  // --duration: wins over the deck's
  std::vector<double> budgets_s;   // the plan, one per slide
  Freeze freeze;
  Pointer pointer;
  std::vector<std::string> errors;  // of the last refused reload
  int error_count = 0;
  int notes_zoom = 0;
  int notes_scroll = 0;  // steps down the current slide's notes
};

struct ShowOptions {
  int slide = 1;          // 1-based, clamped
  double duration_s = 0;  // --duration; 0: the deck's `duration:`
  bool fullscreen = false;
};

Show open_show(deck::Deck deck, const ShowOptions& options);

// The diagram state of the current slide.
layout::SlideState& here(Show& show);
const layout::SlideState& here(const Show& show);
const deck::Slide* current_slide(const Show& show);

// What an event did, for the views (a transition needs where it came from).
struct Change {
  bool any = false;            // anything the views draw changed
  bool moved = false;          // slide or step changed
  bool slide_changed = false;  // slide changed
  int from_slide = 0;
  layout::SlideState from_state;
  bool hall = false;  // what the hall sees changed
};

// An action from a key, a button or the clicker (show/navigation.h), plus
// the show's own (timer, freeze, notes).
Change act(Show& show, const Action& action, double now_ms);

// A diagram event produced a new state for the current slide.
Change take(Show& show, const layout::SlideState& state);

// Back to the first slide's first step with every diagram at rest and no
// overlay (a kiosk's loop and its return to the start after a visitor).
Change restart(Show& show, double now_ms);

// The speaker's pointer moved over (or left: visible = false) the slide.
Change point(Show& show, bool visible, float x, float y, double now_ms);
// Hides a pointer that has been still for kPointerHideMs; true when it did.
bool hide_still_pointer(Show& show, double now_ms);

// The deck file changed: a good parse replaces the deck (position kept,
// diagrams at rest); a broken one keeps the last good deck and records
// its first errors. Returns what reload_policy decided.
ReloadOutcome reload(Show& show, const deck::ParseResult& fresh);

// What the hall sees now.
struct HallPicture {
  int slide = 0;
  layout::SlideState state;
  Blank blank = Blank::kNone;
  bool frozen = false;
  Pointer pointer;
};
HallPicture hall(const Show& show);

// The next thing a press of Next shows: a fragment of this slide or the
// next slide (fully at rest, first step). `end` when there is none.
struct NextStep {
  bool end = false;
  int slide = 0;
  layout::SlideState state;
  bool same_slide = false;  // a fragment of the current slide
};
NextStep next_step(const Show& show);

// The talk's figures now, as every view shows them (the console, the
// rehearsal bar, the trace): the one place the show's timer, position and
// plan become elapsed, left, this slide and pace. Whole seconds of talk
// time, and the pace counted from them, so that all the figures change
// together, once a second.
struct TalkTime {
  bool started = false;
  bool paused = false;
  double elapsed_s = 0;   // whole seconds of talk time
  double on_slide_s = 0;  // whole seconds of it on the current slide
  Pace pace;              // against the show's plan (known: it has a duration)
};
TalkTime talk_time(const Show& show, double now_ms);

// The talk's pace now (talk_time's).
Pace pace_now(const Show& show, double now_ms);

// The timer as the talk's own events leave it when the talk is `elapsed_s`
// in and the speaker has just arrived on the current slide: what
// `export --console --elapsed` pictures. Returns the clock time (ms) to read
// the show at.
double arrive_after(Show& show, double elapsed_s);

// A plan made outside the show (history/plan.h: from the deck's `time:`
// directives and the rehearsals): a budget per slide and the talk's length
// they fill (0: keep the show's). Until one is set, and again after a
// reload, the duration is shared evenly. Refused (false) unless it has one
// budget per slide.
bool set_plan(Show& show, std::vector<double> budgets_s, double duration_s);

}  // namespace madang::show
