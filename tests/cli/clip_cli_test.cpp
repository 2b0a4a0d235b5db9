// `madang check` on a deck with clips, as a user runs it: a line for each
// clip with what its header says (stdout, before the summary), and a clip
// that cannot be played is a located warning (stderr), never a refused deck.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_fixture.h"
#include "clip_fixture.h"

namespace {

using Outcome = madang::test::CommandResult;
using Cli = madang::test::CliTest;

TEST_F(Cli, CheckSaysWhatEachClipHolds) {
  ASSERT_TRUE(madang::test::make_clip(dir() / "clip.mp4"));  // 320x180, 30 fps, 2 s, a tone
  madang::test::ClipSpec tone;
  tone.video_codec = "";
  tone.audio_codec = "pcm_s16le";
  ASSERT_TRUE(madang::test::make_clip(dir() / "tone.wav", tone));
  const std::string deck = write("talk.md",
                                 "# 영상\n\n"
                                 "![video autoplay](clip.mp4)\n\n"
                                 "---\n\n"
                                 "![bg video loop muted](clip.mp4)\n\n"
                                 "# 소리\n\n"
                                 "<audio src=\"tone.wav\" controls></audio>\n");
  const Outcome r = madang("check '" + deck + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, deck + ":3:1: video clip.mp4: h264 320x180 30 fps, aac 48 kHz mono, 0:02\n" +
                       deck + ":7:1: video clip.mp4: h264 320x180 30 fps, aac 48 kHz mono, 0:02\n" +
                       deck + ":11:1: audio tone.wav: pcm_s16le 48 kHz mono, 0:02\n" + deck +
                       ": 2 slides, 0 errors, 0 warnings\n");
}

TEST_F(Cli, ADamagedClipIsALocatedWarning) {
  ASSERT_TRUE(madang::test::make_clip(dir() / "whole.mp4"));
  // The first third of it: an MP4 whose index (at its end) is gone.
  std::ifstream in(dir() / "whole.mp4", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  write("cut.mp4", bytes.substr(0, bytes.size() / 3));
  const std::string deck =
      write("talk.md", "# 영상\n\n  ![video](cut.mp4)\n\n---\n\n![](missing.webm)\n");
  const Outcome r = madang("check '" + deck + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // warnings pass, as for images
  const std::string damaged = deck + ":3:3: warning: video 'cut.mp4' is damaged (";
  EXPECT_EQ(r.err.substr(0, damaged.size()), damaged) << r.err;
  EXPECT_NE(r.err.find("); it is drawn as a placeholder\n" + deck +
                       ":7:1: warning: video 'missing.webm' does not exist; it is drawn as a "
                       "placeholder\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, deck + ": 2 slides, 0 errors, 2 warnings\n");
  const Outcome strict = madang("check --strict '" + deck + "'");
  EXPECT_EQ(strict.exit_code, 1);
}

}  // namespace
