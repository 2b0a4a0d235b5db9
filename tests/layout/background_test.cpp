// Background geometry (layout/background.h): the split area and the content's
// room, cells side by side or stacked, and CSS background-size/-position.
#include <gtest/gtest.h>

#include "layout/background.h"

namespace madang::layout {
namespace {

void expect_rect(const Rect& r, float x, float y, float w, float h) {
  EXPECT_FLOAT_EQ(r.x, x);
  EXPECT_FLOAT_EQ(r.y, y);
  EXPECT_FLOAT_EQ(r.w, w);
  EXPECT_FLOAT_EQ(r.h, h);
}

deck::BackgroundImage fitted(deck::BackgroundFit fit) {
  deck::BackgroundImage b;
  b.fit = fit;
  return b;
}

const Rect kSlide{0, 0, 1920, 1080};

TEST(BackgroundPlan, WholeSlideWithoutSplit) {
  deck::SlideBackground bg;
  bg.images.resize(1);
  const BackgroundPlan p = plan_background(bg, kSlide);
  expect_rect(p.area, 0, 0, 1920, 1080);
  expect_rect(p.content, 0, 0, 1920, 1080);
  ASSERT_EQ(p.cells.size(), 1u);
  expect_rect(p.cells[0], 0, 0, 1920, 1080);
}

TEST(BackgroundPlan, SplitsShrinkTheContent) {
  deck::SlideBackground bg;
  bg.images.resize(1);
  bg.split = deck::BackgroundSplit::kLeft;
  BackgroundPlan p = plan_background(bg, kSlide);
  expect_rect(p.area, 0, 0, 960, 1080);
  expect_rect(p.content, 960, 0, 960, 1080);
  bg.split = deck::BackgroundSplit::kRight;
  bg.split_share = 0.3f;
  p = plan_background(bg, kSlide);
  expect_rect(p.area, 1344, 0, 576, 1080);
  expect_rect(p.content, 0, 0, 1344, 1080);
}

TEST(BackgroundPlan, SeveralImagesSideBySideOrStacked) {
  deck::SlideBackground bg;
  bg.images.resize(3);
  BackgroundPlan p = plan_background(bg, kSlide);
  ASSERT_EQ(p.cells.size(), 3u);
  expect_rect(p.cells[0], 0, 0, 640, 1080);
  expect_rect(p.cells[2], 1280, 0, 640, 1080);
  bg.vertical = true;
  bg.images.resize(2);
  bg.split = deck::BackgroundSplit::kRight;
  p = plan_background(bg, kSlide);
  ASSERT_EQ(p.cells.size(), 2u);
  expect_rect(p.cells[0], 960, 0, 960, 540);
  expect_rect(p.cells[1], 960, 540, 960, 540);
}

TEST(BackgroundImageRect, CoverContainAutoScaleAndSizes) {
  const Rect cell{100, 0, 800, 600};
  // A 400x100 image: cover scales to the height (x6), contain to the width (x2).
  expect_rect(background_image_rect(fitted(deck::BackgroundFit::kCover), 400, 100, cell, 1), -700,
              0, 2400, 600);
  expect_rect(background_image_rect(fitted(deck::BackgroundFit::kContain), 400, 100, cell, 1), 100,
              200, 800, 200);
  // auto: its own pixels, at 1080p units (0.5: a 960x540 slide).
  expect_rect(background_image_rect(fitted(deck::BackgroundFit::kAuto), 400, 100, cell, 0.5f), 400,
              275, 200, 50);
  deck::BackgroundImage scaled = fitted(deck::BackgroundFit::kScale);
  scaled.scale = 0.5f;  // `50%`: half the cell's width
  expect_rect(background_image_rect(scaled, 400, 100, cell, 1), 300, 250, 400, 100);
  deck::BackgroundImage sized = fitted(deck::BackgroundFit::kSized);
  sized.image.height = 300;  // `h:300px`, the width follows the aspect
  expect_rect(background_image_rect(sized, 400, 100, cell, 1), -100, 150, 1200, 300);
  sized.image.height = 0;
  sized.image.width = -0.25f;  // `w:25%` of the cell
  expect_rect(background_image_rect(sized, 400, 100, cell, 1), 400, 275, 200, 50);
  deck::BackgroundImage corner = fitted(deck::BackgroundFit::kContain);
  corner.position_x = 1;  // backgroundPosition: bottom right
  corner.position_y = 1;
  expect_rect(background_image_rect(corner, 100, 100, cell, 1), 300, 0, 600, 600);
}

TEST(BackgroundCommands, EachImageClippedToItsCell) {
  deck::SlideBackground bg;
  bg.images.resize(2);
  for (deck::BackgroundImage& b : bg.images) {
    b.image.resolved = "/x.png";
    b.image.pixel_width = 100;
    b.image.pixel_height = 50;
  }
  bg.images[1].image.filters = {{deck::FilterKind::kBlur, 10}};
  bg.images[0].image.resolved.clear();  // could not be read: its cell stays empty
  const BackgroundPlan p = plan_background(bg, kSlide);
  const std::vector<Command> c = background_commands(bg, p, kSlide, 1);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].kind, CommandKind::kPushClip);
  expect_rect(c[0].rect, 960, 0, 960, 1080);
  EXPECT_EQ(c[1].kind, CommandKind::kImage);
  expect_rect(c[1].rect, 360, 0, 2160, 1080);  // cover of 960x1080 by a 2:1 image
  ASSERT_EQ(c[1].filters.size(), 1u);
  // 10 px on the slide over 2160 px drawn for 100 image pixels.
  EXPECT_NEAR(c[1].filters[0].amount, 10.0f * 100 / 2160, 1e-4);
  EXPECT_EQ(c[2].kind, CommandKind::kPopClip);
}

}  // namespace
}  // namespace madang::layout
