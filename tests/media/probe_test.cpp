// media/probe.h: what a clip holds, and every way a file is refused.
#include "media/probe.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "clips.h"

namespace madang::media {
namespace {

using test::ClipSpec;
using test::shared_clip;

class MediaProbe : public test::TempDirTest {};

// ------------------------------------------------------------ clips that play

TEST_F(MediaProbe, Mp4WithH264AndAac) {
  const std::string clip = shared_clip("h264-aac.mp4");
  const ProbeResult r = probe_clip(clip);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_TRUE(r.info.has_video);
  EXPECT_TRUE(r.info.has_audio);
  EXPECT_EQ(r.info.width, 320);
  EXPECT_EQ(r.info.height, 180);
  EXPECT_NEAR(r.info.fps, 30, 0.01);
  EXPECT_NEAR(r.info.duration_s, 2, 0.1);
  EXPECT_EQ(r.info.video_codec, "h264");
  EXPECT_EQ(r.info.audio_codec, "aac");
  EXPECT_EQ(r.info.audio_rate, 48000);
  EXPECT_EQ(r.info.audio_channels, 1);
  EXPECT_NE(r.info.container.find("mp4"), std::string::npos) << r.info.container;
  EXPECT_FALSE(r.info.hardware);  // no VA-API device on a test machine
  EXPECT_EQ(describe(r.info), "h264 320x180 30 fps, aac 48 kHz mono, 0:02");
}

TEST_F(MediaProbe, WebmWithVp8AndVorbis) {
  ClipSpec spec;
  spec.video_codec = "libvpx";
  spec.audio_codec = "libvorbis";
  spec.fps = 25;
  spec.seconds = 1.5;
  spec.extra = "-deadline realtime -cpu-used 8";
  const std::string clip = file("clip.webm");
  ASSERT_TRUE(test::make_clip(clip, spec));
  const ProbeResult r = probe_clip(clip);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.info.video_codec, "vp8");
  EXPECT_EQ(r.info.audio_codec, "vorbis");
  EXPECT_EQ(r.info.width, 320);
  EXPECT_EQ(r.info.height, 180);
  EXPECT_NEAR(r.info.fps, 25, 0.01);
  EXPECT_NEAR(r.info.duration_s, 1.5, 0.1);
  EXPECT_NE(r.info.container.find("webm"), std::string::npos) << r.info.container;
}

TEST_F(MediaProbe, WavIsSoundOnly) {
  ClipSpec spec;
  spec.video_codec = "";
  spec.audio_codec = "pcm_s16le";
  spec.seconds = 1;
  const std::string clip = file("tone.wav");
  ASSERT_TRUE(test::make_clip(clip, spec));
  const ProbeResult r = probe_clip(clip);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_FALSE(r.info.has_video);
  EXPECT_TRUE(r.info.has_audio);
  EXPECT_EQ(r.info.audio_codec, "pcm_s16le");
  EXPECT_NEAR(r.info.duration_s, 1, 0.05);
  EXPECT_EQ(describe(r.info), "pcm_s16le 48 kHz mono, 0:01");
}

// An MP3 with a cover picture: the picture is one still (an attached
// picture), not video.
TEST_F(MediaProbe, CoverArtIsNotVideo) {
  const std::string clip = file("song.mp3");
  const std::string cmd =
      "ffmpeg -nostdin -loglevel error -y -f lavfi -i sine=frequency=440:duration=1 "
      "-f lavfi -i color=c=red:size=64x64:duration=0.04 -map 0:a -map 1:v -frames:v 1 "
      "-c:a libmp3lame -c:v mjpeg -disposition:v attached_pic '" +
      clip + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const ProbeResult r = probe_clip(clip);
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_FALSE(r.info.has_video);
  EXPECT_TRUE(r.info.has_audio);
  EXPECT_EQ(r.info.audio_codec, "mp3");
}

// ----------------------------------------------------------- refused files

TEST_F(MediaProbe, MissingFile) {
  const ProbeResult r = probe_clip(file("nothing-here.mp4"));
  EXPECT_EQ(r.problem, "does not exist");
}

TEST_F(MediaProbe, Folder) {
  std::filesystem::create_directory(file("a-folder.mp4"));
  const ProbeResult r = probe_clip(file("a-folder.mp4"));
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.problem.find("not a file"), std::string::npos) << r.problem;
}

TEST_F(MediaProbe, FifoIsRefusedWithoutBlocking) {
  const std::string fifo = file("pipe.mp4");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const ProbeResult r = probe_clip(fifo);  // a blocking open would hang here
  EXPECT_NE(r.problem.find("FIFO"), std::string::npos) << r.problem;
}

TEST_F(MediaProbe, TextNamedMp4) {
  const ProbeResult r = probe_clip(write("notes.mp4", "These are my notes, not a video.\n"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.problem.rfind("is not a video or sound file (", 0), 0u) << r.problem;
}

TEST_F(MediaProbe, EmptyFile) {
  const ProbeResult r = probe_clip(write("empty.mp4", ""));
  EXPECT_EQ(r.problem, "is empty");
}

TEST_F(MediaProbe, TruncatedMp4IsDamaged) {
  std::ifstream in(shared_clip("h264-aac.mp4"), std::ios::binary);
  std::string head(3 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  ASSERT_EQ(in.gcount(), 3 * 1024);
  const ProbeResult r = probe_clip(write("cut.mp4", head));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.problem.rfind("is damaged (", 0), 0u) << r.problem;
}

TEST_F(MediaProbe, PictureLargerThanTheCap) {
  ClipSpec spec;
  spec.width = 4160;
  spec.height = 64;
  spec.seconds = 0.1;
  spec.audio = false;
  spec.extra = "-preset ultrafast";
  const std::string clip = file("wide.mp4");
  ASSERT_TRUE(test::make_clip(clip, spec));
  const ProbeResult r = probe_clip(clip);
  EXPECT_EQ(r.problem, "is 4160x64, more than 4096x2304");
}

TEST_F(MediaProbe, FileLargerThanTheCap) {
  // A sparse file: 8 GiB and one byte, none of it on disk.
  const std::string big = file("huge.mp4");
  std::filesystem::copy_file(shared_clip("h264-aac.mp4"), big);
  std::filesystem::resize_file(big, kMaxFileBytes + 1);
  const ProbeResult r = probe_clip(big);
  EXPECT_EQ(r.problem, "is larger than 8 GiB");
}

// Seven hours of 8 kHz 8-bit mono WAV (a sparse file: 200 MB of silence,
// none of it on disk): refused before anything is decoded.
TEST_F(MediaProbe, LongerThanTheCap) {
  const std::uint32_t rate = 8000, data = rate * 7 * 3600;
  std::string wav = "RIFF";
  const auto u32 = [&wav](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) wav += static_cast<char>((v >> (8 * i)) & 0xff);
  };
  const auto u16 = [&wav](std::uint16_t v) {
    wav += static_cast<char>(v & 0xff);
    wav += static_cast<char>(v >> 8);
  };
  u32(36 + data);
  wav += "WAVEfmt ";
  u32(16);
  u16(1);  // PCM
  u16(1);  // mono
  u32(rate);
  u32(rate);  // bytes per second
  u16(1);     // block
  u16(8);     // bits
  wav += "data";
  u32(data);
  const std::string path = write("long.wav", wav);
  std::filesystem::resize_file(path, wav.size() + data);
  const ProbeResult r = probe_clip(path);
  EXPECT_EQ(r.problem, "lasts 7:00:00, more than 6:00:00");
}

TEST_F(MediaProbe, SubtitlesAloneAreNeitherPictureNorSound) {
  const ProbeResult r =
      probe_clip(write("words.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n"));
  EXPECT_EQ(r.problem, "has neither picture nor sound");
}

// ----------------------------------------------------------------- describe

TEST(MediaDescribe, Parts) {
  ClipInfo info;
  info.has_video = true;
  info.video_codec = "h264";
  info.width = 1920;
  info.height = 1080;
  info.fps = 30;
  info.has_audio = true;
  info.audio_codec = "aac";
  info.audio_rate = 48000;
  info.audio_channels = 2;
  info.duration_s = 65;
  EXPECT_EQ(describe(info), "h264 1920x1080 30 fps, aac 48 kHz stereo, 1:05");
  info.fps = 30000.0 / 1001;
  info.audio_rate = 44100;
  info.audio_channels = 6;
  info.duration_s = 3723;
  EXPECT_EQ(describe(info), "h264 1920x1080 29.97 fps, aac 44.1 kHz 5.1, 1:02:03");
  info.has_audio = false;
  info.duration_s = 0;
  info.fps = 0;
  EXPECT_EQ(describe(info), "h264 1920x1080");
}

}  // namespace
}  // namespace madang::media
