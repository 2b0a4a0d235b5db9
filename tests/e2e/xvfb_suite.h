// gtest suites whose tests share one private X server, started before the
// suite's first test and stopped after its last. CRTP, so that every suite
// gets a server of its own:
//   XvfbSuite<S>:      one 1920x1080 screen (Xvfb);
//   TwoDisplaySuite<S>: a laptop and a projector, both 1920x1080, as SDL
//                       sees two displays (Xorg's dummy driver; root).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "harness.h"
#include "image_compare.h"

namespace madang::e2e {

// The window (an Xvfb screenshot) against `madang export` of the same slide
// in the same state. Both are drawn by SDL's software renderer; measured on
// every comparison of the e2e suites: no pixel differs by more than 2 levels
// (the window composites opacity layers, the dimmed elements of a selected
// diagram, through a target texture and rounds them differently: up to 1,143
// pixels at 1 or 2 levels), and nothing else differs at all. A missing
// syllable or a wrong digit changes hundreds of pixels by far more than that.
inline constexpr test::Tolerance kWindowEqualsExport{2, 0};

// How a suite holds the screen against a picture: the tolerance, and how long
// the screen may take to settle on it (the trace says "idle" right after
// presenting; the X server may lag): up to `attempts` screenshots, `every`
// apart.
struct ScreenCheck {
  test::Tolerance tolerance;
  std::chrono::milliseconds every;
  int attempts = 10;
};

template <typename Suite, typename Server>
class ServerSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    x_ = Suite::start_server(&error).release();
    ASSERT_NE(x_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete x_;
    x_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(x_, nullptr); }

  // Names the test's output folder (screenshots, logs).
  static std::string name() {
    return std::string("e2e-") + ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }

  // The screen (or the `part` of it, when given: one display of two), once
  // it has settled on what `expected` shows; if it never does, the last
  // screenshot against `expected`, written out as <name()>-<what> for a
  // person to look at.
  static ::testing::AssertionResult screen_matches(
      Present& p, const render::RgbaImage& expected, const std::string& what,
      const ScreenCheck& check,
      const std::function<render::RgbaImage(const render::RgbaImage&)>& part = {}) {
    if (expected.width == 0) return ::testing::AssertionFailure() << "no reference for " << what;
    render::RgbaImage shot;
    for (int attempt = 0; attempt < check.attempts; ++attempt) {
      shot = part ? part(p.screenshot()) : p.screenshot();
      const test::ImageDiff d = test::diff_images(shot, expected, check.tolerance.channel);
      if (d.same_size && d.differing_pixels <= check.tolerance.pixels) {
        return ::testing::AssertionSuccess();
      }
      std::this_thread::sleep_for(check.every);
    }
    return test::compare_images(shot, expected, check.tolerance, name() + "-" + what);
  }

  static inline Server* x_ = nullptr;
};

template <typename Suite>
class XvfbSuite : public ServerSuite<Suite, Xvfb> {
 public:
  static std::unique_ptr<Xvfb> start_server(std::string* error) {
    return Xvfb::start(1920, 1080, error);
  }
};

template <typename Suite>
class TwoDisplaySuite : public ServerSuite<Suite, XorgDummy> {
 public:
  static std::unique_ptr<XorgDummy> start_server(std::string* error) {
    return XorgDummy::start(true, error);
  }
};

}  // namespace madang::e2e
