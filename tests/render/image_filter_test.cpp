// CSS filters on pixels (render/image_filter.h): the spec's formulas on known
// colours, blur spreading a point, the fast blur against a plain one and a
// true Gaussian, work bounded at absurd amounts, and the cache computing each
// once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/image_filter.h"
#include "temp_dir.h"

namespace madang::render {
namespace {

using deck::FilterKind;

RgbaImage one(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
  return RgbaImage{1, 1, {r, g, b, a}};
}

std::vector<int> px(const RgbaImage& img, int i = 0) {
  const auto* p = &img.pixels[static_cast<std::size_t>(i) * 4];
  return {p[0], p[1], p[2], p[3]};
}

TEST(ImageFilter, ColourFormulas) {
  // grayscale(1) of red: its luminance (0.2126).
  EXPECT_EQ(px(apply_filters(one(255, 0, 0), {{FilterKind::kGrayscale, 1}})),
            (std::vector<int>{54, 54, 54, 255}));
  EXPECT_EQ(px(apply_filters(one(255, 0, 0), {{FilterKind::kGrayscale, 0}})),
            (std::vector<int>{255, 0, 0, 255}));
  // sepia(1) of white: the matrix's row sums (1.351, 1.203, 0.937), clamped.
  EXPECT_EQ(px(apply_filters(one(255, 255, 255), {{FilterKind::kSepia, 1}})),
            (std::vector<int>{255, 255, 239, 255}));
  EXPECT_EQ(px(apply_filters(one(200, 100, 0), {{FilterKind::kInvert, 1}})),
            (std::vector<int>{55, 155, 255, 255}));
  EXPECT_EQ(px(apply_filters(one(200, 100, 0), {{FilterKind::kInvert, 0.25f}})),
            (std::vector<int>{164, 114, 64, 255}));
  EXPECT_EQ(px(apply_filters(one(200, 100, 0, 200), {{FilterKind::kOpacity, 0.5f}})),
            (std::vector<int>{200, 100, 0, 100}));
  EXPECT_EQ(px(apply_filters(one(100, 50, 200), {{FilterKind::kBrightness, 1.5f}})),
            (std::vector<int>{150, 75, 255, 255}));
  // contrast(1.5): (c - 0.5) * 1.5 + 0.5.
  EXPECT_EQ(px(apply_filters(one(100, 200, 50), {{FilterKind::kContrast, 1.5f}})),
            (std::vector<int>{86, 236, 11, 255}));
  // saturate(0) of red: the saturate matrix's luminance row (0.213); 1 keeps it.
  EXPECT_EQ(px(apply_filters(one(255, 0, 0), {{FilterKind::kSaturate, 0}})),
            (std::vector<int>{54, 54, 54, 255}));
  EXPECT_EQ(px(apply_filters(one(255, 0, 0), {{FilterKind::kSaturate, 1}})),
            (std::vector<int>{255, 0, 0, 255}));
  // hue-rotate(180deg) of red: cos = -1, sin = 0 in the spec's matrix.
  EXPECT_EQ(px(apply_filters(one(255, 0, 0), {{FilterKind::kHueRotate, 180}})),
            (std::vector<int>{0, 109, 109, 255}));
  EXPECT_EQ(px(apply_filters(one(200, 100, 0), {{FilterKind::kHueRotate, 0}})),
            (std::vector<int>{200, 100, 0, 255}));
  // In the order written: red inverted (cyan), then its luminance.
  EXPECT_EQ(
      px(apply_filters(one(255, 0, 0), {{FilterKind::kInvert, 1}, {FilterKind::kGrayscale, 1}})),
      (std::vector<int>{201, 201, 201, 255}));
}

TEST(ImageFilter, BlurSpreadsAPointAndKeepsFlatAreas) {
  RgbaImage img{21, 21, std::vector<std::uint8_t>(21 * 21 * 4, 0)};
  for (std::size_t i = 3; i < img.pixels.size(); i += 4) img.pixels[i] = 255;
  const int centre = 10 * 21 + 10;
  for (int c = 0; c < 3; ++c) img.pixels[centre * 4 + c] = 255;
  const RgbaImage out = apply_filters(img, {{FilterKind::kBlur, 2}});
  EXPECT_LT(px(out, centre)[0], 60);                        // the point spread out
  EXPECT_GT(px(out, centre + 2)[0], 0);                     // two pixels away it arrived
  EXPECT_EQ(px(out, centre)[0], px(out, centre + 21)[0]);   // the same both ways
  EXPECT_EQ(px(out, 0), (std::vector<int>{0, 0, 0, 255}));  // far corner still black
  EXPECT_EQ(apply_filters(img, {{FilterKind::kBlur, 0}}).pixels, img.pixels);
}

// ------------------------------------------------------------------ blur

// Deterministic noise in every channel; `opaque`: alpha 255.
RgbaImage noise(int w, int h, bool opaque, std::uint32_t seed) {
  RgbaImage img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4)};
  for (std::size_t i = 0; i < img.pixels.size(); ++i) {
    seed = seed * 1103515245u + 12345u;
    img.pixels[i] = i % 4 == 3 && opaque ? 255 : static_cast<std::uint8_t>(seed >> 16);
  }
  return img;
}

// The box half-width blur() uses for `sigma` (W3C's d, halved).
int box_radius(float sigma) {
  const int d =
      static_cast<int>(std::floor(sigma * 3.0f * std::sqrt(2.0f * 3.14159265f) / 4.0f + 0.5f));
  return std::max(1, d / 2);
}

// The blur written the plain way (the first version, kept as the
// reference): premultiplied 16-bit channels, one box pass at a time along
// rows then columns, three times, every access clamped to the image.
RgbaImage reference_blur(RgbaImage img, float sigma) {
  const int w = img.width, h = img.height, r = box_radius(std::min(sigma, kMaxBlurPixels));
  std::vector<std::uint32_t> px(img.pixels.size());
  for (std::size_t i = 0; i < px.size(); i += 4) {
    for (int c = 0; c < 3; ++c) px[i + c] = img.pixels[i + c] * img.pixels[i + 3];
    px[i + 3] = img.pixels[i + 3] * 255u;
  }
  const auto at = [&](int x, int y, int c) -> std::uint32_t& {
    return px[(static_cast<std::size_t>(std::clamp(y, 0, h - 1)) * w + std::clamp(x, 0, w - 1)) *
                  4 +
              c];
  };
  const std::uint32_t width = 2 * r + 1;
  for (int pass = 0; pass < 6; ++pass) {
    const bool rows = pass % 2 == 0;
    std::vector<std::uint32_t> out(px.size());
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        for (int c = 0; c < 4; ++c) {
          std::uint32_t sum = 0;
          for (int k = -r; k <= r; ++k) sum += rows ? at(x + k, y, c) : at(x, y + k, c);
          out[(static_cast<std::size_t>(y) * w + x) * 4 + c] = (sum + width / 2) / width;
        }
    px = out;
  }
  for (std::size_t i = 0; i < px.size(); i += 4) {
    const std::uint32_t a = (px[i + 3] + 127) / 255;
    img.pixels[i + 3] = static_cast<std::uint8_t>(a);
    for (int c = 0; c < 3; ++c)
      img.pixels[i + c] =
          a == 0 ? 0 : static_cast<std::uint8_t>(std::min(255u, (px[i + c] + a / 2) / a));
  }
  return img;
}

int max_difference(const RgbaImage& a, const RgbaImage& b) {
  int most = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    most = std::max(most, std::abs(a.pixels[i] - b.pixels[i]));
  return most;
}

TEST(ImageFilter, BlurGivesTheBytesOfThePlainBlur) {
  // Sizes around the 16 lines blurred side by side, and thin ones; radii
  // from the smallest box to far past the image (edges clamp). The same bytes,
  // not nearly: tests/slides' Marp golden compares a blurred background
  // exactly.
  const std::pair<int, int> sizes[] = {{1, 1},   {1, 37},  {37, 1},  {15, 17},
                                       {16, 16}, {33, 20}, {50, 47}, {100, 3}};
  for (const auto& [w, h] : sizes) {
    for (bool opaque : {true, false}) {
      const RgbaImage img = noise(w, h, opaque, static_cast<std::uint32_t>(w * 131 + h));
      for (float sigma : {0.5f, 1.0f, 2.0f, 4.0f, 12.0f, 60.0f, 1000.0f}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + (opaque ? " opaque" : "") +
                     " sigma " + std::to_string(sigma));
        const RgbaImage got = apply_filters(img, {{FilterKind::kBlur, sigma}});
        ASSERT_EQ(got.pixels.size(), img.pixels.size());
        EXPECT_EQ(max_difference(got, reference_blur(img, sigma)), 0);
      }
    }
  }
}

TEST(ImageFilter, BlurIsNearlyATrueGaussian) {
  // Squares of 8 pixels (sharp edges: the boxes' worst case), blurred by
  // sigma 4, against a direct Gaussian convolution of the variance the three
  // boxes have (r(r + 1)), in floating point with clamped edges.
  const int w = 64, h = 48;
  RgbaImage img{w, h, std::vector<std::uint8_t>(w * h * 4, 255)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c)
        img.pixels[(y * w + x) * 4 + c] = ((x / 8 + y / 8) % 2) ? 230 : 20;
  const int r = box_radius(4);
  const double sigma = std::sqrt(r * (r + 1.0));
  const int reach = static_cast<int>(std::ceil(4 * sigma));
  std::vector<double> kernel(2 * reach + 1);
  double total = 0;
  for (int k = -reach; k <= reach; ++k)
    total += kernel[k + reach] = std::exp(-k * k / (2 * sigma * sigma));
  for (double& k : kernel) k /= total;
  std::vector<double> plane(w * h), across(w * h);
  for (int i = 0; i < w * h; ++i) plane[i] = img.pixels[i * 4];
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double v = 0;
      for (int k = -reach; k <= reach; ++k)
        v += kernel[k + reach] * plane[y * w + std::clamp(x + k, 0, w - 1)];
      across[y * w + x] = v;
    }
  const RgbaImage got = apply_filters(img, {{FilterKind::kBlur, 4}});
  int most = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double v = 0;
      for (int k = -reach; k <= reach; ++k)
        v += kernel[k + reach] * across[std::clamp(y + k, 0, h - 1) * w + x];
      most =
          std::max(most, std::abs(got.pixels[(y * w + x) * 4] - static_cast<int>(std::lround(v))));
    }
  EXPECT_LE(most, 6);  // of 210 between the squares (5 today)
  // And blurred it is: the squares' middles are no longer 20 and 230.
  EXPECT_GT(got.pixels[(4 * w + 4) * 4], 40);
  EXPECT_LT(got.pixels[(4 * w + 12) * 4], 210);
}

TEST(ImageFilter, PhotoIsBlurredAtTheSizeItIsShown) {
  // A 64x48 picture shown at 32x24 is decoded at half its size and blurred
  // there by half the radius: what apply_filters gives for that image, and
  // far from the unblurred one (a skipped blur fails here).
  test::TempDir dir;
  const std::string path = dir.file("noise.png");
  ASSERT_TRUE(write_png(noise(64, 48, true, 7), path, nullptr));
  ImageCache cache;
  const RgbaImage plain = *cache.get_for_size(path, {}, 32, 24);
  ASSERT_EQ(plain.width, 32);
  const RgbaImage* blurred = cache.get_for_size(path, {{FilterKind::kBlur, 4}}, 32, 24);
  ASSERT_NE(blurred, nullptr);
  EXPECT_EQ(blurred->pixels, apply_filters(plain, {{FilterKind::kBlur, 2}}).pixels);
  // Neighbours of the halved noise differ by about 30 on average; once
  // blurred, by less than one.
  const auto roughness = [](const RgbaImage& img) {
    long sum = 0;
    for (std::size_t i = 4; i < img.pixels.size(); ++i)
      if (i % 4 != 3) sum += std::abs(img.pixels[i] - img.pixels[i - 4]);
    return sum / static_cast<long>(img.pixels.size());
  };
  EXPECT_GT(roughness(plain), 20);
  EXPECT_LT(roughness(*blurred), 4);
}

TEST(ImageFilter, WorkIsBoundedAtAbsurdAmountsAndCounts) {
  // Every kind at the largest amount the deck's parser takes (3e38), and
  // far more filters than anyone writes: bytes out, in a bounded number of
  // passes (the first kMaxFilters; the rest are not applied).
  const RgbaImage img = noise(40, 30, false, 3);
  const float huge = 3e38f;
  for (FilterKind kind :
       {FilterKind::kBlur, FilterKind::kBrightness, FilterKind::kContrast, FilterKind::kDropShadow,
        FilterKind::kGrayscale, FilterKind::kHueRotate, FilterKind::kInvert, FilterKind::kOpacity,
        FilterKind::kSaturate, FilterKind::kSepia}) {
    for (float amount : {0.0f, huge, std::numeric_limits<float>::quiet_NaN()}) {
      const RgbaImage out = apply_filters(img, {{kind, amount}});
      EXPECT_EQ(out.width, 40);
      EXPECT_EQ(out.pixels.size(), img.pixels.size());
    }
  }
  // Inversions: all of kMaxFilters - 1 (odd: inverted), kMaxFilters of
  // ten thousand and one (even: as it was; all of them would invert it).
  const std::vector<deck::ImageFilter> few(kMaxFilters - 1, {FilterKind::kInvert, 1});
  EXPECT_EQ(px(apply_filters(one(200, 100, 0), few)), (std::vector<int>{55, 155, 255, 255}));
  const std::vector<deck::ImageFilter> many(10001, {FilterKind::kInvert, 1});
  EXPECT_EQ(px(apply_filters(one(200, 100, 0), many)), (std::vector<int>{200, 100, 0, 255}));
  // Ten thousand blurs of the largest radius: kMaxFilters of them.
  const std::vector<deck::ImageFilter> blurs(10000, {FilterKind::kBlur, 10000});
  const RgbaImage flat = apply_filters(img, blurs);
  EXPECT_EQ(flat.pixels.size(), img.pixels.size());
}

TEST(ImageFilter, KeysTellFiltersApart) {
  EXPECT_EQ(image_key("/a.png", {}), "/a.png");
  EXPECT_NE(image_key("/a.png", {{FilterKind::kSepia, 1}}),
            image_key("/a.png", {{FilterKind::kSepia, 0.5f}}));
  EXPECT_NE(image_key("/a.png", {{FilterKind::kSepia, 1}, {FilterKind::kInvert, 1}}),
            image_key("/a.png", {{FilterKind::kInvert, 1}, {FilterKind::kSepia, 1}}));
}

}  // namespace
}  // namespace madang::render
