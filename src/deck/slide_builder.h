// One slide's Markdown (cmark-gfm) to a deck::Slide: blocks, inline styles,
// directives, fragments. Private to deck/.
//
// Promise: positions printed in diagnostics are file lines and code point
// columns; nesting is capped (limits.h) and walked with bounded recursion;
// inline content is walked iteratively.
#pragma once

#include <string>

#include "deck/code_highlight.h"
#include "deck/deck.h"
#include "deck/directives.h"
#include "deck/parse.h"
#include "deck/report.h"
#include "deck/source_text.h"
#include "deck/split.h"

namespace madang::deck {

class ImageFiles;  // deck/images.h

struct SlideEnv {
  const LineIndex& lines;
  Reporter& report;
  const Meta& meta;
  // The deck's folder and the image files looked at so far in this load
  // (notes and header lines resolve no image of their own: they share it).
  ImageFiles& images;
  // Deck-wide text budget (limits.h), spent as slides are built.
  std::size_t* text_left = nullptr;
  bool* text_reported = nullptr;
  // Marp's local directives so far, carried from slide to slide (in/out);
  // the front matter's spot ones apply to slide 1.
  LocalDirectives* carry = nullptr;
  const LocalDirectives* first_spots = nullptr;
  // Global directives written in a comment (`<!-- theme: gaia -->`) land here.
  Meta* globals = nullptr;
  // Colours code blocks (null: they stay plain); one for the deck, so that
  // each language's definition is read once.
  CodeHighlighter* highlighter = nullptr;
};

// *counted: whether the slide takes a page number (Marp's hold and skip do not).
Slide build_slide(const SlideSource& source, int index, const SlideEnv& env, bool* counted);

}  // namespace madang::deck
