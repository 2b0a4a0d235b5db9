#include "show/show.h"

#include <algorithm>
#include <cmath>

#include "diagram/interaction.h"

namespace madang::show {

namespace {

void plan(Show& show) {
  show.duration_s =
      show.duration_override_s > 0 ? show.duration_override_s : show.deck.meta.duration_s;
  show.budgets_s = even_budgets(show.shape.slide_count(), show.duration_s);
}

// Every diagram at rest; the current slide's stepped flows follow its step.
void reset_diagrams(Show& show) {
  show.slides.assign(std::max<std::size_t>(1, show.deck.slides.size()), layout::SlideState{});
  if (const deck::Slide* slide = current_slide(show)) {
    here(show) = diagram::on_step(*slide, here(show), show.at.step);
  }
}

}  // namespace

Show open_show(deck::Deck deck, const ShowOptions& options) {
  Show show;
  show.deck = std::move(deck);
  show.shape = shape_of(show.deck);
  show.at.slide = options.slide - 1;
  show.at.fullscreen = options.fullscreen;
  show.at = clamp_to(show.at, show.shape);
  show.duration_override_s = options.duration_s;
  plan(show);
  reset_diagrams(show);
  return show;
}

layout::SlideState& here(Show& show) {
  return show.slides[static_cast<std::size_t>(
      std::clamp(show.at.slide, 0, static_cast<int>(show.slides.size()) - 1))];
}

const layout::SlideState& here(const Show& show) {
  return show.slides[static_cast<std::size_t>(
      std::clamp(show.at.slide, 0, static_cast<int>(show.slides.size()) - 1))];
}

const deck::Slide* current_slide(const Show& show) {
  if (show.at.slide < 0 || show.at.slide >= static_cast<int>(show.deck.slides.size())) {
    return nullptr;
  }
  return &show.deck.slides[static_cast<std::size_t>(show.at.slide)];
}

Change act(Show& show, const Action& action, double now_ms) {
  Change change;
  const HallPicture hall_before = hall(show);
  switch (action.kind) {
    case ActionKind::kTimerToggle:
      show.timer = toggle_pause(show.timer, show.at.slide, now_ms);
      change.any = true;
      return change;
    case ActionKind::kTimerReset:
      show.timer = reset(show.timer);
      change.any = true;
      return change;
    case ActionKind::kFreeze:
      if (show.freeze.on) {
        show.freeze = {};
      } else {
        show.freeze = {true, show.at.slide, here(show)};
        show.freeze.state.hovered.clear();
      }
      change.any = true;
      change.hall =
          !(hall(show).slide == hall_before.slide && hall(show).state == hall_before.state);
      return change;
    case ActionKind::kNotesBigger:
    case ActionKind::kNotesSmaller: {
      const int zoom =
          std::clamp(show.notes_zoom + (action.kind == ActionKind::kNotesBigger ? 1 : -1),
                     kNotesZoomMin, kNotesZoomMax);
      change.any = zoom != show.notes_zoom;
      show.notes_zoom = zoom;
      return change;
    }
    case ActionKind::kNotesDown:
    case ActionKind::kNotesUp: {
      // The console clamps the far end (it knows how long the notes are).
      const int scroll =
          std::max(0, show.notes_scroll + (action.kind == ActionKind::kNotesDown ? 1 : -1));
      change.any = scroll != show.notes_scroll;
      show.notes_scroll = scroll;
      return change;
    }
    case ActionKind::kSwapScreens:
      return change;  // the windows' business
    default:
      break;
  }

  const PresentState before = show.at;
  const layout::SlideState before_slide = here(show);
  show.at = apply(show.at, action, show.shape);
  if (show.at == before) return change;
  change.any = true;
  change.from_slide = before.slide;
  change.from_state = before_slide;
  change.moved = show.at.slide != before.slide || show.at.step != before.step;
  change.slide_changed = show.at.slide != before.slide;
  if (change.slide_changed) {
    show.slides[static_cast<std::size_t>(before.slide)].hovered.clear();
    show.timer = slide_changed(show.timer, show.at.slide, now_ms);
    show.notes_scroll = 0;
  } else if (change.moved) {
    show.timer = start(show.timer, show.at.slide, now_ms);  // the first reveal starts the talk too
  }
  if (change.moved) {
    // A stepped flow highlights the step the clicker just revealed.
    if (const deck::Slide* slide = current_slide(show)) {
      here(show) = diagram::on_step(*slide, here(show), show.at.step);
    }
  }
  const HallPicture after = hall(show);
  change.hall = after.slide != hall_before.slide || !(after.state == hall_before.state) ||
                after.blank != hall_before.blank;
  return change;
}

Change take(Show& show, const layout::SlideState& state) {
  Change change;
  if (state == here(show)) return change;
  const bool hall_sees = !show.freeze.on;
  here(show) = state;
  change.any = true;
  change.hall = hall_sees;
  return change;
}

Change restart(Show& show, double now_ms) {
  Change change;
  const HallPicture before = hall(show);
  const std::vector<layout::SlideState> slides_before = show.slides;
  const PresentState at_before = show.at;
  PresentState at = apply(show.at, {ActionKind::kGoto, 0}, show.shape);
  at.help = false;
  at.overview = false;
  at.jump.clear();
  show.at = at;
  show.freeze = {};
  show.pointer.visible = false;
  reset_diagrams(show);
  if (show.at.slide != at_before.slide) {
    show.timer = slide_changed(show.timer, show.at.slide, now_ms);
    show.notes_scroll = 0;
  }
  const HallPicture after = hall(show);
  change.hall = after.slide != before.slide || !(after.state == before.state) ||
                after.blank != before.blank || after.pointer.visible != before.pointer.visible;
  change.any = change.hall || !(show.at == at_before) || show.slides != slides_before;
  change.from_slide = before.slide;
  change.from_state = before.state;
  change.moved = show.at.slide != at_before.slide || show.at.step != at_before.step;
  change.slide_changed = show.at.slide != at_before.slide;
  return change;
}

Change point(Show& show, bool visible, float x, float y, double now_ms) {
  Change change;
  Pointer p = show.pointer;
  p.visible = visible;
  if (visible) {
    p.x = std::clamp(x, 0.0f, 1.0f);
    p.y = std::clamp(y, 0.0f, 1.0f);
    p.moved_ms = now_ms;
  }
  if (p.visible == show.pointer.visible &&
      (!visible || (p.x == show.pointer.x && p.y == show.pointer.y))) {
    show.pointer.moved_ms = p.moved_ms;
    return change;
  }
  show.pointer = p;
  change.any = true;
  change.hall = true;
  return change;
}

bool hide_still_pointer(Show& show, double now_ms) {
  if (!show.pointer.visible || now_ms - show.pointer.moved_ms < kPointerHideMs) return false;
  show.pointer.visible = false;
  return true;
}

ReloadOutcome reload(Show& show, const deck::ParseResult& fresh) {
  ReloadOutcome outcome = reload_policy(show.at, fresh);
  if (!outcome.accepted) {
    show.errors = outcome.errors;
    show.error_count = outcome.error_count;
    return outcome;
  }
  show.deck = fresh.deck;
  show.shape = shape_of(show.deck);
  show.at = outcome.state;
  show.errors.clear();
  show.error_count = 0;
  // The frozen picture may name a slide that no longer exists.
  show.freeze = {};
  show.notes_scroll = 0;
  plan(show);
  reset_diagrams(show);
  return outcome;
}

HallPicture hall(const Show& show) {
  HallPicture h;
  h.blank = show.at.blank;
  h.pointer = show.pointer;
  if (show.freeze.on) {
    h.frozen = true;
    h.slide = show.freeze.slide;
    h.state = show.freeze.state;
    h.pointer.visible = false;  // the speaker points at what they see, not at the frozen slide
    return h;
  }
  h.slide = show.at.slide;
  h.state = here(show);
  return h;
}

NextStep next_step(const Show& show) {
  NextStep n;
  const PresentState moved = apply(show.at, {ActionKind::kNext}, show.shape);
  if (moved.slide == show.at.slide && moved.step == show.at.step) {
    n.end = true;
    return n;
  }
  n.slide = moved.slide;
  n.same_slide = moved.slide == show.at.slide;
  const deck::Slide& slide = show.deck.slides[static_cast<std::size_t>(moved.slide)];
  // The next slide as it will first appear (its diagrams at rest); a
  // fragment of this slide with this slide's diagram state.
  const layout::SlideState base =
      n.same_slide ? here(show) : show.slides[static_cast<std::size_t>(moved.slide)];
  n.state = diagram::on_step(slide, base, moved.step);
  n.state.hovered.clear();
  n.state.focused.clear();
  n.state.animation = 1;
  n.state.diagram_animation = 1;
  n.state.previous_selected.clear();
  n.state.previous_row.clear();
  return n;
}

TalkTime talk_time(const Show& show, double now_ms) {
  TalkTime t;
  t.started = started(show.timer);
  t.paused = paused(show.timer);
  t.elapsed_s = std::floor(elapsed_ms(show.timer, now_ms) / 1000.0);
  t.on_slide_s = std::max(0.0, t.elapsed_s - std::floor(show.timer.slide_since / 1000.0));
  t.pace = pace(show.budgets_s, show.at.slide, t.elapsed_s, t.on_slide_s, show.duration_s);
  return t;
}

Pace pace_now(const Show& show, double now_ms) {
  return talk_time(show, now_ms).pace;
}

double arrive_after(Show& show, double elapsed_s) {
  const double now_ms = elapsed_s * 1000;
  show.timer = slide_changed(start(Timer{}, 0, 0), show.at.slide, now_ms);
  return now_ms;
}

bool set_plan(Show& show, std::vector<double> budgets_s, double duration_s) {
  if (static_cast<int>(budgets_s.size()) != show.shape.slide_count()) return false;
  show.budgets_s = std::move(budgets_s);
  if (duration_s > 0) show.duration_s = duration_s;
  return true;
}

}  // namespace madang::show
