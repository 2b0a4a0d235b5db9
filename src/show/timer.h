// The talk's clock: elapsed time with pauses, time spent on the current
// slide, and the pace against a duration and per-slide budgets.
//
// Promise: pure, no clock of its own. Every function takes `now_ms` from the
// caller (a steady clock in the app, any numbers in tests), so a rehearsal or
// a 72-hour kiosk run can be replayed exactly.
//
// Like pdfpc, the timer starts when the talk first moves (or when asked),
// not when the program starts: speakers open the deck minutes early. A pause
// (for questions) holds until it is resumed, whatever happens meanwhile.
// The whole duration is ahead at the start, and the plan starts on slide 1
// at 0:00 of talk time, wherever the timer started: elapsed + left is the
// duration, and the pace counts only time the talk took.
#pragma once

#include <string>
#include <vector>

#include "base/time_text.h"

namespace madang::show {

struct Timer {
  double started_ms = -1;      // clock time of the start; -1: not started
  double paused_at_ms = -1;    // >= 0 while paused
  double paused_total_ms = 0;  // pauses that have ended
  double slide_since = 0;      // elapsed talk time (ms) when the current slide was reached
  int first_slide = 0;         // the slide the timer started on (0-based; the pace ignores it)
  bool operator==(const Timer&) const = default;
};

bool started(const Timer& t);
bool paused(const Timer& t);

// Talk time in ms: wall time since the start minus the pauses.
double elapsed_ms(const Timer& t, double now_ms);
// Talk time spent on the current slide.
double on_slide_ms(const Timer& t, double now_ms);

// Starts timing on `slide`; no-op when started.
Timer start(Timer t, int slide, double now_ms);
// Not started: starts. Running: pauses. Paused: resumes.
Timer toggle_pause(Timer t, int slide, double now_ms);
Timer reset(const Timer& t);  // back to not started
// The talk moved to `slide`: its time starts now (the first move starts the timer).
Timer slide_changed(Timer t, int slide, double now_ms);

// Where the speaker stands. Positive deltas are behind (over budget).
struct Pace {
  bool known = false;         // a duration is set
  double duration_s = 0;      // the talk's
  double remaining_s = 0;     // duration - elapsed, always (negative: overtime)
  double slide_budget_s = 0;  // the current slide's budget
  double slide_delta_s = 0;   // time on this slide - its budget (while over; else <= 0)
  double talk_delta_s = 0;    // elapsed - where the plan says we should be now
                              // (the plan still to go - remaining_s, when the
                              // budgets fill the duration)
};

// Within this many seconds of the plan the speaker is on time.
inline constexpr double kOnTimeSeconds = 30;

// `budgets_s`: one per slide (the plan); `slide`: the current one (0-based).
// The plan at this moment is the budgets of the slides before it plus the
// time spent on this one, up to its budget: lingering on a slide puts the
// speaker behind only once its budget is spent. The plan runs from 0:00 of
// talk time on slide 1, however the talk started (the first move off the
// title, T): slides before that are not counted as taken, so leaving the
// title at once is ahead by its budget, and back on slide 1 the talk is
// behind by no more than the time it took.
Pace pace(const std::vector<double>& budgets_s, int slide, double elapsed_s, double on_slide_s,
          double duration_s);

// A duration split evenly over `slides` slides.
std::vector<double> even_budgets(int slides, double duration_s);

// "0:41", "1:02:03" (base/time_text.h; the console and the tests say it as show::).
using base::clock_text;
// "+0:35" / "-1:10" / "±0:00".
std::string delta_text(double seconds);

}  // namespace madang::show
