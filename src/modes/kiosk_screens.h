// The kiosk's windows: the hall's view full screen on every display (or on
// the one asked for), each drawing the same show at its own size, and the
// lockdown that belongs to windows (keyboard grab, always on top, the
// cursor, the staff keypad over the slide).
//
// Promise: owns windows and their pictures, never the show. A display that
// comes gets a window, one that goes takes its window with it (never the
// last one). Reload errors are never drawn: a kiosk's errors go to the log.
#pragma once

#include <SDL.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "input/kiosk_input.h"
#include "modes/deck_resources.h"
#include "modes/hall_input.h"
#include "modes/hall_view.h"
#include "modes/overlays.h"
#include "modes/show_screens.h"
#include "platform/window.h"
#include "show/show.h"

namespace madang::app {

struct KioskScreenOptions {
  int display = -1;       // -1: every display; else only this one
  bool windowed = false;  // in a window, no keyboard grab (trying a deck out; tests)
  int width = 0;          // windowed: the window's size; 0: 80% of the display
  int height = 0;
};

// A card over the slide (a program's title card, modes/kiosk_program.h),
// laid out for a window's size with the fonts of the deck on now.
using KioskCover = std::function<layout::DisplayList(text::FontSystem& fonts, layout::Size size)>;

// One window and its view.
struct KioskScreen {
  Screen screen;
  std::unique_ptr<HallView> view;
  bool animating = false;     // its last frame was mid-transition
  float overlay_unit = 1;     // modes/overlays.h
  layout::DisplayList cover;  // the cover as laid out for this window
  std::string cover_key;      // what `cover` was made for
};

class KioskScreens {
 public:
  KioskScreens(DeckResources& resources, const KioskScreenOptions& options);
  ~KioskScreens();
  KioskScreens(const KioskScreens&) = delete;
  KioskScreens& operator=(const KioskScreens&) = delete;

  // Opens the windows; false with a message.
  bool open(const deck::Deck& deck, std::string* error);
  // Displays came or went.
  void replan(const deck::Deck& deck);

  std::vector<std::unique_ptr<KioskScreen>>& all() { return screens_; }
  const std::vector<std::unique_ptr<KioskScreen>>& all() const { return screens_; }
  KioskScreen* of(Uint32 window_id);
  static HallTarget target(KioskScreen& s) { return {s.screen.window.get(), s.view.get()}; }

  // Draws and presents a frame of `s`: the hall's picture, and the keypad
  // over it while the gate is open.
  void draw(KioskScreen& s, const show::Show& show, const Gate& gate, double now_ms);
  // Visitors' ink drawn on the slides (nullptr: none); valid for the frames drawn.
  void set_marks(const HallMarks* marks) { marks_ = marks; }
  // Every window draws `cover` instead of the slide (black under it) until
  // it is set again; empty: none. A cut: running transitions stop.
  void set_cover(KioskCover cover);
  bool covered() const { return static_cast<bool>(cover_); }
  // The keypad as `s` lays it out now (for taps).
  KeypadLayout keypad_on(KioskScreen& s, GateMode mode) const;

  void deck_changed();
  void invalidate();
  void mark_dirty();

  // The keyboard: grabbed by `s` (it has the focus). Not when windowed.
  void grab_keyboard(KioskScreen& s);
  bool keyboard_grabbed() const;
  // The focus went to no window of ours: take it back.
  void take_focus();
  bool has_focus() const;

  void show_cursor(bool visible);
  bool cursor_shown() const { return cursor_shown_; }
  // The pointer's shape: a hand over a diagram element, else an arrow.
  void show_hand(bool hand);

  // Live textures of every window (leak checks).
  long texture_count() const;

 private:
  bool open_on(const deck::Deck& deck, int display, std::string* error);
  std::vector<int> wanted_displays() const;

  DeckResources& resources_;
  KioskScreenOptions options_;
  std::vector<std::unique_ptr<KioskScreen>> screens_;
  bool cursor_shown_ = true;
  SDL_Cursor* hand_ = nullptr;
  SDL_Cursor* arrow_ = nullptr;
  bool hand_shown_ = false;
  const HallMarks* marks_ = nullptr;
  KioskCover cover_;
  long cover_revision_ = 0;  // counts set_cover (each window's list is made again)
};

}  // namespace madang::app
