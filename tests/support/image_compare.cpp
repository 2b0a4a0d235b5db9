#include "image_compare.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "render/image.h"

namespace madang::test {

namespace fs = std::filesystem;

ImageDiff diff_images(const render::RgbaImage& actual, const render::RgbaImage& expected,
                      int channel_tolerance) {
  ImageDiff d;
  if (actual.width != expected.width || actual.height != expected.height ||
      actual.pixels.size() != expected.pixels.size()) {
    d.same_size = false;
    return d;
  }
  for (size_t i = 0; i + 3 < actual.pixels.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 4; ++c)
      worst = std::max(worst, std::abs(int(actual.pixels[i + c]) - int(expected.pixels[i + c])));
    d.max_channel_diff = std::max(d.max_channel_diff, worst);
    if (worst > channel_tolerance) ++d.differing_pixels;
  }
  return d;
}

std::string output_dir(const std::string& name) {
  fs::path dir = fs::path(MADANG_TEST_OUTPUT_DIR) / name;
  std::error_code ec;
  fs::create_directories(dir, ec);
  return dir.string();
}

namespace {

// Differences in red (brighter = larger), agreeing pixels as a faint grey
// copy of the expected image so that the eye finds where they are.
render::RgbaImage diff_picture(const render::RgbaImage& a, const render::RgbaImage& e,
                               int tolerance) {
  render::RgbaImage out;
  out.width = e.width;
  out.height = e.height;
  out.pixels.resize(e.pixels.size());
  for (size_t i = 0; i + 3 < e.pixels.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 4; ++c)
      worst = std::max(worst, std::abs(int(a.pixels[i + c]) - int(e.pixels[i + c])));
    if (worst > tolerance) {
      out.pixels[i] = static_cast<std::uint8_t>(std::min(255, 128 + worst));
      out.pixels[i + 1] = out.pixels[i + 2] = 0;
    } else {
      int grey = (e.pixels[i] + e.pixels[i + 1] + e.pixels[i + 2]) / 3;
      out.pixels[i] = out.pixels[i + 1] = out.pixels[i + 2] =
          static_cast<std::uint8_t>(192 + grey / 4);
    }
    out.pixels[i + 3] = 255;
  }
  return out;
}

bool update_requested() {
  const char* v = std::getenv("MADANG_UPDATE_GOLDENS");
  return v && std::string(v) == "1";
}

}  // namespace

::testing::AssertionResult compare_images(const render::RgbaImage& actual,
                                          const render::RgbaImage& expected, Tolerance tolerance,
                                          const std::string& name) {
  ImageDiff d = diff_images(actual, expected, tolerance.channel);
  if (d.same_size && d.differing_pixels <= tolerance.pixels) return ::testing::AssertionSuccess();
  std::string dir = output_dir(name);
  std::string a = dir + "/actual.png", e = dir + "/expected.png", p = dir + "/diff.png";
  std::string err;
  render::write_png(actual, a, &err);
  if (expected.width > 0) render::write_png(expected, e, &err);
  std::ostringstream msg;
  if (!d.same_size) {
    msg << "image size " << actual.width << "x" << actual.height << " differs from expected "
        << expected.width << "x" << expected.height;
  } else {
    render::write_png(diff_picture(actual, expected, tolerance.channel), p, &err);
    msg << d.differing_pixels << " pixels differ by more than " << tolerance.channel
        << " (max channel difference " << d.max_channel_diff << ", allowed " << tolerance.pixels
        << " pixels)";
  }
  msg << "\n  actual:   " << a << "\n  expected: " << e;
  if (d.same_size) msg << "\n  diff:     " << p;
  return ::testing::AssertionFailure() << msg.str();
}

::testing::AssertionResult matches_golden(const render::RgbaImage& actual,
                                          const std::string& golden_path, Tolerance tolerance) {
  std::string name = fs::path(golden_path).stem().string();
  if (update_requested()) {
    std::string err;
    if (!render::write_png(actual, golden_path, &err))
      return ::testing::AssertionFailure() << "cannot record golden: " << err;
    std::cout << "[ golden ] recorded " << golden_path << "\n";
    return ::testing::AssertionSuccess();
  }
  render::ImageCache cache;
  std::string err;
  const render::RgbaImage* expected = cache.get(golden_path, &err);
  if (!expected) {
    std::string a = output_dir(name) + "/actual.png";
    render::write_png(actual, a, &err);
    return ::testing::AssertionFailure()
           << "no golden at " << golden_path << " (" << err
           << "); record with MADANG_UPDATE_GOLDENS=1\n  actual: " << a;
  }
  return compare_images(actual, *expected, tolerance, name);
}

Rgba pixel_at(const render::RgbaImage& image, int x, int y) {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return {};
  size_t i = (static_cast<size_t>(y) * image.width + x) * 4;
  return {image.pixels[i], image.pixels[i + 1], image.pixels[i + 2], image.pixels[i + 3]};
}

Rgba rgba(std::uint32_t c) {
  return {static_cast<std::uint8_t>(c >> 24), static_cast<std::uint8_t>(c >> 16),
          static_cast<std::uint8_t>(c >> 8), static_cast<std::uint8_t>(c)};
}

void PrintTo(const Rgba& c, std::ostream* os) {
  *os << "rgba(" << int(c.r) << "," << int(c.g) << "," << int(c.b) << "," << int(c.a) << ")";
}

}  // namespace madang::test
