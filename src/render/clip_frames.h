// What a window shows of its clips at this moment: the seam between the
// players (modes/clip_session.h) and the SDL sink (render.h).
//
// Promise: read-only for the sink, asked once per kClip item per draw; a clip
// the source does not know, or a sink given no source (the next-slide
// preview, the overview, every export), shows its poster and a play mark.
#pragma once

#include <memory>
#include <string>

#include "media/player.h"

namespace madang::render {

struct ClipNow {
  std::shared_ptr<const media::VideoFrame> frame;  // nullptr: the poster (not started yet)
  bool playing = false;
  double position_s = 0, duration_s = 0;
};

class ClipFrames {
 public:
  virtual ~ClipFrames() = default;
  // false when the clip `key` ("3:0", deck/clips.h) is not live in this window.
  virtual bool now(const std::string& key, ClipNow* out) const = 0;
};

}  // namespace madang::render
