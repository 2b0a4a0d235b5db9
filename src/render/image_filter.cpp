#include "render/image_filter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace madang::render {

namespace {

using Matrix = std::array<float, 9>;  // row-major 3x3 on RGB

// The CSS Filter Effects matrices (grayscale, sepia, saturate, hue-rotate).
Matrix color_matrix(deck::FilterKind kind, float a) {
  using deck::FilterKind;
  const float k = 1 - a;
  switch (kind) {
    case FilterKind::kGrayscale:
      return {0.2126f + 0.7874f * k, 0.7152f - 0.7152f * k, 0.0722f - 0.0722f * k,
              0.2126f - 0.2126f * k, 0.7152f + 0.2848f * k, 0.0722f - 0.0722f * k,
              0.2126f - 0.2126f * k, 0.7152f - 0.7152f * k, 0.0722f + 0.9278f * k};
    case FilterKind::kSepia:
      return {0.393f + 0.607f * k, 0.769f - 0.769f * k, 0.189f - 0.189f * k,
              0.349f - 0.349f * k, 0.686f + 0.314f * k, 0.168f - 0.168f * k,
              0.272f - 0.272f * k, 0.534f - 0.534f * k, 0.131f + 0.869f * k};
    case FilterKind::kSaturate:
      return {0.213f + 0.787f * a, 0.715f - 0.715f * a, 0.072f - 0.072f * a,
              0.213f - 0.213f * a, 0.715f + 0.285f * a, 0.072f - 0.072f * a,
              0.213f - 0.213f * a, 0.715f - 0.715f * a, 0.072f + 0.928f * a};
    case FilterKind::kHueRotate: {
      const float r = a * 3.14159265f / 180.0f, c = std::cos(r), s = std::sin(r);
      return {0.213f + c * 0.787f - s * 0.213f, 0.715f - c * 0.715f - s * 0.715f,
              0.072f - c * 0.072f + s * 0.928f, 0.213f - c * 0.213f + s * 0.143f,
              0.715f + c * 0.285f + s * 0.140f, 0.072f - c * 0.072f - s * 0.283f,
              0.213f - c * 0.213f - s * 0.787f, 0.715f - c * 0.715f + s * 0.715f,
              0.072f + c * 0.928f + s * 0.072f};
    }
    default:
      return {1, 0, 0, 0, 1, 0, 0, 0, 1};
  }
}

std::uint8_t to_byte(float v) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

// One colour filter on every pixel.
void color_pass(RgbaImage& img, const deck::ImageFilter& f) {
  using deck::FilterKind;
  const Matrix m = color_matrix(f.kind, f.amount);
  const float a = f.amount;
  for (std::size_t i = 0; i + 3 < img.pixels.size(); i += 4) {
    std::uint8_t* p = &img.pixels[i];
    float r = p[0] / 255.0f, g = p[1] / 255.0f, b = p[2] / 255.0f;
    switch (f.kind) {
      case FilterKind::kOpacity:
        p[3] = to_byte(p[3] / 255.0f * a);
        continue;
      case FilterKind::kBrightness:
        r *= a, g *= a, b *= a;
        break;
      case FilterKind::kContrast:
        r = (r - 0.5f) * a + 0.5f, g = (g - 0.5f) * a + 0.5f, b = (b - 0.5f) * a + 0.5f;
        break;
      case FilterKind::kInvert:
        r = r * (1 - a) + (1 - r) * a, g = g * (1 - a) + (1 - g) * a, b = b * (1 - a) + (1 - b) * a;
        break;
      default: {
        const float nr = m[0] * r + m[1] * g + m[2] * b;
        const float ng = m[3] * r + m[4] * g + m[5] * b;
        const float nb = m[6] * r + m[7] * g + m[8] * b;
        r = nr, g = ng, b = nb;
        break;
      }
    }
    p[0] = to_byte(r), p[1] = to_byte(g), p[2] = to_byte(b);
  }
}

// One box blur of half-width `r` along rows (step 4) or columns (step
// 4*width), on premultiplied 16-bit channels; edges clamp.
void box_pass(std::vector<std::uint16_t>& px, int w, int h, int r, bool rows) {
  const int n = rows ? w : h, lines = rows ? h : w;
  const std::size_t step = rows ? 4 : static_cast<std::size_t>(w) * 4;
  std::vector<std::uint16_t> line(static_cast<std::size_t>(n) * 4);
  for (int l = 0; l < lines; ++l) {
    const std::size_t base =
        rows ? static_cast<std::size_t>(l) * w * 4 : static_cast<std::size_t>(l) * 4;
    for (int c = 0; c < 4; ++c) {
      const auto at = [&](int i) {
        return px[base + static_cast<std::size_t>(std::clamp(i, 0, n - 1)) * step + c];
      };
      std::uint32_t sum = 0;
      for (int i = -r; i <= r; ++i) sum += at(i);
      const std::uint32_t width = static_cast<std::uint32_t>(2 * r + 1);
      for (int i = 0; i < n; ++i) {
        line[static_cast<std::size_t>(i) * 4 + c] =
            static_cast<std::uint16_t>((sum + width / 2) / width);
        sum += at(i + r + 1);
        sum -= at(i - r);
      }
    }
    for (int i = 0; i < n; ++i)
      for (int c = 0; c < 4; ++c)
        px[base + static_cast<std::size_t>(i) * step + c] =
            line[static_cast<std::size_t>(i) * 4 + c];
  }
}

// Gaussian of standard deviation `sigma` pixels, as three box blurs.
void blur(RgbaImage& img, float sigma) {
  sigma = std::min(sigma, kMaxBlurPixels);
  if (sigma < 0.5f || img.width <= 0 || img.height <= 0) return;
  // Box half-width whose three passes give about this sigma (W3C's suggestion:
  // d = floor(s * 3 * sqrt(2 * pi) / 4 + 0.5)).
  const int d =
      static_cast<int>(std::floor(sigma * 3.0f * std::sqrt(2.0f * 3.14159265f) / 4.0f + 0.5f));
  const int r = std::max(1, d / 2);
  std::vector<std::uint16_t> px(img.pixels.size());
  for (std::size_t i = 0; i + 3 < img.pixels.size(); i += 4) {
    const std::uint32_t a = img.pixels[i + 3];
    for (int c = 0; c < 3; ++c) px[i + c] = static_cast<std::uint16_t>(img.pixels[i + c] * a);
    px[i + 3] = static_cast<std::uint16_t>(a * 255);
  }
  for (int pass = 0; pass < 3; ++pass) {
    box_pass(px, img.width, img.height, r, true);
    box_pass(px, img.width, img.height, r, false);
  }
  for (std::size_t i = 0; i + 3 < img.pixels.size(); i += 4) {
    const std::uint32_t a = (px[i + 3] + 127) / 255;
    img.pixels[i + 3] = static_cast<std::uint8_t>(a);
    for (int c = 0; c < 3; ++c) {
      img.pixels[i + c] =
          a == 0 ? 0
                 : static_cast<std::uint8_t>(std::min<std::uint32_t>(255, (px[i + c] + a / 2) / a));
    }
  }
}

}  // namespace

RgbaImage apply_filters(const RgbaImage& image, const std::vector<deck::ImageFilter>& filters) {
  RgbaImage out = image;
  for (const deck::ImageFilter& f : filters) {
    if (f.kind == deck::FilterKind::kDropShadow) continue;
    if (f.kind == deck::FilterKind::kBlur) {
      blur(out, f.amount);
    } else {
      color_pass(out, f);
    }
  }
  return out;
}

std::string image_key(const std::string& path, const std::vector<deck::ImageFilter>& filters) {
  std::string key = path;
  for (const deck::ImageFilter& f : filters) {
    char part[32];
    std::snprintf(part, sizeof part, "\x1f%d:%.4g", static_cast<int>(f.kind), f.amount);
    key += part;
  }
  return key;
}

}  // namespace madang::render
