#include "layout/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace madang::layout {

namespace {

// The box a command draws in (glyph runs: from the baseline up by the size).
Rect bounds(const Command& c) {
  switch (c.kind) {
    case CommandKind::kFillRect:
    case CommandKind::kStrokeRect:
    case CommandKind::kImage:
    case CommandKind::kClip:
      return c.rect;
    case CommandKind::kLine:
    case CommandKind::kPolygon: {
      if (c.points.empty()) return {};
      float x0 = c.points[0].x, y0 = c.points[0].y, x1 = x0, y1 = y0;
      for (const Point& p : c.points) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
      }
      return Rect{x0, y0, x1 - x0, y1 - y0};
    }
    case CommandKind::kGlyphRun: {
      float advance = 0;
      for (const text::Glyph& g : c.run.glyphs) advance += g.advance;
      return Rect{c.origin.x, c.origin.y - c.run.size * 0.88f, advance, c.run.size * 1.0f};
    }
    default:
      return {};
  }
}

Rect clip(Rect r, const Rect& to) {
  const float x0 = std::max(r.x, to.x), y0 = std::max(r.y, to.y);
  const float x1 = std::min(r.x + r.w, to.x + to.w), y1 = std::min(r.y + r.h, to.y + to.h);
  return Rect{x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

}  // namespace

SlideStats slide_stats(const SlideLayout& layout, const deck::Slide& slide) {
  SlideStats s;
  s.slide = slide.index;
  s.scale = layout.scale;
  s.overflow = layout.overflow;
  const bool lead =
      std::find(slide.classes.begin(), slide.classes.end(), "lead") != slide.classes.end();
  s.title_like = slide.layout == "title" || slide.layout == "section" ||
                 (lead && slide.layout != "two-column");
  s.layouts = layout.layouts;
  const DisplayList& list = layout.list;
  const float to_1080 = list.height > 0 ? 1080.0f / static_cast<float>(list.height) : 1.0f;

  // Sizes: by glyph count per size, from the text as it was laid out.
  std::map<float, std::size_t> body_glyphs;
  float smallest = 0, title = 0;
  for (const TextItem& t : list.texts) {
    for (const text::Line& line : t.lines) {
      for (const text::GlyphRun& run : line.runs) {
        if (run.glyphs.empty()) continue;
        const float size = std::round(run.size * to_1080 * 2) / 2;  // to half a pixel
        if (t.role == TextRole::kTitle) title = title == 0 ? size : std::min(title, size);
        if (t.role == TextRole::kFooter || t.role == TextRole::kSource) continue;
        smallest = smallest == 0 ? size : std::min(smallest, size);
        if (t.role == TextRole::kBody) body_glyphs[size] += run.glyphs.size();
      }
    }
  }
  std::size_t most = 0;
  for (const auto& [size, count] : body_glyphs) {
    if (count >= most) {
      most = count;
      s.body_size = size;
    }
  }
  s.smallest_size = smallest;
  s.title_size = title;

  // Coverage: the box around everything drawn with its middle in the content
  // area (the title, footer and source line sit outside it).
  const Rect area = layout.content_area;
  if (area.w > 0 && area.h > 0) {
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (const Command& c : list.commands) {
      const Rect b = bounds(c);
      if (b.w <= 0 && b.h <= 0) continue;
      if (!area.contains(b.x + b.w / 2, b.y + b.h / 2)) continue;
      const Rect r = clip(b, area);
      x0 = std::min(x0, r.x);
      y0 = std::min(y0, r.y);
      x1 = std::max(x1, r.x + r.w);
      y1 = std::max(y1, r.y + r.h);
    }
    if (x1 > x0 && y1 > y0) {
      s.coverage = (x1 - x0) * (y1 - y0) / (area.w * area.h);
      s.balance = ((y0 + y1) / 2 - (area.y + area.h / 2)) / (area.h / 2);
    }
  }
  return s;
}

std::string stats_table(const std::vector<SlideStats>& stats) {
  std::string out =
      "slide  scale  layouts  body px  smallest px  title px  coverage  balance  note\n";
  char line[160];
  std::vector<float> bodies;
  float smallest = 0;
  int cramped = 0, sparse = 0;
  for (const SlideStats& s : stats) {
    std::string note;
    if (s.overflow) {
      note = "overflows";
    } else if (s.scale < 0.75f) {
      note = "cramped";
    } else if (!s.title_like && s.coverage < 0.3f) {
      note = "sparse";
    }
    cramped += note == "cramped" || note == "overflows";
    sparse += note == "sparse";
    std::snprintf(line, sizeof line,
                  "%5d  %5.2f  %7d  %7.1f  %11.1f  %8.1f  %7.0f%%  %+6.0f%%  %s\n", s.slide,
                  s.scale, s.layouts, s.body_size, s.smallest_size, s.title_size, s.coverage * 100,
                  s.balance * 100, note.c_str());
    out += line;
    if (s.body_size > 0) bodies.push_back(s.body_size);
    if (s.smallest_size > 0)
      smallest = smallest == 0 ? s.smallest_size : std::min(smallest, s.smallest_size);
  }
  float median = 0;
  if (!bodies.empty()) {
    std::sort(bodies.begin(), bodies.end());
    const std::size_t n = bodies.size();
    median = n % 2 ? bodies[n / 2] : (bodies[n / 2 - 1] + bodies[n / 2]) / 2;
  }
  std::snprintf(line, sizeof line,
                "median body %.1f px, smallest text %.1f px (px of a 1080-pixel slide); "
                "%d cramped, %d sparse\n",
                median, smallest, cramped, sparse);
  out += line;
  return out;
}

}  // namespace madang::layout
