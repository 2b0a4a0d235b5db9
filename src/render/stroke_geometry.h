// The shape of a freehand stroke (layout::CommandKind::kStroke), the same in
// every sink: a quad per segment, widening or narrowing with the widths, and
// a disc at each point (round caps and joins), every piece wound the same way
// so that a non-zero fill gives their union (a translucent highlighter covers
// each pixel once).
//
// Promise: pure; pixels, y down.
#pragma once

#include <vector>

#include "layout/display_list.h"
#include "render/coverage.h"

namespace madang::render {

// The pieces of `c` (a kStroke) moved by `offset`. A point with no width of
// its own takes c.width.
std::vector<Contour> stroke_contours(const layout::Command& c, layout::Point offset = {});

// True when every point of `c` has the same width (a sink may stroke it as a
// path with round caps and joins instead).
bool uniform_width(const layout::Command& c);

}  // namespace madang::render
