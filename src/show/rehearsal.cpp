#include "show/rehearsal.h"

#include <algorithm>

namespace madang::show {

namespace {

void credit_step(Rehearsal& r, double now_talk_ms) {
  const std::size_t at = static_cast<std::size_t>(std::max(0, r.step));
  if (r.stay.step_ms.size() <= at) r.stay.step_ms.resize(at + 1, 0);
  r.stay.step_ms[at] += std::max(0.0, now_talk_ms - r.step_since_ms);
  r.step_since_ms = now_talk_ms;
}

void begin(Rehearsal& r, const Show& show, double talk_ms) {
  r.open = true;
  r.stay = {};
  r.stay.slide = show.at.slide;
  const int steps = show.at.slide < show.shape.slide_count()
                        ? show.shape.steps[static_cast<std::size_t>(show.at.slide)]
                        : 0;
  r.stay.step_ms.assign(static_cast<std::size_t>(std::max(steps, show.at.step) + 1), 0);
  r.arrived_ms = talk_ms;
  r.step_since_ms = talk_ms;
  r.step = show.at.step;
}

Stay end(Rehearsal& r, double talk_ms) {
  credit_step(r, talk_ms);
  r.stay.ms = std::max(0.0, talk_ms - r.arrived_ms);
  r.open = false;
  ++r.stays;
  return r.stay;
}

}  // namespace

std::optional<Stay> observe(Rehearsal& r, const Show& show, double now_ms) {
  if (!started(show.timer)) return std::nullopt;
  const double t = elapsed_ms(show.timer, now_ms);
  if (!r.open) {
    begin(r, show, t);
    return std::nullopt;
  }
  if (show.at.slide != r.stay.slide) {
    Stay ended = end(r, t);
    begin(r, show, t);
    return ended;
  }
  if (show.at.step != r.step) {
    credit_step(r, t);
    r.step = show.at.step;
  }
  r.stay.ms = std::max(0.0, t - r.arrived_ms);
  return std::nullopt;
}

std::optional<Stay> close(Rehearsal& r, const Show& show, double now_ms) {
  if (!r.open || !started(show.timer)) return std::nullopt;
  return end(r, elapsed_ms(show.timer, now_ms));
}

Change focus(Rehearsal& r, Show& show, bool focused, double now_ms) {
  Change change;
  if (!focused) {
    if (started(show.timer) && !paused(show.timer)) {
      show.timer = toggle_pause(show.timer, show.at.slide, now_ms);
      r.paused_by_focus = true;
      change.any = true;
    }
  } else if (r.paused_by_focus) {
    r.paused_by_focus = false;
    if (paused(show.timer)) {
      show.timer = toggle_pause(show.timer, show.at.slide, now_ms);
      change.any = true;
    }
  }
  return change;
}

}  // namespace madang::show
