// Slide statistics: what a laid-out slide shows a hall, in numbers.
//
// Promise: pure; reads only the SlideLayout. Sizes are in pixels of a
// 1080-pixel high slide whatever size the slide was laid out at, so they
// compare with the theme's type scale (docs/format.md, "Type scale").
// `madang check --stats` prints them; tests hold the lecture to its targets.
#pragma once

#include <string>
#include <vector>

#include "layout/layout.h"

namespace madang::layout {

struct SlideStats {
  int slide = 0;            // 1-based
  float scale = 1;          // autofit scale of the body (1: not shrunk)
  float body_size = 0;      // the size most body glyphs are set in (0: no body text)
  float smallest_size = 0;  // smallest text but the footer and source lines (0: none)
  float title_size = 0;     // the slide title's size (0: no title)
  float coverage = 0;       // 0..1: share of the content area that the content's box covers
  float balance = 0;        // where the content's middle sits: -1 top edge, 0 centre, 1 bottom
  bool overflow = false;    // did not fit even at the autofit floor
  bool title_like = false;  // a title or section slide (sparse by design)
  int layouts = 0;          // body layouts autofit tried
};

SlideStats slide_stats(const SlideLayout& layout, const deck::Slide& slide);

// A fixed-width table, one line per slide, with a header and a summary line
// (median body size, smallest text, slides flagged cramped or sparse).
std::string stats_table(const std::vector<SlideStats>& stats);

}  // namespace madang::layout
