// One slide's Markdown (cmark-gfm) to a deck::Slide: blocks, inline styles,
// directives, fragments. Private to deck/.
//
// Promise: positions printed in diagnostics are file lines and code point
// columns; nesting is capped (limits.h) and walked with bounded recursion;
// inline content is walked iteratively.
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/parse.h"
#include "deck/report.h"
#include "deck/source_text.h"
#include "deck/split.h"

namespace madang::deck {

struct SlideEnv {
  const LineIndex& lines;
  Reporter& report;
  const Meta& meta;
  std::string base_dir;  // absolute
  bool check_files = true;
  // Deck-wide text budget (limits.h), spent as slides are built.
  std::size_t* text_left = nullptr;
  bool* text_reported = nullptr;
};

Slide build_slide(const SlideSource& source, int index, const SlideEnv& env);

}  // namespace madang::deck
