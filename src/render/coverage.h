// Shapes to exact antialiased coverage, as spans of whole pixels.
//
// Why not ImGui's fringe of alpha-0 vertices: SDL's software renderer does
// interpolate vertex colours, but truncates every vertex position to a whole
// pixel (SDL_render_sw.c: SW_QueueGeometry), so a half-pixel fringe comes out
// as a constant half-grey band and shapes shift by up to a pixel. Instead each
// shape's exact area coverage is computed here (signed-area accumulation, a
// scanline rasterizer) and returned as axis-aligned runs of equal coverage.
// Runs have whole-pixel corners, so the software renderer and GPU renderers
// draw exactly the same pixels with the same alpha.
//
// Promise: pure functions, no renderer calls; deterministic. Coordinates are
// pixels, y down. Plain rects (the common case) are computed analytically in
// at most nine runs; rounded corners, diagonals and arrows are rasterized
// only where they are, so a large rounded card costs its four corners.
#pragma once

#include <cstdint>
#include <vector>

#include "layout/display_list.h"

namespace madang::render {

// A half-open box of whole pixels.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// w x h pixels at (x, y) all covered by `coverage` (1..255).
struct Span {
  int x = 0, y = 0, w = 0, h = 0;
  std::uint8_t coverage = 0;
};

using Contour = std::vector<layout::Point>;  // closed implicitly

// Non-zero fill of the contours, evaluated in `region` only (edges outside it
// still count for winding). Appends to `out`.
void rasterize(const std::vector<Contour>& contours, PixelBox region, std::vector<Span>& out);

// Analytic coverage of an axis-aligned rect within `region`.
void rect_coverage(const layout::Rect& r, PixelBox region, std::vector<Span>& out);

// The outline of a rect whose corners are quarter circles of `radius`
// (clamped to half the shorter side), clockwise on screen.
Contour rounded_rect_path(const layout::Rect& r, float radius);

// Shapes, each evaluated within `clip` (the canvas, or the current clip).
void fill_rect_spans(const layout::Rect& r, float radius, PixelBox clip, std::vector<Span>& out);
// An outline of `width` pixels centred on the (rounded) rect's edge.
void stroke_rect_spans(const layout::Rect& r, float radius, float width, PixelBox clip,
                       std::vector<Span>& out);
// A straight segment with butt ends.
void line_spans(layout::Point a, layout::Point b, float width, PixelBox clip,
                std::vector<Span>& out);
// A polygon (convex or not, any winding).
void polygon_spans(const Contour& points, PixelBox clip, std::vector<Span>& out);

// The arrow head for a line of `width` ending at `tip`, coming from `from`;
// `shaft_end` is where the line should stop so that it does not poke
// through the tip.
Contour arrow_head(layout::Point from, layout::Point tip, float width, layout::Point* shaft_end);

}  // namespace madang::render
