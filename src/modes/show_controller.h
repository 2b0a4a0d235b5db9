// One show on its windows: what every window mode shares. Every key, click,
// tap, wheel turn and clicker press, from either window, becomes an event on
// the show (show/show.h); the deck reloads when saved; frames draw only what
// changed, and the loop (platform/loop.h) sleeps until input or the next
// deadline: a transition or diagram animation frame, the console's next
// clock tick (at most once a second), the pointer's hiding.
//
// Promise: a Mode by itself (`madang present` is this and its entry point,
// modes/present.cpp); other modes wrap it (modes/rehearse.cpp) and add their
// policy through ShowPolicy and the hooks below, never by copying it. Holds
// the show, the deck's resources and the windows; no globals.
//
// Test and benchmark hooks (environment):
//   MADANG_PRESENT_TRACE=1        print "idle slide=S step=T ... " on stdout
//                                 each time the show settles after drawing,
//                                 ending with the console's figures:
//                                 "elapsed=0:21 left=9:39 on-slide=0:00/1:40
//                                 pace=-2:59" ("-" where it shows none)
//   MADANG_PRESENT_FIRST_FRAME=1  print "first-frame-ms X" and "vmhwm-kb N"
//                                 once every window has drawn, then exit 0
//   MADANG_PRESENT_CLOCK=S1,S2,…  the talk's clock, scripted: it stands at 0
//                                 and the k-th key press (auto-repeats aside)
//                                 moves it to Sk seconds, where it stays until
//                                 the next (after the last, at the last). The
//                                 timer, the pace and the console read it;
//                                 transitions and the pointer keep the loop's.
//                                 `present` only (rehearse times on its own).
//   MADANG_PRESENT_WALL=HH:MM     the console's wall clock, fixed (as
//                                 `export --console --clock`). With the two, a
//                                 test holds the live console at a known time
//                                 against `export --console --elapsed`.
#pragma once

#include <SDL.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "input/touch.h"
#include "modes/hall_input.h"
#include "modes/modes.h"
#include "modes/show_screens.h"
#include "platform/deck_watcher.h"
#include "platform/loop.h"
#include "show/show.h"

namespace madang::app {

// What a mode changes in the shared handling.
struct ShowPolicy {
  std::string command = "present";  // in messages: "madang present: ..."
  bool timer_reset = true;          // Shift+R resets the timer (not while a run is timed)
  std::string console_badge;        // shown in the console's top bar ("리허설 · 기록 중")
};

class ShowController final : public Mode {
 public:
  ShowController(const ScreenOptions& screens, show::Show show, LoopClock& clock,
                 ShowPolicy policy = {});
  ~ShowController() override;

  // Opens the windows and starts watching the deck; false (printed) when
  // no window could open.
  bool open() override;

  void handle(const SDL_Event& e, double now) override;
  double frame(double now) override;
  bool done() const override { return show_.at.quit || first_frame_done_; }

  show::Show& show() { return show_; }
  ShowScreens& screens() { return screens_; }
  DeckResources& resources() { return resources_; }

  // Called after a reload replaced the deck (the mode plans again: see
  // show::set_plan). Unset: the duration shared evenly.
  std::function<void(show::Show&)> planner;
  // Appended to each trace line (" run=3 recorded=12").
  std::function<std::string()> trace_extra;

  // A display list the mode draws over the hall (a rehearsal bar on a single
  // screen), or nullptr; `changed` redraws the hall.
  void set_hall_overlay(const layout::DisplayList* list, bool changed);
  // Something the trace line shows changed outside the show: print again.
  void retrace() { traced_ = false; }
  // The show changed outside the controller (the mode acted on it).
  void redraw_for(const show::Change& change);

 private:
  void key_down(int scancode, int mods, Screen* from, double now);
  void act(const Action& action, Screen* from, double now);
  HallTarget hall_target() { return {screens_.hall().window.get(), &screens_.hall_view()}; }
  bool hall_covered() const {
    return !screens_.has_console() && (show_.at.overview || show_.at.help);
  }
  void pointer(Screen* screen, float x, float y, double now);
  void click(Screen* screen, float x, float y, double now);
  void wheel(Screen* screen, int y, double now);
  void reload();
  layout::ConsoleInput console_now(double now, double* next_tick_ms);
  // The talk's clock at the loop's `now` (MADANG_PRESENT_CLOCK's when scripted).
  double talk_now(double now) const { return script_ms_.empty() ? now : script_at_ms_; }
  const layout::ConsoleLayout& console_layout(double now);
  void print_idle();
  void mark(const char* phase);
  void say(const std::string& message) const;

  show::Show show_;
  LoopClock& clock_;
  ShowPolicy policy_;
  std::vector<std::string> warnings_;  // of opening the fonts
  DeckResources resources_;
  ShowScreens screens_;
  std::unique_ptr<DeckWatcher> watcher_;
  bool trace_ = false, first_frame_exit_ = false, first_frame_done_ = false;
  std::string startup_;  // "phase=ms ..." up to the first frame
  DiagramClock diagram_clock_;
  bool hall_animating_ = false;  // the last hall frame was mid-transition
  layout::ConsoleClock drawn_clock_;
  bool traced_ = false;
  TouchTracker touches_;
  std::vector<double> script_ms_;  // MADANG_PRESENT_CLOCK, in ms; empty: the loop's clock
  std::size_t script_keys_ = 0;    // key presses so far
  double script_at_ms_ = 0;
  std::string wall_;  // MADANG_PRESENT_WALL; empty: the machine's
};

// The talk's length (`--duration`, or 0) and the screens a window mode's
// options ask for; false (printed as "madang COMMAND: ...") when they are
// wrong: not a length of time, --console with --no-console.
bool window_options(const char* command, const PresentOptions& options, double* duration_s,
                    ScreenOptions* screens);

}  // namespace madang::app
