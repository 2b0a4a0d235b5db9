#include "render/image_filter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

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
  v = v > 0 ? std::min(v, 1.0f) : 0.0f;  // NaN (inf - inf of huge amounts) too
  return static_cast<std::uint8_t>(std::lround(v * 255.0f));
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

// ---------------------------------------------------------------- blur
// Three box blurs along rows, then columns, three times, on premultiplied
// 16-bit channels: the pass order and the rounding of the first version, so
// the same bytes, at a quarter of its time. Each pass costs the same whatever
// the radius (a running sum) and reads memory in order: columns go 16 side
// by side (each row visited is two whole cache lines), rows 16 side by side
// too (copied into one line of 16-pixel cells), so that the sums of 64
// channels at once vectorize. Edges clamp through padded copies of each line,
// not a test per pixel.

constexpr int kChannels = 4;               // premultiplied R, G, B, and A
constexpr int kSide = 16;                  // lines blurred side by side
constexpr int kLanes = kSide * kChannels;  // channels in one cell of those lines

// The box width past which RoundedDivider is no longer exact. kMaxBlurPixels
// gives boxes of 481.
constexpr std::uint32_t kMaxBoxWidth = 1024;

// (x + d / 2) / d by a multiply (a division per channel and pixel was the
// blur's main cost), in 32-bit operands so that the compiler can vectorize
// it: with 2^s <= 2^31 * d < 2^(s+1) and m = ceil(2^s / d) < 2^32,
// floor(x * m / 2^s) is exact while x * (m * d - 2^s) < 2^s, which holds for
// the box sums of 16-bit channels (x < 2^16 * d, m * d - 2^s < d, d < 2^14).
class RoundedDivider {
 public:
  explicit RoundedDivider(std::uint32_t d) : shift_(31), half_(d / 2) {
    while ((std::uint64_t{1} << (shift_ + 1)) <= (std::uint64_t{1} << 31) * d) ++shift_;
    mul_ = static_cast<std::uint32_t>(((std::uint64_t{1} << shift_) + d - 1) / d);
  }
  std::uint16_t operator()(std::uint32_t sum) const {
    return static_cast<std::uint16_t>((std::uint64_t{sum + half_} * mul_) >> shift_);
  }

 private:
  std::uint32_t shift_, half_, mul_ = 0;
};

// Copies a line of `n` cells of kCell channels (cell i at first + i * step)
// into `ext`, with r copies of its first cell before it and r + 1 of its last
// after it: n + 2r + 1 cells, so that box_line never clamps.
template <int kCell>
void pad_line(const std::uint16_t* first, int n, std::size_t step, int r, std::uint16_t* ext) {
  constexpr std::size_t kBytes = kCell * sizeof(std::uint16_t);
  const std::uint16_t* last = first + static_cast<std::size_t>(n - 1) * step;
  for (int j = 0; j < r; ++j, ext += kCell) std::memcpy(ext, first, kBytes);
  for (int i = 0; i < n; ++i, ext += kCell) std::memcpy(ext, first + i * step, kBytes);
  for (int j = 0; j <= r; ++j, ext += kCell) std::memcpy(ext, last, kBytes);
}

// One box blur of half-width r over a padded line (pad_line): cell i of the
// result, the rounded mean of ext's cells i .. i + 2r, goes to out + i * step.
// (The channels of a cell are independent: written so that they vectorize.)
template <int kCell>
void box_line(const std::uint16_t* __restrict ext, int n, int r, const RoundedDivider& div,
              std::uint16_t* __restrict out, std::size_t step) {
  std::uint32_t sum[kCell] = {};
  for (int j = 0; j <= 2 * r; ++j)
    for (int l = 0; l < kCell; ++l) sum[l] += ext[j * kCell + l];
  const std::uint16_t* leaving = ext;
  const std::uint16_t* entering = ext + static_cast<std::size_t>(2 * r + 1) * kCell;
  for (int i = 0; i < n; ++i, leaving += kCell, entering += kCell, out += step) {
    for (int l = 0; l < kCell; ++l) out[l] = div(sum[l]);
    // Never below zero: the window's sum.
    for (int l = 0; l < kCell; ++l) sum[l] = sum[l] + entering[l] - leaving[l];
  }
}

// Rows y .. y + kSide - 1, from x = -r to w + r (clamped), as one line of
// cells of kLanes channels: cell j holds pixel j - r of each row.
void pad_band(const std::uint16_t* band, int w, int r, std::uint16_t* ext) {
  constexpr std::size_t kPixel = kChannels * sizeof(std::uint16_t);
  const std::size_t stride = static_cast<std::size_t>(w) * kChannels;
  for (int j = 0; j < w + 2 * r + 1; ++j, ext += kLanes) {
    const std::size_t x = static_cast<std::size_t>(std::clamp(j - r, 0, w - 1));
    for (int k = 0; k < kSide; ++k)
      std::memcpy(ext + k * kChannels, band + k * stride + x * kChannels, kPixel);
  }
}

// The inverse of pad_band for a band's w blurred cells.
void unpack_band(const std::uint16_t* cells, int w, std::uint16_t* band) {
  constexpr std::size_t kPixel = kChannels * sizeof(std::uint16_t);
  const std::size_t stride = static_cast<std::size_t>(w) * kChannels;
  for (int x = 0; x < w; ++x, cells += kLanes)
    for (int k = 0; k < kSide; ++k)
      std::memcpy(band + k * stride + static_cast<std::size_t>(x) * kChannels,
                  cells + k * kChannels, kPixel);
}

// A box blur of every row, in place: kSide rows at a time, then the last
// few one by one. `ext` is scratch.
void box_rows(std::uint16_t* px, int w, int h, int r, const RoundedDivider& div,
              std::vector<std::uint16_t>& ext) {
  const std::size_t stride = static_cast<std::size_t>(w) * kChannels;
  const std::size_t cells = static_cast<std::size_t>(w + 2 * r + 1);
  ext.resize((cells + static_cast<std::size_t>(w)) * kLanes);
  std::uint16_t* padded = ext.data();
  std::uint16_t* blurred = padded + cells * kLanes;
  int y = 0;
  for (; y + kSide <= h; y += kSide) {
    std::uint16_t* band = px + static_cast<std::size_t>(y) * stride;
    pad_band(band, w, r, padded);
    box_line<kLanes>(padded, w, r, div, blurred, kLanes);
    unpack_band(blurred, w, band);
  }
  for (; y < h; ++y) {
    std::uint16_t* row = px + static_cast<std::size_t>(y) * stride;
    pad_line<kChannels>(row, w, kChannels, r, padded);
    box_line<kChannels>(padded, w, r, div, row, kChannels);
  }
}

// A box blur of every column, in place: kSide columns at a time, walked top
// to bottom together, then the last few one by one. `ext` is scratch.
void box_columns(std::uint16_t* px, int w, int h, int r, const RoundedDivider& div,
                 std::vector<std::uint16_t>& ext) {
  const std::size_t stride = static_cast<std::size_t>(w) * kChannels;
  ext.resize(static_cast<std::size_t>(h + 2 * r + 1) * kLanes);
  int x = 0;
  for (; x + kSide <= w; x += kSide) {
    pad_line<kLanes>(px + x * kChannels, h, stride, r, ext.data());
    box_line<kLanes>(ext.data(), h, r, div, px + x * kChannels, stride);
  }
  for (; x < w; ++x) {
    pad_line<kChannels>(px + x * kChannels, h, stride, r, ext.data());
    box_line<kChannels>(ext.data(), h, r, div, px + x * kChannels, stride);
  }
}

// Straight 8-bit RGBA to premultiplied 16-bit (c * a, a * 255), and back.
std::vector<std::uint16_t> premultiplied(const RgbaImage& img) {
  std::vector<std::uint16_t> px(img.pixels.size());
  const std::uint8_t* p = img.pixels.data();
  for (std::size_t i = 0; i + 3 < px.size(); i += 4) {
    const std::uint32_t a = p[i + 3];
    for (int c = 0; c < 3; ++c) px[i + c] = static_cast<std::uint16_t>(p[i + c] * a);
    px[i + 3] = static_cast<std::uint16_t>(a * 255);
  }
  return px;
}

void unpremultiply(const std::vector<std::uint16_t>& px, RgbaImage& img, bool opaque) {
  std::uint8_t* p = img.pixels.data();
  if (opaque) {
    // An opaque image stays opaque (each window's alpha sums to its width
    // times 255 * 255), and then every channel, alpha too, is (v + 127) /
    // 255, as below: in a loop that vectorizes.
    for (std::size_t i = 0; i < px.size(); ++i)
      p[i] = static_cast<std::uint8_t>((px[i] + 127u) / 255u);
    return;
  }
  // (c + a / 2) / a through ceil(2^32 / a): exact for c < 2^17 and a < 2^8.
  std::array<std::uint64_t, 256> reciprocal{};
  for (std::uint64_t a = 1; a < 256; ++a) reciprocal[a] = ((std::uint64_t{1} << 32) + a - 1) / a;
  for (std::size_t i = 0; i + 3 < px.size(); i += 4) {
    const std::uint32_t a = (px[i + 3] + 127u) / 255u;
    p[i + 3] = static_cast<std::uint8_t>(a);
    for (int c = 0; c < 3; ++c) {
      const std::uint64_t v = ((px[i + c] + a / 2) * reciprocal[a]) >> 32;
      p[i + c] = static_cast<std::uint8_t>(std::min<std::uint64_t>(255, v));  // 0 when a is 0
    }
  }
}

bool is_opaque(const RgbaImage& img) {
  for (std::size_t i = 3; i < img.pixels.size(); i += 4)
    if (img.pixels[i] != 255) return false;
  return true;
}

// Gaussian of standard deviation `sigma` pixels, as three box blurs.
void blur(RgbaImage& img, float sigma) {
  sigma = std::min(sigma, kMaxBlurPixels);
  if (!(sigma >= 0.5f) || img.width <= 0 || img.height <= 0) return;  // NaN too
  // Box half-width whose three passes give about this sigma (W3C's suggestion:
  // d = floor(s * 3 * sqrt(2 * pi) / 4 + 0.5)).
  const int d =
      static_cast<int>(std::floor(sigma * 3.0f * std::sqrt(2.0f * 3.14159265f) / 4.0f + 0.5f));
  const int r = std::max(1, d / 2);
  static_assert(2 * kMaxBlurPixels + 1 <= kMaxBoxWidth);  // d / 2 is under sigma
  const RoundedDivider div(static_cast<std::uint32_t>(2 * r + 1));
  const bool opaque = is_opaque(img);
  std::vector<std::uint16_t> px = premultiplied(img);
  std::vector<std::uint16_t> ext;  // one padded line, reused
  for (int pass = 0; pass < 3; ++pass) {
    box_rows(px.data(), img.width, img.height, r, div, ext);
    box_columns(px.data(), img.width, img.height, r, div, ext);
  }
  unpremultiply(px, img, opaque);
}

}  // namespace

RgbaImage apply_filters(const RgbaImage& image, const std::vector<deck::ImageFilter>& filters) {
  RgbaImage out = image;
  for (std::size_t i = 0; i < std::min(filters.size(), kMaxFilters); ++i) {
    const deck::ImageFilter& f = filters[i];
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
