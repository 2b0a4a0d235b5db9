// Images: decoding, PNG writing, drawing, and the placeholder box.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "render_fixture.h"
#include "temp_dir.h"

namespace madang::test {
namespace {

// A deterministic image with every channel varying, alpha included.
render::RgbaImage pattern(int w, int h) {
  render::RgbaImage img;
  img.width = w;
  img.height = h;
  img.pixels.resize(static_cast<size_t>(w) * h * 4);
  std::uint32_t s = 12345;
  for (auto& p : img.pixels) {
    s = s * 1103515245u + 12345u;
    p = static_cast<std::uint8_t>(s >> 16);
  }
  return img;
}

// 2x2: red, green / blue, white, all opaque.
render::RgbaImage quadrants() {
  render::RgbaImage img;
  img.width = img.height = 2;
  img.pixels = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255};
  return img;
}

std::vector<char> bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(Png, RoundTripKeepsEveryPixel) {
  render::RgbaImage img = pattern(97, 61);
  std::string path = output_dir("png_round_trip") + "/pattern.png";
  std::string err;
  ASSERT_TRUE(render::write_png(img, path, &err)) << err;
  render::ImageCache cache;
  const render::RgbaImage* back = cache.get(path, &err);
  ASSERT_NE(back, nullptr) << err;
  EXPECT_EQ(back->width, 97);
  EXPECT_EQ(back->height, 61);
  EXPECT_EQ(back->pixels, img.pixels);
}

TEST(Png, SameImageGivesSameBytes) {
  render::RgbaImage img = pattern(64, 48);
  std::string dir = output_dir("png_determinism");
  std::string err;
  ASSERT_TRUE(render::write_png(img, dir + "/a.png", &err)) << err;
  ASSERT_TRUE(render::write_png(img, dir + "/b.png", &err)) << err;
  std::vector<char> a = bytes_of(dir + "/a.png"), b = bytes_of(dir + "/b.png");
  ASSERT_GT(a.size(), 8u);
  EXPECT_EQ(a, b);
}

TEST(Png, WriteFailuresAreValues) {
  std::string err;
  EXPECT_FALSE(render::write_png(pattern(4, 4), "/nonexistent-dir/x.png", &err));
  EXPECT_FALSE(err.empty());
  err.clear();
  EXPECT_FALSE(render::write_png(render::RgbaImage{}, output_dir("png_fail") + "/e.png", &err));
  EXPECT_FALSE(err.empty());
}

TEST(ImageCache, StaysWithinItsBudgetDroppingTheImageUsedLongestAgo) {
  const std::string dir = output_dir("image_cache_budget");
  std::string err;
  ASSERT_TRUE(render::write_png(pattern(16, 16), dir + "/a.png", &err)) << err;  // 1 KiB RGBA
  ASSERT_TRUE(render::write_png(quadrants(), dir + "/b.png", &err)) << err;      // 16 bytes
  ASSERT_TRUE(render::write_png(pattern(16, 8), dir + "/c.png", &err)) << err;   // 512 bytes
  render::ImageCache cache(1100);
  ASSERT_NE(cache.get(dir + "/a.png"), nullptr);
  ASSERT_NE(cache.get(dir + "/b.png"), nullptr);
  EXPECT_EQ(cache.bytes(), 1024u + 16u);
  // c does not fit beside a: a, used longest ago, goes; b stays.
  const render::RgbaImage* c = cache.get(dir + "/c.png");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->height, 8);
  EXPECT_EQ(cache.bytes(), 16u + 512u);
  // a comes back decoded again, with the same pixels; c (older than b now) goes.
  ASSERT_NE(cache.get(dir + "/b.png"), nullptr);
  const render::RgbaImage* a = cache.get(dir + "/a.png");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->pixels, pattern(16, 16).pixels);
  EXPECT_EQ(cache.bytes(), 1024u + 16u);
  // One image larger than the budget is still given (alone).
  render::ImageCache tiny(10);
  ASSERT_NE(tiny.get(dir + "/a.png"), nullptr);
  EXPECT_EQ(tiny.bytes(), 1024u);
}

TEST(ImageCache, MissingAndNonImageFilesAreReported) {
  render::ImageCache cache;
  std::string err;
  EXPECT_EQ(cache.get("/no/such/file.png", &err), nullptr);
  EXPECT_EQ(err, "does not exist");  // a phrase that follows the file's name
  std::string text = output_dir("image_cache") + "/not-an-image.png";
  std::ofstream(text) << "hello";
  err.clear();
  EXPECT_EQ(cache.get(text, &err), nullptr);
  EXPECT_NE(err.find("not a PNG or JPEG"), std::string::npos) << err;
  // Asking again still fails, with a message, without decoding again.
  err.clear();
  EXPECT_EQ(cache.get(text, &err), nullptr);
  EXPECT_FALSE(err.empty());
}

// ---------------------------------------------------------------- shown size

TEST(ImageReduction, TheLargestReductionThatStillCoversTheDrawnPixels) {
  EXPECT_EQ(render::image_reduction(4000, 3000, 1920, 1440), 2);  // a cover background
  EXPECT_EQ(render::image_reduction(4000, 3000, 960, 720), 4);
  EXPECT_EQ(render::image_reduction(4000, 3000, 320, 240), 8);  // never past 8
  EXPECT_EQ(render::image_reduction(4000, 3000, 40, 30), 8);
  EXPECT_EQ(render::image_reduction(4000, 3000, 2001, 1000), 1);  // 2000 would be too few
  EXPECT_EQ(render::image_reduction(4000, 3000, 0, 0), 1);        // unknown: whole
  EXPECT_EQ(render::image_reduction(1001, 1001, 501, 501), 2);    // rounds up: 501 x 501
}

TEST(ImageCache, AnImageIsDecodedAtTheSizeItIsDrawnAndAveraged) {
  TempDir dir;
  // 8x4 of 2x2 blocks: each block red and blue in its top row, green and
  // white in its bottom row (one opaque colour per pixel).
  render::RgbaImage img;
  img.width = 8;
  img.height = 4;
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 8; ++x) {
      const bool top = y % 2 == 0, left = x % 2 == 0;
      const std::uint8_t px[4] = {
          static_cast<std::uint8_t>(top ? (left ? 255 : 0) : (left ? 0 : 255)),
          static_cast<std::uint8_t>(top ? 0 : 255),
          static_cast<std::uint8_t>(top ? (left ? 0 : 255) : (left ? 0 : 255)), 255};
      img.pixels.insert(img.pixels.end(), px, px + 4);
    }
  const std::string path = dir.file("blocks.png");
  ASSERT_TRUE(render::write_png(img, path, nullptr));
  render::ImageCache cache;
  const render::RgbaImage* half = cache.get_for_size(path, {}, 4, 2);
  ASSERT_NE(half, nullptr);
  EXPECT_EQ(half->width, 4);
  EXPECT_EQ(half->height, 2);
  // The mean of red, blue, green and white: (128, 128, 128).
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(half->pixels[i * 4 + 0], 128, 1);
    EXPECT_NEAR(half->pixels[i * 4 + 1], 128, 1);
    EXPECT_NEAR(half->pixels[i * 4 + 2], 128, 1);
    EXPECT_EQ(half->pixels[i * 4 + 3], 255);
  }
  const render::RgbaImage* whole = cache.get_for_size(path, {}, 8, 4);
  ASSERT_NE(whole, nullptr);
  EXPECT_EQ(whole->width, 8);
}

TEST(CheckImage, ReadsTheWholeFileAndKeepsNothing) {
  TempDir dir;
  const std::string path = dir.file("good.png");
  ASSERT_TRUE(render::write_png(pattern(300, 200), path, nullptr));
  EXPECT_EQ(render::check_image(path), "");
  const std::vector<char> bytes = bytes_of(path);
  const std::string cut =
      dir.write("cut.png", std::string(bytes.begin(), bytes.begin() + bytes.size() / 2));
  EXPECT_EQ(render::check_image(cut), "cannot be decoded (the file ends too early: truncated?)");
  std::string flipped(bytes.begin(), bytes.end());
  flipped[flipped.size() / 2] ^= 0x5a;  // inside the deflate stream
  const std::string bad = dir.write("bad.png", flipped);
  EXPECT_EQ(render::check_image(bad).rfind("cannot be decoded (", 0), 0u);
  EXPECT_EQ(render::check_image(dir.file("none.png")), "does not exist");
}

// decode_image_file reads the file as it decodes (never its bytes whole): the
// same pixels and phrases as decoding those bytes, at every reduction.
TEST(DecodeImageFile, MatchesDecodingTheFilesBytes) {
  TempDir dir;
  render::RgbaImage opaque = pattern(37, 23);
  for (std::size_t i = 3; i < opaque.pixels.size(); i += 4) opaque.pixels[i] = 255;
  ASSERT_TRUE(render::write_png(pattern(37, 23), dir.file("alpha.png"), nullptr));
  ASSERT_TRUE(render::write_png(opaque, dir.file("opaque.png"), nullptr));
  const std::vector<char> whole = bytes_of(dir.file("alpha.png"));
  dir.write("cut.png", std::string(whole.begin(), whole.begin() + whole.size() / 2));
  dir.write("empty.png", "");
  dir.write("text.png", "not an image\n");
  for (const char* name : {"alpha.png", "opaque.png", "cut.png", "empty.png", "text.png"}) {
    const std::vector<char> bytes = bytes_of(dir.file(name));
    for (int reduction : {1, 2, 4, 8}) {
      SCOPED_TRACE(std::string(name) + " reduced by " + std::to_string(reduction));
      std::string from_bytes, from_file;
      const auto a =
          render::decode_image_bytes(reinterpret_cast<const unsigned char*>(bytes.data()),
                                     bytes.size(), reduction, &from_bytes);
      const auto b = render::decode_image_file(dir.file(name), reduction, &from_file);
      ASSERT_EQ(a == nullptr, b == nullptr);
      if (a) {
        EXPECT_EQ(a->width, b->width);
        EXPECT_EQ(a->height, b->height);
        EXPECT_EQ(a->pixels, b->pixels);
      } else {
        EXPECT_EQ(from_bytes, from_file);
      }
    }
  }
  std::string why;
  EXPECT_EQ(render::decode_image_file(dir.file("none.png"), 1, &why), nullptr);
  EXPECT_EQ(why, "does not exist");
}

TEST(ImageCache, DecodesOnce) {
  std::string path = output_dir("image_cache") + "/q.png";
  std::string err;
  ASSERT_TRUE(render::write_png(quadrants(), path, &err));
  render::ImageCache cache;
  const render::RgbaImage* a = cache.get(path);
  const render::RgbaImage* b = cache.get(path);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, b);
}

TEST_F(RenderTest, ImageIsDrawnIntoItsRect) {
  std::string path = output_dir("image_draw") + "/quadrants.png";
  std::string err;
  ASSERT_TRUE(render::write_png(quadrants(), path, &err)) << err;
  render::RgbaImage img = render(list_of(200, 200, {image({50, 50, 100, 100}, path)}));
  // Quadrant centres, away from the filtered middle.
  EXPECT_EQ(pixel_at(img, 60, 60), rgba(0xff0000ff));
  EXPECT_EQ(pixel_at(img, 140, 60), rgba(0x00ff00ff));
  EXPECT_EQ(pixel_at(img, 60, 140), rgba(0x0000ffff));
  EXPECT_EQ(pixel_at(img, 140, 140), rgba(0xffffffff));
  EXPECT_EQ(pixel_at(img, 49, 60), rgba(0xffffffff));
  EXPECT_EQ(pixel_at(img, 150, 60), rgba(0xffffffff));
  EXPECT_EQ(pixel_at(img, 60, 49), rgba(0xffffffff));
}

TEST_F(RenderTest, ImageHonoursOpacity) {
  std::string path = output_dir("image_draw") + "/quadrants.png";
  std::string err;
  ASSERT_TRUE(render::write_png(quadrants(), path, &err)) << err;
  render::RgbaImage img = render(
      list_of(200, 200, {push_opacity(0.5f), image({50, 50, 100, 100}, path), pop_opacity()}));
  Rgba red = pixel_at(img, 60, 60);  // half red over white
  EXPECT_EQ(red.r, 255);
  EXPECT_NEAR(red.g, 127, 2);
}

void expect_placeholder(const render::RgbaImage& img) {
  // Outline just inside the rect, pale grey inside, untouched outside.
  Rgba outline = pixel_at(img, 41, 100);
  EXPECT_LT(outline.r, 0xc0);
  EXPECT_EQ(pixel_at(img, 38, 100), rgba(0xffffffff));
  int pale = 0, hatch = 0;
  for (int x = 50; x < 150; ++x) {
    Rgba p = pixel_at(img, x, 100);
    if (p == rgba(0xeef0f3ff)) ++pale;
    if (p.r < 0xe8 && p.r > 0xc0) ++hatch;
    EXPECT_GT(p.r, 0xc0) << x;  // light: the label drawn on top stays readable
  }
  EXPECT_GT(pale, 40);
  EXPECT_GT(hatch, 4);
}

TEST_F(RenderTest, EmptyImagePathDrawsAPlaceholder) {
  expect_placeholder(render(list_of(240, 200, {image({40, 40, 160, 120}, "")})));
}

TEST_F(RenderTest, UnreadableImageDrawsAPlaceholder) {
  expect_placeholder(render(list_of(240, 200, {image({40, 40, 160, 120}, "/no/such.png")})));
}

}  // namespace
}  // namespace madang::test
