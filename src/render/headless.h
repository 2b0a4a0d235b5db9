// Headless rendering: SDL's software renderer drawing into a surface, with no
// window and no display. Used by `madang export` and the golden-image tests.
#pragma once

#include "layout/display_list.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::render {

// Renders the list at its own size (list.width x list.height).
RgbaImage render_headless(const layout::DisplayList& list, text::GlyphCache& glyphs,
                          ImageCache& images);

}  // namespace madang::render
