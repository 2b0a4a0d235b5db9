// Clips and reference pictures for media_tests: each clip made once per
// process by ffmpeg (support/clip_fixture.h) in a folder of the process's
// own, removed at exit; ffmpeg's own decoding of a frame as RGBA bytes.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "clip_fixture.h"
#include "temp_dir.h"

namespace madang::test {

// The folder shared clips live in, for this process.
inline const TempDir& clip_dir() {
  static const TempDir dir("media-clips");
  return dir;
}

// `name` in clip_dir(), made from `spec` the first time it is asked for.
inline std::string shared_clip(const std::string& name, const ClipSpec& spec = {}) {
  static std::map<std::string, bool> made;
  const std::string path = clip_dir().file(name);
  if (!made[name]) made[name] = make_clip(path, spec);
  return path;
}

// Frame number `index` of `clip` (counted from 0 in decoding order of
// presentation) as ffmpeg decodes it, scaled to w x h, as RGBA bytes; empty
// when ffmpeg fails.
inline std::vector<std::uint8_t> ffmpeg_frame(const std::string& clip, int index, int w, int h) {
  const std::string cmd = "ffmpeg -nostdin -loglevel error -i '" + clip + "' -vf 'select=eq(n\\," +
                          std::to_string(index) + "),scale=" + std::to_string(w) + ":" +
                          std::to_string(h) + "' -frames:v 1 -f rawvideo -pix_fmt rgba -";
  std::vector<std::uint8_t> out;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return out;
  std::uint8_t buf[65536];
  for (;;) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, pipe);
    if (n == 0) break;
    out.insert(out.end(), buf, buf + n);
  }
  if (::pclose(pipe) != 0 || out.size() != static_cast<std::size_t>(w) * h * 4) out.clear();
  return out;
}

// Mean absolute difference of the colour channels of two RGBA images of the
// same size (255 when the sizes differ).
inline double mean_abs_diff(const std::vector<std::uint8_t>& a,
                            const std::vector<std::uint8_t>& b) {
  if (a.size() != b.size() || a.empty()) return 255;
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i % 4 == 3) continue;
    sum += std::abs(int{a[i]} - int{b[i]});
    ++n;
  }
  return sum / static_cast<double>(n);
}

// The largest mean absolute difference over 16x16 blocks: a change in one
// region (testsrc2's moving parts and frame counter) that a whole-image mean
// would dilute.
inline double max_block_diff(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                             int w, int h) {
  if (a.size() != b.size() || a.size() != static_cast<std::size_t>(w) * h * 4) return 255;
  double worst = 0;
  for (int by = 0; by + 16 <= h; by += 16) {
    for (int bx = 0; bx + 16 <= w; bx += 16) {
      double sum = 0;
      for (int y = by; y < by + 16; ++y) {
        for (int x = bx; x < bx + 16; ++x) {
          for (int c = 0; c < 3; ++c) {
            const std::size_t i = (static_cast<std::size_t>(y) * w + x) * 4 + c;
            sum += std::abs(int{a[i]} - int{b[i]});
          }
        }
      }
      worst = std::max(worst, sum / (16 * 16 * 3));
    }
  }
  return worst;
}

}  // namespace madang::test
