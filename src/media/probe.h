// Clips (video and sound) as a deck's media, through FFmpeg's libraries:
// what a file holds (this header), one frame of it (media/frame.h), playing
// it (media/player.h).
//
// Promise: no FFmpeg type leaves media/; failures are values (a problem
// phrase, never a throw or an abort, whatever the bytes); every read is
// bounded: only regular files, a probe reads at most kProbeBytes and
// kProbeSeconds of the stream, and a clip past kMaxWidth x kMaxHeight or
// kMaxDurationS is refused before any frame is decoded.
#pragma once

#include <cstdint>
#include <string>

namespace madang::media {

inline constexpr int kMaxWidth = 4096;   // 4K (DCI); UHD 3840x2160 fits
inline constexpr int kMaxHeight = 2304;  // 4096x2304: a 16:9 4K
inline constexpr double kMaxDurationS = 6 * 3600.0;
inline constexpr std::int64_t kProbeBytes = 5 * 1024 * 1024;
inline constexpr double kProbeSeconds = 5;
inline constexpr std::uint64_t kMaxFileBytes = 8ull << 30;  // 8 GiB

struct ClipInfo {
  bool has_video = false;
  bool has_audio = false;
  int width = 0, height = 0;  // of the picture as shown (sample aspect applied), video only
  double fps = 0;             // video only; 0 unknown
  double duration_s = 0;      // 0 when the container does not say
  std::string container;      // "mov,mp4,m4a,3gp,3g2,mj2", "ogg", ...
  std::string video_codec;    // "h264", "vp9", ...
  std::string audio_codec;    // "aac", "opus", ...
  int audio_rate = 0;         // Hz
  int audio_channels = 0;
  int rotation = 0;       // clockwise degrees it is turned when shown (width, height: after)
  bool hardware = false;  // a hardware decoder (VA-API) is there for its video
};

struct ProbeResult {
  ClipInfo info;
  // "" when the clip can be played; else why not, to follow the path:
  // "does not exist", "is not a video or sound file (…)", "is damaged (…)",
  // "uses codec 'x', which this machine cannot decode", "is 7680x4320, more
  // than 4096x2304", "has neither picture nor sound".
  std::string problem;
  bool ok() const { return problem.empty(); }
};

ProbeResult probe_clip(const std::string& path);

// "h264 1920x1080 30 fps, aac 48 kHz stereo, 1:05": what `check` prints.
std::string describe(const ClipInfo& info);

}  // namespace madang::media
