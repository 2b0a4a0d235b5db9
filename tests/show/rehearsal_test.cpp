// A rehearsal's stopwatch, replayed from events and times: per-slide and
// per-step times, pauses (T and leaving the window) left out, revisits, the
// running stay closed at the end.
#include "show/rehearsal.h"

#include <gtest/gtest.h>

#include "deck/parse.h"
#include "sample_deck.h"

namespace madang::show {
namespace {

using K = ActionKind;

const std::string kDeck = test::sample_deck({.first = "첫 장\n", .third = "끝\n"});

class Replay : public ::testing::Test {
 protected:
  void SetUp() override {
    deck::ParseOptions o;
    o.check_files = false;
    show_ = open_show(deck::parse_deck(kDeck, "deck.md", o).deck, {});
  }
  // An action at `t` seconds, then the recorder looks.
  void at(double t, ActionKind kind) {
    act(show_, {kind}, t * 1000);
    look(t);
  }
  void look(double t) {
    if (auto s = observe(r_, show_, t * 1000)) stays_.push_back(*s);
  }
  void focus_at(double t, bool focused) {
    focus(r_, show_, focused, t * 1000);
    look(t);
  }

  Show show_;
  Rehearsal r_;
  std::vector<Stay> stays_;
};

TEST_F(Replay, EachSlideAndStepGetsItsTime) {
  at(0, K::kTimerToggle);  // the slides appear: timing starts
  look(0);
  at(30, K::kNext);  // slide 1 took 30 s
  at(40, K::kNext);  // slide 2 step 0: 10 s, now step 1
  at(55, K::kNext);  // step 1: 15 s, now step 2
  at(60, K::kNext);  // step 2: 5 s; slide 3
  ASSERT_EQ(stays_.size(), 2u);
  EXPECT_EQ(stays_[0].slide, 0);
  EXPECT_DOUBLE_EQ(stays_[0].ms, 30000);
  EXPECT_EQ(stays_[0].step_ms, (std::vector<double>{30000}));
  EXPECT_EQ(stays_[1].slide, 1);
  EXPECT_DOUBLE_EQ(stays_[1].ms, 30000);
  EXPECT_EQ(stays_[1].step_ms, (std::vector<double>{10000, 15000, 5000}));
  const std::optional<Stay> last = close(r_, show_, 72000);
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->slide, 2);
  EXPECT_DOUBLE_EQ(last->ms, 12000);
  EXPECT_FALSE(close(r_, show_, 80000).has_value());  // closed once
  EXPECT_EQ(r_.stays, 3);
}

TEST_F(Replay, PausesAreLeftOut) {
  at(0, K::kTimerToggle);
  look(0);
  at(20, K::kTimerToggle);  // T: a question
  at(80, K::kNext);         // moving while paused: no time passes
  at(95, K::kTimerToggle);  // resumed on slide 2
  at(105, K::kNext);        // slide 2 step 1
  ASSERT_EQ(stays_.size(), 1u);
  EXPECT_DOUBLE_EQ(stays_[0].ms, 20000);
  // Leaving the window pauses; coming back resumes.
  focus_at(110, false);
  EXPECT_TRUE(paused(show_.timer));
  focus_at(170, true);
  EXPECT_FALSE(paused(show_.timer));
  at(175, K::kNext);
  at(176, K::kNext);  // slide 3
  ASSERT_EQ(stays_.size(), 2u);
  // Slide 2: 10 s at step 0 (95..105), 5 + 5 s at step 1 (105..110, 170..175), 1 s at step 2.
  EXPECT_DOUBLE_EQ(stays_[1].ms, 21000);
  EXPECT_EQ(stays_[1].step_ms, (std::vector<double>{10000, 10000, 1000}));
}

TEST_F(Replay, LeavingWhilePausedByTheSpeakerDoesNotResume) {
  at(0, K::kTimerToggle);
  look(0);
  at(10, K::kTimerToggle);  // the speaker pauses
  focus_at(12, false);
  focus_at(30, true);  // back: still paused, as the speaker left it
  EXPECT_TRUE(paused(show_.timer));
  at(40, K::kTimerToggle);
  at(45, K::kNext);
  ASSERT_EQ(stays_.size(), 1u);
  EXPECT_DOUBLE_EQ(stays_[0].ms, 15000);
}

TEST_F(Replay, RevisitsAreSeparateStays) {
  at(0, K::kTimerToggle);
  look(0);
  at(10, K::kNext);
  at(11, K::kNext);
  at(12, K::kNext);
  at(13, K::kNext);  // slide 3
  at(20, K::kPrev);  // back to slide 2, at its last step
  at(26, K::kNext);  // slide 3 again
  ASSERT_EQ(stays_.size(), 4u);
  EXPECT_EQ(stays_[2].slide, 2);
  EXPECT_DOUBLE_EQ(stays_[2].ms, 7000);
  EXPECT_EQ(stays_[3].slide, 1);
  EXPECT_DOUBLE_EQ(stays_[3].ms, 6000);
  EXPECT_EQ(stays_[3].step_ms, (std::vector<double>{0, 0, 6000}));
}

TEST_F(Replay, NothingIsTimedBeforeTheTimerStarts) {
  look(5);
  EXPECT_FALSE(r_.open);
  EXPECT_FALSE(close(r_, show_, 9000).has_value());
  focus_at(6, false);  // leaving before the start pauses nothing
  EXPECT_FALSE(started(show_.timer));
}

}  // namespace
}  // namespace madang::show
