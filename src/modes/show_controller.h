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
//   MADANG_INK_TRACE=1            print "ink-frame event-to-present-ms=N
//                                 handled-to-present-ms=X draw-ms=Y" for
//                                 each hall frame that follows a pointer
//                                 move taken by the ink (a stroke, the laser)
//   MADANG_FRAME_TRACE=1          print "frame hall-ms=X console-ms=Y
//                                 animating=0|1" after each hall frame: its
//                                 drawing and presenting time, the console's
//                                 in the same pass (0: not drawn), and whether
//                                 a transition or diagram animation runs
//   MADANG_CLIP_TRACE=1           print "clip-stats shown=N dropped=M
//                                 underruns=K players=P" (the clips'
//                                 players, modes/clip_session.h) at the end
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
#include "modes/clip_session.h"
#include "modes/hall_input.h"
#include "modes/image_checks.h"
#include "modes/ink_session.h"
#include "modes/modes.h"
#include "modes/remote_link.h"
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
  // screen), or nullptr; `changed` redraws the hall; `covers`: the list hides
  // the slide, which is not drawn under it (ShowScreens::set_hall_overlay).
  void set_hall_overlay(const layout::DisplayList* list, bool changed, bool covers = false);
  // Something the trace line shows changed outside the show: print again.
  void retrace() { traced_ = false; }
  // The show changed outside the controller (the mode acted on it).
  void redraw_for(const show::Change& change);
  // Another show takes the windows (a forum's next talk, modes/forum_mode.h):
  // `other` and the show on now trade places, and the windows draw the new
  // one at once (a cut), at its own aspect and with its fonts, as after a
  // reload; the deck watcher follows it.
  void swap_show(show::Show& other);
  // The talk's clock at the loop's `now` (MADANG_PRESENT_CLOCK's when scripted).
  double talk_clock(double now) const { return talk_now(now); }

  // Lets the speaker draw and point (modes/ink_session.h): the ink keys, and
  // drags on the console's slide or the hall with a pen up. Off until called.
  void enable_ink(std::unique_ptr<InkSession> ink);
  InkSession* ink() { return ink_.get(); }

  // The phone's remote and the audience's page (modes/remote_link.h): its
  // commands act on the show here, on the loop's thread; the show is
  // published to it after each frame. Off (nullptr) unless --remote.
  void set_remote(RemoteLink* link) { remote_ = link; }

  // The deck's image checks (session/deck_loading.h load_show_deck_starting):
  // the start slide's are waited for when the windows have opened, the
  // rest run after the first frame; a damaged image turns into its
  // placeholder, with its warning, when it is found.
  void check_images(ImageChecks checks) { later_checks_.start(std::move(checks)); }

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
  // Ink: true when the event was the ink's (modes/ink_session.h).
  bool ink_key(int scancode, int mods, double now);
  bool ink_press(Screen* screen, float x, float y, float pressure, double now);
  bool ink_motion(Screen* screen, float x, float y, float pressure, double now);
  bool ink_release(double now);
  // K, J, L while the slide has a clip; true when a clip took the key.
  bool clip_key(int scancode, int mods, double now);
  // A press on the console's clip bar seeks (and starts a drag); true when it was there.
  bool clip_bar_press(Screen* screen, float x, float y, double now);
  void clips_changed();  // both windows show the clips' new state
  // Where (x, y) of `screen` (window units) is on the slide it shows, in
  // slide fractions; false when it is not over the slide.
  bool on_slide(Screen* screen, float x, float y, float* fx, float* fy, double now);
  // Brings the marks the windows draw up to date; true when they changed.
  bool update_marks(double now);
  void remote_commands(double now);  // drains the remote's queue
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
  std::unique_ptr<InkSession> ink_;
  RemoteLink* remote_ = nullptr;
  // The deck's images checked after the first frame (modes/image_checks.h).
  LaterImageChecks later_checks_;

  ClipSession clips_;             // video and sound on the slides (modes/clip_session.h)
  bool scrubbing_ = false;        // a drag on the console's clip bar is seeking
  Screen* ink_screen_ = nullptr;  // where the drag in progress started
  HallMarks hall_marks_, console_marks_;
  std::uint64_t marks_revision_ = ~std::uint64_t{0};
  float spot_x_ = 0.5f, spot_y_ = 0.5f, spot_radius_ = 0.15f;
  bool spot_visible_ = false;
  // The magnifier: on once a point or a rectangle is picked (M, then a click
  // or a drag), until the tool is put down.
  bool magnify_ = false, magnify_dragging_ = false;
  float mag_x_ = 0.5f, mag_y_ = 0.5f, mag_zoom_ = 2, mag_from_x_ = 0, mag_from_y_ = 0;
  float mag_to_x_ = 0, mag_to_y_ = 0;
  bool ink_trace_ = false;        // MADANG_INK_TRACE
  bool frame_trace_ = false;      // MADANG_FRAME_TRACE
  bool clear_all_asked_ = false;  // the console asks to confirm Shift+C
  Uint32 ink_input_ticks_ = 0;    // the first ink move not yet on screen (SDL ticks; 0: none)
  Uint64 ink_input_perf_ = 0;
  int marks_slide_ = -1, marks_step_ = -1, marks_console_slide_ = -1, marks_console_step_ = -1;
};

// The talk's length (`--duration`, or 0) and the screens a window mode's
// options ask for; false (printed as "madang COMMAND: ...") when they are
// wrong: not a length of time, --console with --no-console.
bool window_options(const char* command, const PresentOptions& options, double* duration_s,
                    ScreenOptions* screens);

}  // namespace madang::app
