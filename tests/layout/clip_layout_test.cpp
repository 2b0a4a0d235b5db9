// Clips in a slide's display list: one kClip per video (its picture) or
// sound (its bar), named by slide and ordinal (deck/clips.h), each with a
// hit region that a click plays; a background video fills its cell; a clip
// on a later step is not there until its step; a clip that cannot be played
// is the labelled placeholder of a missing image.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "deck/clips.h"
#include "layout_fixture.h"

namespace madang::layout {
namespace {

deck::Block video_block(const std::string& src, int w = 640, int h = 360, int fragment = 0) {
  deck::Block b;
  b.kind = deck::BlockKind::kImage;
  b.line = 5;
  b.column = 1;
  b.fragment = fragment;
  b.image.src = src;
  b.image.resolved = "/clips/" + src;
  b.image.pixel_width = w;
  b.image.pixel_height = h;
  b.image.media.kind = deck::MediaKind::kVideo;
  b.image.media.duration_s = 8;
  b.image.media.has_video = true;
  return b;
}

deck::Block audio_block(const std::string& src) {
  deck::Block b;
  b.kind = deck::BlockKind::kImage;
  b.line = 7;
  b.image.src = src;
  b.image.resolved = "/clips/" + src;
  b.image.media.kind = deck::MediaKind::kAudio;
  b.image.media.duration_s = 65;
  b.image.media.has_audio = true;
  return b;
}

std::vector<const Command*> clips_in(const DisplayList& list) {
  std::vector<const Command*> out;
  for (const Command& c : list.commands)
    if (c.kind == CommandKind::kClip) out.push_back(&c);
  return out;
}

const HitRegion* hit(const DisplayList& list, const std::string& id) {
  for (const HitRegion& h : list.hits)
    if (h.id == id) return &h;
  return nullptr;
}

class ClipLayoutTest : public LayoutTest {};

TEST_F(ClipLayoutTest, AVideoIsOneClipItemWithItsAspectAndAHitRegion) {
  const deck::Deck d = one_slide({heading("영상"), video_block("clip.mp4")});
  const SlideLayout laid = lay(d);
  const std::vector<const Command*> clips = clips_in(laid.list);
  ASSERT_EQ(clips.size(), 1u);
  const Command& c = *clips[0];
  EXPECT_EQ(c.clip_key, "1:0");
  EXPECT_EQ(c.image_path, "/clips/clip.mp4");
  EXPECT_EQ(c.clip.kind, deck::MediaKind::kVideo);
  ASSERT_GT(c.rect.w, 100);
  EXPECT_NEAR(c.rect.h / c.rect.w, 360.0 / 640.0, 0.01);
  // Nothing draws it as an image too.
  for (const Command& other : laid.list.commands) EXPECT_NE(other.kind, CommandKind::kImage);
  const HitRegion* h = hit(laid.list, "clip:1:0");
  ASSERT_NE(h, nullptr);
  EXPECT_FLOAT_EQ(h->rect.x, c.rect.x);
  EXPECT_FLOAT_EQ(h->rect.y, c.rect.y);
  EXPECT_FLOAT_EQ(h->rect.w, c.rect.w);
}

TEST_F(ClipLayoutTest, TwoClipsAreNumberedInReadingOrder) {
  const deck::Deck d = one_slide({video_block("a.mp4"), para("사이"), video_block("b.webm")});
  const SlideLayout laid = lay(d);
  const std::vector<const Command*> clips = clips_in(laid.list);
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[0]->clip_key, "1:0");
  EXPECT_EQ(clips[0]->image_path, "/clips/a.mp4");
  EXPECT_EQ(clips[1]->clip_key, "1:1");
  EXPECT_EQ(clips[1]->image_path, "/clips/b.webm");
  EXPECT_LT(clips[0]->rect.y, clips[1]->rect.y);
  // The keys the players use are the same.
  const std::vector<deck::SlideClip> listed = deck::slide_clips(d.slides[0]);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1].image->src, "b.webm");
  EXPECT_EQ(listed[1].ordinal, 1);
}

TEST_F(ClipLayoutTest, AClipOnStepTwoAppearsWithStepTwo) {
  const deck::Deck d = one_slide({para("먼저"), video_block("clip.mp4", 640, 360, 1)});
  SlideState at0;
  at0.step = 0;
  EXPECT_TRUE(clips_in(lay(d, at0).list).empty());
  EXPECT_EQ(hit(lay(d, at0).list, "clip:1:0"), nullptr);
  SlideState at1;
  at1.step = 1;
  EXPECT_EQ(clips_in(lay(d, at1).list).size(), 1u);
  const std::vector<deck::SlideClip> listed = deck::slide_clips(d.slides[0]);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].fragment, 1);
}

TEST_F(ClipLayoutTest, ASoundIsABarWithItsNameAndLength) {
  const deck::Deck d = one_slide({heading("소리"), audio_block("talk.ogg")});
  const SlideLayout laid = lay(d);
  const std::vector<const Command*> clips = clips_in(laid.list);
  ASSERT_EQ(clips.size(), 1u);
  EXPECT_EQ(clips[0]->clip.kind, deck::MediaKind::kAudio);
  EXPECT_GT(clips[0]->rect.w, clips[0]->rect.h * 4);  // a bar, not a picture
  const TextItem* label = find_text(laid.list, "talk.ogg");
  ASSERT_NE(label, nullptr) << all_text(laid.list);
  EXPECT_NE(all_text(laid.list).find("1:05"), std::string::npos) << all_text(laid.list);
  // The name sits inside the bar, after the button.
  EXPECT_GE(label->rect.x, clips[0]->rect.x + clips[0]->rect.h * 0.9f);
  EXPECT_LE(label->rect.y + label->rect.h, clips[0]->rect.y + clips[0]->rect.h + 1);
  EXPECT_NE(hit(laid.list, "clip:1:0"), nullptr);
}

TEST_F(ClipLayoutTest, AMovingBackgroundFillsItsCellAndComesFirst) {
  deck::Deck d = one_slide({heading("배경"), video_block("fg.mp4")});
  deck::BackgroundImage bg;
  bg.image = video_block("loop.mp4", 1920, 800).image;
  bg.image.media.loop = true;
  bg.image.media.muted = true;
  d.slides[0].background.images.push_back(bg);
  const SlideLayout laid = lay(d);
  const std::vector<const Command*> clips = clips_in(laid.list);
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[0]->clip_key, "1:0");  // the background first, as slide_clips numbers it
  EXPECT_EQ(clips[0]->image_path, "/clips/loop.mp4");
  EXPECT_EQ(clips[1]->clip_key, "1:1");
  // Cover: as high as the slide, wider than it (cropped by a clip around it).
  EXPECT_NEAR(clips[0]->rect.h, static_cast<float>(laid.list.height), 1);
  EXPECT_GT(clips[0]->rect.w, static_cast<float>(laid.list.width));
  bool clipped = false;
  for (std::size_t i = 0; i + 1 < laid.list.commands.size(); ++i)
    clipped |= laid.list.commands[i].kind == CommandKind::kPushClip &&
               laid.list.commands[i + 1].kind == CommandKind::kClip;
  EXPECT_TRUE(clipped);
}

TEST_F(ClipLayoutTest, AClipThatCannotBePlayedIsALabelledPlaceholder) {
  deck::Block broken = video_block("gone.mp4");
  broken.image.resolved.clear();  // the deck warned: missing, damaged or unsupported
  broken.image.pixel_width = broken.image.pixel_height = 0;
  const SlideLayout laid = lay(one_slide({broken}));
  EXPECT_TRUE(clips_in(laid.list).empty());
  bool placeholder = false;
  for (const Command& c : laid.list.commands)
    placeholder |= c.kind == CommandKind::kImage && c.image_path.empty();
  EXPECT_TRUE(placeholder);
  EXPECT_NE(all_text(laid.list).find("gone.mp4"), std::string::npos);
}

}  // namespace
}  // namespace madang::layout
