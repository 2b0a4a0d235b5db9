// Glyph cache: rasterized once per key, real coverage, colour emoji.
#include <algorithm>

#include "text_test_util.h"

namespace madang::text::testing {
namespace {

GlyphKey key_for(const std::string& text, float size) {
  const Paragraph p = shape_wide(text, size);
  const GlyphRun& r = p.lines.at(0).runs.at(0);
  return GlyphKey{r.font, r.glyphs.at(0).id, size, 0, r.synthetic_bold, r.synthetic_italic};
}

int inked(const GlyphBitmap& b) {
  return static_cast<int>(
      std::count_if(b.pixels.begin(), b.pixels.end(), [](auto v) { return v > 0; }));
}

TEST(GlyphCache, SameKeyGivesTheSameBitmap) {
  GlyphCache cache(fonts());
  const GlyphKey k = key_for("가", 40);
  const GlyphBitmap& a = cache.get(k);
  const GlyphBitmap& b = cache.get(k);
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(cache.size(), 1u);
  GlyphKey other = k;
  other.size = 41;
  EXPECT_NE(&cache.get(other), &a);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(GlyphCache, HangulCoverageIsAntialiasedAndSized) {
  GlyphCache cache(fonts());
  const GlyphBitmap& b = cache.get(key_for("가", 40));
  EXPECT_FALSE(b.color);
  ASSERT_EQ(b.pixels.size(), static_cast<std::size_t>(b.width * b.height));
  EXPECT_GT(b.width, 20);
  EXPECT_LE(b.width, 40);
  EXPECT_GT(b.height, 20);
  EXPECT_LE(b.height, 44);
  EXPECT_GT(b.top, 25);  // above the baseline
  EXPECT_GT(inked(b), b.width * b.height / 8);
  // Antialiased: partial coverage on the edges, full inside the strokes.
  const bool partial =
      std::any_of(b.pixels.begin(), b.pixels.end(), [](auto v) { return v > 0 && v < 255; });
  const bool full = std::any_of(b.pixels.begin(), b.pixels.end(), [](auto v) { return v == 255; });
  EXPECT_TRUE(partial);
  EXPECT_TRUE(full);
}

TEST(GlyphCache, EmojiIsColorScaledToSize) {
  GlyphCache cache(fonts());
  const GlyphKey k = key_for("😀", 40);
  EXPECT_TRUE(fonts().face(k.font).color);
  const GlyphBitmap& b = cache.get(k);
  EXPECT_TRUE(b.color);
  ASSERT_EQ(b.pixels.size(), static_cast<std::size_t>(b.width * b.height * 4));
  EXPECT_GE(b.width, 36);
  EXPECT_LE(b.width, 52);
  // Premultiplied: no channel exceeds alpha; the face is yellow (red+green, little blue).
  long r = 0, g = 0, bl = 0;
  for (std::size_t i = 0; i < b.pixels.size(); i += 4) {
    EXPECT_LE(b.pixels[i], b.pixels[i + 3]);
    EXPECT_LE(b.pixels[i + 1], b.pixels[i + 3]);
    EXPECT_LE(b.pixels[i + 2], b.pixels[i + 3]);
    r += b.pixels[i];
    g += b.pixels[i + 1];
    bl += b.pixels[i + 2];
  }
  EXPECT_GT(r, 2 * bl);
  EXPECT_GT(g, 2 * bl);
}

TEST(GlyphCache, SyntheticItalicAndSubpixelChangeThePixels) {
  GlyphCache cache(fonts());
  GlyphKey k = key_for("가", 40);
  const GlyphBitmap& plain = cache.get(k);
  GlyphKey slanted = k;
  slanted.synthetic_italic = true;
  const GlyphBitmap& s = cache.get(slanted);
  EXPECT_GT(s.width, plain.width);  // the shear widens it
  GlyphKey shifted = k;
  shifted.subpixel = 2;
  const GlyphBitmap& h = cache.get(shifted);
  EXPECT_NE(h.pixels, plain.pixels);
  GlyphKey bold = k;
  bold.synthetic_bold = true;
  EXPECT_GT(inked(cache.get(bold)), inked(plain));
}

TEST(GlyphCache, NotdefPlaceholderIsVisible) {
  GlyphCache cache(fonts());
  const Paragraph p = shape_wide("\uE000", 40);
  const GlyphRun& r = p.lines.at(0).runs.at(0);
  ASSERT_EQ(r.glyphs.at(0).id, 0u);
  EXPECT_GT(inked(cache.get(GlyphKey{r.font, 0, 40})), 0);
}

}  // namespace
}  // namespace madang::text::testing
