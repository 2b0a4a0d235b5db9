// Navigation policy: every action, fragments, clamping, digit jumps, overview.
#include "show/navigation.h"

#include <gtest/gtest.h>

namespace madang::show {
namespace {

using K = ActionKind;

// Four slides; slide 2 (index 1) has two fragment steps.
const DeckShape kShape{{0, 2, 0, 0}};

PresentState run(PresentState s, std::initializer_list<Action> actions,
                 const DeckShape& shape = kShape) {
  for (const Action& a : actions) s = apply(s, a, shape);
  return s;
}

TEST(Navigation, NextRevealsFragmentsBeforeAdvancing) {
  PresentState s;
  s = apply(s, {K::kNext}, kShape);
  EXPECT_EQ(s.slide, 1);
  EXPECT_EQ(s.step, 0);
  s = apply(s, {K::kNext}, kShape);
  EXPECT_EQ(s.slide, 1);
  EXPECT_EQ(s.step, 1);
  s = apply(s, {K::kNext}, kShape);
  EXPECT_EQ(s.step, 2);
  s = apply(s, {K::kNext}, kShape);
  EXPECT_EQ(s.slide, 2);
  EXPECT_EQ(s.step, 0);
}

TEST(Navigation, PrevHidesFragmentsAndLandsFullyRevealed) {
  PresentState s;
  s.slide = 2;
  s = apply(s, {K::kPrev}, kShape);
  EXPECT_EQ(s.slide, 1);
  EXPECT_EQ(s.step, 2);  // the previous slide as it was left
  s = apply(s, {K::kPrev}, kShape);
  EXPECT_EQ(s.step, 1);
  s = run(s, {{K::kPrev}, {K::kPrev}});
  EXPECT_EQ(s.slide, 0);
  EXPECT_EQ(s.step, 0);
}

TEST(Navigation, ClampsAtBothEnds) {
  PresentState s;
  s = apply(s, {K::kPrev}, kShape);
  EXPECT_EQ(s.slide, 0);
  EXPECT_EQ(s.step, 0);
  s = apply(s, {K::kLast}, kShape);
  EXPECT_EQ(s.slide, 3);
  s = apply(s, {K::kNext}, kShape);
  EXPECT_EQ(s.slide, 3);
  EXPECT_FALSE(s.quit);
}

TEST(Navigation, FirstAndLastResetTheStep) {
  PresentState s;
  s.slide = 1;
  s.step = 2;
  s = apply(s, {K::kFirst}, kShape);
  EXPECT_EQ(s.slide, 0);
  EXPECT_EQ(s.step, 0);
  s = apply(s, {K::kLast}, kShape);
  EXPECT_EQ(s.slide, 3);
  EXPECT_EQ(s.step, 0);
}

TEST(Navigation, GotoClamps) {
  PresentState s;
  EXPECT_EQ(apply(s, {K::kGoto, 2}, kShape).slide, 2);
  EXPECT_EQ(apply(s, {K::kGoto, 99}, kShape).slide, 3);
  EXPECT_EQ(apply(s, {K::kGoto, -5}, kShape).slide, 0);
}

TEST(Navigation, DigitsThenEnterJump) {
  PresentState s = run({}, {{K::kDigit, 3}});
  EXPECT_EQ(s.jump, "3");
  EXPECT_EQ(s.slide, 0);
  s = apply(s, {K::kEnter}, kShape);
  EXPECT_EQ(s.slide, 2);  // slide 3, 1-based
  EXPECT_EQ(s.jump, "");
  s = run(s, {{K::kDigit, 1}, {K::kDigit, 2}, {K::kEnter}});
  EXPECT_EQ(s.slide, 3);  // 12 clamps to the last
  s = run(s, {{K::kDigit, 0}, {K::kEnter}});
  EXPECT_EQ(s.slide, 0);  // 0 clamps to the first
}

TEST(Navigation, JumpBufferEditing) {
  PresentState s = run({}, {{K::kDigit, 1}, {K::kDigit, 2}, {K::kBackspace}});
  EXPECT_EQ(s.jump, "1");
  EXPECT_EQ(s.slide, 0);
  s = run(s, {{K::kDigit, 9}, {K::kDigit, 9}, {K::kDigit, 9}, {K::kDigit, 9}});
  EXPECT_EQ(s.jump, "1999");  // at most four digits
  s = apply(s, {K::kEscape}, kShape);
  EXPECT_EQ(s.jump, "");
  s = run(s, {{K::kDigit, 2}, {K::kNext}});
  EXPECT_EQ(s.jump, "");  // another key abandons the number
  EXPECT_EQ(s.slide, 1);
}

TEST(Navigation, EnterWithoutDigitsIsNextAndBackspaceIsPrev) {
  PresentState s = apply({}, {K::kEnter}, kShape);
  EXPECT_EQ(s.slide, 1);
  s = apply(s, {K::kBackspace}, kShape);
  EXPECT_EQ(s.slide, 0);
}

TEST(Navigation, BlackAndWhiteToggleAndNavigationFirstUnblanks) {
  PresentState s;
  s = apply(s, {K::kBlack}, kShape);
  EXPECT_EQ(s.blank, Blank::kBlack);
  s = apply(s, {K::kWhite}, kShape);
  EXPECT_EQ(s.blank, Blank::kWhite);
  s = apply(s, {K::kWhite}, kShape);
  EXPECT_EQ(s.blank, Blank::kNone);
  s = run(s, {{K::kBlack}, {K::kNext}});
  EXPECT_EQ(s.blank, Blank::kNone);
  EXPECT_EQ(s.slide, 0);  // the first press only brings the slide back
  s = apply(s, {K::kNext}, kShape);
  EXPECT_EQ(s.slide, 1);
}

TEST(Navigation, EscapeClosesTopmostThenLeavesFullscreen) {
  PresentState s;
  s.fullscreen = true;
  s = run(s, {{K::kBlack}, {K::kOverview}, {K::kHelp}, {K::kDigit, 4}});
  s = apply(s, {K::kEscape}, kShape);
  EXPECT_EQ(s.jump, "");
  EXPECT_TRUE(s.help);
  s = apply(s, {K::kEscape}, kShape);
  EXPECT_FALSE(s.help);
  EXPECT_TRUE(s.overview);
  s = apply(s, {K::kEscape}, kShape);
  EXPECT_FALSE(s.overview);
  EXPECT_EQ(s.blank, Blank::kBlack);
  s = apply(s, {K::kEscape}, kShape);
  EXPECT_EQ(s.blank, Blank::kNone);
  EXPECT_TRUE(s.fullscreen);
  s = apply(s, {K::kEscape}, kShape);
  EXPECT_FALSE(s.fullscreen);
  EXPECT_FALSE(s.quit);
}

TEST(Navigation, FullscreenHelpQuit) {
  PresentState s;
  EXPECT_TRUE(apply(s, {K::kFullscreen}, kShape).fullscreen);
  EXPECT_FALSE(run(s, {{K::kFullscreen}, {K::kFullscreen}}).fullscreen);
  EXPECT_TRUE(apply(s, {K::kHelp}, kShape).help);
  EXPECT_FALSE(run(s, {{K::kHelp}, {K::kHelp}}).help);
  EXPECT_TRUE(apply(s, {K::kQuit}, kShape).quit);
}

TEST(Navigation, OverviewOpensAtCurrentSlideAndMovesInAGrid) {
  const DeckShape shape{std::vector<int>(10, 0)};  // 4 columns: rows 0-3, 4-7, 8-9
  ASSERT_EQ(overview_columns(10), 4);
  PresentState s;
  s.slide = 5;
  s = apply(s, {K::kOverview}, shape);
  ASSERT_TRUE(s.overview);
  EXPECT_EQ(s.overview_cursor, 5);
  s = apply(s, {K::kOverviewUp}, shape);
  EXPECT_EQ(s.overview_cursor, 1);
  s = apply(s, {K::kOverviewUp}, shape);
  EXPECT_EQ(s.overview_cursor, 1);  // top row: stays
  s = apply(s, {K::kOverviewLeft}, shape);
  EXPECT_EQ(s.overview_cursor, 0);
  s = apply(s, {K::kOverviewLeft}, shape);
  EXPECT_EQ(s.overview_cursor, 0);
  s = run(s, {{K::kOverviewRight}, {K::kOverviewRight}, {K::kOverviewRight}}, shape);
  EXPECT_EQ(s.overview_cursor, 3);
  s = apply(s, {K::kOverviewDown}, shape);
  EXPECT_EQ(s.overview_cursor, 7);
  s = apply(s, {K::kOverviewDown}, shape);
  EXPECT_EQ(s.overview_cursor, 9);  // the last row is short: last slide
  s = apply(s, {K::kOverviewDown}, shape);
  EXPECT_EQ(s.overview_cursor, 9);
  EXPECT_EQ(s.slide, 5);  // moving the cursor does not move the talk
  s = apply(s, {K::kEnter}, shape);
  EXPECT_FALSE(s.overview);
  EXPECT_EQ(s.slide, 9);
}

TEST(Navigation, OverviewPickByClickAndEndKeys) {
  PresentState s = run({}, {{K::kOverview}, {K::kLast}});
  EXPECT_TRUE(s.overview);
  EXPECT_EQ(s.overview_cursor, 3);
  EXPECT_EQ(s.slide, 0);
  s = apply(s, {K::kOverviewPick, 2}, kShape);
  EXPECT_FALSE(s.overview);
  EXPECT_EQ(s.slide, 2);
  EXPECT_EQ(s.step, 0);
  s = run(s, {{K::kOverview}, {K::kFirst}, {K::kOverviewPick, -1}});
  EXPECT_EQ(s.slide, 0);
  s = run(s, {{K::kOverview}, {K::kOverview}});
  EXPECT_FALSE(s.overview);
}

TEST(Navigation, EmptyDeckNeverMoves) {
  const DeckShape empty;
  PresentState s = run({}, {{K::kNext}, {K::kLast}, {K::kPrev}, {K::kGoto, 3}}, empty);
  EXPECT_EQ(s.slide, 0);
  EXPECT_EQ(s.step, 0);
  s = run(s, {{K::kOverview}, {K::kOverviewDown}, {K::kEnter}}, empty);
  EXPECT_EQ(s.overview_cursor, 0);
}

TEST(Navigation, ClampToAShorterDeck) {
  PresentState s;
  s.slide = 3;
  s.step = 5;
  s.overview_cursor = 3;
  PresentState c = clamp_to(s, DeckShape{{0, 1}});
  EXPECT_EQ(c.slide, 1);
  EXPECT_EQ(c.step, 1);
  EXPECT_EQ(c.overview_cursor, 1);
}

TEST(Navigation, OverviewColumns) {
  EXPECT_EQ(overview_columns(0), 1);
  EXPECT_EQ(overview_columns(1), 1);
  EXPECT_EQ(overview_columns(4), 2);
  EXPECT_EQ(overview_columns(23), 5);
}

TEST(Navigation, ActionNames) {
  EXPECT_EQ(action_name({K::kNext}), "next");
  EXPECT_EQ(action_name({K::kGoto, 3}), "goto 3");
  EXPECT_EQ(action_name({K::kQuit}), "quit");
}

}  // namespace
}  // namespace madang::show
