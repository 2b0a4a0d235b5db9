// Pixel assertions for shapes, clips and opacity drawn by the software renderer.
#include <gtest/gtest.h>

#include "render_fixture.h"

namespace madang::test {
namespace {

constexpr layout::Color kBlue = 0x3366ccff;
const Rgba kWhite = rgba(0xffffffff);

TEST_F(RenderTest, HeadlessImageHasTheListSizeAndBackground) {
  render::RgbaImage img = render(list_of(64, 32, {}, 0x102030ff));
  ASSERT_EQ(img.width, 64);
  ASSERT_EQ(img.height, 32);
  ASSERT_EQ(img.pixels.size(), 64u * 32u * 4u);
  EXPECT_EQ(pixel_at(img, 0, 0), rgba(0x102030ff));
  EXPECT_EQ(pixel_at(img, 63, 31), rgba(0x102030ff));
}

TEST_F(RenderTest, FilledRectInteriorIsExactlyItsColourAndOutsideIsUntouched) {
  render::RgbaImage img = render(list_of(320, 180, {fill({40, 30, 100, 60}, kBlue)}));
  // Every pixel inside, corners included: exact colour.
  for (int y = 30; y < 90; ++y)
    for (int x = 40; x < 140; ++x) ASSERT_EQ(pixel_at(img, x, y), rgba(kBlue)) << x << "," << y;
  // The ring of pixels just outside: untouched background.
  for (int x = 39; x <= 140; ++x) {
    ASSERT_EQ(pixel_at(img, x, 29), kWhite) << x;
    ASSERT_EQ(pixel_at(img, x, 90), kWhite) << x;
  }
  for (int y = 29; y <= 90; ++y) {
    ASSERT_EQ(pixel_at(img, 39, y), kWhite) << y;
    ASSERT_EQ(pixel_at(img, 140, y), kWhite) << y;
  }
}

TEST_F(RenderTest, HalfPixelEdgeGetsHalfCoverage) {
  // The right edge at x = 60.5 cuts pixel 60 through its centre.
  render::RgbaImage img = render(list_of(100, 40, {fill({20.0f, 10, 40.5f, 20}, 0x000000ff)}));
  Rgba edge = pixel_at(img, 60, 20);
  EXPECT_NEAR(edge.r, 128, 3);
  EXPECT_EQ(pixel_at(img, 59, 20), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(img, 61, 20), kWhite);
}

TEST_F(RenderTest, RoundedCornerPixelIsBackground) {
  render::RgbaImage img = render(list_of(320, 180, {fill({40, 30, 100, 60}, kBlue, 20)}));
  EXPECT_EQ(pixel_at(img, 40, 30), kWhite);
  EXPECT_EQ(pixel_at(img, 139, 30), kWhite);
  EXPECT_EQ(pixel_at(img, 40, 89), kWhite);
  EXPECT_EQ(pixel_at(img, 139, 89), kWhite);
  EXPECT_EQ(pixel_at(img, 90, 30), rgba(kBlue));  // middle of the top edge
  EXPECT_EQ(pixel_at(img, 40, 60), rgba(kBlue));  // middle of the left edge
  EXPECT_EQ(pixel_at(img, 90, 60), rgba(kBlue));
  // On the arc (45° from the corner centre (60, 50)): partly covered.
  Rgba arc = pixel_at(img, 45, 35);
  EXPECT_GT(arc.r, 0x33);
  EXPECT_LT(arc.r, 0xff);
}

TEST_F(RenderTest, DiagonalEdgeIsAntialiased) {
  render::RgbaImage img =
      render(list_of(200, 200, {polygon({{20, 20}, {180, 20}, {20, 180}}, 0x000000ff)}));
  EXPECT_EQ(pixel_at(img, 40, 40), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(img, 150, 150), kWhite);
  // The hypotenuse x + y = 200 crosses every row: each crossing shows
  // intermediate greys, in order from black to white.
  int rows_with_grey = 0;
  for (int y = 30; y < 170; ++y) {
    int prev = -1, greys = 0;
    for (int x = std::max(21, 190 - y - 4); x <= 200 - y + 4; ++x) {
      int v = pixel_at(img, x, y).r;
      ASSERT_GE(v, prev) << "not monotonic at " << x << "," << y;
      prev = v;
      if (v > 10 && v < 245) ++greys;
    }
    EXPECT_LE(greys, 2) << y;  // a one-pixel ramp, not a blur
    if (greys > 0) ++rows_with_grey;
  }
  EXPECT_GT(rows_with_grey, 120);
}

TEST_F(RenderTest, PolygonWindingDoesNotMatter) {
  render::RgbaImage cw =
      render(list_of(100, 100, {polygon({{10, 10}, {90, 10}, {10, 90}}, 0x000000ff)}));
  render::RgbaImage ccw =
      render(list_of(100, 100, {polygon({{10, 10}, {10, 90}, {90, 10}}, 0x000000ff)}));
  EXPECT_TRUE(compare_images(ccw, cw, {1, 0}, "polygon_winding"));
  EXPECT_EQ(pixel_at(cw, 9, 50), kWhite);  // the fringe stays outside-in, not inside-out
}

TEST_F(RenderTest, StrokeRectDrawsItsEdgesOnly) {
  render::RgbaImage img = render(list_of(200, 120, {stroke({40, 30, 100, 60}, kBlue, 4)}));
  EXPECT_EQ(pixel_at(img, 90, 30), rgba(kBlue));  // top edge, centred on y = 30
  EXPECT_EQ(pixel_at(img, 90, 89), rgba(kBlue));
  EXPECT_EQ(pixel_at(img, 40, 60), rgba(kBlue));
  EXPECT_EQ(pixel_at(img, 90, 60), kWhite);  // inside
  EXPECT_EQ(pixel_at(img, 90, 25), kWhite);  // beyond half the width
}

TEST_F(RenderTest, LineHasItsWidth) {
  // Horizontal 4-px line centred on y = 50: rows 48..51.
  render::RgbaImage img = render(list_of(200, 100, {line({20, 50}, {180, 50}, 0x000000ff, 4)}));
  for (int y = 48; y <= 51; ++y) EXPECT_EQ(pixel_at(img, 100, y), rgba(0x000000ff)) << y;
  EXPECT_EQ(pixel_at(img, 100, 46), kWhite);
  EXPECT_EQ(pixel_at(img, 100, 53), kWhite);
}

TEST_F(RenderTest, ArrowHeadIsPresentOnlyWhenAsked) {
  auto plain = render(list_of(320, 180, {line({20, 90}, {300, 90}, 0x000000ff, 2)}));
  auto arrow = render(list_of(320, 180, {line({20, 90}, {300, 90}, 0x000000ff, 2, true)}));
  // The head is wider than the shaft a few pixels before the tip.
  EXPECT_EQ(pixel_at(plain, 292, 87), kWhite);
  EXPECT_LT(pixel_at(arrow, 292, 87).r, 64);
  EXPECT_LT(pixel_at(arrow, 292, 93).r, 64);
  // And it does not reach past the tip.
  EXPECT_EQ(pixel_at(arrow, 302, 90), kWhite);
  // The shaft is there in both.
  EXPECT_EQ(pixel_at(plain, 100, 90), rgba(0x000000ff));
  EXPECT_EQ(pixel_at(arrow, 100, 90), rgba(0x000000ff));
}

TEST_F(RenderTest, ClipClipsAndNestedClipsIntersect) {
  render::RgbaImage img =
      render(list_of(320, 180,
                     {push_clip({50, 50, 100, 50}), fill({0, 0, 320, 180}, 0xff0000ff), pop_clip(),
                      push_clip({50, 120, 100, 50}), push_clip({100, 0, 200, 200}),
                      fill({0, 0, 320, 180}, 0x00ff00ff), pop_clip(), pop_clip(),
                      fill({300, 0, 20, 20}, 0x0000ffff)}));
  EXPECT_EQ(pixel_at(img, 49, 60), kWhite);
  EXPECT_EQ(pixel_at(img, 50, 60), rgba(0xff0000ff));
  EXPECT_EQ(pixel_at(img, 149, 99), rgba(0xff0000ff));
  EXPECT_EQ(pixel_at(img, 150, 60), kWhite);
  EXPECT_EQ(pixel_at(img, 60, 49), kWhite);
  EXPECT_EQ(pixel_at(img, 60, 100), kWhite);
  // Nested: (50,120,100,50) ∩ (100,0,200,200) = (100,120,50,50).
  EXPECT_EQ(pixel_at(img, 99, 130), kWhite);
  EXPECT_EQ(pixel_at(img, 100, 130), rgba(0x00ff00ff));
  EXPECT_EQ(pixel_at(img, 149, 169), rgba(0x00ff00ff));
  EXPECT_EQ(pixel_at(img, 150, 130), kWhite);
  // After the pops nothing is clipped.
  EXPECT_EQ(pixel_at(img, 310, 10), rgba(0x0000ffff));
}

TEST_F(RenderTest, EmptyClipDrawsNothing) {
  render::RgbaImage img =
      render(list_of(100, 100,
                     {push_clip({10, 10, 20, 20}), push_clip({50, 50, 20, 20}),
                      fill({0, 0, 100, 100}, 0xff0000ff), pop_clip(), pop_clip()}));
  for (int y = 0; y < 100; y += 3)
    for (int x = 0; x < 100; x += 3) ASSERT_EQ(pixel_at(img, x, y), kWhite) << x << "," << y;
}

TEST_F(RenderTest, OpacityHalvesAlpha) {
  // On a transparent background the destination alpha is the source alpha.
  render::RgbaImage img = render(list_of(100, 100,
                                         {push_opacity(0.5f), fill({10, 10, 40, 40}, 0x000000ff),
                                          pop_opacity(), fill({60, 10, 20, 20}, 0x000000ff)},
                                         0x00000000));
  EXPECT_NEAR(pixel_at(img, 30, 30).a, 128, 1);
  EXPECT_EQ(pixel_at(img, 70, 20).a, 255);  // popped
  EXPECT_EQ(pixel_at(img, 90, 90).a, 0);
  // Nested opacities multiply, and on white give the matching grey.
  render::RgbaImage grey =
      render(list_of(100, 100,
                     {push_opacity(0.5f), push_opacity(0.5f), fill({10, 10, 40, 40}, 0x000000ff),
                      pop_opacity(), pop_opacity()}));
  EXPECT_NEAR(pixel_at(grey, 30, 30).r, 191, 2);
}

TEST_F(RenderTest, DrawOffsetAndOpacityParameterApplyToEverything) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_RGBA32);
  ASSERT_NE(surface, nullptr);
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  ASSERT_NE(ren, nullptr);
  SDL_SetRenderDrawColor(ren, 255, 255, 255, 255);
  SDL_RenderClear(ren);
  {
    render::SdlRenderer r(ren, *glyphs_, images_);
    r.draw(list_of(50, 50, {fill({10, 10, 10, 10}, 0x000000ff)}, 0x00000000), 100, 20, 0.5f);
  }
  SDL_RenderFlush(ren);
  render::RgbaImage img;
  img.width = 200;
  img.height = 100;
  const auto* px = static_cast<const std::uint8_t*>(surface->pixels);
  img.pixels.assign(px, px + 200 * 100 * 4);
  EXPECT_NEAR(pixel_at(img, 115, 35).r, 128, 2);  // (10,10)+(100,20), half opacity
  EXPECT_EQ(pixel_at(img, 15, 15), kWhite);
  SDL_DestroyRenderer(ren);
  SDL_FreeSurface(surface);
}

TEST_F(RenderTest, RendererStateIsRestored) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 100, 100, 32, SDL_PIXELFORMAT_RGBA32);
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  ASSERT_NE(ren, nullptr);
  SDL_SetRenderDrawColor(ren, 1, 2, 3, 4);
  SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_ADD);
  SDL_Rect clip{5, 6, 70, 80};
  SDL_RenderSetClipRect(ren, &clip);
  {
    render::SdlRenderer r(ren, *glyphs_, images_);
    r.draw(list_of(100, 100,
                   {push_clip({0, 0, 50, 50}), fill({0, 0, 100, 100}, 0xff0000ff),
                    push_opacity(0.3f)}));  // unbalanced on purpose
  }
  Uint8 c[4];
  SDL_GetRenderDrawColor(ren, &c[0], &c[1], &c[2], &c[3]);
  EXPECT_EQ(c[0], 1);
  EXPECT_EQ(c[3], 4);
  SDL_BlendMode mode;
  SDL_GetRenderDrawBlendMode(ren, &mode);
  EXPECT_EQ(mode, SDL_BLENDMODE_ADD);
  SDL_Rect got;
  SDL_RenderGetClipRect(ren, &got);
  EXPECT_TRUE(SDL_RenderIsClipEnabled(ren));
  EXPECT_EQ(got.x, 5);
  EXPECT_EQ(got.w, 70);
  // The caller's clip also bounded our drawing.
  SDL_RenderFlush(ren);
  const auto* px = static_cast<const std::uint8_t*>(surface->pixels);
  EXPECT_EQ(px[(2 * 100 + 2) * 4 + 0], 0);      // (2,2): outside the caller's clip
  EXPECT_EQ(px[(10 * 100 + 10) * 4 + 0], 255);  // inside both
  SDL_DestroyRenderer(ren);
  SDL_FreeSurface(surface);
}

TEST_F(RenderTest, RenderingIsDeterministic) {
  layout::DisplayList l = list_of(
      320, 180,
      {fill({10, 10, 120, 80}, 0x3366ccff, 12), stroke({150, 20, 100, 60}, 0xcc3333ff, 3, 8),
       line({20, 150}, {300, 110}, 0x222222ff, 2.5f, true),
       polygon({{200, 170}, {260, 100}, {310, 170}}, 0x33aa5580)});
  std::vector<layout::Command> t = text_runs("결정적 렌더링", 28, 20, 60);
  l.commands.insert(l.commands.end(), t.begin(), t.end());
  render::RgbaImage a = render(l);
  render::RgbaImage b = render(l);
  ASSERT_FALSE(a.pixels.empty());
  EXPECT_EQ(a.pixels, b.pixels);
}

}  // namespace
}  // namespace madang::test
