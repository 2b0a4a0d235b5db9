#include "render/paint_geometry.h"

#include <algorithm>
#include <cmath>

namespace madang::render {

std::vector<layout::Rect> decoration_rects(const text::GlyphRun& run, layout::Point origin) {
  std::vector<layout::Rect> out;
  if (run.glyphs.empty() || !(run.style.underline || run.style.strike)) return out;
  const text::Glyph& first = run.glyphs.front();
  const text::Glyph& last = run.glyphs.back();
  const float x0 = origin.x + first.x, x1 = origin.x + last.x + last.advance;
  const float thick = std::max(1.0f, std::round(run.size / 18));
  if (run.style.underline)
    out.push_back({x0, std::round(origin.y + run.size * 0.1f), x1 - x0, thick});
  if (run.style.strike)
    out.push_back({x0, std::round(origin.y - run.size * 0.3f - thick / 2), x1 - x0, thick});
  return out;
}

Placeholder placeholder_geometry(const layout::Rect& box) {
  Placeholder p;
  constexpr float kSpacing = 14;
  const float x0 = box.x + 1, y0 = box.y + 1, x1 = box.x + box.w - 1, y1 = box.y + box.h - 1;
  // Lines x + y = k, cut to the box.
  for (float k = x0 + y0 + kSpacing; k < x1 + y1; k += kSpacing) {
    const float sx = std::max(x0, k - y1), ex = std::min(x1, k - y0);
    if (ex - sx < 1) continue;
    p.hatches.push_back({sx, k - sx});
    p.hatches.push_back({ex, k - ex});
  }
  p.outline_rect = {box.x + 1, box.y + 1, box.w - 2, box.h - 2};
  return p;
}

}  // namespace madang::render
