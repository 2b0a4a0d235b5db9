// What changed between two display lists of one viewport: the part of the
// slide a window must draw again (a diagram's selection animating, a hover).
//
// Promise: pure, no SDL. Conservative: every pixel a changed command may
// touch, before or after, lies in the area; when the lists differ in
// structure (another viewport or background, commands added, removed or
// reordered, a clip or an opacity group changed) or in a command whose extent
// is not known here, there is no area and the caller draws everything.
#pragma once

#include <optional>

#include "layout/display_list.h"

namespace madang::layout {

// The pixels one command may touch (antialiasing, stroke widths, arrow heads,
// glyph ink beyond the advance included); nullopt: not known (a PDF page, a
// clip, an image with a drop shadow, a clip or opacity push).
std::optional<Rect> command_bounds(const Command& c);

// Whether two commands draw the same pixels (every field their kind uses).
bool same_command(const Command& a, const Command& b);

// The union of the bounds of the commands that differ between `before` and
// `after`, clamped to the viewport; an empty rect (w or h 0) when they draw
// the same; nullopt when only a whole redraw is safe.
std::optional<Rect> changed_area(const DisplayList& before, const DisplayList& after);

}  // namespace madang::layout
