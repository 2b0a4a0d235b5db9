// Clips for tests, made by Debian's `ffmpeg` (header-only: link
// madang_test_temp): a moving test pattern with its frame number drawn in
// (lavfi testsrc2) and, when asked, a sine tone of a known frequency. No clip
// is committed; each test makes what it needs in its own folder.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace madang::test {

struct ClipSpec {
  int width = 320, height = 180;
  int fps = 30;
  double seconds = 2;
  bool audio = true;
  int tone_hz = 440;
  std::string video_codec = "libx264";  // "" for sound alone
  std::string audio_codec = "aac";
  std::string pix_fmt = "yuv420p";
  std::string extra;  // more ffmpeg output options, as written on its command line
};

// Makes `path` (its extension picks the container: .mp4, .webm, .ogg, .mkv,
// .wav) from `spec`; ADD_FAILURE and false when ffmpeg fails.
inline bool make_clip(const std::filesystem::path& path, const ClipSpec& spec = {}) {
  std::string cmd = "ffmpeg -nostdin -loglevel error -y";
  const std::string secs = std::to_string(spec.seconds);
  if (!spec.video_codec.empty())
    cmd += " -f lavfi -i testsrc2=size=" + std::to_string(spec.width) + "x" +
           std::to_string(spec.height) + ":rate=" + std::to_string(spec.fps) + ":duration=" + secs;
  if (spec.audio)
    cmd += " -f lavfi -i sine=frequency=" + std::to_string(spec.tone_hz) +
           ":sample_rate=48000:duration=" + secs;
  if (!spec.video_codec.empty()) cmd += " -c:v " + spec.video_codec + " -pix_fmt " + spec.pix_fmt;
  if (spec.audio) cmd += " -c:a " + spec.audio_codec;
  if (!spec.extra.empty()) cmd += " " + spec.extra;
  cmd += " '" + path.string() + "' 2>&1";
  std::string output;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) {
    ADD_FAILURE() << "cannot run ffmpeg: " << cmd;
    return false;
  }
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) output += buf;
  const int rc = ::pclose(pipe);
  if (rc != 0 || !std::filesystem::exists(path)) {
    ADD_FAILURE() << "ffmpeg failed (" << rc << "): " << cmd << "\n" << output;
    return false;
  }
  return true;
}

// The frame of `clip` at `time_s` as ffmpeg itself decodes it, scaled to
// w x h, written as a PNG at `png`: what a pixel check compares against.
inline bool extract_frame(const std::filesystem::path& clip, double time_s,
                          const std::filesystem::path& png, int w, int h) {
  const std::string cmd = "ffmpeg -nostdin -loglevel error -y -ss " + std::to_string(time_s) +
                          " -i '" + clip.string() + "' -frames:v 1 -vf scale=" +
                          std::to_string(w) + ":" + std::to_string(h) + " '" + png.string() +
                          "'";
  if (std::system(cmd.c_str()) != 0 || !std::filesystem::exists(png)) {
    ADD_FAILURE() << "ffmpeg could not extract a frame: " << cmd;
    return false;
  }
  return true;
}

}  // namespace madang::test
