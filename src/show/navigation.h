// Presentation position and what each user action does to it.
//
// Promise: pure data and one pure function, no SDL. `apply` is the whole
// navigation policy of present mode: where Next goes when fragments remain,
// what Escape closes first, how the overview cursor moves, how typed digits
// jump. The window loop only turns input into Actions (input/keymap.h) and draws
// whatever state comes back.
#pragma once

#include <string>
#include <vector>

namespace madang::show {

enum class ActionKind {
  kNone,
  kNext,  // reveal the next fragment, else the next slide
  kPrev,  // hide the last fragment, else the previous slide (fully revealed)
  kFirst,
  kLast,
  kGoto,        // value: slide index, 0-based (clamped)
  kDigit,       // value: 0..9, appended to the jump buffer
  kEnter,       // commit the jump buffer; without one, Next (or pick in the overview)
  kBackspace,   // delete a typed digit; without one, Prev
  kBlack,       // toggle a black screen
  kWhite,       // toggle a white screen
  kFullscreen,  // toggle
  kOverview,    // toggle the overview grid
  kOverviewLeft,
  kOverviewRight,
  kOverviewUp,
  kOverviewDown,
  kOverviewPick,  // value: slide index to jump to (a click); -1: the cursor
  kHelp,          // toggle the help overlay
  kEscape,        // close the topmost overlay, else leave full screen
  kQuit,
  // The show's own (show/show.h act); apply() leaves the position alone.
  kTimerToggle,  // start, pause, resume the talk's timer
  kTimerReset,
  kFreeze,       // the hall keeps its picture while the speaker moves on
  kNotesBigger,  // speaker notes type size
  kNotesSmaller,
  kNotesDown,  // scroll the notes
  kNotesUp,
  // The windows' (the controllers handle it).
  kSwapScreens,
};

struct Action {
  ActionKind kind = ActionKind::kNone;
  int value = 0;
  bool operator==(const Action&) const = default;
};

enum class Blank { kNone, kBlack, kWhite };

// What the navigation needs to know of a deck: one entry per slide, holding
// its number of fragment steps (deck::Slide::steps).
struct DeckShape {
  std::vector<int> steps;
  int slide_count() const { return static_cast<int>(steps.size()); }
};

struct PresentState {
  int slide = 0;  // 0-based; 0 when the deck is empty
  int step = 0;   // fragments of the current slide revealed, 0..steps
  Blank blank = Blank::kNone;
  bool overview = false;
  int overview_cursor = 0;  // slide index under the overview cursor
  bool help = false;
  std::string jump;  // digits typed so far (at most 4)
  bool fullscreen = false;
  bool quit = false;
  bool operator==(const PresentState&) const = default;
};

// Columns of the overview grid for a deck of `slides` slides.
int overview_columns(int slides);

// The state after `action`. Never fails: out-of-range values are clamped.
PresentState apply(const PresentState& state, const Action& action, const DeckShape& shape);

// The state moved onto a (possibly different) deck: slide, step and cursor
// clamped to what exists. Used at start (--slide) and after a reload.
PresentState clamp_to(const PresentState& state, const DeckShape& shape);

// Human-readable name of an action ("next", "goto 3") for traces and tests.
std::string action_name(const Action& action);

}  // namespace madang::show
