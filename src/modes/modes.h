// The window modes of `madang` (present, rehearse, kiosk): their options and
// entry points. Each parses and checks its deck before any window opens, then
// runs one controller over a show (modes/show_controller.h,
// modes/kiosk_mode.h) until it is done.
//
// Promise: each returns the process exit code: 0 success, 1 the deck has
// errors, 2 usage errors, no display, or no window.
#pragma once

#include <string>

#include "deck/deck.h"

namespace madang::app {

struct PresentOptions {
  std::string deck;
  deck::PdfOptions pdf;  // a PDF deck: --password, --notes-from, ...
  int slide = 1;
  bool fullscreen = false;
  int display = 0;             // the single view's display
  std::string duration;        // "20m": the talk's length (else the deck's `duration:`)
  int audience = -1;           // the hall's display with two screens (-1: not the primary)
  bool console = false;        // a presenter console even on one display
  bool no_console = false;     // one view, whatever the displays
  bool windowed = false;       // with --console on one display: the hall in a window too
  std::string history;         // the rehearsal history (budgets); "": the user's default
  bool learn_partial = false;  // budgets learn from partial rehearsals too
};

// `madang rehearse`: presenting, timed and recorded (the same screens).
struct RehearseOptions {
  PresentOptions present;
};

struct KioskOptions {
  std::string deck;
  deck::PdfOptions pdf;   // a PDF deck: --password, --notes-from, ...
  int display = -1;       // -1: full screen on every display
  bool windowed = false;  // in a window, without the keyboard grab (to try a deck out)
  std::string size;       // with --windowed: the window's size, WxH
  std::string pin_file;   // the PIN's hash (platform/pin.h says where else it is looked for)
  std::string advance;    // "15s": each step's time when the deck sets none
  std::string idle;       // "2m": back to the start after this long untouched
};

// The keys of the window modes, grouped by task as the `?` overlay shows
// them (for --help).
std::string keys_text();

int run_present(const PresentOptions& options);
int run_rehearse(const RehearseOptions& options);
int run_kiosk(const KioskOptions& options);

}  // namespace madang::app
