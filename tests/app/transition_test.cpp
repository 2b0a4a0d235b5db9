// Transitions: choice per slide, easing, and the two pictures' placement.
#include "input/transition.h"

#include <gtest/gtest.h>

namespace madang::app {
namespace {

TEST(Transition, SlideOverridesDeck) {
  deck::Deck d;
  d.meta.transition = "slide";
  d.slides.resize(3);
  d.slides[1].transition = "none";
  d.slides[2].transition = "fade";
  EXPECT_EQ(transition_into(d, 0), TransitionKind::kSlide);
  EXPECT_EQ(transition_into(d, 1), TransitionKind::kNone);
  EXPECT_EQ(transition_into(d, 2), TransitionKind::kFade);
  EXPECT_EQ(transition_into(d, 7), TransitionKind::kSlide);  // out of range: the deck's
  EXPECT_EQ(transition_kind("sparkle"), TransitionKind::kFade);
}

TEST(Transition, EaseOutCubic) {
  EXPECT_FLOAT_EQ(ease_out_cubic(0), 0);
  EXPECT_FLOAT_EQ(ease_out_cubic(1), 1);
  EXPECT_FLOAT_EQ(ease_out_cubic(0.5f), 0.875f);
  EXPECT_FLOAT_EQ(ease_out_cubic(-1), 0);
  EXPECT_FLOAT_EQ(ease_out_cubic(2), 1);
  float last = 0;
  for (int i = 1; i <= 10; ++i) {
    const float v = ease_out_cubic(i / 10.0f);
    EXPECT_GT(v, last);
    last = v;
  }
}

TEST(Transition, ProgressAndRunning) {
  Transition t{TransitionKind::kFade, 1, 1000, 250};
  EXPECT_TRUE(transition_running(t, 1000));
  EXPECT_TRUE(transition_running(t, 1249));
  EXPECT_FALSE(transition_running(t, 1250));
  EXPECT_FLOAT_EQ(transition_progress(t, 1000), 0);
  EXPECT_FLOAT_EQ(transition_progress(t, 1125), 0.875f);
  EXPECT_FLOAT_EQ(transition_progress(t, 5000), 1);
  Transition none{TransitionKind::kNone, 1, 1000, 250};
  EXPECT_FALSE(transition_running(none, 1000));
  EXPECT_FLOAT_EQ(transition_progress(none, 1000), 1);
}

TEST(Transition, FadeBlendsIncomingOverOutgoing) {
  Transition t{TransitionKind::kFade};
  TransitionFrame f = transition_frame(t, 0.25f, 1000);
  EXPECT_FLOAT_EQ(f.in_alpha, 0.25f);
  EXPECT_FLOAT_EQ(f.out_alpha, 1);
  EXPECT_FLOAT_EQ(f.in_x, 0);
}

TEST(Transition, SlideMovesBothPicturesByDirection) {
  Transition fwd{TransitionKind::kSlide, 1};
  TransitionFrame f = transition_frame(fwd, 0.25f, 1000);
  EXPECT_FLOAT_EQ(f.out_x, -250);
  EXPECT_FLOAT_EQ(f.in_x, 750);
  Transition back{TransitionKind::kSlide, -1};
  f = transition_frame(back, 0.25f, 1000);
  EXPECT_FLOAT_EQ(f.out_x, 250);
  EXPECT_FLOAT_EQ(f.in_x, -750);
  f = transition_frame(back, 1, 1000);
  EXPECT_FLOAT_EQ(f.in_x, 0);
}

}  // namespace
}  // namespace madang::app
