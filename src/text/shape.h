// Shaping: one hb_shape call per item, positions in pixels.
//
// Promise: glyph ids and advances are HarfBuzz's own answer for the face at
// its units-per-em scale (what `hb-shape --font-file` prints), scaled by
// size/upem; clusters are byte offsets into the paragraph text. The text
// around the item is passed as context. Features kern and liga are on.
// Right-to-left items (odd bidi level) are shaped right to left, so HarfBuzz
// joins Arabic and mirrors brackets; their glyphs are stored in logical
// order (clusters growing) like everyone else's, and turned back to visual
// order when a line is built.
#pragma once

#include <hb.h>

#include <string_view>
#include <vector>

#include "text/font_system.h"

namespace madang::text {

struct ShapedGlyph {
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;         // byte offset into the paragraph text
  float advance = 0;                 // pixels
  float x_offset = 0, y_offset = 0;  // pixels, y down
  bool unsafe_to_break = false;      // reshape if a line starts here
};

// Appends the glyphs of text[begin, end) to `out`, in logical order.
void shape_range(FontSystemImpl& fonts, std::string_view text, std::size_t begin, std::size_t end,
                 FontId font, hb_script_t script, hb_language_t language, float size, bool rtl,
                 std::vector<ShapedGlyph>* out);

}  // namespace madang::text
