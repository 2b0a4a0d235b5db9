// The ink model: smoothing, simplification, step visibility, undo and redo,
// erasing whole strokes, the sidecar's schedule.
#include "ink/ink.h"

#include <gtest/gtest.h>

#include <cmath>

namespace madang::ink {
namespace {

Stroke line_stroke(float x0, float y0, float x1, float y1, int step = 0) {
  Stroke s;
  s.points = {{x0, y0, 1}, {x1, y1, 1}};
  s.step = step;
  return s;
}

TEST(InkSmooth, KeepsTheEndsAndPullsAZigzagTowardsItsMiddle) {
  std::vector<InkPoint> zig;
  for (int i = 0; i <= 10; ++i) zig.push_back({i * 0.01f, i % 2 ? 0.51f : 0.49f, 1});
  const std::vector<InkPoint> out = smooth(zig);
  ASSERT_EQ(out.size(), zig.size());
  EXPECT_EQ(out.front(), zig.front());
  EXPECT_EQ(out.back(), zig.back());
  for (std::size_t i = 2; i + 2 < out.size(); ++i) EXPECT_LT(std::fabs(out[i].y - 0.5f), 0.005f);
}

TEST(InkSimplify, AStraightLineOfManyPointsBecomesItsEnds) {
  std::vector<InkPoint> line;
  for (int i = 0; i <= 10000; ++i) line.push_back({i / 10000.0f, 0.3f + i / 20000.0f, 1});
  const std::vector<InkPoint> out = simplify(line, 0.00025f, 16.0f / 9);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out.front(), line.front());
  EXPECT_EQ(out.back(), line.back());
}

TEST(InkSimplify, KeepsTheCornerOfAnL) {
  std::vector<InkPoint> l;
  for (int i = 0; i <= 50; ++i) l.push_back({0.1f + i * 0.004f, 0.1f, 1});
  for (int i = 1; i <= 50; ++i) l.push_back({0.3f, 0.1f + i * 0.004f, 1});
  const std::vector<InkPoint> out = simplify(l, 0.00025f, 1);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FLOAT_EQ(out[1].x, 0.3f);
  EXPECT_FLOAT_EQ(out[1].y, 0.1f);
}

TEST(InkSimplify, KeepsWhereThePressureChanges) {
  std::vector<InkPoint> line;
  for (int i = 0; i <= 20; ++i) line.push_back({i * 0.01f, 0.5f, i < 10 ? 0.2f : 1.0f});
  EXPECT_GT(simplify(line, 0.00025f, 1).size(), 2u);
}

TEST(InkBuilder, DropsPointsCloserThanAPixelAndFinishesSimplified) {
  StrokeBuilder b;
  b.begin(Stroke{}, 0.1f, 0.1f, 1);
  EXPECT_FALSE(b.add(0.10001f, 0.10001f, 1));
  for (int i = 1; i <= 100; ++i) EXPECT_TRUE(b.add(0.1f + i * 0.002f, 0.1f, 1));
  EXPECT_EQ(b.live().points.size(), 101u);
  const Stroke s = b.finish(16.0f / 9);
  EXPECT_FALSE(b.active());
  EXPECT_EQ(s.points.size(), 2u);
}

TEST(InkSteps, AStrokeShowsFromItsStepOn) {
  Document doc;
  ASSERT_TRUE(add_stroke(doc, 3, line_stroke(0, 0, 1, 1, 0)));
  ASSERT_TRUE(add_stroke(doc, 3, line_stroke(0, 1, 1, 0, 2)));
  EXPECT_EQ(visible_strokes(doc, 3, 0).size(), 1u);
  EXPECT_EQ(visible_strokes(doc, 3, 1).size(), 1u);
  EXPECT_EQ(visible_strokes(doc, 3, 2).size(), 2u);
  EXPECT_EQ(visible_strokes(doc, 3, -1).size(), 2u);  // exported: every fragment
  EXPECT_TRUE(visible_strokes(doc, 2, 5).empty());
  EXPECT_TRUE(visible_strokes(doc, 40, 0).empty());
  toggle_hidden(doc);
  EXPECT_TRUE(visible_strokes(doc, 3, 2).empty());
  toggle_hidden(doc);
  EXPECT_EQ(visible_strokes(doc, 3, 2).size(), 2u);
}

TEST(InkUndo, UndoAndRedoEveryKindOfEdit) {
  Document doc;
  add_stroke(doc, 0, line_stroke(0.1f, 0.1f, 0.2f, 0.1f));
  add_stroke(doc, 0, line_stroke(0.1f, 0.5f, 0.2f, 0.5f));
  add_stroke(doc, 1, line_stroke(0.1f, 0.5f, 0.2f, 0.5f));
  EXPECT_EQ(stroke_count(doc), 3);
  const auto r0 = doc.revision;
  ASSERT_TRUE(undo(doc));
  EXPECT_GT(doc.revision, r0);
  EXPECT_EQ(stroke_count(doc), 2);
  ASSERT_TRUE(redo(doc));
  EXPECT_EQ(stroke_count(doc), 3);
  EXPECT_FALSE(redo(doc));

  // The eraser takes the whole stroke it touches, and only that one.
  ASSERT_TRUE(erase_at(doc, 0, 0, 0.15f, 0.101f, 0.005f, 16.0f / 9));
  ASSERT_EQ(doc.slides[0].size(), 1u);
  EXPECT_FLOAT_EQ(doc.slides[0][0].points[0].y, 0.5f);
  EXPECT_FALSE(erase_at(doc, 0, 0, 0.9f, 0.9f, 0.005f, 16.0f / 9));

  ASSERT_TRUE(clear_slide(doc, 0));
  EXPECT_TRUE(doc.slides[0].empty());
  ASSERT_TRUE(clear_all(doc));
  EXPECT_EQ(stroke_count(doc), 0);
  EXPECT_FALSE(clear_all(doc));
  ASSERT_TRUE(undo(doc));  // the talk's ink comes back
  EXPECT_EQ(stroke_count(doc), 1);
  ASSERT_TRUE(undo(doc));  // the slide's
  EXPECT_EQ(stroke_count(doc), 2);
  ASSERT_TRUE(undo(doc));  // the erased stroke
  EXPECT_EQ(stroke_count(doc), 3);
  // A new edit after undo drops the redo.
  ASSERT_TRUE(undo(doc));
  add_stroke(doc, 2, line_stroke(0, 0, 1, 1));
  EXPECT_FALSE(redo(doc));
}

TEST(InkPresets, TheFirstColourIsTheThemeAccent) {
  EXPECT_EQ(preset_color(0, 0x123456ffu), 0x123456ffu);
  EXPECT_EQ(preset_color(0, 0x12345600u), 0x123456ffu);
  EXPECT_NE(preset_color(1, 0x123456ffu), preset_color(2, 0x123456ffu));
  EXPECT_EQ(preset_color(99, 0), preset_color(kPresetCount - 1, 0));
}

TEST(InkSaveSchedule, WritesSoonAfterAChangeAndWithinASecondOfTheFirst) {
  SaveSchedule s;
  EXPECT_LT(s.due_ms(), 0);
  s.changed(1, 1000);
  EXPECT_DOUBLE_EQ(s.due_ms(), 1300);
  EXPECT_FALSE(s.due(1299));
  // Strokes keep coming: the write waits, but never past a second.
  s.changed(2, 1200);
  s.changed(3, 1500);
  s.changed(4, 1800);
  EXPECT_DOUBLE_EQ(s.due_ms(), 2000);
  EXPECT_TRUE(s.due(2000));
  s.saved(4);
  EXPECT_LT(s.due_ms(), 0);
  EXPECT_FALSE(s.pending());
  s.changed(4, 3000);  // nothing new
  EXPECT_LT(s.due_ms(), 0);
}

}  // namespace
}  // namespace madang::ink
