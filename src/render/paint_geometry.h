// Geometry that every backend draws the same way, so that the screen, the PNG
// and the PDF agree: the underline and strike-through of a glyph run, and the
// hatched placeholder of an image that is missing or cannot be decoded.
//
// Promise: pure functions over display-list coordinates (pixels, y down).
#pragma once

#include <vector>

#include "layout/display_list.h"
#include "text/text.h"

namespace madang::render {

// Underline and strike-through bars of `run` drawn with its pen at `origin`:
// thickness and offsets are fractions of the size, rounded to whole pixels so
// that the bars stay crisp on screen (the display list has no font metrics).
std::vector<layout::Rect> decoration_rects(const text::GlyphRun& run, layout::Point origin);

// A light box with diagonal hatching and an outline; layout draws the label
// over it as glyph runs.
struct Placeholder {
  layout::Color fill = 0xeef0f3ff;
  layout::Color hatch = 0xd3d8dfff;
  float hatch_width = 1.5f;
  std::vector<layout::Point> hatches;  // pairs of points: one segment each
  layout::Color outline = 0xa8b0baff;
  layout::Rect outline_rect;  // stroked, centred on its edge
  float outline_width = 2;
};
Placeholder placeholder_geometry(const layout::Rect& box);

// What every sink draws over a clip (a kClip item) besides its picture: for a
// video that is not playing, a play mark in the middle; for a sound, its bar
// (a pale rounded box, a round play or pause button at its left, and a track
// along its foot filled to `progress`). Fills and convex polygons, in the
// list's pixels. `progress` in [0, 1], < 0 unknown.
std::vector<layout::Command> clip_marks(const layout::Command& clip, bool playing, double progress);

}  // namespace madang::render
