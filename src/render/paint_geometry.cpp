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

namespace {

layout::Command fill(layout::Rect r, layout::Color color, float radius = 0) {
  layout::Command c;
  c.kind = layout::CommandKind::kFillRect;
  c.rect = r;
  c.color = color;
  c.radius = radius;
  return c;
}

layout::Command polygon(std::vector<layout::Point> points, layout::Color color) {
  layout::Command c;
  c.kind = layout::CommandKind::kPolygon;
  c.points = std::move(points);
  c.color = color;
  return c;
}

// A disc as a 48-gon (convex: every sink fills it as one polygon).
layout::Command disc(float cx, float cy, float r, layout::Color color) {
  std::vector<layout::Point> points;
  constexpr int kSides = 48;
  for (int i = 0; i < kSides; ++i) {
    const float a = 6.2831853f * static_cast<float>(i) / kSides;
    points.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  return polygon(std::move(points), color);
}

// A play triangle (pointing right) or two pause bars, white, in a disc of radius r.
void button_face(std::vector<layout::Command>& out, float cx, float cy, float r, bool playing) {
  if (playing) {
    const float bw = r * 0.22f, bh = r * 0.9f;
    out.push_back(fill({cx - r * 0.32f - bw / 2, cy - bh / 2, bw, bh}, 0xffffffff));
    out.push_back(fill({cx + r * 0.32f - bw / 2, cy - bh / 2, bw, bh}, 0xffffffff));
    return;
  }
  const float t = r * 0.5f;  // the triangle's centroid sits on the disc's centre
  out.push_back(
      polygon({{cx - t * 0.8f, cy - t}, {cx + t * 1.2f, cy}, {cx - t * 0.8f, cy + t}}, 0xffffffff));
}

}  // namespace

std::vector<layout::Command> clip_marks(const layout::Command& clip, bool playing,
                                        double progress) {
  std::vector<layout::Command> out;
  const layout::Rect& r = clip.rect;
  if (r.w <= 0 || r.h <= 0) return out;
  if (clip.clip.kind == deck::MediaKind::kAudio) {
    out.push_back(fill(r, 0x1f293714, std::min(r.h / 2, 24.0f)));
    const float radius = r.h * 0.3f, cx = r.x + r.h / 2, cy = r.y + r.h / 2 - r.h * 0.06f;
    out.push_back(disc(cx, cy, radius, 0xe0302cff));
    button_face(out, cx, cy, radius, playing);
    const float track_x = r.x + r.h, track_w = std::max(0.0f, r.w - r.h - r.h * 0.3f);
    const float track_h = std::max(2.0f, std::round(r.h / 22)), track_y = r.y + r.h * 0.8f;
    out.push_back(fill({track_x, track_y, track_w, track_h}, 0x1f29374d, track_h / 2));
    if (progress > 0)
      out.push_back(
          fill({track_x, track_y, track_w * static_cast<float>(std::min(1.0, progress)), track_h},
               0xe0302cff, track_h / 2));
    return out;
  }
  if (playing) return out;
  const float radius = std::clamp(std::min(r.w, r.h) * 0.09f, 14.0f, 72.0f);
  const float cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  out.push_back(disc(cx, cy, radius, 0x000000a0));
  button_face(out, cx, cy, radius, false);
  return out;
}

}  // namespace madang::render
