// The presenter console: what the speaker sees on the laptop, laid out for a
// glance from a metre away, as display lists like a slide's.
//
// Promise: pure, like layout_slide: the same input and size give the same
// lists. The current slide and the next step are the slides' own display
// lists (laid out at their panel's size through a LayoutCache, so a redraw
// shapes nothing) placed in the console's; the notes are shaped and broken
// by the same text engine and block layout as slides. Two lists: `base`
// changes with the show, `clock` with the time alone, so a window can keep
// the first and redraw the second once a second.
//
// The input is plain data (show/console_input.h makes it from a Show), so
// this stage knows nothing of the show module.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "text/text.h"

namespace madang::layout {

enum class ConsoleBlank { kNone, kBlack, kWhite };
enum class Mood { kNeutral, kAhead, kBehind, kWarning };
// "neutral", "ahead", "behind", "warning": as JSON and the remote's pages name it.
const char* mood_name(Mood mood);

// What the clock part shows, ready to print.
struct ConsoleClock {
  std::string wall;  // "14:05" (the caller's clock, or --clock)
  bool started = false, paused = false;
  std::string elapsed;  // "12:34"
  bool pace_known = false;
  std::string remaining;  // "7:26", "-0:35" when over
  Mood remaining_mood = Mood::kNeutral;
  // Empty before the talk starts:
  std::string slide_delta;  // "+0:35": time on this slide against its budget
  Mood slide_mood = Mood::kNeutral;
  std::string talk_delta;  // "-1:10": the talk against the plan
  Mood talk_mood = Mood::kNeutral;
  std::string on_slide;  // "1:05" on this slide
  std::string budget;    // "0:52", this slide's budget
  bool operator==(const ConsoleClock&) const = default;
};

struct ConsoleInput {
  int slide = 0;  // the speaker's slide (0-based)
  int step = 0, steps = 0;
  SlideState state;  // its diagrams (the hall shows the same unless frozen)
  ConsoleBlank blank = ConsoleBlank::kNone;
  bool frozen = false;
  int frozen_slide = 0;
  // The next press of Next: a fragment of this slide or another slide.
  bool next_end = false;
  bool next_same_slide = false;
  int next_slide = 0;
  SlideState next_state;
  // Notes.
  int notes_zoom = 0;    // steps of 10%
  int notes_scroll = 0;  // steps down
  // Overlays the console owns.
  std::vector<std::string> errors;  // a refused reload: shown here, never in the hall
  int error_count = 0;
  std::string badge;  // the mode, in the top bar ("리허설 · 기록 중"); empty: none
  ConsoleClock clock;
  bool operator==(const ConsoleInput&) const = default;
};

// Where things are, in console pixels, for the window's input.
struct ConsoleStripItem {
  int slide = 0;
  Rect rect;
};

struct ConsoleLayout {
  DisplayList base;   // everything but the time (hits: the current slide's diagrams)
  DisplayList clock;  // the time, on a transparent background, drawn over `base`
  Rect current;       // the current slide as the hall sees it
  Rect next;
  Rect notes;
  std::vector<ConsoleStripItem> strip;  // thumbnails to jump to
  int notes_scroll = 0;                 // the scroll used (clamped to the notes' length)
  int notes_scroll_max = 0;
  Diagnostics diagnostics;
};

// Lays out the whole console for `deck` at `size`.
ConsoleLayout layout_console(text::FontSystem& fonts, LayoutCache& slides, const deck::Deck& deck,
                             const ConsoleInput& input, Size size);

// The clock part alone (what a tick redraws); equals layout_console(...).clock.
DisplayList layout_console_clock(text::FontSystem& fonts, const deck::Deck& deck,
                                 const ConsoleClock& clock, Size size);

// `list` drawn on top of `base` as one list (export, tests).
DisplayList overlay(DisplayList base, const DisplayList& top);

}  // namespace madang::layout
