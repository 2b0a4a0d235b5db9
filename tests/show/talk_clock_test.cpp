// The talk's figures on the console (elapsed, left, this slide, pace) as
// the live show reaches them through its events — the first move starts the
// talk, as pdfpc — on an injected clock: at the first slide, after moving on,
// after going back, around a pause. Whatever happened, elapsed + left is the
// duration, and the pace counts only time the talk took.
//
// The deck: six slides, `duration: 10m`, so every slide's budget is 1:40.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "sample_deck.h"
#include "show/console_input.h"
#include "show/show.h"

namespace madang::show {
namespace {

using K = ActionKind;
using layout::Mood;

constexpr double kDuration = 600;

deck::Deck six_slides() {
  return test::parse_sample(
      "---\ntitle: 시간\nduration: 10m\n---\n\n# 하나\n\n---\n\n# 둘\n\n---\n\n# 셋\n\n---\n\n"
      "# 넷\n\n---\n\n# 다섯\n\n---\n\n# 여섯\n",
      "six.md");
}

// "m:ss" (or "-m:ss") as seconds.
double seconds_of(const std::string& text) {
  int m = 0, s = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (std::sscanf(text.c_str() + (negative ? 1 : 0), "%d:%d", &m, &s) != 2) return -1e9;
  return (negative ? -1 : 1) * (m * 60.0 + s);
}

// What the console shows, figure by figure.
struct Figures {
  std::string elapsed, left, on_slide, budget;
  std::string pace;  // the talk against the plan; "" before the talk starts
  Mood mood = Mood::kNeutral;
};

// The console's clock now, against `want`; elapsed + left = the duration.
void expect_figures(const Show& s, double now_ms, const Figures& want) {
  const layout::ConsoleClock c = console_clock(s, now_ms, "14:05");
  SCOPED_TRACE("slide " + std::to_string(s.at.slide + 1) + " at " + std::to_string(now_ms) + " ms");
  ASSERT_TRUE(c.pace_known);
  EXPECT_EQ(c.elapsed, want.elapsed);
  EXPECT_EQ(c.remaining, want.left);
  EXPECT_EQ(c.on_slide, want.on_slide);
  EXPECT_EQ(c.budget, want.budget);
  EXPECT_EQ(c.talk_delta, want.pace);
  EXPECT_EQ(c.talk_mood, want.mood);
  EXPECT_EQ(seconds_of(c.elapsed) + seconds_of(c.remaining), kDuration)
      << c.elapsed << " + " << c.remaining;
}

TEST(TalkClock, AtTheFirstSlideAndTheFirstMove) {
  Show s = open_show(six_slides(), {});
  ASSERT_DOUBLE_EQ(s.duration_s, kDuration);
  // The deck is open early: nothing counts yet.
  expect_figures(s, 30'000, {"0:00", "10:00", "0:00", "1:40", "", Mood::kNeutral});
  EXPECT_FALSE(console_clock(s, 30'000, "").started);

  // The first move, a minute after opening, starts the talk with all of it
  // left; the title's budget was not used, so the talk is ahead by it.
  act(s, {K::kNext}, 60'000);
  ASSERT_EQ(s.at.slide, 1);
  expect_figures(s, 60'000, {"0:00", "10:00", "0:00", "1:40", "-1:40", Mood::kAhead});
  expect_figures(s, 81'000, {"0:21", "9:39", "0:21", "1:40", "-1:40", Mood::kAhead});

  // Or T on the first slide starts it there: on plan while it lasts.
  Show t = open_show(six_slides(), {});
  act(t, {K::kTimerToggle}, 60'000);
  expect_figures(t, 81'000,
                 {"0:21", "9:39", "0:21", "1:40",
                  "\xC2\xB1"
                  "0:00",
                  Mood::kNeutral});
  act(t, {K::kNext}, 90'000);
  expect_figures(t, 90'000, {"0:30", "9:30", "0:00", "1:40", "-1:10", Mood::kAhead});
}

TEST(TalkClock, AfterMovingOn) {
  Show s = open_show(six_slides(), {});
  act(s, {K::kNext}, 60'000);  // the first move: slide 2
  act(s, {K::kNext}, 81'000);  // slide 3, 21 s into the talk
  ASSERT_EQ(s.at.slide, 2);
  // The plan reaches slide 3 at 3:20; the talk did at 0:21.
  expect_figures(s, 81'000, {"0:21", "9:39", "0:00", "1:40", "-2:59", Mood::kAhead});
  // Lingering 2:30 on it: 0:50 over its budget, still ahead of the plan.
  expect_figures(s, 231'000, {"2:51", "7:09", "2:30", "1:40", "-2:09", Mood::kAhead});
  const layout::ConsoleClock c = console_clock(s, 231'000, "");
  EXPECT_EQ(c.slide_delta, "+0:50");
  EXPECT_EQ(c.slide_mood, Mood::kBehind);
}

TEST(TalkClock, AfterGoingBack) {
  Show s = open_show(six_slides(), {});
  act(s, {K::kNext}, 60'000);  // slide 2 at 0:00
  act(s, {K::kNext}, 70'000);  // slide 3 at 0:10
  act(s, {K::kPrev}, 75'000);  // back to slide 2 at 0:15
  ASSERT_EQ(s.at.slide, 1);
  expect_figures(s, 75'000, {"0:15", "9:45", "0:00", "1:40", "-1:25", Mood::kAhead});
  act(s, {K::kPrev}, 80'000);  // back to slide 1 at 0:20
  ASSERT_EQ(s.at.slide, 0);
  // Back at the start of the plan, the talk is behind by the time it took,
  // 0:20, never by more.
  expect_figures(s, 80'000, {"0:20", "9:40", "0:00", "1:40", "+0:20", Mood::kNeutral});
  // A minute on slide 1 goes by the plan: still 0:20 behind.
  expect_figures(s, 140'000, {"1:20", "8:40", "1:00", "1:40", "+0:20", Mood::kNeutral});
  // Home from further on is no different.
  act(s, {K::kGoto, 4}, 150'000);
  act(s, {K::kFirst}, 170'000);
  ASSERT_EQ(s.at.slide, 0);
  expect_figures(s, 170'000, {"1:50", "8:10", "0:00", "1:40", "+1:50", Mood::kBehind});
}

TEST(TalkClock, AfterAPause) {
  Show s = open_show(six_slides(), {});
  act(s, {K::kNext}, 60'000);         // slide 2 at 0:00
  act(s, {K::kTimerToggle}, 90'000);  // questions, at 0:30
  ASSERT_TRUE(paused(s.timer));
  expect_figures(s, 150'000, {"0:30", "9:30", "0:30", "1:40", "-1:40", Mood::kAhead});
  EXPECT_TRUE(console_clock(s, 150'000, "").paused);
  act(s, {K::kNext}, 180'000);  // a slide shown during the questions
  ASSERT_EQ(s.at.slide, 2);
  expect_figures(s, 180'000, {"0:30", "9:30", "0:00", "1:40", "-2:50", Mood::kAhead});
  act(s, {K::kTimerToggle}, 210'000);  // the talk goes on
  expect_figures(s, 225'000, {"0:45", "9:15", "0:15", "1:40", "-2:50", Mood::kAhead});
  act(s, {K::kPrev}, 240'000);  // and goes back to slide 2
  expect_figures(s, 240'000, {"1:00", "9:00", "0:00", "1:40", "-0:40", Mood::kAhead});
}

TEST(TalkClock, TheExportedMomentReadsAsTheLiveShow) {
  // Live: the first move at 1:00, slide 3 at 0:11 into the talk, back to
  // slide 1 at 0:20.
  Show live = open_show(six_slides(), {});
  act(live, {K::kNext}, 60'000);
  act(live, {K::kNext}, 71'000);
  // `export --console --slides 3 --elapsed 0:11`: the same figures.
  Show exported = open_show(six_slides(), {.slide = 3});
  const double at = arrive_after(exported, 11);
  EXPECT_EQ(console_clock(exported, at, "14:05"), console_clock(live, 71'000, "14:05"));
  expect_figures(exported, at, {"0:11", "9:49", "0:00", "1:40", "-3:09", Mood::kAhead});
  act(live, {K::kFirst}, 80'000);
  Show first = open_show(six_slides(), {.slide = 1});
  EXPECT_EQ(console_clock(first, arrive_after(first, 20), "14:05"),
            console_clock(live, 80'000, "14:05"));
}

}  // namespace
}  // namespace madang::show
