// Ink as display-list items: where strokes land at several window sizes, the
// highlighter under the slide's text, widths from the pressure.
#include "ink/ink_list.h"

#include <gtest/gtest.h>

#include "layout/layout.h"

namespace madang::ink {
namespace {

deck::Meta meta_16_9() {
  deck::Meta m;
  m.aspect_w = 16;
  m.aspect_h = 9;
  return m;
}

TEST(InkMapping, AStrokeSitsOnTheSameSpotOfTheSlideAtEverySize) {
  // A point taken on one window's slide lands on the same fraction of the
  // slide in every other window: console panel, hall, letterboxed 4:3.
  const layout::Rect console = layout::fit_slide(1100, 619, meta_16_9());
  const InkPoint p =
      to_slide({console.x + 20, console.y + 40, console.w, console.h},
               console.x + 20 + console.w * 0.25f, console.y + 40 + console.h * 0.6f);
  EXPECT_NEAR(p.x, 0.25f, 1e-5f);
  EXPECT_NEAR(p.y, 0.6f, 1e-5f);
  Stroke s;
  s.points = {p};
  for (const auto& [w, h] : {std::pair{1920, 1080}, {1280, 720}, {1024, 768}, {3840, 2160}}) {
    const layout::Rect hall = layout::fit_slide(w, h, meta_16_9());
    const layout::Command c = stroke_command(s, hall);
    ASSERT_EQ(c.points.size(), 1u);
    EXPECT_NEAR(c.points[0].x, hall.x + 0.25f * hall.w, 1e-3f) << w << "x" << h;
    EXPECT_NEAR(c.points[0].y, hall.y + 0.6f * hall.h, 1e-3f) << w << "x" << h;
    // The width scales with the slide's height.
    EXPECT_NEAR(c.width, s.width * hall.h, 1e-4f);
    const InkPoint back = to_slide(hall, c.points[0].x, c.points[0].y);
    EXPECT_NEAR(back.x, p.x, 1e-5f);
    EXPECT_NEAR(back.y, p.y, 1e-5f);
  }
}

TEST(InkMapping, PressureNarrowsAPenButNotAHighlighter) {
  Stroke pen;
  pen.points = {{0.1f, 0.1f, 1}, {0.2f, 0.1f, 0}};
  const layout::Command c = stroke_command(pen, {0, 0, 1920, 1080});
  EXPECT_FLOAT_EQ(c.widths[0], c.width);
  EXPECT_FLOAT_EQ(c.widths[1], c.width * 0.4f);
  Stroke hl = pen;
  hl.highlighter = true;
  const layout::Command h = stroke_command(hl, {0, 0, 1920, 1080});
  EXPECT_TRUE(h.highlight);
  EXPECT_FLOAT_EQ(h.widths[1], h.width);
  EXPECT_FLOAT_EQ(h.width, pen.width * kHighlighterScale * 1080);
  EXPECT_EQ(h.color & 0xff, kHighlighterAlpha);
}

TEST(InkPass, HighlightersGoUnderTheFirstTextAndPensOverEverything) {
  layout::DisplayList list;
  list.width = 1920;
  list.height = 1080;
  layout::Command bg;
  bg.kind = layout::CommandKind::kFillRect;
  layout::Command text;
  text.kind = layout::CommandKind::kGlyphRun;
  list.commands = {bg, text, bg, text};
  Stroke pen, hl;
  pen.points = hl.points = {{0.5f, 0.5f, 1}};
  hl.highlighter = true;
  const layout::DisplayList out = with_ink(list, {&pen, &hl});
  ASSERT_EQ(out.commands.size(), 6u);
  EXPECT_EQ(out.commands[0].kind, layout::CommandKind::kFillRect);
  EXPECT_EQ(out.commands[1].kind, layout::CommandKind::kStroke);
  EXPECT_TRUE(out.commands[1].highlight);
  EXPECT_EQ(out.commands[2].kind, layout::CommandKind::kGlyphRun);
  EXPECT_EQ(out.commands[5].kind, layout::CommandKind::kStroke);
  EXPECT_FALSE(out.commands[5].highlight);
  EXPECT_EQ(out.width, 1920);
}

TEST(InkPass, LaserTrailFadesWithAge) {
  const std::vector<TrailMark> marks = {{0.1f, 0.1f, 0.9f}, {0.2f, 0.1f, 0.5f}, {0.3f, 0.1f, 0}};
  const std::vector<layout::Command> c = laser_commands(marks, {0, 0, 1920, 1080});
  ASSERT_GE(c.size(), 3u);
  EXPECT_LT(c[0].color & 0xff, c[1].color & 0xff);  // the older segment is fainter
  EXPECT_TRUE(laser_commands({}, {0, 0, 1920, 1080}).empty());
}

}  // namespace
}  // namespace madang::ink
