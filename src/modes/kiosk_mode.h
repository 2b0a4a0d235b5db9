// Kiosk mode: `madang kiosk DECK`. The deck runs by itself, full screen on
// every display, for days: it moves on after each step's time, loops to
// slide 1, lets visitors work the diagrams by touch and mouse and swipe
// between slides, and goes back to its start when they leave
// (show/kiosk.h has the timing). Nobody leaves it but the staff, with the
// chord and the PIN (input/kiosk_input.h). A copied-over deck reloads; a broken
// one keeps the last good deck and goes to the log only. SIGHUP reloads,
// SIGTERM and SIGINT end it (exit 0).
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

#include <memory>
#include <string>

#include "modes/kiosk_screens.h"
#include "platform/loop.h"
#include "platform/signals.h"
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

  // As SIGHUP: reads the deck again.
  void reload();
  // As SIGTERM: ends the loop (exit 0), saying why in the log.
  void end(const std::string& why);

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
