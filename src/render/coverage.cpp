#include "render/coverage.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace madang::render {

using layout::Point;
using layout::Rect;

namespace {

PixelBox intersect(PixelBox a, PixelBox b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

PixelBox bounds_of(const Rect& r) {
  return {static_cast<int>(std::floor(r.x)), static_cast<int>(std::floor(r.y)),
          static_cast<int>(std::ceil(r.x + r.w)), static_cast<int>(std::ceil(r.y + r.h))};
}

std::uint8_t to_byte(float coverage) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(coverage, 0.0f, 1.0f) * 255));
}

// Runs of one axis of a rect: [start, start + count) pixels each covered by `cov`.
struct AxisRun {
  int start, count;
  float cov;
};

std::vector<AxisRun> axis_runs(float a, float b, int lo, int hi) {
  std::vector<AxisRun> runs;
  if (b <= a) return runs;
  int i0 = static_cast<int>(std::floor(a)), i1 = static_cast<int>(std::ceil(b)) - 1;
  auto add = [&](int s, int n, float c) {
    int e = std::min(s + n, hi);
    s = std::max(s, lo);
    if (e > s && c > 0) runs.push_back({s, e - s, c});
  };
  if (i0 == i1) {
    add(i0, 1, b - a);
  } else {
    add(i0, 1, static_cast<float>(i0 + 1) - a);
    add(i0 + 1, i1 - i0 - 1, 1);
    add(i1, 1, b - static_cast<float>(i1));
  }
  // Whole-pixel edges make neighbouring runs equal: join them.
  std::vector<AxisRun> joined;
  for (const AxisRun& r : runs) {
    if (!joined.empty() && joined.back().cov == r.cov &&
        joined.back().start + joined.back().count == r.start)
      joined.back().count += r.count;
    else
      joined.push_back(r);
  }
  return joined;
}

// Joins a row's runs to identical runs (same x, width, coverage) that ended on
// the row above, so that a plain rect is one span rather than one per row.
class SpanSink {
 public:
  explicit SpanSink(std::vector<Span>& out) : out_(out) {}
  void begin_row(int y) {
    prev_.swap(cur_);
    cur_.clear();
    y_ = y;
    k_ = 0;
  }
  void add(int x, int w, std::uint8_t cov) {
    if (cov == 0 || w <= 0) return;
    while (k_ < prev_.size() && out_[prev_[k_]].x < x) ++k_;
    if (k_ < prev_.size()) {
      Span& s = out_[prev_[k_]];
      if (s.x == x && s.w == w && s.coverage == cov && s.y + s.h == y_) {
        ++s.h;
        cur_.push_back(prev_[k_]);
        return;
      }
    }
    cur_.push_back(out_.size());
    out_.push_back({x, y_, w, 1, cov});
  }

 private:
  std::vector<Span>& out_;
  std::vector<size_t> prev_, cur_;
  size_t k_ = 0;
  int y_ = 0;
};

}  // namespace

void rect_coverage(const Rect& r, PixelBox region, std::vector<Span>& out) {
  std::vector<AxisRun> xs = axis_runs(r.x, r.x + r.w, region.x0, region.x1);
  std::vector<AxisRun> ys = axis_runs(r.y, r.y + r.h, region.y0, region.y1);
  for (const AxisRun& y : ys)
    for (const AxisRun& x : xs) {
      std::uint8_t c = to_byte(x.cov * y.cov);
      if (c) out.push_back({x.start, y.start, x.count, y.count, c});
    }
}

void rasterize(const std::vector<Contour>& contours, PixelBox region, std::vector<Span>& out) {
  float minx = 1e30f, miny = 1e30f, maxx = -1e30f, maxy = -1e30f;
  for (const Contour& c : contours)
    for (Point p : c) {
      minx = std::min(minx, p.x);
      maxx = std::max(maxx, p.x);
      miny = std::min(miny, p.y);
      maxy = std::max(maxy, p.y);
    }
  if (minx > maxx) return;
  PixelBox box =
      intersect(region, {static_cast<int>(std::floor(minx)), static_cast<int>(std::floor(miny)),
                         static_cast<int>(std::ceil(maxx)) + 1, static_cast<int>(std::ceil(maxy))});
  if (box.empty()) return;
  const int cols = box.x1 - box.x0, rows = box.y1 - box.y0, stride = cols + 2;
  // calloc: big, mostly untouched buffers (a long diagonal) stay lazily zeroed.
  std::unique_ptr<float, decltype(&std::free)> buf(
      static_cast<float*>(std::calloc(static_cast<size_t>(stride) * rows, sizeof(float))),
      &std::free);
  if (!buf) return;
  std::vector<int> lo(rows, cols), hi(rows, -1);  // touched cells per row

  // Each edge adds its signed height to the cells it crosses, split between a
  // cell and its right neighbour by how much of the cell lies right of the
  // edge; a running sum along the row then gives the covered area per pixel.
  auto deposit = [&](int row, float x_lo, float x_hi, float d) {
    float* acc = buf.get() + static_cast<size_t>(row) * stride;
    auto put = [&](int cell, float mx, float dy) {
      if (cell >= cols) return;  // right of the region: no visible effect
      if (cell < 0) {            // left of the region: full cover from its first pixel
        cell = 0;
        mx = 0;
      }
      float f = mx - static_cast<float>(cell);
      acc[cell] += dy * (1 - f);
      acc[cell + 1] += dy * f;
      lo[row] = std::min(lo[row], cell);
      hi[row] = std::max(hi[row], cell + 1);
    };
    float ox = static_cast<float>(box.x0);
    x_lo -= ox;
    x_hi -= ox;
    if (x_hi - x_lo < 1e-6f) {
      put(static_cast<int>(std::floor(x_lo)), x_lo, d);
      return;
    }
    float total = x_hi - x_lo;
    for (int i = static_cast<int>(std::floor(x_lo)); static_cast<float>(i) < x_hi; ++i) {
      float a = std::max(x_lo, static_cast<float>(i)),
            b = std::min(x_hi, static_cast<float>(i + 1));
      if (b > a) put(i, (a + b) * 0.5f, d * (b - a) / total);
    }
  };

  for (const Contour& c : contours) {
    size_t n = c.size();
    for (size_t k = 0; k < n; ++k) {
      Point p = c[k], q = c[(k + 1) % n];
      if (p.y == q.y) continue;
      float dir = 1;
      if (p.y > q.y) {
        std::swap(p, q);
        dir = -1;
      }
      float dxdy = (q.x - p.x) / (q.y - p.y);
      int r0 = std::max(static_cast<int>(std::floor(p.y)), box.y0);
      int r1 = std::min(static_cast<int>(std::ceil(q.y)), box.y1);
      for (int y = r0; y < r1; ++y) {
        float ya = std::max(p.y, static_cast<float>(y)),
              yb = std::min(q.y, static_cast<float>(y + 1));
        if (yb <= ya) continue;
        float xa = p.x + (ya - p.y) * dxdy, xb = p.x + (yb - p.y) * dxdy;
        deposit(y - box.y0, std::min(xa, xb), std::max(xa, xb), dir * (yb - ya));
      }
    }
  }

  SpanSink sink(out);
  for (int row = 0; row < rows; ++row) {
    sink.begin_row(box.y0 + row);
    if (hi[row] < 0) continue;
    const float* acc = buf.get() + static_cast<size_t>(row) * stride;
    float s = 0;
    int run_x = lo[row];
    std::uint8_t run_c = 0;
    for (int x = lo[row]; x <= hi[row] && x < cols; ++x) {
      s += acc[x];
      std::uint8_t c = to_byte(std::fabs(s));
      if (c != run_c) {
        sink.add(box.x0 + run_x, x - run_x, run_c);
        run_x = x;
        run_c = c;
      }
    }
    int end = std::min(hi[row] + 1, cols);
    // Past the last edge in the row the sum stays: zero for a closed shape,
    // or the cover of a shape that continues beyond the region's right side.
    if (run_c != 0 && end < cols) end = cols;
    sink.add(box.x0 + run_x, end - run_x, run_c);
  }
}

Contour rounded_rect_path(const Rect& r, float radius) {
  float rad = std::clamp(radius, 0.0f, std::min(r.w, r.h) * 0.5f);
  if (rad < 0.25f) return {{r.x, r.y}, {r.x + r.w, r.y}, {r.x + r.w, r.y + r.h}, {r.x, r.y + r.h}};
  // Enough segments per quarter circle to stay within 1/8 pixel of the arc.
  int segs = static_cast<int>(std::ceil((M_PI / 2) / std::acos(std::max(0.0f, 1 - 0.125f / rad))));
  segs = std::clamp(segs, 2, 64);
  Contour out;
  out.reserve(4 * (segs + 1));
  const Point centres[4] = {{r.x + r.w - rad, r.y + rad},
                            {r.x + r.w - rad, r.y + r.h - rad},
                            {r.x + rad, r.y + r.h - rad},
                            {r.x + rad, r.y + rad}};
  for (int c = 0; c < 4; ++c) {
    double start = -M_PI / 2 + c * M_PI / 2;  // the top-right corner starts at -90°
    for (int i = 0; i <= segs; ++i) {
      double a = start + (M_PI / 2) * i / segs;
      out.push_back({centres[c].x + static_cast<float>(std::cos(a)) * rad,
                     centres[c].y + static_cast<float>(std::sin(a)) * rad});
    }
  }
  return out;
}

void fill_rect_spans(const Rect& r, float radius, PixelBox clip, std::vector<Span>& out) {
  if (r.w <= 0 || r.h <= 0) return;
  float rad = std::clamp(radius, 0.0f, std::min(r.w, r.h) * 0.5f);
  PixelBox b = intersect(bounds_of(r), clip);
  if (b.empty()) return;
  if (rad < 0.25f) {
    rect_coverage(r, b, out);
    return;
  }
  std::vector<Contour> path{rounded_rect_path(r, rad)};
  int xs0 = static_cast<int>(std::ceil(r.x + rad)),
      xs1 = static_cast<int>(std::floor(r.x + r.w - rad));
  int ys0 = static_cast<int>(std::ceil(r.y + rad)),
      ys1 = static_cast<int>(std::floor(r.y + r.h - rad));
  PixelBox full = bounds_of(r);
  if (xs0 >= xs1 || ys0 >= ys1) {
    rasterize(path, b, out);
    return;
  }
  // Corners rasterized; everything between them is the plain rect.
  const PixelBox corners[4] = {{full.x0, full.y0, xs0, ys0},
                               {xs1, full.y0, full.x1, ys0},
                               {full.x0, ys1, xs0, full.y1},
                               {xs1, ys1, full.x1, full.y1}};
  for (const PixelBox& c : corners) rasterize(path, intersect(c, clip), out);
  rect_coverage(r, intersect({xs0, full.y0, xs1, full.y1}, clip), out);
  rect_coverage(r, intersect({full.x0, ys0, xs0, ys1}, clip), out);
  rect_coverage(r, intersect({xs1, ys0, full.x1, ys1}, clip), out);
}

void stroke_rect_spans(const Rect& r, float radius, float width, PixelBox clip,
                       std::vector<Span>& out) {
  if (width <= 0 || r.w < 0 || r.h < 0) return;
  float hw = width * 0.5f;
  float rad = std::clamp(radius, 0.0f, std::min(r.w, r.h) * 0.5f);
  Rect outer{r.x - hw, r.y - hw, r.w + width, r.h + width};
  Rect inner{r.x + hw, r.y + hw, r.w - width, r.h - width};
  std::vector<Contour> ring{rounded_rect_path(outer, rad > 0 ? rad + hw : 0)};
  if (inner.w > 0 && inner.h > 0) {
    Contour hole = rounded_rect_path(inner, std::max(0.0f, rad - hw));
    std::reverse(hole.begin(), hole.end());
    ring.push_back(std::move(hole));
  }
  PixelBox full = bounds_of(outer);
  // Only the bands along the four sides can be covered; the hole is skipped.
  float t = std::max(rad, hw);
  int top = static_cast<int>(std::ceil(r.y + t)),
      bottom = static_cast<int>(std::floor(r.y + r.h - t));
  int left = static_cast<int>(std::ceil(r.x + t)),
      right = static_cast<int>(std::floor(r.x + r.w - t));
  if (top >= bottom || left >= right) {
    rasterize(ring, intersect(full, clip), out);
    return;
  }
  rasterize(ring, intersect({full.x0, full.y0, full.x1, top}, clip), out);
  rasterize(ring, intersect({full.x0, bottom, full.x1, full.y1}, clip), out);
  rasterize(ring, intersect({full.x0, top, left, bottom}, clip), out);
  rasterize(ring, intersect({right, top, full.x1, bottom}, clip), out);
}

void line_spans(Point a, Point b, float width, PixelBox clip, std::vector<Span>& out) {
  float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-4f || width <= 0) return;
  float hw = width * 0.5f;
  if (dy == 0 || dx == 0) {  // axis-aligned: a rect, exactly
    Rect r = dy == 0 ? Rect{std::min(a.x, b.x), a.y - hw, std::fabs(dx), width}
                     : Rect{a.x - hw, std::min(a.y, b.y), width, std::fabs(dy)};
    rect_coverage(r, intersect(bounds_of(r), clip), out);
    return;
  }
  float nx = -dy / len * hw, ny = dx / len * hw;
  rasterize(
      {{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}},
      clip, out);
}

void polygon_spans(const Contour& points, PixelBox clip, std::vector<Span>& out) {
  if (points.size() < 3) return;
  rasterize({points}, clip, out);
}

Contour arrow_head(Point from, Point tip, float width, Point* shaft_end) {
  float dx = tip.x - from.x, dy = tip.y - from.y, len = std::sqrt(dx * dx + dy * dy);
  if (shaft_end) *shaft_end = tip;
  if (len < 1e-4f) return {};
  dx /= len;
  dy /= len;
  float head = std::max(8.0f, 3.0f * width + 5.0f), half = head * 0.55f;
  Point base{tip.x - dx * head, tip.y - dy * head};
  // End the shaft inside the head, where the head is still wider than the shaft.
  if (shaft_end) *shaft_end = {tip.x - dx * head * 0.8f, tip.y - dy * head * 0.8f};
  return {tip, {base.x - dy * half, base.y + dx * half}, {base.x + dy * half, base.y - dx * half}};
}

}  // namespace madang::render
