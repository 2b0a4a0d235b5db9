// The kiosk's timing on simulated time: each step's time (the slide's, the
// deck's, 15 s), steps advance too, the loop to slide 1 with diagrams at
// rest, a visitor stops the show and the idle time brings it back, a moving
// mouse keeps a visitor's show but never takes a moving one, the cursor
// hides 3 s after the mouse stops.
#include "show/kiosk.h"

#include <gtest/gtest.h>

#include "deck/parse.h"
#include "diagram/interaction.h"
#include "sample_deck.h"

namespace madang::show {
namespace {

const std::string kDeck = test::sample_deck({
    .front_matter = "title: 키오스크\nadvance: 10s\nidle: 1m\n",
    .second = "<!-- advance: 30s -->\n",
});

deck::Deck parse(const std::string& text = kDeck) {
  return test::parse_sample(text, "kiosk.md");
}

// Runs the policy as the kiosk's loop does: whatever is due is done at the
// moment it falls due, until `until_ms`.
void run_until(Show& s, Kiosk& k, double until_ms) {
  for (;;) {
    const KioskNext next = kiosk_next(k, s);
    if (next.at_ms > until_ms) return;
    if (next.due == KioskDue::kAdvance) advance(s, k, next.at_ms);
    if (next.due == KioskDue::kReturn) return_to_start(s, k, next.at_ms);
  }
}

TEST(KioskTiming, EachStepShowsForItsSlidesTimeElseTheDecksElseFifteenSeconds) {
  const deck::Deck d = parse();
  EXPECT_EQ(advance_ms(d, 0), 10'000);  // the deck's
  EXPECT_EQ(advance_ms(d, 1), 30'000);  // its own
  EXPECT_EQ(idle_ms(d), 60'000);
  const deck::Deck plain = parse("# 하나\n");
  EXPECT_EQ(advance_ms(plain, 0), 15'000);
  EXPECT_EQ(idle_ms(plain), 90'000);
  EXPECT_EQ(advance_ms(plain, 7), 15'000) << "out of range: the default";
}

TEST(KioskTiming, AdvancesThroughEveryStepAndLoopsToSlideOneAtRest) {
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  EXPECT_EQ(due_now(k, s, 9'999), KioskDue::kNothing);
  EXPECT_EQ(due_now(k, s, 10'000), KioskDue::kAdvance);
  Change c = advance(s, k, 10'000);
  EXPECT_TRUE(c.moved && c.slide_changed);
  EXPECT_EQ(s.at.slide, 1);
  EXPECT_EQ(s.at.step, 0);
  // Slide 2 has two steps, each shown its 30 s.
  EXPECT_EQ(kiosk_next(k, s).at_ms, 40'000);
  advance(s, k, 40'000);
  EXPECT_EQ(s.at.step, 1);
  advance(s, k, 70'000);
  EXPECT_EQ(s.at.step, 2);
  advance(s, k, 100'000);
  EXPECT_EQ(s.at.slide, 2);
  // A visitor's selection on the last slide is gone when the loop comes round.
  here(s) = diagram::activate(*current_slide(s), here(s), "gov").state;
  k.phase = KioskPhase::kAuto;
  c = advance(s, k, 110'000);
  EXPECT_TRUE(c.hall && c.slide_changed);
  EXPECT_EQ(s.at.slide, 0);
  EXPECT_EQ(s.at.step, 0);
  EXPECT_TRUE(s.slides[2].selected.empty());
  EXPECT_EQ(k.loops, 1);
  EXPECT_EQ(k.advances, 5);
}

TEST(KioskTiming, ALoopTakesTheSumOfEveryStepsTime) {
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  // 10 + 3 x 30 + 10 = 110 s a loop.
  run_until(s, k, 110'000 * 3 - 1);
  EXPECT_EQ(k.loops, 2);
  EXPECT_EQ(s.at.slide, 2);
  run_until(s, k, 110'000 * 3);
  EXPECT_EQ(k.loops, 3);
  EXPECT_EQ(s.at.slide, 0);
  EXPECT_EQ(k.advances, 15);
}

TEST(KioskTiming, AVisitorStopsTheShowAndIdleBringsItBackToTheStart) {
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  run_until(s, k, 105'000);
  ASSERT_EQ(s.at.slide, 2);
  visitor_input(k, 105'000);
  here(s) = diagram::activate(*current_slide(s), here(s), "market").state;
  // No advance however long the visitor stays, as long as they touch it.
  run_until(s, k, 160'000);
  EXPECT_EQ(s.at.slide, 2);
  visitor_input(k, 160'000);
  run_until(s, k, 219'999);
  EXPECT_EQ(s.at.slide, 2);
  EXPECT_EQ(k.phase, KioskPhase::kVisitor);
  EXPECT_EQ(kiosk_next(k, s).due, KioskDue::kReturn);
  EXPECT_EQ(kiosk_next(k, s).at_ms, 220'000);
  const Change c = return_to_start(s, k, 220'000);
  EXPECT_TRUE(c.hall);
  EXPECT_EQ(s.at.slide, 0);
  EXPECT_EQ(k.phase, KioskPhase::kAuto);
  EXPECT_EQ(k.returns, 1);
  for (const layout::SlideState& st : s.slides) EXPECT_TRUE(st.selected.empty());
  // And it moves on by itself again, its time counted from the return.
  EXPECT_EQ(kiosk_next(k, s).at_ms, 230'000);
}

TEST(KioskTiming, AReturnToWhereItAlreadyIsChangesNothing) {
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  visitor_input(k, 1'000);
  const Change c = return_to_start(s, k, 61'000);
  EXPECT_FALSE(c.any) << "slide 1 at rest already: no frame owed";
  EXPECT_EQ(k.phase, KioskPhase::kAuto);
}

TEST(KioskTiming, TheMouseKeepsAVisitorButDoesNotTakeAMovingShow) {
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  mouse_moved(k, 5'000);
  EXPECT_EQ(k.phase, KioskPhase::kAuto);
  EXPECT_EQ(due_now(k, s, 10'000), KioskDue::kAdvance);
  visitor_input(k, 20'000);
  mouse_moved(k, 70'000);
  EXPECT_EQ(due_now(k, s, 80'000), KioskDue::kNothing) << "idle counts from the mouse";
  EXPECT_EQ(due_now(k, s, 130'000), KioskDue::kReturn);
}

TEST(KioskTiming, TheCursorHidesThreeSecondsAfterTheMouseStops) {
  const Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  EXPECT_FALSE(cursor_visible(k, 0)) << "hidden from the start";
  mouse_moved(k, 1'000);
  EXPECT_TRUE(cursor_visible(k, 3'999));
  EXPECT_FALSE(cursor_visible(k, 4'000));
  // The loop wakes to hide it, before the next advance.
  EXPECT_EQ(kiosk_wait_ms(k, s, 2'000), 2'000);
  EXPECT_EQ(kiosk_wait_ms(k, s, 5'000), 5'000) << "then the advance at 10 s";
}

TEST(KioskTiming, DaysOfLoopsKeepTheirRhythm) {
  // 72 hours left alone: every advance exactly on time, nothing drifts.
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  const double hours72 = 72.0 * 3600 * 1000;
  run_until(s, k, hours72);
  const long loops = static_cast<long>(hours72 / 110'000);
  EXPECT_EQ(k.loops, loops);
  EXPECT_EQ(k.advances, loops * 5 + (static_cast<long>(hours72) % 110'000 >= 10'000 ? 1 : 0) +
                            (static_cast<long>(hours72) % 110'000 >= 40'000 ? 1 : 0) +
                            (static_cast<long>(hours72) % 110'000 >= 70'000 ? 1 : 0) +
                            (static_cast<long>(hours72) % 110'000 >= 100'000 ? 1 : 0));
}

TEST(KioskTiming, AReloadThatDropsTheCurrentSlideKeepsTheShowGoing) {
  Show s = open_show(parse(), {});
  Kiosk k = start_kiosk(0);
  run_until(s, k, 105'000);
  ASSERT_EQ(s.at.slide, 2);
  deck::ParseOptions options;
  options.check_files = false;
  const ReloadOutcome o =
      reload(s, deck::parse_deck("# 하나\n\n---\n\n# 둘\n", "kiosk.md", options));
  ASSERT_TRUE(o.accepted);
  EXPECT_EQ(s.at.slide, 1);
  // The new deck's times (the default now): the last slide's 15 s from its start.
  EXPECT_EQ(kiosk_next(k, s).at_ms, 100'000 + 15'000);
  advance(s, k, 115'000);
  EXPECT_EQ(s.at.slide, 0);
  EXPECT_EQ(k.loops, 1);
}

}  // namespace
}  // namespace madang::show
