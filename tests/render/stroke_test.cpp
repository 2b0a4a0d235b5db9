// Freehand strokes (kStroke, ink) drawn by the software renderer: the width
// and round ends where the geometry says, a translucent stroke crossing
// itself covering each pixel once, and the cost of a long one.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "render/stroke_geometry.h"
#include "render_fixture.h"

namespace madang::test {
namespace {

layout::Command stroke(std::vector<layout::Point> points, float width, layout::Color color) {
  layout::Command c;
  c.kind = layout::CommandKind::kStroke;
  c.points = std::move(points);
  c.width = width;
  c.widths.assign(c.points.size(), width);
  c.color = color;
  return c;
}

TEST_F(RenderTest, AStrokeIsItsWidthWideWithRoundEnds) {
  const render::RgbaImage img =
      render(list_of(200, 100, {stroke({{40, 50}, {160, 50}}, 10, 0x000000ffu)}));
  EXPECT_EQ(pixel_at(img, 100, 50), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(img, 100, 46), rgba(0x000000ff));  // 4.5 px from the centre line
  EXPECT_EQ(pixel_at(img, 100, 53), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(img, 100, 43), rgba(0xffffffff));  // past the half width
  EXPECT_EQ(pixel_at(img, 100, 57), rgba(0xffffffff));
  // Round caps: past the end on the centre line, not at the corners.
  EXPECT_EQ(pixel_at(img, 163, 50), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(img, 164, 54), rgba(0xffffffff));
  EXPECT_EQ(pixel_at(img, 36, 45), rgba(0xffffffff));
}

TEST_F(RenderTest, ATranslucentStrokeCrossingItselfCoversEachPixelOnce) {
  // A highlighter going right, back left over itself, and across.
  const render::RgbaImage img = render(list_of(
      200, 100, {stroke({{20, 50}, {180, 50}, {100, 50}, {100, 10}, {100, 90}}, 20, 0xffd40066u)}));
  const Rgba once = pixel_at(img, 40, 50);
  EXPECT_LT(once.b, 0xff);                  // tinted
  EXPECT_EQ(pixel_at(img, 150, 50), once);  // drawn over twice: the same
  EXPECT_EQ(pixel_at(img, 100, 50), once);  // where it crosses: the same
  EXPECT_EQ(pixel_at(img, 100, 20), once);
}

TEST_F(RenderTest, PressureNarrowsTheStroke) {
  layout::Command c = stroke({{20, 50}, {180, 50}}, 20, 0x000000ffu);
  c.widths = {20, 4};
  const render::RgbaImage img = render(list_of(200, 100, {c}));
  EXPECT_EQ(pixel_at(img, 25, 42), rgba(0x000000ff));   // wide at the start
  EXPECT_EQ(pixel_at(img, 175, 42), rgba(0xffffffff));  // narrow at the end
  EXPECT_EQ(pixel_at(img, 175, 50), rgba(0x000000ff));
}

TEST_F(RenderTest, TenThousandPointsInOneStrokeDraw) {
  // A scribble of 10,000 points (ink that was never simplified) across a
  // 1920x1080 slide, drawn (and read back) by the software renderer. The
  // bound only catches a blow-up (sanitizers, a loaded machine): the frame
  // times are measured by tests/bench/ink_bench.sh.
  std::vector<layout::Point> points;
  for (int i = 0; i < 10000; ++i) {
    const float t = static_cast<float>(i) / 10000;
    points.push_back({100 + 1700 * t, 540 + 300 * std::sin(t * 60)});
  }
  const layout::DisplayList list = list_of(1920, 1080, {stroke(points, 5, 0xd03030ffu)});
  render(list);  // warm
  const auto t0 = std::chrono::steady_clock::now();
  const render::RgbaImage img = render(list);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("stroke-10000-points-ms %.2f\n", ms);
  EXPECT_LT(ms, 1000);
  EXPECT_NE(pixel_at(img, 100, 540), rgba(0xffffffff));
}

TEST(StrokeGeometry, EveryPieceIsWoundTheSameWay) {
  layout::Command c;
  c.kind = layout::CommandKind::kStroke;
  c.points = {{0, 0}, {50, 0}, {50, 50}, {0, 10}};
  c.width = 6;
  for (const render::Contour& piece : render::stroke_contours(c)) {
    float area = 0;
    for (std::size_t i = 0; i < piece.size(); ++i) {
      const layout::Point p = piece[i], q = piece[(i + 1) % piece.size()];
      area += p.x * q.y - q.x * p.y;
    }
    EXPECT_GT(area, 0);
  }
  EXPECT_TRUE(render::uniform_width(c));
}

}  // namespace
}  // namespace madang::test
