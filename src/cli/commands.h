// The batch subcommands of `madang` (check, export, layout, rehearsals, kiosk
// --hash-pin), as functions over plain option structs. The window modes
// (present, rehearse, kiosk) are modes/modes.h.
//
// Promise: each returns the process exit code: 0 success, 1 the deck has
// errors (or warnings with --strict), 2 usage or I/O errors. Diagnostics go to
// stderr in FILE:LINE:COL form; machine output (JSON) goes to stdout.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"

namespace madang::app {

struct CheckOptions {
  std::string deck;
  deck::PdfOptions pdf;  // a PDF deck: --password, --notes-from, ...
  bool strict = false;
  bool stats = false;  // print per-slide type sizes and coverage (layout/stats.h)
};

// The presenter console as it would look (export --console, layout --console).
struct ConsoleScene {
  std::string clock;     // the wall clock shown, "HH:MM"; empty: now
  std::string elapsed;   // talk time so far, "12:30"; empty: the timer not started
  std::string duration;  // the talk's length, "20m"; empty: the deck's `duration:`
};

struct ExportOptions {
  std::string deck;
  deck::PdfOptions pdf;  // a PDF deck: --password, --notes-from, ...
  std::string png_dir;   // --png DIR: slide-NN.png (or console-NN.png) files
  std::string pdf_file;  // --pdf FILE: one PDF (at least one of the two)
  std::string size;      // PNG only, "WxH"; empty means 1920x1080
  std::string slides;    // "1,3-5"; empty means all
  std::string select;    // "gov,market"
  bool steps = false;    // PDF: a page per fragment step
  bool notes = false;    // PDF: handout pages, the slide above its notes
  bool console = false;  // PNG: the presenter console instead of the slides
  ConsoleScene scene;
  bool ink = false;      // --ink: the speaker's ink over the slides (its sidecar)
  std::string ink_file;  // --ink-file: that sidecar ("": beside the deck, as present)
};

struct LayoutOptions {
  std::string deck;
  deck::PdfOptions pdf;  // a PDF deck: --password, --notes-from, ...
  int slide = 0;         // 0: all
  std::string size = "1920x1080";
  bool json = true;
  std::string select;
  bool console = false;
  ConsoleScene scene;
  int talk = 1;  // a program (forum.yaml): the talk on now, 1-based
};

// `madang rehearsals`: the recorded runs of a deck.
struct RehearsalsOptions {
  std::string deck;
  deck::PdfOptions pdf;  // a PDF deck: --password, --notes-from, ...
  std::string history;   // "": the user's default
  bool csv = false;
  bool json = false;
  std::string plot;  // a chart to FILE.png
  std::string size = "1600x900";
  long long forget = 0;        // a run's id to remove (> 0)
  int last = 5;                // runs shown side by side in the table
  bool learn_partial = false;  // budgets learn from partial runs too
};

// What to say of a command word that is none of `commands` ("unknown
// command 'chek'; did you mean 'check'?"); "" when it is one of them.
std::string unknown_command(const std::string& word, const std::vector<std::string>& commands);

int run_check(const CheckOptions& options);
int run_export(const ExportOptions& options);
int run_layout(const LayoutOptions& options);
int run_export_console(const ExportOptions& options);  // export with --console
int run_layout_console(const LayoutOptions& options);  // layout with --console
int run_rehearsals(const RehearsalsOptions& options);
// `madang kiosk --hash-pin`: a PIN on stdin (asked twice, without echo, on a
// terminal), its hash on stdout.
int run_hash_pin();

}  // namespace madang::app
