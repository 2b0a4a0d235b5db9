#include "show/console_input.h"

#include <algorithm>

namespace madang::show {

layout::Mood talk_mood(double talk_delta_s) {
  if (talk_delta_s <= -kOnTimeSeconds) return layout::Mood::kAhead;
  if (talk_delta_s >= kOnTimeSeconds) return layout::Mood::kBehind;
  return layout::Mood::kNeutral;
}

layout::Mood remaining_mood(double remaining_s, double duration_s) {
  if (remaining_s < 0) return layout::Mood::kBehind;
  // The last tenth of the talk (at least a minute, at most five): wrap up.
  if (remaining_s < std::clamp(duration_s * 0.1, 60.0, 300.0)) return layout::Mood::kWarning;
  return layout::Mood::kNeutral;
}

layout::ConsoleClock console_clock(const Show& show, double now_ms, const std::string& wall) {
  const TalkTime t = talk_time(show, now_ms);
  layout::ConsoleClock c;
  c.wall = wall;
  c.started = t.started;
  c.paused = t.paused;
  c.elapsed = clock_text(t.elapsed_s);
  c.on_slide = clock_text(t.on_slide_s);
  const Pace& p = t.pace;
  c.pace_known = p.known;
  if (p.known) {
    c.remaining = clock_text(p.remaining_s);
    c.budget = clock_text(p.slide_budget_s);
    if (!c.started) return c;  // no pace before the talk starts
    c.remaining_mood = remaining_mood(p.remaining_s, p.duration_s);
    c.slide_delta = delta_text(p.slide_delta_s);
    c.slide_mood = p.slide_delta_s > 0 ? layout::Mood::kBehind : layout::Mood::kNeutral;
    c.talk_delta = delta_text(p.talk_delta_s);
    c.talk_mood = talk_mood(p.talk_delta_s);
  }
  return c;
}

layout::ConsoleInput console_input(const Show& show, double now_ms, const std::string& wall) {
  layout::ConsoleInput in;
  in.slide = show.at.slide;
  in.step = show.at.step;
  in.steps = show.at.slide < show.shape.slide_count()
                 ? show.shape.steps[static_cast<std::size_t>(show.at.slide)]
                 : 0;
  in.state = here(show);  // focus ring and hover included: the hall shows them too
  in.blank = show.at.blank == Blank::kBlack   ? layout::ConsoleBlank::kBlack
             : show.at.blank == Blank::kWhite ? layout::ConsoleBlank::kWhite
                                              : layout::ConsoleBlank::kNone;
  in.frozen = show.freeze.on;
  in.frozen_slide = show.freeze.slide;
  const NextStep n = next_step(show);
  in.next_end = n.end;
  in.next_same_slide = n.same_slide;
  in.next_slide = n.slide;
  in.next_state = n.state;
  in.notes_zoom = show.notes_zoom;
  in.notes_scroll = show.notes_scroll;
  in.errors = show.errors;
  in.error_count = show.error_count;
  in.clock = console_clock(show, now_ms, wall);
  return in;
}

}  // namespace madang::show
