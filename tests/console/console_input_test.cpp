// What the console reads off the show: position, the next step, the
// hall's state, the clock texts and the moods they are coloured with.
#include <gtest/gtest.h>

#include "console_test_util.h"
#include "diagram/interaction.h"

namespace madang::show {
namespace {

using test::lecture;
using test::show_at;

TEST(ConsoleInput, ReadsThePositionAndTheNextStep) {
  const deck::Deck deck = lecture();
  Show s = show_at(deck, 5);
  layout::ConsoleInput in = console_input(s, 0, "10:00");
  EXPECT_EQ(in.slide, 4);
  EXPECT_EQ(in.step, 0);
  EXPECT_GT(in.steps, 0);
  EXPECT_TRUE(in.next_same_slide);
  EXPECT_EQ(in.next_state.step, 1);
  s = show_at(deck, 4);
  in = console_input(s, 0, "10:00");
  EXPECT_FALSE(in.next_same_slide);
  EXPECT_EQ(in.next_slide, 4);
  EXPECT_EQ(in.next_state.step, 0);
}

TEST(ConsoleInput, TheCurrentSlideHasTheHallsDiagramState) {
  const deck::Deck deck = lecture();
  Show s = show_at(deck, 4);
  take(s, diagram::activate(*current_slide(s), here(s), "gov").state);
  const layout::ConsoleInput in = console_input(s, 0, "10:00");
  EXPECT_EQ(in.state.selected, std::vector<std::string>{"gov"});
  EXPECT_EQ(in.state, hall(s).state);
}

TEST(ConsoleInput, ClockTextsAndMoods) {
  const deck::Deck deck = lecture();
  Show s = show_at(deck, 4, 300);  // 5:00 in, on slide 4 of 23, 20 minutes
  const layout::ConsoleClock c = console_clock(s, 300'000, "10:05");
  EXPECT_EQ(c.wall, "10:05");
  EXPECT_TRUE(c.started);
  EXPECT_EQ(c.elapsed, "5:00");
  EXPECT_EQ(c.remaining, "15:00");
  EXPECT_EQ(c.remaining_mood, layout::Mood::kNeutral);
  // The plan says 3 slides of 1200/23 s = 2:36.5 by now: 2:23 behind.
  EXPECT_EQ(c.talk_delta, "+2:23");
  EXPECT_EQ(c.talk_mood, layout::Mood::kBehind);
  EXPECT_EQ(c.on_slide, "0:00");
  EXPECT_EQ(c.budget, "0:52");
}

TEST(ConsoleInput, MoodThresholds) {
  EXPECT_EQ(talk_mood(-kOnTimeSeconds), layout::Mood::kAhead);
  EXPECT_EQ(talk_mood(-kOnTimeSeconds + 1), layout::Mood::kNeutral);
  EXPECT_EQ(talk_mood(kOnTimeSeconds - 1), layout::Mood::kNeutral);
  EXPECT_EQ(talk_mood(kOnTimeSeconds), layout::Mood::kBehind);
  EXPECT_EQ(remaining_mood(-1, 1200), layout::Mood::kBehind);
  EXPECT_EQ(remaining_mood(119, 1200), layout::Mood::kWarning);  // last tenth: 2 minutes
  EXPECT_EQ(remaining_mood(121, 1200), layout::Mood::kNeutral);
  EXPECT_EQ(remaining_mood(59, 300), layout::Mood::kWarning);    // at least a minute
  EXPECT_EQ(remaining_mood(299, 6000), layout::Mood::kWarning);  // at most five
  EXPECT_EQ(remaining_mood(301, 6000), layout::Mood::kNeutral);
}

TEST(ConsoleInput, NoPaceBeforeTheTalkStartsOrWithoutADuration) {
  const deck::Deck deck = lecture();
  Show s = show_at(deck, 4);
  layout::ConsoleClock c = console_clock(s, 0, "10:00");
  EXPECT_FALSE(c.started);
  EXPECT_TRUE(c.pace_known);
  EXPECT_TRUE(c.talk_delta.empty());
  EXPECT_EQ(c.remaining, "20:00");
  deck::Deck untimed = deck;
  untimed.meta.duration_s = 0;  // no `duration:` and no --duration
  s = show_at(untimed, 4, 60, 0);
  c = console_clock(s, 60'000, "10:00");
  EXPECT_FALSE(c.pace_known);
  EXPECT_EQ(c.elapsed, "1:00");
}

}  // namespace
}  // namespace madang::show
