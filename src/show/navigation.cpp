#include "show/navigation.h"

#include <algorithm>
#include <cmath>

namespace madang::show {

namespace {

int clamp_slide(int index, const DeckShape& shape) {
  return std::clamp(index, 0, std::max(0, shape.slide_count() - 1));
}

int steps_of(int slide, const DeckShape& shape) {
  if (slide < 0 || slide >= shape.slide_count()) return 0;
  return std::max(0, shape.steps[static_cast<std::size_t>(slide)]);
}

PresentState go_to(PresentState s, int index, const DeckShape& shape) {
  s.slide = clamp_slide(index, shape);
  s.step = 0;
  s.overview = false;
  s.blank = Blank::kNone;
  s.jump.clear();
  return s;
}

PresentState next(PresentState s, const DeckShape& shape) {
  if (s.step < steps_of(s.slide, shape)) {
    ++s.step;
  } else if (s.slide + 1 < shape.slide_count()) {
    ++s.slide;
    s.step = 0;
  }
  return s;
}

PresentState prev(PresentState s, const DeckShape& shape) {
  if (s.step > 0) {
    --s.step;
  } else if (s.slide > 0) {
    // Going back lands on the previous slide as it was left: fully revealed.
    --s.slide;
    s.step = steps_of(s.slide, shape);
  }
  return s;
}

PresentState move_cursor(PresentState s, int dx, int dy, const DeckShape& shape) {
  const int n = shape.slide_count();
  if (n == 0) return s;
  const int cols = overview_columns(n);
  int c = s.overview_cursor + dx;
  if (dy < 0 && c - cols >= 0) c -= cols;
  if (dy > 0 && (c / cols + 1) * cols < n) c = std::min(c + cols, n - 1);
  s.overview_cursor = std::clamp(c, 0, n - 1);
  return s;
}

PresentState overview_action(PresentState s, const Action& a, const DeckShape& shape) {
  switch (a.kind) {
    case ActionKind::kNext:
    case ActionKind::kOverviewRight:
      return move_cursor(s, +1, 0, shape);
    case ActionKind::kPrev:
    case ActionKind::kOverviewLeft:
      return move_cursor(s, -1, 0, shape);
    case ActionKind::kOverviewUp:
      return move_cursor(s, 0, -1, shape);
    case ActionKind::kOverviewDown:
      return move_cursor(s, 0, +1, shape);
    case ActionKind::kFirst:
      s.overview_cursor = 0;
      return s;
    case ActionKind::kLast:
      s.overview_cursor = clamp_slide(shape.slide_count() - 1, shape);
      return s;
    case ActionKind::kEnter:
      return go_to(s, s.overview_cursor, shape);
    default:
      return s;
  }
}

}  // namespace

int overview_columns(int slides) {
  if (slides <= 1) return 1;
  // Thumbnails share the screen's aspect, so a square grid of cells fills it.
  return static_cast<int>(std::ceil(std::sqrt(static_cast<double>(slides))));
}

PresentState apply(const PresentState& state, const Action& action, const DeckShape& shape) {
  PresentState s = state;
  const ActionKind k = action.kind;

  // Typed digits survive only digit, Enter, Backspace and Escape.
  const bool keeps_jump = k == ActionKind::kDigit || k == ActionKind::kEnter ||
                          k == ActionKind::kBackspace || k == ActionKind::kEscape ||
                          k == ActionKind::kNone;
  if (!keeps_jump) s.jump.clear();

  switch (k) {
    case ActionKind::kNone:
      return s;
    case ActionKind::kQuit:
      s.quit = true;
      return s;
    case ActionKind::kFullscreen:
      s.fullscreen = !s.fullscreen;
      return s;
    case ActionKind::kHelp:
      s.help = !s.help;
      return s;
    case ActionKind::kBlack:
      s.blank = s.blank == Blank::kBlack ? Blank::kNone : Blank::kBlack;
      return s;
    case ActionKind::kWhite:
      s.blank = s.blank == Blank::kWhite ? Blank::kNone : Blank::kWhite;
      return s;
    case ActionKind::kOverview:
      s.overview = !s.overview;
      if (s.overview) s.overview_cursor = s.slide;
      return s;
    case ActionKind::kEscape:
      if (!s.jump.empty()) {
        s.jump.clear();
      } else if (s.help) {
        s.help = false;
      } else if (s.overview) {
        s.overview = false;
      } else if (s.blank != Blank::kNone) {
        s.blank = Blank::kNone;
      } else {
        s.fullscreen = false;
      }
      return s;
    case ActionKind::kDigit:
      if (s.jump.size() < 4 && action.value >= 0 && action.value <= 9) {
        s.jump.push_back(static_cast<char>('0' + action.value));
      }
      return s;
    case ActionKind::kBackspace:
      if (!s.jump.empty()) {
        s.jump.pop_back();
        return s;
      }
      return apply(s, {ActionKind::kPrev}, shape);
    case ActionKind::kEnter:
      if (!s.jump.empty()) return go_to(s, std::stoi(s.jump) - 1, shape);
      if (s.overview) return overview_action(s, action, shape);
      return apply(s, {ActionKind::kNext}, shape);
    case ActionKind::kGoto:
      return go_to(s, action.value, shape);
    case ActionKind::kOverviewPick:
      return go_to(s, action.value < 0 ? s.overview_cursor : action.value, shape);
    default:
      break;
  }

  if (s.overview) return overview_action(s, action, shape);

  switch (k) {
    case ActionKind::kNext:
    case ActionKind::kPrev:
      // On a blank screen the first press only brings the slide back, so a
      // stray key never moves the talk on unseen.
      if (s.blank != Blank::kNone) {
        s.blank = Blank::kNone;
        return s;
      }
      return k == ActionKind::kNext ? next(s, shape) : prev(s, shape);
    case ActionKind::kFirst:
      return go_to(s, 0, shape);
    case ActionKind::kLast:
      return go_to(s, shape.slide_count() - 1, shape);
    default:
      return s;  // overview movement without an overview: nothing to do
  }
}

PresentState clamp_to(const PresentState& state, const DeckShape& shape) {
  PresentState s = state;
  s.slide = clamp_slide(s.slide, shape);
  s.step = std::clamp(s.step, 0, steps_of(s.slide, shape));
  s.overview_cursor = clamp_slide(s.overview_cursor, shape);
  return s;
}

std::string action_name(const Action& action) {
  static const char* const kNames[] = {
      "none",          "next",          "prev",          "first",         "last",
      "goto",          "digit",         "enter",         "backspace",     "black",
      "white",         "fullscreen",    "overview",      "overview-left", "overview-right",
      "overview-up",   "overview-down", "overview-pick", "help",          "escape",
      "quit",          "timer",         "timer-reset",   "freeze",        "notes-bigger",
      "notes-smaller", "notes-down",    "notes-up",      "swap-screens",
  };
  static_assert(sizeof kNames / sizeof kNames[0] == static_cast<int>(ActionKind::kSwapScreens) + 1);
  std::string name = kNames[static_cast<int>(action.kind)];
  if (action.kind == ActionKind::kGoto || action.kind == ActionKind::kDigit ||
      action.kind == ActionKind::kOverviewPick) {
    name += " " + std::to_string(action.value);
  }
  return name;
}

}  // namespace madang::show
