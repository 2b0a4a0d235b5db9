// The talk's timer and pace, on an injected clock.
#include "show/timer.h"

#include <gtest/gtest.h>

#include "deck/duration.h"

namespace madang::show {
namespace {

TEST(Timer, StartsOnFirstMoveNotAtLaunch) {
  Timer t;
  EXPECT_FALSE(started(t));
  EXPECT_EQ(elapsed_ms(t, 50'000), 0);
  t = slide_changed(t, 1, 60'000);  // the first Next, a minute after opening
  EXPECT_TRUE(started(t));
  EXPECT_EQ(elapsed_ms(t, 60'000), 0);
  EXPECT_EQ(elapsed_ms(t, 90'000), 30'000);
}

TEST(Timer, PauseHoldsAcrossSlideChangesUntilResumed) {
  Timer t = start({}, 0, 0);
  t = toggle_pause(t, 0, 10'000);  // questions
  EXPECT_TRUE(paused(t));
  t = slide_changed(t, 1, 20'000);  // the speaker shows another slide meanwhile
  t = slide_changed(t, 2, 25'000);
  EXPECT_TRUE(paused(t));  // still paused (pdfpc #695)
  EXPECT_EQ(elapsed_ms(t, 40'000), 10'000);
  t = toggle_pause(t, 2, 40'000);
  EXPECT_FALSE(paused(t));
  EXPECT_EQ(elapsed_ms(t, 45'000), 15'000);
  // The slide reached during the pause started at 10 s of talk time.
  EXPECT_EQ(on_slide_ms(t, 45'000), 5'000);
}

TEST(Timer, ToggleStartsAStoppedTimerAndResetStops) {
  Timer t = toggle_pause({}, 0, 1'000);
  EXPECT_TRUE(started(t));
  EXPECT_FALSE(paused(t));
  EXPECT_EQ(elapsed_ms(t, 3'000), 2'000);
  t = reset(t);
  EXPECT_FALSE(started(t));
  EXPECT_EQ(elapsed_ms(t, 9'000), 0);
}

TEST(Timer, TimeOnSlideRestartsOnEachSlide) {
  Timer t = slide_changed({}, 1, 0);
  t = slide_changed(t, 2, 70'000);
  EXPECT_EQ(on_slide_ms(t, 100'000), 30'000);
  EXPECT_EQ(elapsed_ms(t, 100'000), 100'000);
}

TEST(Pace, OnASlideWithinItsBudgetTheSpeakerIsOnPlan) {
  const std::vector<double> budgets{60, 120, 60};
  // 70 s in: slide 1 took 60 s, 10 s on slide 2 of its 120.
  Pace p = pace(budgets, 1, 70, 10, 240);
  EXPECT_TRUE(p.known);
  EXPECT_DOUBLE_EQ(p.remaining_s, 170);
  EXPECT_DOUBLE_EQ(p.slide_budget_s, 120);
  EXPECT_DOUBLE_EQ(p.slide_delta_s, -110);
  EXPECT_DOUBLE_EQ(p.talk_delta_s, 0);
}

TEST(Pace, LingeringPastTheBudgetPutsTheSpeakerBehind) {
  const std::vector<double> budgets{60, 60, 60};
  Pace p = pace(budgets, 1, 155, 95, 180);  // slide 2 for 95 s of its 60
  EXPECT_DOUBLE_EQ(p.slide_delta_s, 35);
  EXPECT_DOUBLE_EQ(p.talk_delta_s, 35);
  EXPECT_DOUBLE_EQ(p.remaining_s, 25);
}

TEST(Pace, ArrivingEarlyIsAhead) {
  const std::vector<double> budgets{60, 60, 60};
  Pace p = pace(budgets, 2, 50, 0, 180);  // on slide 3 after 50 s; the plan says 120
  EXPECT_DOUBLE_EQ(p.talk_delta_s, -70);
}

TEST(Pace, SlidesBeforeTheStartAreNotCountedAsTaken) {
  const std::vector<double> budgets{60, 60, 60};
  // The first Next (off the title) started the timer on slide 2: 30 s later
  // the whole talk but those 30 s is left, and the title's minute was not
  // used: ahead by it.
  Pace p = pace(budgets, 1, 30, 30, 180);
  EXPECT_DOUBLE_EQ(p.remaining_s, 150);
  EXPECT_DOUBLE_EQ(p.talk_delta_s, -60);
  // Back on the title: behind by the time taken, no more.
  p = pace(budgets, 0, 40, 0, 180);
  EXPECT_DOUBLE_EQ(p.remaining_s, 140);
  EXPECT_DOUBLE_EQ(p.talk_delta_s, 40);
}

TEST(Pace, UnknownWithoutDuration) {
  EXPECT_FALSE(pace({}, 0, 10, 10, 0).known);
  EXPECT_FALSE(pace({60}, 0, 10, 10, 0).known);
}

TEST(Pace, EvenBudgetsShareTheDuration) {
  const auto b = even_budgets(4, 1200);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_DOUBLE_EQ(b[0], 300);
  EXPECT_TRUE(even_budgets(0, 1200).empty());
}

TEST(ClockText, MinutesSecondsHoursAndSigns) {
  EXPECT_EQ(clock_text(0), "0:00");
  EXPECT_EQ(clock_text(59.9), "0:59");
  EXPECT_EQ(clock_text(605), "10:05");
  EXPECT_EQ(clock_text(3723), "1:02:03");
  EXPECT_EQ(clock_text(-35), "-0:35");
  EXPECT_EQ(delta_text(35), "+0:35");
  EXPECT_EQ(delta_text(-70), "-1:10");
  EXPECT_EQ(delta_text(0.4),
            "\xC2\xB1"
            "0:00");
}

TEST(Duration, FormsASpeakerWrites) {
  double s = 0;
  EXPECT_TRUE(deck::parse_duration("20m", &s));
  EXPECT_DOUBLE_EQ(s, 1200);
  EXPECT_TRUE(deck::parse_duration("1h30m", &s));
  EXPECT_DOUBLE_EQ(s, 5400);
  EXPECT_TRUE(deck::parse_duration("1h 30m", &s));
  EXPECT_DOUBLE_EQ(s, 5400);
  EXPECT_TRUE(deck::parse_duration("90s", &s));
  EXPECT_DOUBLE_EQ(s, 90);
  EXPECT_TRUE(deck::parse_duration("2min", &s));
  EXPECT_DOUBLE_EQ(s, 120);
  EXPECT_TRUE(deck::parse_duration("20:00", &s));
  EXPECT_DOUBLE_EQ(s, 1200);
  EXPECT_TRUE(deck::parse_duration("1:00:30", &s));
  EXPECT_DOUBLE_EQ(s, 3630);
  EXPECT_TRUE(deck::parse_duration("45", &s));
  EXPECT_DOUBLE_EQ(s, 2700);
  for (const char* bad :
       {"", "m", "20x", "1h30", "-5m", "0m", "1:2:3:4", "a:b", "99999999m", "20 minutes"}) {
    EXPECT_FALSE(deck::parse_duration(bad, &s)) << bad;
  }
}

}  // namespace
}  // namespace madang::show
