// Reading a fenced `diagram KIND` block's YAML into a deck::Diagram.
// Private to deck/.
//
// Promise: every problem is located at its line inside the fence (the fence
// line + the YAML line + 1); a diagram with errors is still returned with
// whatever could be read, so that layout can draw a placeholder.
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/report.h"
#include "deck/source_text.h"

namespace madang::deck {

struct DiagramSource {
  std::string kind;                      // the word after `diagram` in the info string
  std::string yaml;                      // the fence's content
  int fence_line = 0, fence_column = 0;  // file position of the opening fence
};

// Returns false when the kind is unknown or the YAML unusable.
bool read_diagram(const DiagramSource& source, const LineIndex& lines, Reporter& report,
                  Diagram* out);

}  // namespace madang::deck
