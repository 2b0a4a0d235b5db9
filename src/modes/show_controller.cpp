// The shared show controller (see show_controller.h).
//
// Index of this file:
// [SECTION] The mode
// [SECTION] Input: keys
// [SECTION] Input: pointer, touch, wheel
// [SECTION] Ink and pointers
// [SECTION] Reload
// [SECTION] Frames
// [SECTION] The remote
// [SECTION] Before the windows

#include "modes/show_controller.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "deck/duration.h"
#include "deck/parse.h"
#include "diagram/interaction.h"
#include "input/diagram_input.h"
#include "platform/sdl_support.h"
#include "session/deck_loading.h"
#include "session/ink_store.h"
#include "show/console_input.h"

namespace madang::app {

namespace {

constexpr float kMagnifyMin = 1.5f, kMagnifyMax = 4;

// Window units -> the window's pixels.
layout::Point pixels(const Screen& screen, float x, float y) {
  return window_to_slide(x, y, screen.window->scale(), layout::Rect{0, 0, 0, 0});
}

// MADANG_PRESENT_CLOCK: seconds apart by commas, in ms; empty when unset
// (or when a part is not a number of seconds >= 0).
std::vector<double> clock_script() {
  std::vector<double> ms;
  const char* v = std::getenv("MADANG_PRESENT_CLOCK");
  if (!v || !*v) return ms;
  for (const char* at = v;;) {
    char* end = nullptr;
    const double seconds = std::strtod(at, &end);
    if (end == at || !(seconds >= 0) || !std::isfinite(seconds) || (*end != ',' && *end != '\0')) {
      return {};
    }
    ms.push_back(seconds * 1000);
    if (*end == '\0') return ms;
    at = end + 1;
  }
}

// "elapsed=0:21 left=9:39 on-slide=0:00/1:40 pace=-2:59": the console's
// figures for the trace, "-" where it shows none.
std::string figures_text(const layout::ConsoleClock& c) {
  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  return "elapsed=" + c.elapsed + " left=" + (c.pace_known ? c.remaining : "-") +
         " on-slide=" + c.on_slide + "/" + (c.pace_known ? c.budget : "-") +
         " pace=" + or_dash(c.talk_delta);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] The mode
//-----------------------------------------------------------------------------

ShowController::ShowController(const ScreenOptions& screens, show::Show show, LoopClock& clock,
                               ShowPolicy policy)
    : show_(std::move(show)),
      clock_(clock),
      policy_(std::move(policy)),
      resources_(show_.deck, &warnings_),
      screens_(resources_, screens),
      clips_(ClipSessionOptions{.command = policy_.command}) {
  trace_ = env_flag("MADANG_PRESENT_TRACE");
  ink_trace_ = env_flag("MADANG_INK_TRACE");
  frame_trace_ = env_flag("MADANG_FRAME_TRACE");
  first_frame_exit_ = env_flag("MADANG_PRESENT_FIRST_FRAME");
  if (policy_.command == "present") script_ms_ = clock_script();  // rehearse keeps its clock
  if (const char* wall = std::getenv("MADANG_PRESENT_WALL")) wall_ = wall;
}

ShowController::~ShowController() {
  if (ink_) ink_->flush();  // the last strokes, written before the mode ends
  if (env_flag("MADANG_CLIP_TRACE")) {
    // tests/bench/clip_bench.sh: the players' figures when the show ends.
    const ClipSession::Stats s = clips_.stats();
    std::printf("clip-stats shown=%llu dropped=%llu underruns=%llu players=%zu\n",
                static_cast<unsigned long long>(s.frames_shown),
                static_cast<unsigned long long>(s.frames_dropped),
                static_cast<unsigned long long>(s.audio_underruns), s.players);
    std::fflush(stdout);
  }
}

void ShowController::mark(const char* phase) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " %s=%.1f", phase, clock_.now_ms());
  startup_ += buf;
}

void ShowController::say(const std::string& message) const {
  std::fprintf(stderr, "madang %s: %s\n", policy_.command.c_str(), message.c_str());
}

void ShowController::set_hall_overlay(const layout::DisplayList* list, bool changed, bool covers) {
  screens_.set_hall_overlay(list, covers);
  if (changed) screens_.hall().dirty = true;
}

bool ShowController::open() {
  // A presentation on one screen must not minimize when the speaker clicks
  // on another (the console, say); a click that focuses a window still counts.
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
  SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
  mark("fonts");
  for (const std::string& message : warnings_) say(message);
  std::string error;
  if (!screens_.open(show_.deck, &error)) {
    say(error);
    return false;
  }
  mark("windows");
  screens_.set_clips(&clips_);
  screens_.add_help(clip_help_lines());
  // Keys are read as scancodes; an IME composing Hangul would swallow them.
  SDL_StopTextInput();
  if (!first_frame_exit_) {
    watcher_ = std::make_unique<DeckWatcher>(policy_.command);
    watcher_->watch(show_.deck);
  }
  // The start slide's images, checked while the windows opened.
  later_checks_.before_first_frame(&show_.deck, &resources_, [](const Diagnostic& d) {
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  });
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Input: keys
//-----------------------------------------------------------------------------

void ShowController::key_down(int scancode, int mods, Screen* from, double now) {
  if (remote_ && remote_->card_key(scancode, mods)) {
    screens_.console().dirty = true;  // the remote's QR card, shown or hidden
    if (remote_->audience_link()) screens_.hall().dirty = true;
    return;
  }
  if (clip_key(scancode, mods, now)) return;  // before the ink's: L is its laser elsewhere
  if (ink_ && ink_key(scancode, mods, now)) return;
  show::Change change;
  if (diagram_key(show_, hall_list(hall_target(), show_, hall_covered()), scancode, mods,
                  &change)) {
    redraw_for(change);
    return;
  }
  // The diagrams did not take it (say Tab before the diagram's fragment is
  // revealed: nothing to focus): the key keeps its usual meaning.
  const KeyMode mode = show_.at.overview ? KeyMode::kOverview : KeyMode::kSlides;
  act(lookup(default_bindings(), scancode, mods, mode), from, now);
}

void ShowController::act(const Action& action, Screen* from, double now) {
  if (action.kind == ActionKind::kNone) return;
  if (action.kind == ActionKind::kTimerReset && !policy_.timer_reset) return;
  if (action.kind == ActionKind::kSwapScreens) {
    screens_.swap(show_.deck);
    return;
  }
  // Full screen (F, and Esc at the end of its chain) is the window's the
  // key came from.
  Screen& target = from ? *from : screens_.hall();
  show_.at.fullscreen = target.window->placement().fullscreen;
  const show::HallPicture before = show::hall(show_);
  const bool overview_before = show_.at.overview;
  const show::Change change = show::act(show_, action, talk_now(now));
  if (show_.at.fullscreen != target.window->placement().fullscreen) {
    Placement p = target.window->placement();
    p.fullscreen = show_.at.fullscreen;
    target.window->place(p);
    target.dirty = true;
  }
  show_.at.fullscreen = screens_.hall().window->placement().fullscreen;
  if (!change.any) return;
  redraw_for(change);
  if (change.slide_changed) screens_.show_hand(false);
  if (!change.hall) return;
  // The hall moved on: it slides or fades, but cuts straight to the slide
  // out of (or into) a black screen or, in a single view, the overview.
  const show::HallPicture after = show::hall(show_);
  const bool overview_in_hall = !screens_.has_console() && (overview_before || show_.at.overview);
  const bool plain =
      after.blank == show::Blank::kNone && before.blank == show::Blank::kNone && !overview_in_hall;
  const bool moved = after.slide != before.slide || after.state.step != before.state.step;
  if (moved && plain) {
    begin_hall_transition(hall_target(), show_, before, now);
  } else {
    screens_.hall_view().skip_transition();
  }
}

void ShowController::redraw_for(const show::Change& change) {
  if (!change.any) return;
  screens_.console().dirty = true;
  if (change.hall || !screens_.has_console()) screens_.hall().dirty = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Input: pointer, touch, wheel
//-----------------------------------------------------------------------------

void ShowController::pointer(Screen* screen, float x, float y, double now) {
  if (!screen) return;
  if (screen == &screens_.hall()) {
    if (screens_.has_console()) redraw_for(show::point(show_, false, 0, 0, now));
    if (!hall_list(hall_target(), show_, hall_covered())) return;
    redraw_for(hall_hover(show_, hall_target(), x, y, hall_covered()));
  } else {
    if (show_.at.overview || show_.at.help) return;
    const layout::ConsoleLayout& laid = console_layout(now);
    const layout::Point p = pixels(*screen, x, y);
    const layout::Rect& r = laid.current;
    const bool over = r.contains(p.x, p.y) && show_.at.blank == show::Blank::kNone;
    // The console's slide carries the hall's hit regions in console pixels:
    // hovering there is hovering in the hall, and the hall shows a dot.
    redraw_for(show::take(
        show_, diagram::pointer_move(laid.base, show::here(show_), over ? p.x : -1, over ? p.y : -1)
                   .state));
    redraw_for(show::point(show_, over && !show_.freeze.on, (p.x - r.x) / std::max(1.0f, r.w),
                           (p.y - r.y) / std::max(1.0f, r.h), now));
  }
  const bool hand = !show::here(show_).hovered.empty();
  if (hand != screens_.hand_shown()) screens_.show_hand(hand);
}

bool ShowController::clip_key(int scancode, int mods, double now) {
  if (mods != kModNone || !clips_.has_clips_here() || show_.at.overview) return false;
  bool took = false;
  if (scancode == SDL_SCANCODE_K) took = clips_.toggle_here(now / 1000);
  if (scancode == SDL_SCANCODE_J) took = clips_.skip_here(-10, now / 1000);
  if (scancode == SDL_SCANCODE_L) took = clips_.skip_here(10, now / 1000);
  if (took) clips_changed();
  return took;
}

bool ShowController::clip_bar_press(Screen* screen, float x, float y, double now) {
  const layout::ClipBarLayout* bar = screens_.clip_bar();
  if (!screen || screen != &screens_.console() || !bar) return false;
  const layout::Point p = pixels(*screen, x, y);
  if (!bar->bar.contains(p.x, p.y)) return false;
  ClipSession::Here here;
  if (bar->track.contains(p.x, p.y) && clips_.here(&here)) {
    clips_.seek_here(layout::clip_bar_time(*bar, here.duration_s, p.x), now / 1000);
    scrubbing_ = true;
  } else if (p.x < bar->track.x) {
    clips_.toggle_here(now / 1000);  // the play button and the times
  }
  clips_changed();
  return true;
}

void ShowController::clips_changed() {
  screens_.hall().dirty = true;
  if (screens_.console()) screens_.console().dirty = true;
}

void ShowController::click(Screen* screen, float x, float y, double now) {
  if (!screen) return;
  if (clip_bar_press(screen, x, y, now)) return;
  if (show_.at.overview && screen == &screens_.overlay_screen()) {
    const layout::Point p = pixels(*screen, x, y);
    const int hit = overview_hit(screens_.overview_grid_on(*screen, show_), p.x, p.y);
    if (hit >= 0) act({ActionKind::kOverviewPick, hit}, screen, now);
    return;
  }
  const deck::Slide* slide = show::current_slide(show_);
  if (!slide) return;
  if (screen == &screens_.hall()) {
    // Not handled (no diagram there, nothing to reset): a click on a slide
    // means nothing else; it does not advance.
    int link_slide = 0, link_step = 0;
    if (hall_link(show_, hall_target(), x, y, hall_covered(), &link_slide, &link_step)) {
      // A PDF's table of contents: to the page the link names, through the
      // same moves as the keys (the rehearsal records them, the hall fades).
      act({ActionKind::kGoto, link_slide}, screen, now);
      for (int i = 0; i < link_step; ++i) act({ActionKind::kNext}, screen, now);
      return;
    }
    const std::string clip = hall_clip(show_, hall_target(), x, y, hall_covered());
    if (!clip.empty()) {
      clips_.toggle(clip, now / 1000);
      clips_changed();
      return;
    }
    redraw_for(hall_click(show_, hall_target(), x, y, hall_covered()));
    return;
  }
  const layout::ConsoleLayout& laid = console_layout(now);
  const layout::Point p = pixels(*screen, x, y);
  for (const layout::ConsoleStripItem& item : laid.strip) {
    if (item.rect.contains(p.x, p.y)) {
      act({ActionKind::kGoto, item.slide}, screen, now);
      return;
    }
  }
  if (!laid.current.contains(p.x, p.y) || show_.at.blank != show::Blank::kNone) return;
  if (const std::string clip = clip_at(laid.base, p.x, p.y); !clip.empty()) {
    clips_.toggle(clip, now / 1000);
    clips_changed();
    return;
  }
  // A click on the console's slide is the click the hall would get.
  redraw_for(
      show::take(show_, diagram::click(*slide, laid.base, show::here(show_), p.x, p.y).state));
}

void ShowController::wheel(Screen* screen, int y, double now) {
  if (screen && screen == &screens_.console() && !show_.at.overview) {
    int mx = 0, my = 0;
    SDL_GetMouseState(&mx, &my);
    const layout::Point p = pixels(*screen, static_cast<float>(mx), static_cast<float>(my));
    if (console_layout(now).notes.contains(p.x, p.y)) {
      // The wheel scrolls the notes under it, not the talk.
      if (y != 0) act({y < 0 ? ActionKind::kNotesDown : ActionKind::kNotesUp}, screen, now);
      return;
    }
  }
  act(wheel_action(y), screen, now);
}

void ShowController::handle(const SDL_Event& e, double now) {
  switch (e.type) {
    case SDL_QUIT:
      show_.at.quit = true;
      return;
    case SDL_KEYDOWN:
      if (!script_ms_.empty() && e.key.repeat == 0) {
        script_at_ms_ = script_ms_[std::min(script_keys_++, script_ms_.size() - 1)];
      }
      key_down(e.key.keysym.scancode, key_mods(e.key.keysym.mod), screens_.of(e.key.windowID), now);
      return;
    case SDL_MOUSEMOTION:
      // Touches arrive as SDL_FINGER* too (and a finger hovers nothing).
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;
      if (scrubbing_) {
        if ((e.motion.state & SDL_BUTTON_LMASK) == 0) {
          scrubbing_ = false;
        } else if (const layout::ClipBarLayout* bar = screens_.clip_bar()) {
          Screen* screen = screens_.of(e.motion.windowID);
          ClipSession::Here here;
          if (screen == &screens_.console() && clips_.here(&here)) {
            const layout::Point p =
                pixels(*screen, static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
            clips_.seek_here(layout::clip_bar_time(*bar, here.duration_s, p.x), now / 1000);
            clips_changed();
          }
          return;
        }
      }
      if (ink_ && ink_motion(screens_.of(e.motion.windowID), static_cast<float>(e.motion.x),
                             static_cast<float>(e.motion.y), 1, now)) {
        if (ink_trace_ && ink_input_ticks_ == 0) {
          ink_input_ticks_ = e.motion.timestamp;
          ink_input_perf_ = SDL_GetPerformanceCounter();
        }
        return;
      }
      pointer(screens_.of(e.motion.windowID), static_cast<float>(e.motion.x),
              static_cast<float>(e.motion.y), now);
      return;
    case SDL_MOUSEBUTTONDOWN:
      // Touches come as SDL_FINGERUP (below): the mouse SDL makes of them
      // would click twice.
      if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID) return;
      if (ink_ && ink_press(screens_.of(e.button.windowID), static_cast<float>(e.button.x),
                            static_cast<float>(e.button.y), 1, now)) {
        return;
      }
      click(screens_.of(e.button.windowID), static_cast<float>(e.button.x),
            static_cast<float>(e.button.y), now);
      return;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT) scrubbing_ = false;
      if (e.button.button == SDL_BUTTON_LEFT && e.button.which != SDL_TOUCH_MOUSEID)
        ink_release(now);
      return;
    case SDL_MOUSEWHEEL:
      if (ink_ && ink_->tool() == InkTool::kMagnifier && magnify_) {
        // The wheel zooms the magnifier, 1.5x to 4x.
        const int y = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
        mag_zoom_ = std::clamp(mag_zoom_ * (y > 0 ? 1.25f : 0.8f), kMagnifyMin, kMagnifyMax);
        return;
      }
      if (ink_ && ink_->tool() == InkTool::kSpotlight) {
        // The wheel sizes the spotlight.
        const int y = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
        spot_radius_ = std::clamp(spot_radius_ * (y > 0 ? 1.15f : 1 / 1.15f), 0.04f, 0.6f);
        screens_.hall().dirty = true;
        return;
      }
      wheel(screens_.of(e.wheel.windowID),
            e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y, now);
      return;
    case SDL_FINGERDOWN: {
      // With a pen up a finger draws (with the pressure the screen reports).
      Screen* s = screens_.of(e.tfinger.windowID);
      if (ink_ && s && draws(ink_->tool())) {
        const layout::Point p = finger_to_window(e.tfinger.x, e.tfinger.y, s->window->scale());
        if (ink_press(s, p.x, p.y, e.tfinger.pressure, now)) return;
      }
      touches_.down(e.tfinger.fingerId, e.tfinger.x, e.tfinger.y);
      return;
    }
    case SDL_FINGERMOTION: {
      Screen* s = screens_.of(e.tfinger.windowID);
      if (ink_ && s && ink_->dragging()) {
        const layout::Point p = finger_to_window(e.tfinger.x, e.tfinger.y, s->window->scale());
        ink_motion(s, p.x, p.y, e.tfinger.pressure, now);
        return;
      }
      touches_.move(e.tfinger.fingerId, e.tfinger.x, e.tfinger.y);
      return;
    }
    case SDL_FINGERUP: {
      if (ink_release(now)) return;
      const Gesture g = touches_.up(e.tfinger.fingerId, e.tfinger.x, e.tfinger.y);
      Screen* s = screens_.of(e.tfinger.windowID);
      if (!s) s = &screens_.hall();
      if (g.kind == Gesture::Kind::kTap) {
        // A tap that misses the diagrams does nothing, as a click.
        const layout::Point p = finger_to_window(g.x, g.y, s->window->scale());
        click(s, p.x, p.y, now);
      } else if (g.kind == Gesture::Kind::kSwipe) {
        act(g.swipe, s, now);
      }
      return;
    }
    case SDL_WINDOWEVENT: {
      if (e.window.event == SDL_WINDOWEVENT_CLOSE) {
        show_.at.quit = true;  // the window manager's close button: the speaker asked
        return;
      }
      Screen* s = screens_.of(e.window.windowID);
      if (!s) return;
      if (e.window.event == SDL_WINDOWEVENT_LEAVE && s == &screens_.console()) {
        redraw_for(show::point(show_, false, 0, 0, now));
      }
      if (needs_redraw(e.window.event)) {
        s->dirty = true;
        if (s == &screens_.hall()) screens_.hall_view().skip_transition();
      }
      // The window manager may change full screen behind our back (once we
      // have asked for it: see frame).
      if (s->frames > 0) s->window->adopt_fullscreen(s->window->fullscreen_now());
      return;
    }
    case SDL_DISPLAYEVENT:
      // A projector plugged in or pulled out: the windows go where they can
      // be seen; the show goes on where it was.
      if (e.display.event == SDL_DISPLAYEVENT_CONNECTED ||
          e.display.event == SDL_DISPLAYEVENT_DISCONNECTED) {
        screens_.replan(show_.deck);
      }
      return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      screens_.invalidate();
      return;
    default:
      if (remote_ && remote_->woke(e)) {
        remote_commands(now);
        return;
      }
      if (later_checks_.woke(e)) {
        // An image found damaged after the first frame: its placeholder now.
        if (later_checks_.apply(&show_.deck, &resources_, [](const Diagnostic& d) {
              std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
            })) {
          screens_.hall().dirty = true;
          screens_.console().dirty = true;
        }
        return;
      }
      if (watcher_ && watcher_->changed(e)) reload();
      return;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Ink and pointers
//-----------------------------------------------------------------------------

void ShowController::enable_ink(std::unique_ptr<InkSession> ink) {
  ink_ = std::move(ink);
  screens_.add_help(ink_help_lines());
  screens_.set_ink(&ink_->document());
  marks_revision_ = ~std::uint64_t{0};
}

bool ShowController::ink_key(int scancode, int mods, double now) {
  const InkAction action = ink_lookup(scancode, mods, ink_->tool());
  if (action.key == InkKey::kNone) return false;
  const InkTool before = ink_->tool();
  ink_->key(action, show_.at.slide, show::here(show_).step, now);
  screens_.console().dirty = true;  // a question (Shift+C) or its answer
  if (ink_->tool() != InkTool::kMagnifier) {
    magnify_ = magnify_dragging_ = false;
    mag_zoom_ = 2;
  }
  if (ink_->tool() != before) {
    // A tool in hand: the plain pointer dot gives way to it.
    redraw_for(show::point(show_, false, 0, 0, now));
    spot_visible_ = false;
    screens_.hall().dirty = true;
    screens_.console().dirty = true;
  }
  return true;
}

bool ShowController::on_slide(Screen* screen, float x, float y, float* fx, float* fy, double now) {
  if (!screen || show_.at.overview || show_.at.help) return false;
  if (show_.at.blank != show::Blank::kNone) return false;
  layout::Rect r;
  layout::Point p;
  if (screen == &screens_.hall()) {
    int w = 0, h = 0;
    ShowScreens::output_size(*screen, &w, &h);
    r = screens_.hall_view().slide_rect_of(w, h, show_.deck);
    p = pixels(*screen, x, y);
  } else {
    r = console_layout(now).current;
    p = pixels(*screen, x, y);
  }
  const ink::InkPoint q = ink::to_slide(r, p.x, p.y);
  *fx = q.x;
  *fy = q.y;
  return r.contains(p.x, p.y);
}

bool ShowController::ink_press(Screen* screen, float x, float y, float pressure, double now) {
  if (!ink_) return false;
  float fx = 0, fy = 0;
  if (ink_->tool() == InkTool::kMagnifier) {
    if (!on_slide(screen, x, y, &fx, &fy, now)) return false;
    magnify_dragging_ = true;
    mag_from_x_ = mag_to_x_ = fx;
    mag_from_y_ = mag_to_y_ = fy;
    ink_screen_ = screen;
    return true;
  }
  if (!draws(ink_->tool())) return false;
  if (!on_slide(screen, x, y, &fx, &fy, now)) return false;
  // A frozen hall shows another slide than the console: ink goes on the
  // slide of the window drawn on.
  int slide = show_.at.slide, step = show::here(show_).step;
  if (screen == &screens_.hall()) {
    const show::HallPicture picture = show::hall(show_);
    slide = picture.slide;
    step = picture.state.step;
  }
  if (!ink_->press(slide, step, {fx, fy, pressure}, now)) return false;
  ink_screen_ = screen;
  return true;
}

bool ShowController::ink_motion(Screen* screen, float x, float y, float pressure, double now) {
  if (!ink_) return false;
  if (magnify_dragging_) {
    if (screen == ink_screen_) on_slide(screen, x, y, &mag_to_x_, &mag_to_y_, now);
    return true;
  }
  if (ink_->dragging()) {
    if (screen != ink_screen_) return true;
    float fx = 0, fy = 0;
    on_slide(screen, x, y, &fx, &fy, now);
    ink_->drag({std::clamp(fx, 0.0f, 1.0f), std::clamp(fy, 0.0f, 1.0f), pressure}, now);
    return true;
  }
  const InkTool tool = ink_->tool();
  if (tool != InkTool::kLaser && tool != InkTool::kSpotlight) return draws(tool);
  float fx = 0, fy = 0;
  const bool over = on_slide(screen, x, y, &fx, &fy, now);
  ink_->point(over, fx, fy, now);
  if (tool == InkTool::kSpotlight) {
    spot_visible_ = over;
    spot_x_ = fx;
    spot_y_ = fy;
  }
  screens_.hall().dirty = true;
  return true;
}

bool ShowController::ink_release(double now) {
  if (ink_ && magnify_dragging_) {
    magnify_dragging_ = false;
    const float fx = std::clamp(mag_to_x_, 0.0f, 1.0f), fy = std::clamp(mag_to_y_, 0.0f, 1.0f);
    const float w = std::fabs(fx - mag_from_x_), h = std::fabs(fy - mag_from_y_);
    if (w < 0.02f && h < 0.02f) {
      mag_x_ = mag_from_x_;  // a click: twice as large around it
      mag_y_ = mag_from_y_;
    } else {
      // A rectangle: as large as fits it.
      mag_x_ = (fx + mag_from_x_) / 2;
      mag_y_ = (fy + mag_from_y_) / 2;
      mag_zoom_ = std::clamp(1 / std::max(w, h), kMagnifyMin, kMagnifyMax);
    }
    magnify_ = true;
    ink_screen_ = nullptr;
    return true;
  }
  if (!ink_ || !ink_->release(now)) return false;
  ink_screen_ = nullptr;
  return true;
}

bool ShowController::update_marks(double now) {
  if (!ink_) return false;
  const std::uint64_t revision = ink_->revision();
  const bool laser = ink_->tool() == InkTool::kLaser;
  const bool fading = laser && ink_->laser_fading(now);
  if (revision == marks_revision_ && !fading && !(laser && !hall_marks_.laser.empty()) &&
      hall_marks_.magnify == magnify_ && hall_marks_.zoom == mag_zoom_ &&
      hall_marks_.mag_x == mag_x_ && hall_marks_.mag_y == mag_y_ &&
      hall_marks_.spotlight == (spot_visible_ && ink_->tool() == InkTool::kSpotlight) &&
      hall_marks_.spot_radius == spot_radius_ && hall_marks_.spot_x == spot_x_ &&
      hall_marks_.spot_y == spot_y_) {
    return false;
  }
  marks_revision_ = revision;
  const show::HallPicture picture = show::hall(show_);
  hall_marks_ = {};
  hall_marks_.strokes = ink_->strokes(picture.slide, picture.state.step);
  if (laser) {
    for (const LaserMark& m : ink_->laser_trail(now)) {
      hall_marks_.laser.push_back(
          {m.x, m.y, static_cast<float>(std::clamp((now - m.at_ms) / kLaserTrailMs, 0.0, 1.0))});
    }
  }
  hall_marks_.spotlight = spot_visible_ && ink_->tool() == InkTool::kSpotlight;
  hall_marks_.spot_x = spot_x_;
  hall_marks_.spot_y = spot_y_;
  hall_marks_.spot_radius = spot_radius_;
  hall_marks_.magnify = magnify_;
  hall_marks_.mag_x = mag_x_;
  hall_marks_.mag_y = mag_y_;
  hall_marks_.zoom = mag_zoom_;
  console_marks_ = {};
  console_marks_.magnify = magnify_;
  console_marks_.mag_x = mag_x_;
  console_marks_.mag_y = mag_y_;
  console_marks_.zoom = mag_zoom_;
  console_marks_.strokes = ink_->strokes(show_.at.slide, show::here(show_).step);
  console_marks_.laser = hall_marks_.laser;
  screens_.set_marks(&hall_marks_, &console_marks_);
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Reload
//-----------------------------------------------------------------------------

void ShowController::reload() {
  // The images of the slide on screen checked now, the rest after the
  // frame (as at the start): a save during a talk of many photos must not
  // stop the show while every photo is read again.
  std::vector<std::string> later;
  const deck::ParseResult fresh =
      load_deck_first(show_.deck.path, show_.at.slide + 1, &later, show_.deck.pdf_options);
  for (const Diagnostic& d : fresh.diagnostics) {
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
  const show::ReloadOutcome outcome = show::reload(show_, fresh);
  if (outcome.accepted) {
    later_checks_.start(std::move(later));  // the old deck's checks end
    std::vector<std::string> warnings;
    resources_.deck_changed(show_.deck, &warnings);
    for (const std::string& message : warnings) say(message);
    if (planner) planner(show_);
    if (ink_) ink_->set_slides(slide_tags(show_.deck));  // the ink follows its slides
    screens_.deck_changed();
    diagram_clock_.reset();
    if (screens_.hand_shown()) screens_.show_hand(false);
    watcher_->watch(show_.deck);  // the images may have changed
  }
  // A refused edit shows on the console, never in the hall; in a single
  // view the hall is the speaker's screen too.
  if (outcome.accepted || !screens_.has_console()) screens_.hall().dirty = true;
  screens_.console().dirty = true;
}

void ShowController::swap_show(show::Show& other) {
  later_checks_.stop();  // they were of the deck going away (a forum's are checked whole)
  std::swap(show_, other);
  show_.at.fullscreen = other.at.fullscreen;
  std::vector<std::string> warnings;
  resources_.deck_changed(show_.deck, &warnings);
  for (const std::string& message : warnings) say(message);
  screens_.deck_changed();
  diagram_clock_.reset();
  if (screens_.hand_shown()) screens_.show_hand(false);
  if (watcher_) watcher_->watch(show_.deck);
  screens_.hall_view().skip_transition();
  screens_.hall().dirty = true;
  screens_.console().dirty = true;
  traced_ = false;
}

//-----------------------------------------------------------------------------
// [SECTION] Frames
//-----------------------------------------------------------------------------

layout::ConsoleInput ShowController::console_now(double now, double* next_tick_ms) {
  double to_minute = 60'000;
  const std::string wall = wall_.empty() ? wall_clock(&to_minute) : wall_;
  *next_tick_ms = to_minute;
  const double talk = talk_now(now);
  if (show::started(show_.timer) && !show::paused(show_.timer) && script_ms_.empty()) {
    // The talk's time reads in whole seconds: the next change is at the
    // next second of elapsed time. (A scripted clock moves on keys only.)
    const double elapsed = show::elapsed_ms(show_.timer, talk);
    *next_tick_ms = std::min(*next_tick_ms, 1000.0 - std::fmod(elapsed, 1000.0));
  }
  layout::ConsoleInput input = show::console_input(show_, talk, wall);
  input.badge = policy_.console_badge;
  if (ink_) {
    // Shift+C asks before it clears the whole talk's ink: the console says so.
    const double until = ink_->clear_all_asked_until(now);
    if (until >= 0) {
      input.badge = "모든 잉크 지우기? Shift+C";
      *next_tick_ms = std::min(*next_tick_ms, std::max(1.0, until - now));
    }
  }
  return input;
}

// The console as it is now (laid out again only when needed).
const layout::ConsoleLayout& ShowController::console_layout(double now) {
  int w = 0, h = 0;
  ShowScreens::output_size(screens_.console(), &w, &h);
  double tick = 0;
  return screens_.console_view().laid_out(show_.deck, console_now(now, &tick), w, h);
}

double ShowController::frame(double now) {
  constexpr double kFrameMs = 1000.0 / 60;
  redraw_for(diagram_clock_.tick(show_, now));
  if (show::hide_still_pointer(show_, now)) screens_.hall().dirty = true;
  double sleep = -1;  // until input
  auto soon = [&](double ms) { sleep = sleep < 0 ? ms : std::min(sleep, ms); };
  if (ink_) {
    // The slide or step may have moved (other strokes show), or the ink
    // changed: the marks are made again and both windows redrawn.
    const show::HallPicture picture = show::hall(show_);
    const bool moved = picture.slide != marks_slide_ || picture.state.step != marks_step_ ||
                       show_.at.slide != marks_console_slide_ ||
                       show::here(show_).step != marks_console_step_;
    if (moved) marks_revision_ = ~std::uint64_t{0};
    marks_slide_ = picture.slide;
    marks_step_ = picture.state.step;
    marks_console_slide_ = show_.at.slide;
    marks_console_step_ = show::here(show_).step;
    if (update_marks(now)) {
      screens_.hall().dirty = true;
      screens_.console().dirty = true;
    }
    if (ink_->laser_fading(now)) soon(kFrameMs);
    const double save = ink_->tick(now);
    if (save >= 0) soon(save);
  }
  if (remote_) {
    // The phones hear of every change (before the frames are drawn: they
    // need not wait for them), and of the clock once a second.
    double to_minute = 0;
    remote_->publish(show_, talk_now(now), wall_.empty() ? wall_clock(&to_minute) : wall_,
                     resources_.generation());
    soon(std::max(1.0, 1000 - std::fmod(now, 1000)));
    if (show_.pointer.visible) {
      soon(std::max(1.0, show_.pointer.moved_ms + show::kPointerHideMs - now));
    }
  }
  {
    // Clips follow what the hall shows; a new frame redraws both windows.
    const show::HallPicture picture = show::hall(show_);
    // Black, white, or the overview or help over the only screen: clips pause.
    clips_.follow(show_.deck, resources_.generation(), picture.slide, picture.state.step,
                  picture.blank != show::Blank::kNone || hall_covered(), now / 1000);
    double next_s = -1;
    if (clips_.tick(now / 1000, &next_s)) clips_changed();
    if (next_s >= 0) soon(next_s * 1000);
  }
  bool drew = false;

  // The hall: only when something it shows changed, or a transition runs.
  Screen& hall = screens_.hall();
  if (remote_ && remote_->audience_link()) {
    // --audience-link: the audience page's QR code on the title slide.
    int hw = 0, hh = 0;
    ShowScreens::output_size(hall, &hw, &hh);
    screens_.set_hall_overlay(
        remote_->hall_card(resources_.fonts(), hw, hh, show::hall(show_).slide));
  }
  const bool animating = screens_.hall_view().animating(now);
  if (!hall.window->minimized() && (hall.dirty || animating || hall_animating_)) {
    screens_.draw_hall(show_, now);
    if (ink_trace_ && ink_input_ticks_ != 0) {
      // From the input event (SDL's timestamp, whole ms) and from its
      // handling (the performance counter) to the frame presented.
      const double handled_ms = static_cast<double>(SDL_GetPerformanceCounter() - ink_input_perf_) *
                                1000.0 / static_cast<double>(SDL_GetPerformanceFrequency());
      std::printf("ink-frame event-to-present-ms=%u handled-to-present-ms=%.2f draw-ms=%.2f\n",
                  SDL_GetTicks() - ink_input_ticks_, handled_ms, hall.frame_ms);
      std::fflush(stdout);
      ink_input_ticks_ = 0;
    }
    if (first_frame_exit_ && hall.frames == 1) mark("hall");
    drew = true;
    if (hall.frames == 1 && !first_frame_exit_) hall.window->confirm_fullscreen();
  }
  hall.dirty = false;
  hall_animating_ = animating;
  const bool hall_drew = drew;
  if (animating || diagram::animating(show::here(show_))) {
    soon(hall.window->vsync() && animating ? 0 : kFrameMs);
  }

  // The console: when the show changed, or when the time it shows did.
  Screen& console = screens_.console();
  if (console && remote_) {
    // The remote's QR card, on the speaker's screen only (never the hall).
    int cw = 0, ch = 0;
    ShowScreens::output_size(console, &cw, &ch);
    screens_.set_console_overlay(remote_->card(resources_.fonts(), cw, ch));
  }
  double console_ms = 0;  // this frame's console drawing, for MADANG_FRAME_TRACE
  if (console) {
    double tick = -1;
    const layout::ConsoleInput input = console_now(now, &tick);
    const bool asking = ink_ && ink_->clear_all_asked_until(now) >= 0;
    if (asking != clear_all_asked_) console.dirty = true;  // the question shows or goes
    clear_all_asked_ = asking;
    if (!console.window->minimized() && (console.dirty || !(input.clock == drawn_clock_))) {
      drew = drew || console.dirty;
      screens_.draw_console(show_, input);
      console_ms = console.frame_ms;
      if (first_frame_exit_ && console.frames == 1) mark("console");
      drawn_clock_ = input.clock;
      if (console.frames == 1 && !first_frame_exit_) console.window->confirm_fullscreen();
    }
    console.dirty = false;
    soon(tick);
    if (show_.pointer.visible) {
      soon(std::max(1.0, show_.pointer.moved_ms + show::kPointerHideMs - now));
    }
  }

  if (frame_trace_ && hall_drew) {
    std::printf("frame hall-ms=%.2f console-ms=%.2f animating=%d\n", hall.frame_ms, console_ms,
                animating || diagram::animating(show::here(show_)) ? 1 : 0);
    std::fflush(stdout);
  }
  if (first_frame_exit_ && hall.frames > 0 && (!console || console.frames > 0)) {
    mark("frame");
    std::printf("first-frame-ms %.1f\nvmhwm-kb %ld\nrenderer %s\nwindows %d\nphases%s\n",
                clock_.now_ms(), peak_memory_kb(), hall.window->renderer_name().c_str(),
                console ? 2 : 1, startup_.c_str());
    std::fflush(stdout);
    first_frame_done_ = true;
    return 0;
  }
  if (drew) traced_ = false;
  if (sleep < 0 || sleep > kFrameMs) print_idle();
  return sleep;
}

void ShowController::print_idle() {
  if (!trace_ || traced_) return;
  traced_ = true;
  const show::PresentState& at = show_.at;
  const layout::SlideState& here = show::here(show_);
  const Screen& hall = screens_.hall();
  const Screen& console = screens_.console();
  const char* blank = at.blank == show::Blank::kBlack   ? "black"
                      : at.blank == show::Blank::kWhite ? "white"
                                                        : "none";
  const double talk = talk_now(clock_.now_ms());
  const layout::ConsoleClock shown = show::console_clock(show_, talk, "");
  const char* timer = !show::started(show_.timer) ? "stopped"
                      : show::paused(show_.timer) ? "paused"
                                                  : "running";
  std::printf(
      "idle slide=%d step=%d blank=%s overview=%d cursor=%d help=%d jump=%s fullscreen=%d "
      "errors=%d slides=%d frames=%ld frame-ms=%.1f selected=%s row=%s focused=%s "
      "hovered=%s console=%d console-frames=%ld frozen=%d timer=%s pointer=%d notes-zoom=%d "
      "notes-scroll=%d hall-display=%d console-display=%d displays=%d budget=%.1f %s",
      at.slide + 1, at.step, blank, at.overview ? 1 : 0, at.overview_cursor + 1, at.help ? 1 : 0,
      at.jump.empty() ? "-" : at.jump.c_str(), hall.window->placement().fullscreen ? 1 : 0,
      show_.error_count, show_.shape.slide_count(), hall.frames, hall.frame_ms,
      ids_or_dash(here.selected).c_str(), here.row.empty() ? "-" : here.row.c_str(),
      here.focused.empty() ? "-" : here.focused.c_str(),
      here.hovered.empty() ? "-" : here.hovered.c_str(), console ? 1 : 0, console.frames,
      show_.freeze.on ? 1 : 0, timer, show_.pointer.visible ? 1 : 0, show_.notes_zoom,
      show_.notes_scroll, hall.window->placement().display,
      console ? console.window->placement().display : -1, display_count(),
      show::pace_now(show_, talk).slide_budget_s, figures_text(shown).c_str());
  if (trace_extra) std::fputs(trace_extra().c_str(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

//-----------------------------------------------------------------------------
// [SECTION] The remote
//-----------------------------------------------------------------------------

// The phone's commands, as the keys would act (a goto to a step is the
// slide, then Next, as a PDF's link does).
void ShowController::remote_commands(double now) {
  for (const remote::Command& c : remote_->take()) {
    switch (c.kind) {
      case remote::Command::Kind::kNext:
        act({ActionKind::kNext}, nullptr, now);
        break;
      case remote::Command::Kind::kPrev:
        act({ActionKind::kPrev}, nullptr, now);
        break;
      case remote::Command::Kind::kBlack:
        act({ActionKind::kBlack}, nullptr, now);
        break;
      case remote::Command::Kind::kGoto:
        act({ActionKind::kGoto, c.slide - 1}, nullptr, now);
        if (const deck::Slide* slide = show::current_slide(show_)) {
          // Within the slide: a step past its last is its last.
          for (int i = 1; i < c.step && show_.at.step < slide->steps; ++i) {
            act({ActionKind::kNext}, nullptr, now);
          }
        }
        break;
      case remote::Command::Kind::kPointer:
        redraw_for(show::point(show_, c.visible && !show_.freeze.on, c.x, c.y, now));
        screens_.hall().dirty = true;
        break;
    }
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Before the windows
//-----------------------------------------------------------------------------

bool window_options(const char* command, const PresentOptions& o, double* duration_s,
                    ScreenOptions* screens) {
  *duration_s = 0;
  if (!o.duration.empty() && !deck::parse_duration(o.duration, duration_s)) {
    std::fprintf(stderr, "madang %s: --duration must be a length of time, %s (got '%s')\n", command,
                 deck::kDurationForms, o.duration.c_str());
    return false;
  }
  if (o.console && o.no_console) {
    std::fprintf(stderr, "madang %s: --console and --no-console contradict each other\n", command);
    return false;
  }
  screens->audience = o.audience;
  screens->console = o.console;
  screens->no_console = o.no_console;
  screens->windowed = o.windowed;
  screens->fullscreen = o.fullscreen;
  screens->display = o.display;
  return true;
}

}  // namespace madang::app
