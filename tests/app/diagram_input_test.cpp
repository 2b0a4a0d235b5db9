// Where input meets diagrams: window pixels to slide pixels (letterbox and
// HiDPI), taps against swipes, and the key decision table (Tab, Enter, Esc
// with and without diagrams, focus, selection and overlays).
#include "input/diagram_input.h"

#include <gtest/gtest.h>

namespace madang::app {
namespace {

TEST(WindowToSlide, UndoesThePillarboxOffset) {
  // A 16:9 slide in a 4:3 window of 1600x1200: bars above and below.
  const WindowScale scale{1600, 1200, 1600, 1200};
  const layout::Rect slide{0, 150, 1600, 900};
  const layout::Point p = window_to_slide(800, 600, scale, slide);
  EXPECT_FLOAT_EQ(p.x, 800);
  EXPECT_FLOAT_EQ(p.y, 450);
  const layout::Point top = window_to_slide(10, 150, scale, slide);
  EXPECT_FLOAT_EQ(top.y, 0);
  EXPECT_LT(window_to_slide(10, 100, scale, slide).y, 0) << "on the bar, off the slide";
}

TEST(WindowToSlide, UndoesTheHiDpiScaleThenTheOffset) {
  // A 1280x1080-point window drawn at 2x: 2560x2160 pixels, the 16:9 slide
  // 2560x1440 at y = 360 pixels.
  const WindowScale scale{1280, 1080, 2560, 2160};
  const layout::Rect slide{0, 360, 2560, 1440};
  const layout::Point p = window_to_slide(640, 540, scale, slide);
  EXPECT_FLOAT_EQ(p.x, 1280);
  EXPECT_FLOAT_EQ(p.y, 720);
  const layout::Point corner = window_to_slide(1280, 900, scale, slide);
  EXPECT_FLOAT_EQ(corner.x, 2560);
  EXPECT_FLOAT_EQ(corner.y, 1440);
}

TEST(WindowToSlide, SideBarsToo) {
  const WindowScale scale{2000, 900, 2000, 900};
  const layout::Rect slide{200, 0, 1600, 900};
  const layout::Point p = window_to_slide(200, 0, scale, slide);
  EXPECT_FLOAT_EQ(p.x, 0);
  EXPECT_FLOAT_EQ(p.y, 0);
}

TEST(Finger, PositionsAreFractionsOfTheWindow) {
  const layout::Point p = finger_to_window(0.5f, 0.25f, {1920, 1080, 3840, 2160});
  EXPECT_FLOAT_EQ(p.x, 960);
  EXPECT_FLOAT_EQ(p.y, 270);
}

TEST(Finger, ATapBarelyMovesASwipeTravels) {
  EXPECT_TRUE(is_tap(0, 0));
  EXPECT_TRUE(is_tap(0.01f, -0.01f));
  EXPECT_FALSE(is_tap(0.15f, 0));  // a swipe (swipe_action moves a slide)
  EXPECT_FALSE(is_tap(0, -0.05f));
}

KeyContext plain() {
  return {};
}
KeyContext with_diagrams() {
  KeyContext c;
  c.has_diagrams = true;
  return c;
}

TEST(RouteKey, TabFocusesOnlyOnSlidesWithDiagrams) {
  EXPECT_EQ(route_key(kScanTab, kModNone, with_diagrams()), KeyRoute::kFocusNext);
  EXPECT_EQ(route_key(kScanTab, kModShift, with_diagrams()), KeyRoute::kFocusPrevious);
  // Without diagrams Tab is the overview's (keymap), Shift+Tab nothing.
  EXPECT_EQ(route_key(kScanTab, kModNone, plain()), KeyRoute::kNavigation);
  EXPECT_EQ(lookup(default_bindings(), kScanTab, kModNone, KeyMode::kSlides).kind,
            ActionKind::kOverview);
  EXPECT_EQ(route_key(kScanTab, kModShift, plain()), KeyRoute::kNavigation);
  // O opens the overview on any slide.
  EXPECT_EQ(route_key(kScanO, kModNone, with_diagrams()), KeyRoute::kNavigation);
}

TEST(RouteKey, EnterPressesOnlyWhileAFocusRingShows) {
  KeyContext c = with_diagrams();
  EXPECT_EQ(route_key(kScanReturn, kModNone, c), KeyRoute::kNavigation);  // Next
  c.focus_ring = true;
  c.clearable = true;
  EXPECT_EQ(route_key(kScanReturn, kModNone, c), KeyRoute::kPressEnter);
  EXPECT_EQ(route_key(kScanKpEnter, kModNone, c), KeyRoute::kPressEnter);
  // A selection without the ring (after a click): Enter is Next.
  c.focus_ring = false;
  EXPECT_EQ(route_key(kScanReturn, kModNone, c), KeyRoute::kNavigation);
}

TEST(RouteKey, EscClearsTheDiagramOnlyWhenThereIsSomethingToClear) {
  KeyContext c = with_diagrams();
  EXPECT_EQ(route_key(kScanEscape, kModNone, c), KeyRoute::kNavigation);  // leaves full screen
  c.clearable = true;
  EXPECT_EQ(route_key(kScanEscape, kModNone, c), KeyRoute::kDiagramEscape);
}

TEST(RouteKey, AnOpenOverlayKeepsEveryKey) {
  KeyContext c = with_diagrams();
  c.focus_ring = c.clearable = true;
  c.overlay = true;
  for (int scan :
       {static_cast<int>(kScanTab), static_cast<int>(kScanReturn), static_cast<int>(kScanEscape)}) {
    EXPECT_EQ(route_key(scan, kModNone, c), KeyRoute::kNavigation) << key_name(scan, kModNone);
  }
  EXPECT_EQ(route_key(kScanTab, kModShift, c), KeyRoute::kNavigation);
}

TEST(KeyContext, OverlaysAreHelpOverviewBlankAndTypedDigits) {
  const layout::SlideState rest;
  EXPECT_FALSE(key_context({}, rest, true).overlay);
  PresentState p;
  p.help = true;
  EXPECT_TRUE(key_context(p, rest, true).overlay);
  p = {};
  p.overview = true;
  EXPECT_TRUE(key_context(p, rest, true).overlay);
  p = {};
  p.blank = Blank::kBlack;
  EXPECT_TRUE(key_context(p, rest, true).overlay);
  p = {};
  p.jump = "13";  // Enter must jump, not press the focused element
  EXPECT_TRUE(key_context(p, rest, true).overlay);
  p.fullscreen = true;
  p.jump.clear();
  EXPECT_FALSE(key_context(p, rest, true).overlay);
}

TEST(KeyContext, FocusSelectionAndRow) {
  layout::SlideState s;
  EXPECT_FALSE(key_context({}, s, true).focus_ring);
  EXPECT_FALSE(key_context({}, s, true).clearable);
  s.hovered = "gov";  // hover is not something Esc clears
  EXPECT_FALSE(key_context({}, s, true).clearable);
  s.selected = {"gov"};
  EXPECT_FALSE(key_context({}, s, true).focus_ring);
  EXPECT_TRUE(key_context({}, s, true).clearable);
  s.selected.clear();
  s.row = "r0";
  EXPECT_TRUE(key_context({}, s, true).clearable);
  s.row.clear();
  s.focused = "gov";
  EXPECT_TRUE(key_context({}, s, true).focus_ring);
  EXPECT_TRUE(key_context({}, s, true).clearable);
  EXPECT_FALSE(key_context({}, s, false).has_diagrams);
}

}  // namespace
}  // namespace madang::app
