// Kiosk mode: `madang kiosk DECK`. The deck runs by itself, full screen on
// every display, for days: it moves on after each step's time, loops to
// slide 1, lets visitors work the diagrams by touch and mouse and swipe
// between slides, and goes back to its start when they leave
// (show/kiosk.h has the timing). Nobody leaves it but the staff, with the
// chord and the PIN (input/kiosk_input.h). A copied-over deck reloads; a broken
// one keeps the last good deck and goes to the log only. SIGHUP reloads,
// SIGTERM and SIGINT end it (exit 0).
//
// A forum's program (`madang kiosk forum.yaml`) is a controller over this
// one (modes/kiosk_program.h) that trades the talks' shows in and puts
// title cards over them through the hooks below (KioskHooks, swap_show,
// set_cover): the policy is there, this keeps the windows and the timing.
//
// A small controller over one show::Show, as present mode is: every input
// becomes an event on the show (modes/hall_input.h shares the diagram input
// with present). The loop (platform/loop.h) sleeps until input or the next
// deadline; a standing slide costs no frame, and the time comes from the
// LoopClock, so a test runs this very loop through days of simulated time.
//
// Test and benchmark hooks (environment):
//   MADANG_KIOSK_TRACE=1  print "idle slide=S step=T phase=... " on stdout
//                         each time the show settles after drawing, and
//                         "keypad ..." with the keys' centres when it opens
#pragma once

#include <SDL.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "modes/kiosk_screens.h"
#include "platform/loop.h"
#include "platform/signals.h"
#include "session/deck_loading.h"
#include "show/kiosk.h"
#include "show/show.h"

namespace madang::app {

class RemoteLink;

struct KioskSetup {
  KioskScreenOptions screens;
  std::string pin_hash;                   // "": no PIN (the chord, then a confirm)
  const SignalEvents* signals = nullptr;  // SIGHUP, SIGTERM, SIGINT as events
  bool watch = true;                      // reload when the deck's files change
  bool trace = false;                     // MADANG_KIOSK_TRACE
  bool log = true;                        // log lines on stderr
  std::string deck_name;                  // as the user named it (the start line)
  std::string pin_from;                   // where pin_hash came from (the start line)
  bool visitor_ink = false;      // a drag on a slide draws (a tap still selects); cleared when idle
  RemoteLink* remote = nullptr;  // --remote: the audience page follows (modes/remote_link.h)
};

// What the kiosk did, for tests and the soak.
struct KioskStats {
  long frames = 0;  // frames the first window drew
  // Every frame of the first window is a picture of a change, a frame of an
  // animation (a transition, a diagram's 200 ms), a playing clip's next
  // picture, or a refresh the window system asked for (exposed, resized).
  long pictures = 0;
  long animation_frames = 0;
  long refreshes = 0;
  long clip_frames = 0;   // frames that show a playing clip's next picture
  long frames_all = 0;    // frames of every window
  long clip_players = 0;  // clips open now (modes/clip_session.h)
  long reloads = 0;       // decks taken
  long refused = 0;       // broken decks kept out
  long textures = 0;      // live textures of every window
  int windows = 0;
  show::Kiosk kiosk;  // advances, loops, returns
  Gate gate;
  bool animating = false;  // a transition or diagram animation is running
};

// What a program over the kiosk decides (modes/kiosk_program.h); unset:
// the kiosk runs its one show and loops it.
struct KioskHooks {
  // The kiosk would go beyond its show: forward (+1) past the last step or
  // back (-1) before the first, or either way from a cover (a card).
  // `visitor`: a visitor's move, else the kiosk's own after the step's or
  // the cover's time. The hook moves (swap_show, set_cover); false when it
  // did not (the show stays as it is).
  std::function<bool(int direction, bool visitor, double now)> move_on;
  // The visitor left: the hook puts the program's start up; the show on
  // then goes back to slide 1, every diagram at rest.
  std::function<void(double now)> back_to_start;
  // Appended to the trace line (MADANG_KIOSK_TRACE).
  std::function<std::string()> trace_extra;
};

class KioskMode final : public Mode {
 public:
  KioskMode(const KioskSetup& setup, show::Show show, LoopClock& clock);
  ~KioskMode() override;
  KioskMode(const KioskMode&) = delete;
  KioskMode& operator=(const KioskMode&) = delete;

  // Opens the windows and starts watching; false (after logging why) when
  // no window opens.
  bool open() override;
  void handle(const SDL_Event& event, double now_ms) override;
  double frame(double now_ms) override;
  bool done() const override;

  // As SIGHUP: reads the deck again (its images checked whole).
  void reload();
  // The deck's image checks (session/deck_loading.h load_deck_starting):
  // the start slide's are waited for when the windows have opened, the
  // rest run after the first frame; a damaged image turns into its
  // placeholder, its warning logged, when it is found.
  void check_images(ImageChecks checks);
  // As SIGTERM: ends the loop (exit 0), saying why in the log.
  void end(const std::string& why);

  // A program over the kiosk (modes/kiosk_program.h): its hooks, set once
  // before the loop runs.
  void set_hooks(KioskHooks hooks);
  // Another show takes the windows (a program's next talk): `other` and the
  // show on now trade places, and the windows draw the new one at once (a
  // cut) with its own fonts, aspect and clips; the deck watcher follows it.
  void swap_show(show::Show& other);
  // A card over every window's slide (the slide is not drawn under it) that
  // stands `stand_ms` when left alone (show::Kiosk::stand_ms); an empty
  // `cover`: none, the slide again. While it is up a visitor's tap, swipe,
  // wheel or key is a move of the hooks' (move_on), not the slide's.
  void set_cover(KioskCover cover, double stand_ms);
  bool covered() const;
  // Changes the show on now (the program restarts it, takes it to its end),
  // and draws the change as a cut.
  void change_show(const std::function<show::Change(show::Show&)>& change);

  KioskStats stats() const;
  const show::Show& show() const;
  // The first window (tests send it events) and its slide's display list.
  Uint32 window_id() const;
  const layout::DisplayList* hall_list();
  // Where the first window shows slide pixel (x, y), in window units.
  layout::Point window_point(float slide_x, float slide_y);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::app
