// Overview grid geometry: where each slide's thumbnail sits, and which one a
// click lands on.
//
// Promise: pure, no SDL. Columns come from show/navigation.h so that the
// arrow keys move through the same grid that is drawn.
#pragma once

#include <vector>

#include "layout/display_list.h"

namespace madang::app {

struct OverviewGrid {
  int columns = 1;
  std::vector<layout::Rect> thumbs;  // one per slide, in window pixels
  float label_height = 0;            // room under each thumbnail for its number
};

// A grid of `slides` thumbnails of aspect `aspect` (width / height), centred
// in a window of `width` x `height` pixels, each with `label_height` pixels
// beneath it for its number.
OverviewGrid overview_grid(int slides, int width, int height, float aspect, float label_height);

// The slide whose thumbnail (or its label) contains (x, y); -1 for none.
int overview_hit(const OverviewGrid& grid, float x, float y);

}  // namespace madang::app
