// Golden-image comparison for tests, after SDL's SDL_test_compare: images are
// compared channel by channel with a per-test tolerance, and on failure the
// actual, expected and diff images are written to the build folder for a
// person to look at (their paths are in the failure message).
//
// MADANG_UPDATE_GOLDENS=1 in the environment re-records goldens instead of
// comparing (and the test passes, saying so).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "render/image.h"

namespace madang::test {

struct Tolerance {
  int channel = 0;  // a pixel differs when any channel differs by more than this
  long pixels = 0;  // how many differing pixels are still a match
};

struct ImageDiff {
  bool same_size = true;
  int max_channel_diff = 0;   // over all pixels and channels
  long differing_pixels = 0;  // pixels beyond the tolerance's channel limit
};

ImageDiff diff_images(const render::RgbaImage& actual, const render::RgbaImage& expected,
                      int channel_tolerance);

// Compares in memory; on mismatch writes <build>/test-output/<name>/{actual,
// expected,diff}.png and names them in the message.
::testing::AssertionResult compare_images(const render::RgbaImage& actual,
                                          const render::RgbaImage& expected, Tolerance tolerance,
                                          const std::string& name);

// Compares with the PNG at `golden_path` (or records it under MADANG_UPDATE_GOLDENS=1).
::testing::AssertionResult matches_golden(const render::RgbaImage& actual,
                                          const std::string& golden_path, Tolerance tolerance);

// Where failure images go: <build>/test-output/<name>/ (created).
std::string output_dir(const std::string& name);

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 0;
  bool operator==(const Rgba&) const = default;
};
Rgba pixel_at(const render::RgbaImage& image, int x, int y);
Rgba rgba(std::uint32_t rrggbbaa);
// For readable failure messages.
void PrintTo(const Rgba& c, std::ostream* os);

}  // namespace madang::test
