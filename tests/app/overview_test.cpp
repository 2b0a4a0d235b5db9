// Overview grid: thumbnails fit the window, keep the aspect, and clicks land
// on the slide drawn there.
#include "input/overview.h"

#include <gtest/gtest.h>

#include "show/navigation.h"

namespace madang::app {
namespace {

TEST(Overview, TwelveSlidesOnAFullHdScreen) {
  const OverviewGrid g = overview_grid(12, 1920, 1080, 16.0f / 9.0f, 30);
  ASSERT_EQ(g.thumbs.size(), 12u);
  EXPECT_EQ(g.columns, show::overview_columns(12));
  for (const layout::Rect& r : g.thumbs) {
    EXPECT_GE(r.x, 0);
    EXPECT_GE(r.y, 0);
    EXPECT_LE(r.x + r.w, 1920);
    EXPECT_LE(r.y + r.h + g.label_height, 1080);
    EXPECT_NEAR(r.w / r.h, 16.0f / 9.0f, 0.02f);
  }
  // Row-major: slide 1 is right of slide 0, slide 4 under slide 0.
  EXPECT_GT(g.thumbs[1].x, g.thumbs[0].x + g.thumbs[0].w);
  EXPECT_FLOAT_EQ(g.thumbs[1].y, g.thumbs[0].y);
  EXPECT_FLOAT_EQ(g.thumbs[4].x, g.thumbs[0].x);
  EXPECT_GT(g.thumbs[4].y, g.thumbs[0].y + g.thumbs[0].h + g.label_height - 0.01f);
}

TEST(Overview, HitTestFindsTheThumbnailAndItsLabel) {
  const OverviewGrid g = overview_grid(5, 1000, 1000, 4.0f / 3.0f, 20);
  for (int i = 0; i < 5; ++i) {
    const layout::Rect& r = g.thumbs[static_cast<std::size_t>(i)];
    EXPECT_EQ(overview_hit(g, r.x + r.w / 2, r.y + r.h / 2), i);
    EXPECT_EQ(overview_hit(g, r.x + 1, r.y + r.h + 10), i);  // the number under it
  }
  EXPECT_EQ(overview_hit(g, 1, 1), -1);  // the margin
}

TEST(Overview, TallWindowLimitsByWidthWideWindowByHeight) {
  const OverviewGrid wide = overview_grid(4, 4000, 500, 16.0f / 9.0f, 0);
  const OverviewGrid tall = overview_grid(4, 500, 4000, 16.0f / 9.0f, 0);
  EXPECT_LT(wide.thumbs[0].h * 2, 500);
  EXPECT_LT(tall.thumbs[0].w * 2, 500);
}

TEST(Overview, EmptyDeckOrWindow) {
  EXPECT_TRUE(overview_grid(0, 1920, 1080, 1.7f, 10).thumbs.empty());
  EXPECT_TRUE(overview_grid(3, 0, 0, 1.7f, 10).thumbs.empty());
  EXPECT_EQ(overview_hit(overview_grid(0, 1920, 1080, 1.7f, 10), 5, 5), -1);
}

}  // namespace
}  // namespace madang::app
