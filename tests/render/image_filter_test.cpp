// CSS filters on pixels (render/image_filter.h): the spec's formulas on known
// colours, blur spreading a point, and the cache computing each once.
#include <gtest/gtest.h>

#include "render/image_filter.h"

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

TEST(ImageFilter, KeysTellFiltersApart) {
  EXPECT_EQ(image_key("/a.png", {}), "/a.png");
  EXPECT_NE(image_key("/a.png", {{FilterKind::kSepia, 1}}),
            image_key("/a.png", {{FilterKind::kSepia, 0.5f}}));
  EXPECT_NE(image_key("/a.png", {{FilterKind::kSepia, 1}, {FilterKind::kInvert, 1}}),
            image_key("/a.png", {{FilterKind::kInvert, 1}, {FilterKind::kSepia, 1}}));
}

}  // namespace
}  // namespace madang::render
