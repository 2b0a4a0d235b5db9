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
  std::string ink;             // present: the ink sidecar ("": beside the deck; "off": none)
  std::string time_cards = "console";  // a program: "hall" shows them in the hall too
  int talk = 0;  // a program (forum.yaml): the talk to start at (rehearse: to rehearse), 1-based
  // --remote (docs/remote.md): the phone's remote and the audience's page.
  struct Remote {
    bool on = false;             // --remote
    int port = 0;                // --remote-port (0: a free one)
    std::string bind;            // --remote-bind ("": the first LAN address)
    int remotes = 3;             // --remote-max: speakers' phones at once
    int audience = 64;           // --audience-max: audience pages at once
    bool control = true;         // false: the audience page only (a kiosk without PIN)
    bool audience_link = false;  // --audience-link: its QR code on the title slide (present)
  } remote;
};

// `madang rehearse`: presenting, timed and recorded (the same screens).
struct RehearseOptions {
  PresentOptions present;  // a program: present.talk is the talk to rehearse
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
  PresentOptions::Remote remote;  // --remote: the audience page only (docs/remote.md)
  bool visitor_ink = false;       // --visitor-ink: visitors draw with a finger (cleared when idle)
};

// The keys of the window modes, grouped by task as the `?` overlay shows
// them (for --help).
std::string keys_text();

int run_present(const PresentOptions& options);
int run_rehearse(const RehearseOptions& options);
int run_kiosk(const KioskOptions& options);

}  // namespace madang::app
