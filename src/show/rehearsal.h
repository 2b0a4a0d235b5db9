// A rehearsal's stopwatch over the show: every stay on a slide, from arriving
// to leaving, with the time at each of its steps, in the talk's time (the
// show's timer), so that pauses are left out.
//
// Promise: pure; time comes from the show's timer at the caller's `now_ms`,
// so a rehearsal replays exactly from a list of events and times. The
// caller calls observe() after every event that may have moved the show;
// a stay is reported once, when it ends. Leaving the window pauses the talk
// and coming back resumes it, unless the speaker had paused it (T) already.
#pragma once

#include <optional>
#include <vector>

#include "show/show.h"

namespace madang::show {

struct Stay {
  int slide = 0;
  double ms = 0;                // talk time on the slide
  std::vector<double> step_ms;  // of which at each step (index: the step)
};

struct Rehearsal {
  bool open = false;         // a stay is running
  Stay stay;                 // the running one (ms: so far, at the last observe)
  double arrived_ms = 0;     // talk time when it began
  double step_since_ms = 0;  // ... when its current step began
  int step = 0;
  int stays = 0;  // ended so far
  bool paused_by_focus = false;
};

// After an event: the stay that the show's move ended, if it moved to
// another slide. The first call after the timer starts opens the first stay.
std::optional<Stay> observe(Rehearsal& r, const Show& show, double now_ms);

// The run ends: the running stay, if any.
std::optional<Stay> close(Rehearsal& r, const Show& show, double now_ms);

// The window lost (`focused` false) or regained the focus.
Change focus(Rehearsal& r, Show& show, bool focused, double now_ms);

}  // namespace madang::show
