// The live console's time against `madang export --console` at the same
// moment of the talk, to the pixel, top bar (elapsed, left, wall clock)
// included. Two real displays (Xorg's dummy driver: the console on the
// laptop, DUMMY0), a six-slide deck of `duration: 10m` (a budget of 1:40 a
// slide), and the talk's clock scripted (MADANG_PRESENT_CLOCK: each key
// press happens at a given second and the clock stands still between them)
// with the wall clock fixed (MADANG_PRESENT_WALL, as export's --clock). The
// export pictures the speaker just arrived on a slide `--elapsed` into the
// talk; the window gets there by keys: the first move (which starts the
// talk), moving on, going back to slide 1, a pause for questions. The trace
// names the figures the console shows (elapsed, left, this slide, pace).
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"
#include "image_compare.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

using namespace std::chrono_literals;

constexpr int kW = 1920, kH = 1080;
// Where the pointer rests: the console's top bar, over nothing (and so the
// keyboard, with no window manager, goes to the console).
constexpr int kRestX = 900, kRestY = 40;
constexpr const char* kWall = "14:05";

constexpr const char* kDeck = R"(---
title: 시간 맞추기
duration: 10m
---

# 하나

여는 말

<!-- notes: 인사하고, 오늘 이야기할 세 가지를 말한다. -->

---

# 둘

- 첫째
- 둘째

---

# 셋

마당에서 만나는 사람들

<!-- notes: 질문을 받을 시간을 남긴다. -->

---

# 넷

---

# 다섯

---

# 여섯

고맙습니다
)";

class ConsoleClockE2E : public TwoDisplaySuite<ConsoleClockE2E> {
 protected:
  void SetUp() override {
    TwoDisplaySuite::SetUp();
    dir_ = temp_dir(name() + "-deck");
    deck_ = dir_ + "/talk.md";
    std::ofstream(deck_) << kDeck;
  }

  // `madang present` on the deck, the talk's clock scripted: the k-th key
  // press at `script`'s k-th second. No rehearsals: an empty history.
  std::unique_ptr<Present> present(const std::string& script) {
    return std::make_unique<Present>(*x_, deck_, std::vector<std::string>{}, name(),
                                     ModeRun{"present",
                                             Env{{"MADANG_PRESENT_CLOCK", script},
                                                 {"MADANG_PRESENT_WALL", kWall},
                                                 {"XDG_DATA_HOME", dir_}},
                                             "q"});
  }

  // Waits until the show settles on slide `slide` with `elapsed` on the
  // clock; its trace line, or "" (reported).
  std::string settle(Present& p, int slide, const std::string& elapsed) {
    const std::string line =
        p.wait_idle({"slide=" + std::to_string(slide) + " ", "elapsed=" + elapsed + " "});
    EXPECT_NE(line, "") << "slide " << slide << " at " << elapsed << ": " << p.last_idle()
                        << p.stderr_text();
    return line;
  }

  // The laptop's screen, once it settles, against `export --console` of
  // `slide` at `elapsed` ("": the talk not started) and the same wall clock.
  ::testing::AssertionResult console_equals_export(Present& p, int slide,
                                                   const std::string& elapsed,
                                                   const std::string& what) {
    std::vector<std::string> args = {"--clock", kWall};
    if (!elapsed.empty()) args.insert(args.end(), {"--elapsed", elapsed});
    const render::RgbaImage expected = export_console(deck_, slide, name() + "-ref-" + what, args);
    if (expected.width == 0) return ::testing::AssertionFailure() << "no export for " << what;
    render::RgbaImage got;
    for (int attempt = 0; attempt < 10; ++attempt) {
      got = crop(p.screenshot(), 0, 0, kW, kH);
      const test::ImageDiff d = test::diff_images(got, expected, kWindowEqualsExport.channel);
      if (d.same_size && d.differing_pixels <= kWindowEqualsExport.pixels) {
        return ::testing::AssertionSuccess();
      }
      std::this_thread::sleep_for(300ms);
    }
    return test::compare_images(got, expected, kWindowEqualsExport, name() + "-" + what);
  }

  std::string dir_, deck_;
};

// The figures of a trace line hold `figures` ("left=9:49 on-slide=0:00/1:40 pace=-3:09 ").
::testing::AssertionResult shows(const std::string& line, const std::string& figures) {
  if (line.find(figures) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "want " << figures << "\n got " << line;
}

TEST_F(ConsoleClockE2E, MovingOnAndBackToTheFirstSlideTheConsoleEqualsTheExport) {
  // The deck opens a minute early; the first move at 1:00, slide 3 at 0:11
  // into the talk, back to slide 2 at 0:15 and to slide 1 at 0:20.
  auto p = present("60,71,75,80");
  p->move(kRestX, kRestY);
  std::string line = settle(*p, 1, "0:00");
  ASSERT_NE(line, "");
  EXPECT_NE(line.find("console=1 "), std::string::npos) << line;
  EXPECT_TRUE(shows(line, "timer=stopped "));
  EXPECT_TRUE(shows(line, "left=10:00 on-slide=0:00/1:40 pace=-"));
  EXPECT_TRUE(console_equals_export(*p, 1, "", "before"));

  // The first move starts the talk with all of it left, ahead by the
  // title's budget.
  p->key("Right");
  line = settle(*p, 2, "0:00");
  EXPECT_TRUE(shows(line, "timer=running "));
  EXPECT_TRUE(shows(line, "left=10:00 on-slide=0:00/1:40 pace=-1:40"));

  p->key("Right");
  line = settle(*p, 3, "0:11");
  EXPECT_TRUE(shows(line, "left=9:49 on-slide=0:00/1:40 pace=-3:09"));
  EXPECT_TRUE(console_equals_export(*p, 3, "0:11", "3-at-0-11"));

  p->key("Left");
  line = settle(*p, 2, "0:15");
  EXPECT_TRUE(shows(line, "left=9:45 on-slide=0:00/1:40 pace=-1:25"));
  EXPECT_TRUE(console_equals_export(*p, 2, "0:15", "2-at-0-15"));

  // Back on slide 1: behind by the 0:20 the talk took, no more (on plan).
  p->key("Left");
  line = settle(*p, 1, "0:20");
  EXPECT_TRUE(shows(line, "left=9:40 on-slide=0:00/1:40 pace=+0:20"));
  EXPECT_TRUE(console_equals_export(*p, 1, "0:20", "1-at-0-20"));
}

TEST_F(ConsoleClockE2E, AfterAPauseTheConsoleEqualsTheExport) {
  // The first move at 1:00; T at 0:30 into the talk (on slide 2), two
  // minutes of questions, T again, slide 3 at 0:45.
  auto p = present("60,90,210,225");
  p->move(kRestX, kRestY);
  ASSERT_NE(settle(*p, 1, "0:00"), "");
  p->key("Right");
  ASSERT_NE(settle(*p, 2, "0:00"), "");

  p->key("t");
  std::string line = p->wait_idle({"timer=paused "});
  ASSERT_NE(line, "") << p->last_idle();
  EXPECT_TRUE(shows(line, "elapsed=0:30 left=9:30 on-slide=0:30/1:40 pace=-1:40"));

  p->key("t");
  line = p->wait_idle({"timer=running "});
  ASSERT_NE(line, "") << p->last_idle();
  EXPECT_TRUE(shows(line, "elapsed=0:30 left=9:30 on-slide=0:30/1:40 pace=-1:40"));

  p->key("Right");
  line = settle(*p, 3, "0:45");
  EXPECT_TRUE(shows(line, "left=9:15 on-slide=0:00/1:40 pace=-2:35"));
  EXPECT_TRUE(console_equals_export(*p, 3, "0:45", "3-at-0-45"));
}

}  // namespace
}  // namespace madang::e2e
