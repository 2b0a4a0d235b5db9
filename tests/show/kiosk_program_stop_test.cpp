// A program's stops in the kiosk (show/kiosk_program.h) and a card's time
// in the kiosk's timing (show/kiosk.h stand_ms).
#include <gtest/gtest.h>

#include "deck/program.h"
#include "show/kiosk.h"
#include "show/kiosk_program.h"

namespace madang::show {
namespace {

using Stop = ProgramStop;

TEST(KioskProgramStop, ForwardCardTalkCardAndRoundAgain) {
  const std::vector<bool> loaded = {true, true, false};
  bool wrapped = true;
  EXPECT_EQ(program_stop({0, true}, 1, loaded, &wrapped), (Stop{0, false}));
  EXPECT_FALSE(wrapped);
  EXPECT_EQ(program_stop({0, false}, 1, loaded), (Stop{1, true}));
  EXPECT_EQ(program_stop({1, true}, 1, loaded), (Stop{1, false}));
  EXPECT_EQ(program_stop({1, false}, 1, loaded), (Stop{2, true}));
  // A missing deck's card goes on to the next card: after the last, the first.
  EXPECT_EQ(program_stop({2, true}, 1, loaded, &wrapped), (Stop{0, true}));
  EXPECT_TRUE(wrapped);
  EXPECT_EQ(program_stop({1, false}, 1, {true, true}, &wrapped), (Stop{0, true}));
  EXPECT_TRUE(wrapped);
}

TEST(KioskProgramStop, BackToTheCardThenToTheEndOfTheTalkBefore) {
  const std::vector<bool> loaded = {true, false, true};
  EXPECT_EQ(program_stop({2, false}, -1, loaded), (Stop{2, true}));
  EXPECT_EQ(program_stop({2, true}, -1, loaded), (Stop{1, true}));  // missing: its card
  EXPECT_EQ(program_stop({1, true}, -1, loaded), (Stop{0, false, true}));
  EXPECT_EQ(program_stop({0, true}, -1, loaded), (Stop{0, true}));  // the first card stays
  EXPECT_EQ(program_stop({0, true}, 0, loaded), (Stop{0, true}));
  EXPECT_EQ(program_stop({0, true}, 1, {}), (Stop{0, true}));
}

TEST(KioskProgramStop, TheTalksAreTheStopsNotTheBreaks) {
  deck::Program p;
  p.items.resize(4);
  p.items[1].is_break = true;
  EXPECT_EQ(program_talk_items(p), (std::vector<int>{0, 2, 3}));
}

TEST(KioskProgramStop, ACoverStandsItsOwnTimeNotTheSlidesAdvance) {
  deck::Deck d;
  d.slides.resize(2);
  d.meta.advance_s = 20;
  Show show = open_show(d, {.slide = 1});
  Kiosk k = start_kiosk(1000);
  EXPECT_EQ(kiosk_next(k, show).at_ms, 21000);
  k.stand_ms = kKioskCardMs;
  EXPECT_EQ(kiosk_next(k, show).due, KioskDue::kAdvance);
  EXPECT_EQ(kiosk_next(k, show).at_ms, 9000);
  moved_on(k, 9000);
  EXPECT_EQ(k.advances, 1);
  EXPECT_EQ(k.shown_ms, 9000);
  visitor_input(k, 9500);  // a visitor on a card: it waits for them
  EXPECT_EQ(kiosk_next(k, show).due, KioskDue::kReturn);
}

}  // namespace
}  // namespace madang::show
