// The batch commands on a forum's program (`forum.yaml`, deck/program.h):
// check, export and layout, reached from run_check, run_export and
// run_layout when the path is a program (deck::is_program_path).
//
// Promise: as commands.h: exit 0 success, 1 errors (or warnings with
// --strict), 2 usage or I/O errors; every message at its own FILE:LINE:COL
// (the program's in the program file, each deck's in its deck).
//   check:  the program, then every talk's deck as `madang check DECK` would.
//   export --pdf: one PDF, every talk preceded by its card (a break by its
//           card), a two-level outline (talk -> slide titles), page labels
//           per talk ("2-0" the card, "2-14" its slide 14), metadata from the
//           program; --notes the handout version (A4, notes below).
//   export --png DIR: DIR/talk-NN/ per talk (card.png and slide-NN.png),
//           DIR/break-NN.png per break.
//   layout --console --json: the program panel as data at --talk, --elapsed
//           and --clock, and its display list.
#pragma once

#include "cli/commands.h"

namespace madang::app {

int run_check_program(const CheckOptions& options);
int run_export_program(const ExportOptions& options);
int run_layout_program(const LayoutOptions& options);

}  // namespace madang::app
