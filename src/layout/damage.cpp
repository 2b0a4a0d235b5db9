#include "layout/damage.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace madang::layout {

namespace {

Rect grown(const Rect& r, float by) {
  return {r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by};
}

Rect union_of(const Rect& a, const Rect& b) {
  if (a.w <= 0 || a.h <= 0) return b;
  if (b.w <= 0 || b.h <= 0) return a;
  const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  const float x1 = std::max(a.x + a.w, b.x + b.w), y1 = std::max(a.y + a.h, b.y + b.h);
  return {x0, y0, x1 - x0, y1 - y0};
}

std::optional<Rect> points_box(const std::vector<Point>& points, float by) {
  if (points.empty()) return Rect{};
  float x0 = points[0].x, y0 = points[0].y, x1 = x0, y1 = y0;
  for (const Point& p : points) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  return grown({x0, y0, x1 - x0, y1 - y0}, by);
}

bool same_points(const std::vector<Point>& a, const std::vector<Point>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Point& p, const Point& q) { return p.x == q.x && p.y == q.y; });
}

bool same_rect(const Rect& a, const Rect& b) {
  return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

bool same_run(const text::GlyphRun& a, const text::GlyphRun& b) {
  return a.font == b.font && a.size == b.size && a.style == b.style &&
         a.synthetic_bold == b.synthetic_bold && a.synthetic_italic == b.synthetic_italic &&
         a.x == b.x &&
         std::equal(a.glyphs.begin(), a.glyphs.end(), b.glyphs.begin(), b.glyphs.end(),
                    [](const text::Glyph& g, const text::Glyph& h) {
                      return g.id == h.id && g.x == h.x && g.y == h.y && g.advance == h.advance;
                    });
}

bool same_filters(const std::vector<deck::ImageFilter>& a,
                  const std::vector<deck::ImageFilter>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const deck::ImageFilter& f, const deck::ImageFilter& g) {
                      return f.kind == g.kind && f.amount == g.amount;
                    });
}

}  // namespace

std::optional<Rect> command_bounds(const Command& c) {
  // One pixel of antialiasing around every shape, more where it is stroked.
  switch (c.kind) {
    case CommandKind::kFillRect:
    case CommandKind::kPolygon:
      return c.kind == CommandKind::kFillRect ? grown(c.rect, 2) : points_box(c.points, 2);
    case CommandKind::kStrokeRect:
      return grown(c.rect, c.width + 2);
    case CommandKind::kLine:
      // An arrow head is a few widths long and wide (render/paint_geometry).
      return points_box(c.points, c.width * (c.arrow_end ? 8 : 1) + 12);
    case CommandKind::kStroke: {
      float widest = c.width;
      for (float w : c.widths) widest = std::max(widest, w);
      return points_box(c.points, widest + 2);
    }
    case CommandKind::kGlyphRun: {
      // Ink may pass the advances (italics, swashes, synthetic bold) and the
      // line (accents, descenders, underlines): a size's margin each way.
      const float size = std::max(c.run.size, c.run.style.size);
      if (c.run.glyphs.empty()) return Rect{};
      float x0 = 1e30f, x1 = -1e30f, y0 = 1e30f, y1 = -1e30f;
      for (const text::Glyph& g : c.run.glyphs) {
        x0 = std::min(x0, g.x), x1 = std::max(x1, g.x + std::max(0.0f, g.advance));
        y0 = std::min(y0, g.y), y1 = std::max(y1, g.y);
      }
      const float ox = c.origin.x + c.run.x, oy = c.origin.y;
      return Rect{ox + x0 - size, oy + y0 - 1.5f * size, x1 - x0 + 2 * size, y1 - y0 + 2.5f * size};
    }
    case CommandKind::kImage:
      for (const deck::ImageFilter& f : c.filters)
        if (f.kind == deck::FilterKind::kDropShadow) return std::nullopt;
      return grown(c.rect, 2);
    default:
      return std::nullopt;
  }
}

bool same_command(const Command& a, const Command& b) {
  if (a.kind != b.kind || a.opacity != b.opacity || a.color != b.color) return false;
  switch (a.kind) {
    case CommandKind::kFillRect:
      return same_rect(a.rect, b.rect) && a.radius == b.radius;
    case CommandKind::kStrokeRect:
      return same_rect(a.rect, b.rect) && a.radius == b.radius && a.width == b.width;
    case CommandKind::kLine:
      return a.width == b.width && a.arrow_end == b.arrow_end && same_points(a.points, b.points);
    case CommandKind::kPolygon:
      return same_points(a.points, b.points);
    case CommandKind::kGlyphRun:
      return a.origin.x == b.origin.x && a.origin.y == b.origin.y && same_run(a.run, b.run);
    case CommandKind::kImage:
      return same_rect(a.rect, b.rect) && a.image_path == b.image_path && a.label == b.label &&
             same_filters(a.filters, b.filters);
    case CommandKind::kPushClip:
      return same_rect(a.rect, b.rect);
    case CommandKind::kPopClip:
    case CommandKind::kPushOpacity:
    case CommandKind::kPopOpacity:
      return true;  // opacity compared above
    case CommandKind::kPdfPage:
      return same_rect(a.rect, b.rect) && a.pdf == b.pdf && a.page == b.page &&
             a.page_part == b.page_part;
    case CommandKind::kStroke:
      return a.width == b.width && a.highlight == b.highlight && a.widths == b.widths &&
             same_points(a.points, b.points);
    case CommandKind::kClip:
      return same_rect(a.rect, b.rect) && a.image_path == b.image_path &&
             a.clip_key == b.clip_key && a.label == b.label;
  }
  return false;
}

namespace {

// A list's drawing commands with the opacity their groups give them (the
// sinks multiply a group's opacity into each command it holds:
// render/walk.h), so that a group fading in, fading or going away compares
// command by command; false when the groups do not balance.
struct Drawn {
  const Command* command;
  float opacity;
};

bool flatten(const DisplayList& list, std::vector<Drawn>* out) {
  std::vector<float> groups{1.0f};
  out->reserve(list.commands.size());
  for (const Command& c : list.commands) {
    if (c.kind == CommandKind::kPushOpacity) {
      groups.push_back(groups.back() * c.opacity);
    } else if (c.kind == CommandKind::kPopOpacity) {
      if (groups.size() == 1) return false;
      groups.pop_back();
    } else {
      out->push_back({&c, groups.back()});
    }
  }
  return groups.size() == 1;
}

}  // namespace

std::optional<Rect> changed_area(const DisplayList& before, const DisplayList& after) {
  if (before.width != after.width || before.height != after.height ||
      before.background != after.background) {
    return std::nullopt;
  }
  std::vector<Drawn> was, now;
  if (!flatten(before, &was) || !flatten(after, &now)) return std::nullopt;
  auto same = [](const Drawn& a, const Drawn& b) {
    return a.opacity == b.opacity && same_command(*a.command, *b.command);
  };
  Rect area;
  auto add = [&area](const Drawn& d) {
    const std::optional<Rect> bounds = command_bounds(*d.command);
    if (bounds) area = union_of(area, *bounds);
    return bounds.has_value();
  };
  if (was.size() == now.size()) {
    // Command by command (a colour, an opacity, a place changed).
    for (std::size_t i = 0; i < now.size(); ++i)
      if (!same(was[i], now[i]) && (!add(was[i]) || !add(now[i]))) return std::nullopt;
  } else {
    // Commands came or went (a selection's outline appears): what lies
    // between the longest common start and end, in either list.
    std::size_t head = 0, tail = 0;
    const std::size_t shorter = std::min(was.size(), now.size());
    while (head < shorter && same(was[head], now[head])) ++head;
    while (tail < shorter - head && same(was[was.size() - 1 - tail], now[now.size() - 1 - tail])) {
      ++tail;
    }
    for (std::size_t i = head; i < was.size() - tail; ++i)
      if (!add(was[i])) return std::nullopt;
    for (std::size_t i = head; i < now.size() - tail; ++i)
      if (!add(now[i])) return std::nullopt;
  }
  if (area.w <= 0 || area.h <= 0) return Rect{};
  // Whole pixels within the viewport.
  const float x0 = std::max(0.0f, std::floor(area.x)), y0 = std::max(0.0f, std::floor(area.y));
  const float x1 = std::min(static_cast<float>(after.width), std::ceil(area.x + area.w));
  const float y1 = std::min(static_cast<float>(after.height), std::ceil(area.y + area.h));
  if (x1 <= x0 || y1 <= y0) return Rect{};
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

}  // namespace madang::layout
