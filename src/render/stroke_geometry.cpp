#include "render/stroke_geometry.h"

#include <algorithm>
#include <cmath>

namespace madang::render {

namespace {

using layout::Point;

float signed_area(const Contour& c) {
  float a = 0;
  for (std::size_t i = 0, n = c.size(); i < n; ++i) {
    const Point p = c[i], q = c[(i + 1) % n];
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

// Every piece wound the same way (positive area, clockwise on screen).
void add(std::vector<Contour>& out, Contour c) {
  if (c.size() < 3) return;
  if (signed_area(c) < 0) std::reverse(c.begin(), c.end());
  out.push_back(std::move(c));
}

Contour disc(Point centre, float radius) {
  // Within about 1/8 pixel of the circle, at most 32 sides.
  const int sides = std::clamp(
      static_cast<int>(std::ceil(M_PI / std::acos(std::max(0.0f, 1 - 0.125f / radius)))), 6, 32);
  Contour c;
  c.reserve(static_cast<std::size_t>(sides));
  for (int i = 0; i < sides; ++i) {
    const double a = 2 * M_PI * i / sides;
    c.push_back({centre.x + radius * static_cast<float>(std::cos(a)),
                 centre.y + radius * static_cast<float>(std::sin(a))});
  }
  return c;
}

}  // namespace

bool uniform_width(const layout::Command& c) {
  for (float w : c.widths)
    if (w != c.widths.front()) return false;
  return true;
}

std::vector<Contour> stroke_contours(const layout::Command& c, Point offset) {
  std::vector<Contour> out;
  const std::size_t n = c.points.size();
  if (n == 0) return out;
  auto width = [&](std::size_t i) {
    const float w = i < c.widths.size() ? c.widths[i] : c.width;
    return std::max(0.5f, w);
  };
  auto at = [&](std::size_t i) {
    return Point{c.points[i].x + offset.x, c.points[i].y + offset.y};
  };
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const Point p = at(i);
    const float r = width(i) / 2;
    // A disc where the stroke ends or turns (a straight run needs none).
    bool turn = i == 0 || i + 1 == n;
    if (!turn) {
      const Point a = at(i - 1), b = at(i + 1);
      const float ux = p.x - a.x, uy = p.y - a.y, vx = b.x - p.x, vy = b.y - p.y;
      const float lu = std::hypot(ux, uy), lv = std::hypot(vx, vy);
      turn = lu * lv <= 0 || (ux * vx + uy * vy) / (lu * lv) < 0.9995f ||
             std::fabs(width(i - 1) - width(i)) > 0.01f;
    }
    if (turn) add(out, disc(p, r));
    if (i + 1 == n) break;
    const Point q = at(i + 1);
    const float dx = q.x - p.x, dy = q.y - p.y, len = std::hypot(dx, dy);
    if (len <= 0) continue;
    const float nx = -dy / len, ny = dx / len, rq = width(i + 1) / 2;
    add(out, Contour{{p.x + nx * r, p.y + ny * r},
                     {q.x + nx * rq, q.y + ny * rq},
                     {q.x - nx * rq, q.y - ny * rq},
                     {p.x - nx * r, p.y - ny * r}});
  }
  return out;
}

}  // namespace madang::render
