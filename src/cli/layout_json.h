// Display lists as JSON for `madang layout --json`: text items with their
// lines, runs and glyphs, rects, images, lines and polygons, hit regions.
//
// Promise: every coordinate in the list's own pixels; glyph runs name their
// font file, face and family.
#pragma once

#include <nlohmann/json.hpp>

#include "layout/display_list.h"
#include "text/text.h"

namespace madang::app {

// [x, y, w, h]
nlohmann::json rect_json(const layout::Rect& r);

// The list's items, as a JSON array.
nlohmann::json list_json(const text::FontSystem& fonts, const layout::DisplayList& list);

}  // namespace madang::app
