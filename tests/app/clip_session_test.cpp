// The show's clips (modes/clip_session.h) as the hall moves: what starts,
// what pauses, what resumes where it was, what K, J and L do, the kiosk's
// loops, and that nothing asks the loop to wake while nothing plays. Real
// players over clips made by ffmpeg; times are the caller's (no sound
// device: the clips are silent, so the players follow the given clock).
#include "modes/clip_session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "clip_fixture.h"
#include "deck/clips.h"
#include "temp_dir.h"

namespace madang::app {
namespace {

deck::Block clip_block(const std::string& path, bool autoplay, int fragment = 0) {
  deck::Block b;
  b.kind = deck::BlockKind::kImage;
  b.fragment = fragment;
  b.image.src = path;
  b.image.resolved = path;
  b.image.pixel_width = 320;
  b.image.pixel_height = 180;
  b.image.media.kind = deck::MediaKind::kVideo;
  b.image.media.autoplay = autoplay;
  b.image.media.has_video = true;
  b.image.media.duration_s = 4;
  return b;
}

deck::Slide slide_of(int index, std::vector<deck::Block> blocks) {
  deck::Slide s;
  s.index = index;
  s.blocks = std::move(blocks);
  for (const deck::Block& b : s.blocks) s.steps = std::max(s.steps, b.fragment);
  return s;
}

class ClipSessionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir("clip-session");
    test::ClipSpec spec;
    spec.audio = false;
    spec.seconds = 4;
    clip_ = dir_->file("clip.mp4");
    ASSERT_TRUE(test::make_clip(clip_, spec));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // Ticks until the clip `key` shows a picture (its worker decodes on its
  // own thread), at most a second of real time.
  static bool wait_for_picture(ClipSession& clips, const std::string& key, double now_s) {
    for (int i = 0; i < 200; ++i) {
      double next = -1;
      clips.tick(now_s, &next);
      render::ClipNow n;
      if (clips.now(key, &n) && n.frame) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }
  static render::ClipNow now_of(const ClipSession& clips, const std::string& key) {
    render::ClipNow n;
    EXPECT_TRUE(clips.now(key, &n)) << key;
    return n;
  }

  static inline test::TempDir* dir_ = nullptr;
  static inline std::string clip_;
};

TEST_F(ClipSessionTest, AutoplayStartsWithItsSlideAndOthersWaitForAClick) {
  deck::Deck d;
  d.slides.push_back(slide_of(1, {clip_block(clip_, true)}));
  d.slides.push_back(slide_of(2, {clip_block(clip_, false)}));
  ClipSession clips({.sound = false});
  clips.follow(d, 1, 0, 0, false, 0);
  ASSERT_TRUE(wait_for_picture(clips, "1:0", 0));
  EXPECT_TRUE(now_of(clips, "1:0").playing);
  double next = -1;
  clips.tick(0.5, &next);
  EXPECT_GE(next, 0) << "a playing clip asks for its next frame";
  EXPECT_NEAR(now_of(clips, "1:0").position_s, 0.5, 0.05);

  clips.follow(d, 1, 1, 0, false, 1.0);
  clips.tick(1.0, &next);
  EXPECT_FALSE(now_of(clips, "1:0").playing) << "leaving the slide pauses it";
  render::ClipNow second;
  EXPECT_FALSE(clips.now("2:0", &second)) << "no autoplay: not even opened";
  EXPECT_LT(next, 0) << "nothing plays: the loop may sleep";
  ClipSession::Here here;
  ASSERT_TRUE(clips.here(&here));
  EXPECT_EQ(here.key, "2:0");
  EXPECT_FALSE(here.playing);
  EXPECT_NEAR(here.duration_s, 4, 0.01);

  clips.toggle("2:0", 1.0);  // a click
  ASSERT_TRUE(wait_for_picture(clips, "2:0", 1.0));
  clips.tick(1.0, &next);
  EXPECT_TRUE(now_of(clips, "2:0").playing);
  EXPECT_TRUE(clips.toggle_here(1.2));  // K
  clips.tick(1.2, &next);
  EXPECT_FALSE(now_of(clips, "2:0").playing);
}

TEST_F(ClipSessionTest, ComingBackResumesWhereItWasButAutoplayRestarts) {
  deck::Deck d;
  d.slides.push_back(slide_of(1, {clip_block(clip_, false)}));
  d.slides.push_back(slide_of(2, {}));
  d.slides.push_back(slide_of(3, {}));
  d.slides.push_back(slide_of(4, {clip_block(clip_, true)}));
  ClipSession clips({.sound = false});
  double next = -1;
  clips.follow(d, 1, 0, 0, false, 0);
  clips.toggle("1:0", 0);
  ASSERT_TRUE(wait_for_picture(clips, "1:0", 0));
  clips.tick(1.5, &next);
  // Away through two slides, back after ten seconds: where it was.
  clips.follow(d, 1, 1, 0, false, 1.5);
  clips.follow(d, 1, 2, 0, false, 5);
  clips.follow(d, 1, 0, 0, false, 11.5);
  ASSERT_TRUE(wait_for_picture(clips, "1:0", 11.5));
  clips.tick(11.5, &next);
  EXPECT_TRUE(now_of(clips, "1:0").playing) << "it was playing when the slide was left";
  EXPECT_NEAR(now_of(clips, "1:0").position_s, 1.5, 0.1);
  // An autoplay clip starts again from its start.
  clips.follow(d, 1, 3, 0, false, 12);
  ASSERT_TRUE(wait_for_picture(clips, "4:0", 12));
  clips.tick(14, &next);
  EXPECT_NEAR(now_of(clips, "4:0").position_s, 2, 0.1);
  clips.follow(d, 1, 2, 0, false, 14);
  clips.follow(d, 1, 3, 0, false, 20);
  clips.tick(20, &next);
  EXPECT_NEAR(now_of(clips, "4:0").position_s, 0, 0.1);
}

TEST_F(ClipSessionTest, AClipOnStepTwoWaitsForItsStepAndBlackPausesIt) {
  deck::Deck d;
  d.slides.push_back(slide_of(1, {clip_block(clip_, true, 1)}));
  d.slides.push_back(slide_of(2, {clip_block(clip_, true)}));
  ClipSession clips({.sound = false});
  double next = -1;
  clips.follow(d, 1, 0, 0, false, 0);
  clips.tick(0, &next);
  render::ClipNow n;
  EXPECT_FALSE(clips.now("1:0", &n)) << "its step has not come";
  EXPECT_FALSE(clips.has_clips_here());
  clips.follow(d, 1, 0, 1, false, 1);
  ASSERT_TRUE(wait_for_picture(clips, "1:0", 1));
  EXPECT_TRUE(now_of(clips, "1:0").playing);
  clips.follow(d, 1, 0, 0, false, 1.5);  // back a step
  clips.tick(1.5, &next);
  EXPECT_FALSE(now_of(clips, "1:0").playing);
  // Black, then the next slide while black, then back to light: it starts.
  clips.follow(d, 1, 0, 1, true, 2);
  clips.follow(d, 1, 1, 0, true, 3);
  clips.tick(3, &next);
  EXPECT_FALSE(clips.now("2:0", &n) && n.playing);
  clips.follow(d, 1, 1, 0, false, 4);
  ASSERT_TRUE(wait_for_picture(clips, "2:0", 4));
  EXPECT_TRUE(now_of(clips, "2:0").playing);
  clips.follow(d, 1, 1, 0, true, 4.5);  // black pauses
  clips.tick(4.5, &next);
  EXPECT_FALSE(now_of(clips, "2:0").playing);
  clips.follow(d, 1, 1, 0, false, 6);  // and light resumes, where it was
  clips.tick(6, &next);
  EXPECT_TRUE(now_of(clips, "2:0").playing);
  EXPECT_NEAR(now_of(clips, "2:0").position_s, 0.5, 0.1);
}

TEST_F(ClipSessionTest, JAndLMoveTenSecondsAndAPausedClipShowsItsNewPlace) {
  test::ClipSpec spec;
  spec.audio = false;
  spec.seconds = 25;
  spec.width = 160;
  spec.height = 90;
  const std::string long_clip = dir_->file("long.mp4");
  ASSERT_TRUE(test::make_clip(long_clip, spec));
  deck::Deck d;
  deck::Block b = clip_block(long_clip, false);
  b.image.media.duration_s = 25;
  d.slides.push_back(slide_of(1, {b}));
  ClipSession clips({.sound = false});
  double next = -1;
  clips.follow(d, 1, 0, 0, false, 0);
  EXPECT_TRUE(clips.skip_here(10, 0));  // L, paused
  ASSERT_TRUE(wait_for_picture(clips, "1:0", 0));
  for (int i = 0; i < 200; ++i) {
    clips.tick(0.01 * i, &next);
    if (now_of(clips, "1:0").frame && now_of(clips, "1:0").frame->time_s > 9) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(now_of(clips, "1:0").frame);
  EXPECT_NEAR(now_of(clips, "1:0").frame->time_s, 10, 0.05) << "the picture at the new place";
  EXPECT_FALSE(now_of(clips, "1:0").playing);
  EXPECT_TRUE(clips.skip_here(-10, 3));  // J
  clips.tick(3, &next);
  EXPECT_NEAR(now_of(clips, "1:0").position_s, 0, 0.05);
  clips.seek_here(20, 3);  // the console's bar
  clips.tick(3, &next);
  EXPECT_NEAR(now_of(clips, "1:0").position_s, 20, 0.05);
}

TEST_F(ClipSessionTest, AKioskLoopsItsClipsButOnASlideThatMovesOnAfterIt) {
  deck::Deck d;
  deck::Slide loops = slide_of(1, {clip_block(clip_, false)});
  loops.advance_s = 30;  // its own time: the clip loops meanwhile
  d.slides.push_back(loops);
  deck::Slide once = slide_of(2, {clip_block(clip_, false)});
  once.advance_after_clip = true;
  d.slides.push_back(once);
  ClipSession clips({.sound = false, .kiosk = true});
  double next = -1;
  clips.follow(d, 1, 0, 0, false, 0);
  ASSERT_TRUE(wait_for_picture(clips, "1:0", 0)) << "a kiosk starts every clip";
  clips.tick(5, &next);
  EXPECT_TRUE(now_of(clips, "1:0").playing);
  EXPECT_NEAR(now_of(clips, "1:0").position_s, 1, 0.1) << "looped";
  clips.follow(d, 1, 1, 0, false, 6);
  ASSERT_TRUE(wait_for_picture(clips, "2:0", 6));
  // Its end comes once the worker has decoded up to it (real time here).
  for (int i = 0; i < 400 && now_of(clips, "2:0").playing; ++i) {
    clips.tick(10.5, &next);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_FALSE(now_of(clips, "2:0").playing) << "played once, then it ends";
  EXPECT_LT(next, 0);
}

}  // namespace
}  // namespace madang::app
