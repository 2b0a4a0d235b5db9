// Which display shows the hall and which the console, as displays come and
// go: the rules of input/screens.h, including the projector pulled out mid-talk
// (which the e2e tests cannot do: Xorg's dummy outputs never disconnect).
#include "input/screens.h"

#include <gtest/gtest.h>

namespace madang::app {
namespace {

TEST(Screens, OneDisplayIsASingleViewAsBefore) {
  const ScreenPlan p = plan_screens(1, {}, false);
  EXPECT_FALSE(p.console);
  EXPECT_EQ(p.audience_display, 0);
  EXPECT_FALSE(p.audience_fullscreen);
  ScreenOptions full;
  full.fullscreen = true;
  EXPECT_TRUE(plan_screens(1, full, false).audience_fullscreen);
}

TEST(Screens, TwoDisplaysPutTheHallOnTheProjectorAndTheConsoleOnTheLaptop) {
  const ScreenPlan p = plan_screens(2, {}, false);
  EXPECT_TRUE(p.console);
  EXPECT_EQ(p.audience_display, 1);  // not the primary
  EXPECT_EQ(p.console_display, 0);
  EXPECT_TRUE(p.audience_fullscreen);
  EXPECT_TRUE(p.console_fullscreen);
}

TEST(Screens, AudienceOptionChoosesTheHallsDisplay) {
  ScreenOptions o;
  o.audience = 2;
  ScreenPlan p = plan_screens(3, o, false);
  EXPECT_EQ(p.audience_display, 2);
  EXPECT_EQ(p.console_display, 0);
  o.audience = 0;
  p = plan_screens(3, o, false);
  EXPECT_EQ(p.audience_display, 0);
  EXPECT_EQ(p.console_display, 1);
  o.audience = 7;  // no such display: the default
  p = plan_screens(2, o, false);
  EXPECT_EQ(p.audience_display, 1);
}

TEST(Screens, SwapExchangesTheDisplays) {
  const ScreenPlan p = plan_screens(2, {}, true);
  EXPECT_EQ(p.audience_display, 0);
  EXPECT_EQ(p.console_display, 1);
  // With one display there is nothing to swap.
  ScreenOptions console;
  console.console = true;
  EXPECT_EQ(plan_screens(1, console, true), plan_screens(1, console, false));
}

TEST(Screens, ConsoleOnOneDisplayIsAWindowOverTheHall) {
  ScreenOptions o;
  o.console = true;
  ScreenPlan p = plan_screens(1, o, false);
  EXPECT_TRUE(p.console);
  EXPECT_EQ(p.audience_display, 0);
  EXPECT_EQ(p.console_display, 0);
  EXPECT_TRUE(p.audience_fullscreen);
  EXPECT_FALSE(p.console_fullscreen);
  o.windowed = true;
  p = plan_screens(1, o, false);
  EXPECT_FALSE(p.audience_fullscreen);
}

TEST(Screens, NoConsoleIsASingleViewWhateverTheDisplays) {
  ScreenOptions o;
  o.no_console = true;
  o.display = 1;
  const ScreenPlan p = plan_screens(2, o, false);
  EXPECT_FALSE(p.console);
  EXPECT_EQ(p.audience_display, 1);
}

TEST(Screens, AProjectorPulledOutKeepsTheConsoleAndShowsTheHallOnTheLaptop) {
  // What ShowScreens::replan asks once a console is open: console kept.
  ScreenOptions o;
  o.console = true;
  const ScreenPlan before = plan_screens(2, o, false);
  const ScreenPlan after = plan_screens(1, o, false);
  EXPECT_TRUE(before.console);
  EXPECT_TRUE(after.console);
  EXPECT_EQ(after.audience_display, 0);  // where it can be seen
  EXPECT_TRUE(after.audience_fullscreen);
  EXPECT_FALSE(after.console_fullscreen);  // over it, still reachable
  // Plugged back: two screens again, in the same order.
  EXPECT_EQ(plan_screens(2, o, false), before);
}

}  // namespace
}  // namespace madang::app
