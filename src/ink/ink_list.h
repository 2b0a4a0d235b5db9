// Ink as display-list items: a slide's strokes in the pixels of a display list,
// and the pass that puts them on a laid-out slide.
//
// Promise: pure. Pens go over everything; highlighters go under the slide's
// text (before its first glyph run), so that the words stay as dark as they
// were. Widths follow the pressure (a half-pressed pen draws from 40% of its
// width) and scale with the slide's height.
#pragma once

#include <vector>

#include "ink/ink.h"
#include "layout/display_list.h"

namespace madang::ink {

// `stroke` as a kStroke command for a slide drawn at `slide` (pixels).
layout::Command stroke_command(const Stroke& stroke, const layout::Rect& slide);

// `strokes` appended to `out` for a slide drawn at `slide`: highlighters
// first, then pens (an overlay over a picture of the slide, as the console's).
void append_strokes(const std::vector<const Stroke*>& strokes, const layout::Rect& slide,
                    std::vector<layout::Command>& out);

// `list` (a slide laid out at its own size) with `strokes` on it: the
// highlighters before the first glyph run, the pens at the end.
layout::DisplayList with_ink(const layout::DisplayList& list,
                             const std::vector<const Stroke*>& strokes);

// Where (x, y), in the pixels the slide is drawn at `slide`, falls on it, in
// slide fractions (outside the rect: below 0 or above 1).
InkPoint to_slide(const layout::Rect& slide, float x, float y, float pressure = 1);

}  // namespace madang::ink

namespace madang::ink {

// The laser's trail as display-list items for a slide drawn at `slide`:
// `marks` oldest first, each with its age as a fraction of the trail's life
// (0 new, 1 gone); a red dot at the newest, the path behind it thinner and
// fainter with age.
struct TrailMark {
  float x = 0, y = 0;  // slide fractions
  float age = 0;       // 0..1
};
std::vector<layout::Command> laser_commands(const std::vector<TrailMark>& marks,
                                            const layout::Rect& slide);

// The spotlight: everything in `slide` dimmed but a soft circle of `radius`
// (a fraction of the slide's height) around (x, y), in slide fractions.
std::vector<layout::Command> spotlight_commands(float x, float y, float radius,
                                                const layout::Rect& slide);

}  // namespace madang::ink
