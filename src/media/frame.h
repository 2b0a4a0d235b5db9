// One picture of a clip: the poster that exports, the next-slide preview and
// the overview show, and that a window shows until the clip plays.
//
// Promise: bounded work: seeks to the key frame before `time_s` and decodes
// at most kMaxFramesToDecode frames from there (a clip with key frames
// further apart gives the last frame reached); the picture is scaled (with
// its aspect kept, never enlarged) to fit max_width x max_height, so memory is
// bounded by the size it is shown at, not the clip's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace madang::media {

inline constexpr int kMaxFramesToDecode = 600;

struct Picture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, straight (not premultiplied) alpha
};

struct FrameResult {
  Picture picture;
  double time_s = 0;    // the frame's own time
  std::string problem;  // "" on success
  bool ok() const { return problem.empty(); }
};

// The frame shown at `time_s` (the last one starting at or before it; the
// first frame for a time before it).
FrameResult decode_frame_at(const std::string& path, double time_s, int max_width, int max_height);

}  // namespace madang::media
