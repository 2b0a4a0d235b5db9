// layout/damage.h: what changed between two display lists, conservatively.
#include "layout/damage.h"

#include <gtest/gtest.h>

#include <utility>

namespace madang::layout {
namespace {

Command fill(Rect r, Color c) {
  Command k;
  k.kind = CommandKind::kFillRect;
  k.rect = r;
  k.color = c;
  return k;
}

Command glyphs(float x, float y, Color c) {
  Command k;
  k.kind = CommandKind::kGlyphRun;
  k.origin = {x, y};
  k.run.size = 20;
  k.run.style.size = 20;
  k.run.style.color = c;
  k.run.glyphs = {{1, 0, 0, 0, 12}, {2, 1, 12, 0, 12}};
  return k;
}

DisplayList list_of(std::vector<Command> commands) {
  DisplayList l;
  l.width = 800;
  l.height = 600;
  l.commands = std::move(commands);
  return l;
}

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
         inner.y + inner.h <= outer.y + outer.h;
}

TEST(Damage, IdenticalListsChangeNothing) {
  const DisplayList a = list_of({fill({10, 10, 100, 50}, 0xff0000ff), glyphs(50, 300, 0xff)});
  const std::optional<Rect> area = changed_area(a, a);
  ASSERT_TRUE(area.has_value());
  EXPECT_EQ(area->w * area->h, 0);
}

TEST(Damage, AChangedColourCoversTheCommandBeforeAndAfter) {
  const DisplayList a = list_of({fill({10, 10, 100, 50}, 0xff0000ff), glyphs(50, 300, 0xff)});
  DisplayList b = a;
  b.commands[0].color = 0x00ff00ff;
  const std::optional<Rect> area = changed_area(a, b);
  ASSERT_TRUE(area.has_value());
  EXPECT_TRUE(inside({10, 10, 100, 50}, *area));
  EXPECT_LT(area->y + area->h, 300 - 40);  // the text below is left alone
}

TEST(Damage, AMovedShapeCoversBothPlaces) {
  const DisplayList a = list_of({fill({10, 10, 100, 50}, 0xff0000ff)});
  DisplayList b = a;
  b.commands[0].rect = {400, 400, 100, 50};
  const std::optional<Rect> area = changed_area(a, b);
  ASSERT_TRUE(area.has_value());
  EXPECT_TRUE(inside({10, 10, 100, 50}, *area));
  EXPECT_TRUE(inside({400, 400, 100, 50}, *area));
}

TEST(Damage, TextCoversItsInkNotOnlyItsAdvance) {
  const DisplayList a = list_of({glyphs(50, 300, 0xff)});
  DisplayList b = a;
  b.commands[0].run.style.color = 0xff0000ff;
  const std::optional<Rect> area = changed_area(a, b);
  ASSERT_TRUE(area.has_value());
  // Ascenders above the baseline, descenders below, the advance across.
  EXPECT_TRUE(inside({50, 300 - 20, 24, 20 + 6}, *area));
}

TEST(Damage, AnArrowHeadAndAStrokeWidthAreInside) {
  Command line;
  line.kind = CommandKind::kLine;
  line.points = {{100, 100}, {300, 100}};
  line.width = 4;
  line.arrow_end = true;
  const DisplayList a = list_of({line});
  DisplayList b = a;
  b.commands[0].color = 0x123456ff;
  const std::optional<Rect> area = changed_area(a, b);
  ASSERT_TRUE(area.has_value());
  EXPECT_TRUE(inside({100 - 4, 100 - 16, 200 + 8 + 16, 32}, *area));
}

TEST(Damage, AGroupFadingCoversWhatItHolds) {
  Command push;
  push.kind = CommandKind::kPushOpacity;
  push.opacity = 1;
  Command pop;
  pop.kind = CommandKind::kPopOpacity;
  const DisplayList a = list_of({fill({0, 0, 800, 40}, 0xff), push, fill({10, 100, 50, 50}, 0xff),
                                 glyphs(300, 200, 0xff), pop, fill({0, 500, 800, 40}, 0xff)});
  DisplayList b = a;
  b.commands[1].opacity = 0.4f;
  const std::optional<Rect> area = changed_area(a, b);
  ASSERT_TRUE(area.has_value());
  EXPECT_TRUE(inside({10, 100, 50, 50}, *area));
  EXPECT_TRUE(inside({300, 180, 24, 26}, *area));
  EXPECT_GE(area->y, 40);             // the band above is left alone
  EXPECT_LE(area->y + area->h, 500);  // and the one below
  // A group that is not closed is not a group.
  DisplayList open_a = a, open_b = b;
  open_a.commands[4] = fill({0, 0, 1, 1}, 0xff);
  open_b.commands[4] = open_a.commands[4];
  EXPECT_FALSE(changed_area(open_a, open_b).has_value());
  // A group that goes away (its fade is over) is the same as one at full
  // opacity; one that comes at 0.4 changes what it holds, nothing else.
  DisplayList gone = a;
  gone.commands.erase(gone.commands.begin() + 4);
  gone.commands.erase(gone.commands.begin() + 1);
  const std::optional<Rect> none = changed_area(a, gone);
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->w * none->h, 0);
  const std::optional<Rect> faded = changed_area(gone, b);
  ASSERT_TRUE(faded.has_value());
  EXPECT_TRUE(inside({10, 100, 50, 50}, *faded));
  EXPECT_GE(faded->y, 40);
  EXPECT_LE(faded->y + faded->h, 500);
}

TEST(Damage, CommandsThatComeOrGoCoverWhatLiesBetweenTheSameStartAndEnd) {
  const DisplayList a = list_of(
      {fill({0, 0, 800, 40}, 0xff), fill({10, 100, 50, 50}, 0xff), fill({0, 500, 800, 40}, 0xff)});
  DisplayList more = a;  // an outline appears around the middle box
  Command outline;
  outline.kind = CommandKind::kStrokeRect;
  outline.rect = {300, 200, 100, 100};
  outline.width = 3;
  more.commands.insert(more.commands.begin() + 2, outline);
  using Pair = std::pair<const DisplayList*, const DisplayList*>;
  for (const Pair& p : {Pair{&a, &more}, Pair{&more, &a}}) {
    const std::optional<Rect> area = changed_area(*p.first, *p.second);
    ASSERT_TRUE(area.has_value());
    EXPECT_TRUE(inside({300 - 3, 200 - 3, 106, 106}, *area));
    EXPECT_GE(area->y, 40);
    EXPECT_LE(area->y + area->h, 500);
  }
  // A command whose extent is not known among them: everything.
  Command page;
  page.kind = CommandKind::kPdfPage;
  page.rect = {0, 0, 10, 10};
  DisplayList pdf = a;
  pdf.commands.insert(pdf.commands.begin() + 1, page);
  EXPECT_FALSE(changed_area(a, pdf).has_value());
}

TEST(Damage, ADifferentStructureMeansEverything) {
  const DisplayList a = list_of({fill({10, 10, 100, 50}, 0xff0000ff)});
  DisplayList background = a;
  background.background = 0x000000ff;
  EXPECT_FALSE(changed_area(a, background).has_value());
  DisplayList resized = a;
  resized.width = 1024;
  EXPECT_FALSE(changed_area(a, resized).has_value());
  // A clip whose rect changed: what it hides changes everywhere inside.
  Command clip;
  clip.kind = CommandKind::kPushClip;
  clip.rect = {0, 0, 100, 100};
  DisplayList c1 = list_of({clip, fill({10, 10, 10, 10}, 0xff)}), c2 = c1;
  c2.commands[0].rect.w = 200;
  EXPECT_FALSE(changed_area(c1, c2).has_value());
}

TEST(Damage, TheAreaIsWholePixelsInTheViewport) {
  const DisplayList a = list_of({fill({-50.5f, 590.25f, 100, 50}, 0xff0000ff)});
  DisplayList b = a;
  b.commands[0].color = 0xff;
  const std::optional<Rect> area = changed_area(a, b);
  ASSERT_TRUE(area.has_value());
  EXPECT_EQ(area->x, 0);
  EXPECT_EQ(area->y + area->h, 600);
  EXPECT_EQ(area->x, static_cast<int>(area->x));
  EXPECT_EQ(area->w, static_cast<int>(area->w));
}

}  // namespace
}  // namespace madang::layout
