// Glyph runs through the atlas: Hangul, colour emoji, decorations, threads.
#include <gtest/gtest.h>

#include <thread>

#include "render_fixture.h"

namespace madang::test {
namespace {

struct Box {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // inclusive bounds of ink
  int count = 0;
};

// Pixels noticeably darker than the white background.
Box ink(const render::RgbaImage& img, int threshold = 160) {
  Box b;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (pixel_at(img, x, y).r < threshold) {
        b.x0 = std::min(b.x0, x);
        b.y0 = std::min(b.y0, y);
        b.x1 = std::max(b.x1, x);
        b.y1 = std::max(b.y1, y);
        ++b.count;
      }
  return b;
}

TEST_F(RenderTest, HangulRunInksInsideItsBoxOnly) {
  auto runs = text_runs("가나다", 48, 40, 100);
  ASSERT_FALSE(runs.empty());
  float width = last_paragraph_.lines.at(0).width;
  ASSERT_GT(width, 48 * 2.5);  // three full-width syllables
  render::RgbaImage img = render(list_of(320, 180, runs));
  Box b = ink(img);
  ASSERT_GT(b.count, 500);
  // Ink between the pen start and the advance, from about the cap height
  // above the baseline to a little below it.
  EXPECT_GE(b.x0, 40);
  EXPECT_LE(b.x1, 40 + width);
  EXPECT_GE(b.y0, 100 - 48);
  EXPECT_LE(b.y1, 100 + 48 * 0.25);
  EXPECT_LT(b.x0, 40 + 10);  // and it fills the box, not a corner of it
  EXPECT_GT(b.x1, 40 + width - 12);
  EXPECT_LT(b.y0, 100 - 30);
  // Full coverage in the middle of strokes comes out as the run's colour.
  int black = 0;
  for (int y = b.y0; y <= b.y1; ++y)
    for (int x = b.x0; x <= b.x1; ++x) black += pixel_at(img, x, y) == rgba(0x000000ff);
  EXPECT_GT(black, 100);
}

TEST_F(RenderTest, RunColourAndOpacityApplyToGlyphs) {
  text::TextStyle style;
  style.color = 0xd02020ff;
  render::RgbaImage img = render(list_of(320, 180, text_runs("빨강", 48, 20, 100, style)));
  int red = 0, other = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      Rgba p = pixel_at(img, x, y);
      if (p == rgba(0xd02020ff))
        ++red;
      else if (p.r < 0xd0 || p.g < 0x20)
        ++other;  // not on the white-to-red ramp
    }
  EXPECT_GT(red, 100);
  EXPECT_EQ(other, 0);
  auto runs = text_runs("빨강", 48, 20, 100, style);
  runs.insert(runs.begin(), push_opacity(0.5f));
  render::RgbaImage faded = render(list_of(320, 180, runs));
  Box b = ink(faded, 250);
  ASSERT_GT(b.count, 0);
  int darkest_g = 255;
  for (int y = b.y0; y <= b.y1; ++y)
    for (int x = b.x0; x <= b.x1; ++x)
      darkest_g = std::min<int>(darkest_g, pixel_at(faded, x, y).g);
  EXPECT_NEAR(darkest_g, (0x20 + 0xff) / 2, 3);  // half the ink at full coverage
}

TEST_F(RenderTest, EmojiAreColoured) {
  auto runs = text_runs("😀", 64, 40, 120);
  ASSERT_FALSE(runs.empty());
  ASSERT_GE(runs[0].run.font, 0);
  ASSERT_TRUE(fonts_->face(runs[0].run.font).color) << fonts_->face(runs[0].run.font).path;
  render::RgbaImage img = render(list_of(200, 180, runs));
  int saturated = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      Rgba p = pixel_at(img, x, y);
      int hi = std::max({p.r, p.g, p.b}), lo = std::min({p.r, p.g, p.b});
      if (hi - lo > 100) ++saturated;  // yellow face: far from grey
    }
  EXPECT_GT(saturated, 500);
}

TEST_F(RenderTest, UnderlineAndStrikeAreDrawn) {
  text::TextStyle plain, decorated;
  decorated.underline = decorated.strike = true;
  render::RgbaImage a = render(list_of(320, 120, text_runs("밑줄 ---", 32, 20, 60, plain)));
  render::RgbaImage b = render(list_of(320, 120, text_runs("밑줄 ---", 32, 20, 60, decorated)));
  // Below the baseline, where Hangul has no ink, only the underline is.
  auto dark_in_row = [](const render::RgbaImage& img, int y) {
    int n = 0;
    for (int x = 0; x < img.width; ++x) n += pixel_at(img, x, y).r < 100;
    return n;
  };
  int underline_rows = 0, plain_rows = 0;
  for (int y = 61; y < 70; ++y) {
    underline_rows += dark_in_row(b, y) > 60;
    plain_rows += dark_in_row(a, y) > 60;
  }
  EXPECT_GE(underline_rows, 1);
  EXPECT_EQ(plain_rows, 0);
  EXPECT_GT(ink(b).count, ink(a).count + 100);
}

TEST_F(RenderTest, QuarterPixelPositionsChangeTheImage) {
  auto at = [&](float x) { return render(list_of(120, 80, text_runs("가", 40, x, 50))); };
  render::RgbaImage a = at(20), b = at(20.25f), c = at(21);
  EXPECT_NE(a.pixels, b.pixels);  // subpixel offset is honoured
  // A whole-pixel move is the same image shifted by one pixel.
  render::RgbaImage shifted = a;
  for (int y = 0; y < 80; ++y)
    for (int x = 119; x >= 0; --x)
      for (int k = 0; k < 4; ++k)
        shifted.pixels[(y * 120 + x) * 4 + k] = x == 0 ? 255 : a.pixels[(y * 120 + x - 1) * 4 + k];
  EXPECT_TRUE(compare_images(c, shifted, {0, 0}, "glyph_whole_pixel_shift"));
}

TEST_F(RenderTest, ManyGlyphSizesSpillToMorePagesAndStillDraw) {
  // ~60 sizes of a dozen syllables: more than one 1024x1024 page.
  std::vector<layout::Command> all;
  for (int i = 0; i < 60; ++i) {
    auto r = text_runs("한글 글리프 아틀라스 시험", 40 + i * 1.5f, 10, 200);
    all.insert(all.end(), r.begin(), r.end());
  }
  auto last = text_runs("끝", 48, 700, 600);
  all.push_back(fill({0, 0, 800, 700}, 0xffffffff));  // cover everything drawn so far
  all.insert(all.end(), last.begin(), last.end());
  render::RgbaImage img = render(list_of(800, 700, all));
  Box b = ink(img);
  ASSERT_GT(b.count, 50);
  EXPECT_GE(b.x0, 700);
  EXPECT_GE(b.y0, 600 - 48);
}

TEST_F(RenderTest, InvalidateRebuildsTextures) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_RGBA32);
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  ASSERT_NE(ren, nullptr);
  layout::DisplayList l = list_of(200, 100, text_runs("다시", 40, 10, 60));
  auto snapshot = [&] {
    SDL_RenderFlush(ren);
    const auto* px = static_cast<const std::uint8_t*>(surface->pixels);
    return std::vector<std::uint8_t>(px, px + 200 * 100 * 4);
  };
  {
    render::SdlRenderer r(ren, *glyphs_, images_);
    r.draw(l);
    auto first = snapshot();
    r.invalidate();
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
    r.draw(l);
    EXPECT_EQ(snapshot(), first);
  }  // the SdlRenderer goes before the SDL_Renderer that owns its textures
  SDL_DestroyRenderer(ren);
  SDL_FreeSurface(surface);
}

TEST(RenderThreads, TwoThreadsRenderLikeOne) {
  auto make = [](text::FontSystem& fonts) {
    text::TextStyle style;
    style.size = 40;
    text::Paragraph p = text::layout_paragraph(fonts, {{"두 스레드가 동시에 그립니다 😀", style}},
                                               text::ParagraphStyle{}, 600);
    layout::DisplayList l = list_of(640, 360, {fill({20, 20, 600, 320}, 0xf4f0e8ff, 16)});
    for (const text::Line& line : p.lines)
      for (const text::GlyphRun& run : line.runs) {
        layout::Command c;
        c.kind = layout::CommandKind::kGlyphRun;
        c.origin = {40 + line.x + run.x, 80 + line.baseline};
        c.run = run;
        l.commands.push_back(c);
      }
    return l;
  };
  auto job = [&](render::RgbaImage* out, int repeats) {
    auto fonts = text::FontSystem::create({});
    text::GlyphCache glyphs(*fonts);
    render::ImageCache images;
    layout::DisplayList l = make(*fonts);
    for (int i = 0; i < repeats; ++i) *out = render::render_headless(l, glyphs, images);
  };
  render::RgbaImage alone, a, b;
  job(&alone, 1);
  std::thread t1(job, &a, 5), t2(job, &b, 5);
  t1.join();
  t2.join();
  ASSERT_FALSE(alone.pixels.empty());
  EXPECT_EQ(a.pixels, alone.pixels);
  EXPECT_EQ(b.pixels, alone.pixels);
}

}  // namespace
}  // namespace madang::test
