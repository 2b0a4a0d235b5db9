// The pure parts: exact coverage spans and atlas packing.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "render/atlas.h"
#include "render/coverage.h"

namespace madang::render {
namespace {

constexpr PixelBox kCanvas{0, 0, 400, 400};

// Coverage per pixel (0..255), and a check that no two spans overlap.
std::map<std::pair<int, int>, int> paint(const std::vector<Span>& spans) {
  std::map<std::pair<int, int>, int> px;
  for (const Span& s : spans)
    for (int y = s.y; y < s.y + s.h; ++y)
      for (int x = s.x; x < s.x + s.w; ++x) {
        EXPECT_EQ(px.count({x, y}), 0u) << "overlap at " << x << "," << y;
        px[{x, y}] = s.coverage;
      }
  return px;
}

double total_area(const std::vector<Span>& spans) {
  double a = 0;
  for (const Span& s : spans) a += double(s.w) * s.h * s.coverage / 255.0;
  return a;
}

TEST(Coverage, WholePixelRectIsOneSpan) {
  std::vector<Span> out;
  fill_rect_spans({10, 20, 30, 40}, 0, kCanvas, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].x, 10);
  EXPECT_EQ(out[0].y, 20);
  EXPECT_EQ(out[0].w, 30);
  EXPECT_EQ(out[0].h, 40);
  EXPECT_EQ(out[0].coverage, 255);
}

TEST(Coverage, FractionalRectEdgesGetPartialCoverage) {
  std::vector<Span> out;
  fill_rect_spans({10.25f, 20, 5.5f, 2}, 0, kCanvas, out);
  auto px = paint(out);
  EXPECT_EQ((px[{10, 20}]), 191);  // 0.75 covered
  EXPECT_EQ((px[{11, 20}]), 255);
  EXPECT_EQ((px[{15, 21}]), 191);  // 15.0 .. 15.75
  EXPECT_EQ(px.count({16, 20}), 0u);
  EXPECT_NEAR(total_area(out), 5.5 * 2, 0.05);
}

TEST(Coverage, RasterizerMatchesAnalyticRect) {
  // The same fractional rect through the scanline rasterizer.
  std::vector<Span> a, b;
  layout::Rect r{3.3f, 4.6f, 20.2f, 7.7f};
  rect_coverage(r, kCanvas, a);
  rasterize({rounded_rect_path(r, 0)}, kCanvas, b);
  auto pa = paint(a), pb = paint(b);
  ASSERT_EQ(pa.size(), pb.size());
  for (auto& [k, v] : pa) EXPECT_NEAR(pb[k], v, 1) << k.first << "," << k.second;
}

TEST(Coverage, TriangleAreaIsExact) {
  std::vector<Span> out;
  polygon_spans({{10.5f, 10.2f}, {90.3f, 15.7f}, {40.1f, 80.9f}}, kCanvas, out);
  double area = 0.5 * std::fabs((90.3 - 10.5) * (80.9 - 10.2) - (40.1 - 10.5) * (15.7 - 10.2));
  EXPECT_NEAR(total_area(out), area, area * 0.002);
  paint(out);
}

TEST(Coverage, WindingDoesNotMatter) {
  std::vector<Span> a, b;
  polygon_spans({{10, 10}, {90, 10}, {10, 90}}, kCanvas, a);
  polygon_spans({{10, 10}, {10, 90}, {90, 10}}, kCanvas, b);
  EXPECT_EQ(paint(a), paint(b));
}

TEST(Coverage, RoundedRectCornersAreCutAndAreaMatches) {
  std::vector<Span> out;
  fill_rect_spans({20, 20, 200, 100}, 30, kCanvas, out);
  auto px = paint(out);
  EXPECT_EQ(px.count({20, 20}), 0u);
  EXPECT_EQ((px[{120, 20}]), 255);
  EXPECT_EQ((px[{20, 70}]), 255);
  double area = 200.0 * 100 - (4 - M_PI) * 30 * 30;
  EXPECT_NEAR(total_area(out), area, 6);  // arcs are chords within 1/8 px
}

TEST(Coverage, StrokeIsARingWithTheRightArea) {
  std::vector<Span> out;
  stroke_rect_spans({50, 50, 100, 60}, 0, 4, kCanvas, out);
  auto px = paint(out);
  EXPECT_EQ((px[{100, 48}]), 255);
  EXPECT_EQ(px.count({100, 80}), 0u);
  EXPECT_NEAR(total_area(out), 104.0 * 64 - 96.0 * 56, 1);
  std::vector<Span> rounded;
  stroke_rect_spans({50, 50, 100, 60}, 12, 3, kCanvas, rounded);
  paint(rounded);
  double expect = (100.0 + 3) * (60 + 3) - (4 - M_PI) * 13.5 * 13.5 -
                  ((100.0 - 3) * (60 - 3) - (4 - M_PI) * 10.5 * 10.5);
  EXPECT_NEAR(total_area(rounded), expect, 6);
}

TEST(Coverage, DiagonalLineHasWidthTimesLength) {
  std::vector<Span> out;
  line_spans({20, 30}, {220, 180}, 3, kCanvas, out);
  EXPECT_NEAR(total_area(out), 250.0 * 3, 2);
  paint(out);
}

TEST(Coverage, RegionLimitsWorkButKeepsWinding) {
  std::vector<Span> out;
  // A wide rect seen through a region that starts inside it.
  rasterize({rounded_rect_path({0, 0, 100, 10}, 0)}, {40, 0, 60, 10}, out);
  auto px = paint(out);
  EXPECT_EQ(px.size(), 200u);
  EXPECT_EQ((px[{40, 5}]), 255);
  EXPECT_EQ((px[{59, 5}]), 255);
}

TEST(Coverage, ArrowShaftEndsInsideTheHead) {
  layout::Point end;
  Contour head = arrow_head({0, 0}, {100, 0}, 2, &end);
  ASSERT_EQ(head.size(), 3u);
  EXPECT_LT(end.x, 100);
  EXPECT_GT(end.x, 80);
  EXPECT_FLOAT_EQ(end.y, 0);
}

TEST(ShelfPacker, RectsDoNotOverlapAndStayOnThePage) {
  ShelfPacker p(256, 256);
  struct R {
    int x, y, w, h;
  };
  std::vector<R> placed;
  for (int i = 0; i < 400; ++i) {
    int w = 5 + (i * 7) % 23, h = 8 + (i * 13) % 19;
    int x, y;
    if (!p.insert(w, h, &x, &y)) break;
    ASSERT_LE(x + w, 256);
    ASSERT_LE(y + h, 256);
    for (const R& o : placed)
      ASSERT_TRUE(x >= o.x + o.w + 1 || o.x >= x + w + 1 || y >= o.y + o.h + 1 || o.y >= y + h + 1)
          << "overlap or no padding at " << x << "," << y;
    placed.push_back({x, y, w, h});
  }
  EXPECT_GT(placed.size(), 100u);
  int x, y;
  EXPECT_FALSE(p.insert(300, 10, &x, &y));
}

TEST(ShelfPacker, FullPageSaysSo) {
  ShelfPacker p(64, 64);
  int x, y, n = 0;
  while (p.insert(15, 15, &x, &y)) ++n;
  EXPECT_EQ(n, 16);
  p.reset();
  EXPECT_TRUE(p.insert(15, 15, &x, &y));
  EXPECT_EQ(x, 0);
  EXPECT_EQ(y, 0);
}

}  // namespace
}  // namespace madang::render
