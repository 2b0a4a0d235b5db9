// Handout pages: a slide in a frame above, its speaker notes below, on an A4
// portrait page (the `--notes` PDF export).
//
// Promise: pure like layout_slide; the notes (Markdown: paragraphs, lists,
// emphasis) are laid out by the same block and text engine as the slides
// (Korean keep-all breaking, fallback, autofit), body type at 13 pt.
// The page is a DisplayList in handout pixels, two to a PDF point (the same
// density as a 1920-pixel slide on a 960-point page); the slide itself is not
// in it: the caller draws the slide's own list into `slide_box`.
#pragma once

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "layout/display_list.h"
#include "text/text.h"

namespace madang::layout {

struct HandoutPage {
  DisplayList list;  // the page: header, frame, notes
  Rect slide_box;    // where the slide goes, in the list's pixels
  Diagnostics diagnostics;
};

constexpr float kHandoutPixelsPerPoint = 2;
// A4 in PDF points (210 x 297 mm).
constexpr float kHandoutWidthPt = 595.276f, kHandoutHeightPt = 841.89f;

// Notes that do not fit shrink down to 60%, are then cut at the page's foot
// and reported at the notes' line.
HandoutPage layout_handout(text::FontSystem& fonts, const deck::Deck& deck, int index);

}  // namespace madang::layout
