// media/frame.h: one picture of a clip, the same as ffmpeg's own decoding.
#include "media/frame.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "clips.h"
#include "media/player.h"
#include "media/probe.h"

namespace madang::media {
namespace {

using test::ClipSpec;
using test::shared_clip;

class MediaFrame : public test::TempDirTest {};

// 320x180 at 30 fps, 3 s, key frames 1 s apart: a time past the first key
// frame seeks, and reaching it decodes forward from there.
std::string gop_clip() {
  ClipSpec spec;
  spec.seconds = 3;
  spec.extra = "-g 30 -bf 2";
  return shared_clip("gop30.mp4", spec);
}

// Frames 0, 15, 30, 33, 47 and 89, asked for a little after their start (the
// frame shown at a time is the last one to start at or before it): each is
// ffmpeg's frame, and not its neighbour.
TEST_F(MediaFrame, SameAsFfmpegAtSeveralTimes) {
  const std::string clip = gop_clip();
  for (int index : {0, 15, 30, 33, 47, 89}) {
    SCOPED_TRACE("frame " + std::to_string(index));
    const double t = index / 30.0 + 0.4 / 30;
    const FrameResult r = decode_frame_at(clip, t, 320, 180);
    ASSERT_TRUE(r.ok()) << r.problem;
    ASSERT_EQ(r.picture.width, 320);
    ASSERT_EQ(r.picture.height, 180);
    EXPECT_NEAR(r.time_s, index / 30.0, 1e-6);
    const std::vector<std::uint8_t> want = test::ffmpeg_frame(clip, index, 320, 180);
    ASSERT_FALSE(want.empty());
    EXPECT_LT(test::mean_abs_diff(r.picture.rgba, want), 1.5);
    EXPECT_LT(test::max_block_diff(r.picture.rgba, want, 320, 180), 6);
    const int other = index == 89 ? 88 : index + 1;
    const std::vector<std::uint8_t> neighbour = test::ffmpeg_frame(clip, other, 320, 180);
    EXPECT_GT(test::max_block_diff(r.picture.rgba, neighbour, 320, 180), 20);
  }
}

// A time written as a frame's own start finds that frame.
TEST_F(MediaFrame, FrameStartTimeFindsThatFrame) {
  const std::string clip = gop_clip();
  const FrameResult one = decode_frame_at(clip, 1.0, 320, 180);
  const FrameResult later = decode_frame_at(clip, 1.1, 320, 180);
  ASSERT_TRUE(one.ok() && later.ok()) << one.problem << later.problem;
  EXPECT_NEAR(one.time_s, 1.0, 1e-6);
  EXPECT_NEAR(later.time_s, 1.1, 1e-6);
  EXPECT_GT(test::max_block_diff(one.picture.rgba, later.picture.rgba, 320, 180), 20);
  EXPECT_LT(test::mean_abs_diff(later.picture.rgba, test::ffmpeg_frame(clip, 33, 320, 180)), 1.5);
}

TEST_F(MediaFrame, TimesOutsideTheClip) {
  const std::string clip = gop_clip();
  const FrameResult before = decode_frame_at(clip, -5, 320, 180);
  ASSERT_TRUE(before.ok()) << before.problem;
  EXPECT_EQ(before.time_s, 0);
  const FrameResult after = decode_frame_at(clip, 100, 320, 180);
  ASSERT_TRUE(after.ok()) << after.problem;
  EXPECT_NEAR(after.time_s, 89 / 30.0, 1e-6);  // the last frame
  const FrameResult nan = decode_frame_at(clip, std::nan(""), 320, 180);
  ASSERT_TRUE(nan.ok()) << nan.problem;
  EXPECT_EQ(nan.time_s, 0);
}

// Scaled to fit, the aspect kept, never enlarged; the same picture as
// ffmpeg's scaling of it.
TEST_F(MediaFrame, ScaledToFit) {
  const std::string clip = gop_clip();
  FrameResult r = decode_frame_at(clip, 0.5, 160, 160);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.picture.width, 160);
  EXPECT_EQ(r.picture.height, 90);
  EXPECT_EQ(r.picture.rgba.size(), 160u * 90 * 4);
  EXPECT_LT(test::mean_abs_diff(r.picture.rgba, test::ffmpeg_frame(clip, 15, 160, 90)), 3);

  r = decode_frame_at(clip, 0.5, 1000, 45);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.picture.width, 80);
  EXPECT_EQ(r.picture.height, 45);

  r = decode_frame_at(clip, 0.5, 1920, 1080);  // never enlarged
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.picture.width, 320);
  EXPECT_EQ(r.picture.height, 180);
  for (std::size_t i = 3; i < r.picture.rgba.size(); i += 4) ASSERT_EQ(r.picture.rgba[i], 255);

  r = decode_frame_at(clip, 0.5, 1, 1);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.picture.width, 1);
  EXPECT_EQ(r.picture.height, 1);
}

// Pixels twice as wide as tall (sample aspect 2:1): 160x180 stored, shown
// 320x180.
TEST_F(MediaFrame, SampleAspectApplied) {
  ClipSpec spec;
  spec.width = 160;
  spec.seconds = 0.5;
  spec.audio = false;
  spec.extra = "-vf setsar=2/1";
  const std::string clip = file("wide-pixels.mp4");
  ASSERT_TRUE(test::make_clip(clip, spec));
  const FrameResult r = decode_frame_at(clip, 0, 640, 640);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.picture.width, 320);
  EXPECT_EQ(r.picture.height, 180);
}

TEST_F(MediaFrame, WebmVp9) {
  ClipSpec spec;
  spec.video_codec = "libvpx-vp9";
  spec.audio_codec = "libopus";
  spec.seconds = 1;
  spec.extra = "-deadline realtime -cpu-used 8 -b:v 1M";
  const std::string clip = file("clip.webm");
  ASSERT_TRUE(test::make_clip(clip, spec));
  const FrameResult r = decode_frame_at(clip, 0.5, 320, 180);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_NEAR(r.time_s, 0.5, 1e-3);
  EXPECT_LT(test::mean_abs_diff(r.picture.rgba, test::ffmpeg_frame(clip, 15, 320, 180)), 1.5);
}

// Key frames further apart than kMaxFramesToDecode: the search stops there
// and gives the last frame it reached (12 s at 60 fps, one key frame).
TEST_F(MediaFrame, DecodingIsBounded) {
  ClipSpec spec;
  spec.width = 64;
  spec.height = 36;
  spec.fps = 60;
  spec.seconds = 12;
  spec.audio = false;
  spec.extra = "-preset ultrafast -g 1000 -x264-params scenecut=0";
  const std::string clip = file("one-key-frame.mp4");
  ASSERT_TRUE(test::make_clip(clip, spec));
  const FrameResult r = decode_frame_at(clip, 11.9, 64, 36);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_NEAR(r.time_s, (kMaxFramesToDecode - 1) / 60.0, 1e-6);
}

// A sound file's cover picture is its poster.
TEST_F(MediaFrame, CoverPictureOfSound) {
  const std::string clip = file("song.mp3");
  const std::string cmd =
      "ffmpeg -nostdin -loglevel error -y -f lavfi -i sine=frequency=440:duration=1 "
      "-f lavfi -i color=c=red:size=64x48:duration=0.04 -map 0:a -map 1:v -frames:v 1 "
      "-c:a libmp3lame -c:v mjpeg -disposition:v attached_pic '" +
      clip + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const FrameResult r = decode_frame_at(clip, 0.5, 640, 640);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.picture.width, 64);
  EXPECT_EQ(r.picture.height, 48);
  EXPECT_EQ(r.time_s, 0);
  const std::uint8_t* px = &r.picture.rgba[(24 * 64 + 32) * 4];
  EXPECT_GT(px[0], 200);
  EXPECT_LT(px[1], 60);
  EXPECT_LT(px[2], 60);
}

TEST_F(MediaFrame, Problems) {
  EXPECT_EQ(decode_frame_at(file("missing.mp4"), 0, 64, 64).problem, "does not exist");
  EXPECT_FALSE(decode_frame_at(write("text.mp4", "hello"), 0, 64, 64).ok());
  ClipSpec sound;
  sound.video_codec = "";
  sound.audio_codec = "pcm_s16le";
  sound.seconds = 0.2;
  ASSERT_TRUE(test::make_clip(file("tone.wav"), sound));
  EXPECT_EQ(decode_frame_at(file("tone.wav"), 0, 64, 64).problem, "has no picture");
}

}  // namespace
}  // namespace madang::media

namespace madang::media {
namespace {

// A phone held upright records its picture sideways and says, in a display
// matrix, to turn it a quarter: the probe gives the size as shown, the
// poster comes turned, and the player's frames carry the turn for the sink.
TEST(MediaRotation, AClipTurnedByItsDisplayMatrixIsShownTurned) {
  ClipSpec spec;
  spec.audio = false;
  const std::string plain = shared_clip("upright-source.mp4", spec);
  const std::string upright = test::clip_dir().file("upright.mp4");
  ASSERT_EQ(std::system(("ffmpeg -nostdin -loglevel error -y -i '" + plain +
                         "' -c copy -metadata:s:v:0 rotate=90 '" + upright + "'")
                            .c_str()),
            0);
  const ProbeResult probe = probe_clip(upright);
  ASSERT_TRUE(probe.ok()) << probe.problem;
  // `rotate=90` in an MP4 is a quarter turn; which way is ffmpeg's own reading
  // of the display matrix (checked against its picture below).
  EXPECT_EQ(probe.info.rotation, 270);
  EXPECT_EQ(probe.info.width, 180);
  EXPECT_EQ(probe.info.height, 320);
  const FrameResult r = decode_frame_at(upright, 0.5 + 0.4 / 30, 180, 320);
  ASSERT_TRUE(r.ok()) << r.problem;
  ASSERT_EQ(r.picture.width, 180);
  ASSERT_EQ(r.picture.height, 320);
  // ffmpeg turns it the same way by itself.
  const std::vector<std::uint8_t> want = test::ffmpeg_frame(upright, 15, 180, 320);
  ASSERT_FALSE(want.empty());
  EXPECT_LT(test::mean_abs_diff(r.picture.rgba, want), 2);
  // Turned the other way (clockwise), it would not match.
  const std::vector<std::uint8_t> other = test::ffmpeg_frame(plain, 15, 320, 180);
  std::vector<std::uint8_t> wrong(other.size());
  for (int y = 0; y < 180; ++y)
    for (int x = 0; x < 320; ++x)
      for (int k = 0; k < 4; ++k)
        wrong[(static_cast<std::size_t>(x) * 180 + (179 - y)) * 4 + k] =
            other[(static_cast<std::size_t>(y) * 320 + x) * 4 + k];
  EXPECT_GT(test::mean_abs_diff(r.picture.rgba, wrong), 10);
  std::string problem;
  std::unique_ptr<Player> player = Player::open(upright, {}, &problem);
  ASSERT_TRUE(player) << problem;
  std::shared_ptr<const VideoFrame> frame;
  for (int i = 0; i < 200 && !frame; ++i) {
    frame = player->frame(0);
    if (!frame) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(frame);
  EXPECT_EQ(frame->rotation, probe.info.rotation);
  EXPECT_EQ(frame->width, 320);  // as decoded: the sink turns it
}

}  // namespace
}  // namespace madang::media
