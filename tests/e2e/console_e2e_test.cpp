// The presenter console with two real displays: Xorg's dummy driver gives
// SDL a laptop (DUMMY0, 0..1919, primary) and a projector (DUMMY1,
// 1920..3839). `madang present` puts the hall on the projector and the
// console on the laptop; screenshots of each display are compared with
// `madang export` and `madang export --console` of the same slide and step.
//
// Tolerances: window and export draw with the same renderer code, and were
// measured equal to the pixel (0 differing) on both displays; kExact allows
// nothing more than a channel rounding of 2, so a missing syllable fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "harness.h"
#include "image_compare.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const std::string kLecture = std::string(MADANG_SLIDES_DIR) + "/lecture.md";
constexpr test::Tolerance kExact{2, 0};
constexpr int kLaptopX = 0, kProjectorX = 1920, kW = 1920, kH = 1080;
// The console's top bar (slide number, clocks): the wall clock there is the
// machine's, so console comparisons start below it.
constexpr int kBarBottom = 24 + 104;
// Where the pointer rests: the console's top bar, over nothing.
constexpr int kRestX = 900, kRestY = 40;

struct HitRect {
  float x = 0, y = 0, w = 0, h = 0;
  int cx() const { return static_cast<int>(x + w / 2); }
  int cy() const { return static_cast<int>(y + h / 2); }
};

// The console's regions for slide `slide` at 1920x1080 (`layout --console`):
// the diagrams' hit regions in console pixels, and the strip's thumbnails.
struct ConsoleRects {
  std::map<std::string, HitRect> hits;
  std::map<int, HitRect> strip;
  HitRect current, notes;
};

HitRect rect_of(const nlohmann::json& r) {
  return {r[0].get<float>(), r[1].get<float>(), r[2].get<float>(), r[3].get<float>()};
}

ConsoleRects console_rects(int slide) {
  const RunResult r = run({MADANG_BINARY, "layout", kLecture, "--console", "--slide",
                           std::to_string(slide), "--json", "--clock", "12:00"},
                          {});
  ConsoleRects out;
  if (r.exit_code != 0) return out;
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return out;
  const nlohmann::json& page = j["console"][0];
  out.current = rect_of(page["current"]);
  out.notes = rect_of(page["notes"]);
  for (const auto& s : page["strip"]) out.strip[s["slide"].get<int>()] = rect_of(s["rect"]);
  for (const auto& item : page["items"]) {
    if (item["kind"] == "hit") out.hits[item["id"].get<std::string>()] = rect_of(item["rect"]);
  }
  return out;
}

class ConsoleE2E : public TwoDisplaySuite<ConsoleE2E> {
 protected:
  static render::RgbaImage hall_of(const render::RgbaImage& shot, int x = kProjectorX) {
    return crop(shot, x, 0, kW, kH);
  }
  static render::RgbaImage console_of(const render::RgbaImage& shot, int x = kLaptopX) {
    return crop(shot, x, kBarBottom, kW, kH - kBarBottom);
  }

  // Waits (up to ~3 s: the trace says idle right after presenting, the X
  // server may lag) until `part` of the screen equals `expected`.
  ::testing::AssertionResult shows(Present& p, const render::RgbaImage& expected,
                                   render::RgbaImage (*part)(const render::RgbaImage&, int), int x,
                                   const std::string& what) {
    if (expected.width == 0) return ::testing::AssertionFailure() << "no reference for " << what;
    render::RgbaImage got;
    for (int attempt = 0; attempt < 10; ++attempt) {
      got = part(p.screenshot(), x);
      const test::ImageDiff d = test::diff_images(got, expected, kExact.channel);
      if (d.same_size && d.differing_pixels <= kExact.pixels) return ::testing::AssertionSuccess();
      std::this_thread::sleep_for(300ms);
    }
    return test::compare_images(got, expected, kExact, name() + "-" + what);
  }
  ::testing::AssertionResult hall_shows(Present& p, int slide, const std::string& what,
                                        const std::string& select = "", int x = kProjectorX) {
    return shows(p, export_slide(kLecture, slide, name() + "-ref-" + what, select), hall_of, x,
                 "hall-" + what);
  }
  ::testing::AssertionResult console_shows(Present& p, int slide, const std::string& what,
                                           std::vector<std::string> args = {}) {
    args.insert(args.end(), {"--duration", "20m"});
    return shows(
        p,
        crop_rows(export_console(kLecture, slide, name() + "-cref-" + what, args), kBarBottom, kH),
        console_of, kLaptopX, "console-" + what);
  }
};

TEST_F(ConsoleE2E, TheHallGetsTheSlideAndTheSpeakerTheConsole) {
  Present p(*x_, kLecture, {"--duration", "20m"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=1 ", "console=1 ", "hall-display=1 ", "console-display=0 "}), "")
      << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(hall_shows(p, 1, "1"));
  // Notes, next slide, strip and the plan, as `export --console` draws them.
  EXPECT_TRUE(console_shows(p, 1, "1"));

  // The first step: the hall equals the export of slide 2; the talk's timer starts.
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=2 ", "timer=running"}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 2, "2"));
}

TEST_F(ConsoleE2E, KeysFromEitherWindowDriveTheOneShow) {
  Present p(*x_, kLecture, {"--duration", "20m", "--slide", "5"}, name());
  p.move(kRestX,
         kRestY);  // the pointer (and so the keyboard, with no window manager) on the console
  ASSERT_NE(p.wait_idle({"slide=5 ", "console=1 "}), "") << p.last_idle() << p.stderr_text();
  p.key("Right");  // slide 5 reveals its items one by one
  ASSERT_NE(p.wait_idle({"slide=5 ", "step=1 "}), "") << p.last_idle();
  // The hall's window takes keys too (pointer there: no diagram on slide 5).
  p.move(kProjectorX + 40, 40);
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=5 ", "step=2 "}), "") << p.last_idle();
  p.key("Left");
  ASSERT_NE(p.wait_idle({"slide=5 ", "step=1 "}), "") << p.last_idle();
  p.move(kRestX, kRestY);
  p.key("End");
  ASSERT_NE(p.wait_idle({"slide=23 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 23, "23"));
  p.key("Home");
  ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 1, "1"));
}

TEST_F(ConsoleE2E, ClickingGovernmentOnTheConsoleSelectsItInTheHall) {
  const ConsoleRects rects = console_rects(4);
  ASSERT_TRUE(rects.hits.count("gov")) << "no gov on the console's slide 4";
  ASSERT_EQ(rects.hits.size(), 3u);
  Present p(*x_, kLecture, {"--duration", "20m", "--slide", "4"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 ", "console=1 "}), "") << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(hall_shows(p, 4, "rest"));

  const HitRect gov = rects.hits.at("gov");
  p.click(kLaptopX + gov.cx(), gov.cy(), 1);
  p.move(kRestX, kRestY);  // off the slide: no hover, no pointer dot
  ASSERT_NE(p.wait_idle({"selected=gov ", "hovered=- ", "pointer=0"}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 4, "gov", "gov"));
  EXPECT_TRUE(console_shows(p, 4, "gov", {"--select", "gov"}));

  // And a click in the hall's own window reaches the console too.
  p.click(kLaptopX + gov.cx(), gov.cy(), 1);  // again: reset
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"selected=- ", "hovered=- "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 4, "reset"));

  // The strip: a click on slide 3's thumbnail jumps there.
  ASSERT_TRUE(rects.strip.count(3));
  const HitRect three = rects.strip.at(3);
  p.click(kLaptopX + three.cx(), three.cy(), 1);
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=3 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 3, "3"));
}

TEST_F(ConsoleE2E, PauseHoldsAcrossSlidesFreezeKeepsTheHallSwapExchanges) {
  Present p(*x_, kLecture, {"--duration", "20m"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=1 ", "timer=stopped"}), "") << p.last_idle() << p.stderr_text();
  p.key("t");
  ASSERT_NE(p.wait_idle({"timer=running"}), "") << p.last_idle();
  p.key("t");
  ASSERT_NE(p.wait_idle({"timer=paused"}), "") << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  EXPECT_NE(p.last_idle().find("timer=paused"), std::string::npos) << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=3 ", "timer=paused"}), "") << p.last_idle();

  // Freeze: the hall keeps slide 3 while the speaker looks ahead.
  p.key("z");
  ASSERT_NE(p.wait_idle({"frozen=1"}), "") << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=4 ", "frozen=1"}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 3, "frozen"));
  p.key("z");
  ASSERT_NE(p.wait_idle({"slide=4 ", "frozen=0"}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 4, "unfrozen"));

  // Black screen from the console: the hall goes black.
  p.key("b");
  ASSERT_NE(p.wait_idle({"blank=black"}), "") << p.last_idle();
  const render::RgbaImage black = hall_of(p.screenshot());
  ASSERT_EQ(black.width, kW);
  long lit = 0;
  for (std::size_t i = 0; i < black.pixels.size(); i += 4) lit += black.pixels[i] > 8;
  EXPECT_EQ(lit, 0);
  p.key("b");
  ASSERT_NE(p.wait_idle({"blank=none"}), "") << p.last_idle();

  // Swap: the hall on the laptop, the console on the projector.
  p.key("s");
  ASSERT_NE(p.wait_idle({"hall-display=0 ", "console-display=1 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 4, "swapped", "", kLaptopX));
  p.move(kProjectorX + kRestX, kRestY);  // the console is there now
  p.key("s");
  ASSERT_NE(p.wait_idle({"hall-display=1 ", "console-display=0 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 4, "back"));
  EXPECT_NE(p.last_idle().find("slide=4 "), std::string::npos) << p.last_idle();
}

TEST_F(ConsoleE2E, ThePointerOverTheConsoleSlideIsADotInTheHall) {
  const ConsoleRects rects = console_rects(2);
  ASSERT_GT(rects.current.w, 0);
  Present p(*x_, kLecture, {"--slide", "2"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=2 ", "pointer=0"}), "") << p.last_idle() << p.stderr_text();
  // A quarter across and half down the console's slide.
  const float fx = 0.25f, fy = 0.5f;
  p.move(kLaptopX + static_cast<int>(rects.current.x + fx * rects.current.w),
         static_cast<int>(rects.current.y + fy * rects.current.h));
  ASSERT_NE(p.wait_idle({"pointer=1"}), "") << p.last_idle();
  std::this_thread::sleep_for(300ms);
  const render::RgbaImage hall = hall_of(p.screenshot());
  const render::RgbaImage ref = export_slide(kLecture, 2, name() + "-ref");
  ASSERT_EQ(hall.width, ref.width);
  // Red where the dot is (the slide fills the projector: same fractions),
  // and nothing else changed far from it.
  const int dx = static_cast<int>(fx * kW), dy = static_cast<int>(fy * kH);
  const std::size_t at = (static_cast<std::size_t>(dy) * kW + dx) * 4;
  EXPECT_GT(hall.pixels[at], 200);
  EXPECT_LT(hall.pixels[at + 1], 90);
  long far_changes = 0;
  for (int y = 0; y < kH; ++y) {
    for (int x = 0; x < kW; ++x) {
      if (std::abs(x - dx) < 60 && std::abs(y - dy) < 60) continue;
      const std::size_t i = (static_cast<std::size_t>(y) * kW + x) * 4;
      far_changes += std::abs(hall.pixels[i] - ref.pixels[i]) > 2;
    }
  }
  EXPECT_EQ(far_changes, 0);
  // Off the slide: the dot goes.
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"pointer=0"}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 2, "no-dot"));
}

TEST_F(ConsoleE2E, ABrokenEditShowsOnTheConsoleOnlyAndTheHallKeepsTheDeck) {
  const std::string dir = temp_dir(name() + "-deck");
  const std::string deck = dir + "/talk.md";
  fs::copy_file(kLecture, deck);
  Present p(*x_, deck, {"--slide", "2"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=2 ", "console=1 "}), "") << p.last_idle() << p.stderr_text();
  const render::RgbaImage before = console_of(p.screenshot());
  {
    std::ofstream out(deck, std::ios::app);
    out << "\n---\n\n```diagram triangle\nnodes: [\n```\n";
  }
  ASSERT_NE(p.wait_idle({"errors=1 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, 2, "kept"));
  // The console says so (its notes panel carries the error box).
  std::this_thread::sleep_for(300ms);
  const render::RgbaImage after = console_of(p.screenshot());
  const test::ImageDiff d = test::diff_images(after, before, 8);
  EXPECT_GT(d.differing_pixels, 5000) << "no error shown on the console";
}

// A talk started on the laptop alone; the projector is plugged in at slide
// 4 with a diagram element selected and the timer running. (The dummy
// driver cannot pull an output out again: that direction is held by the
// screen plan's unit tests.)
class HotplugE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    x_ = XorgDummy::start(false, &error);
    ASSERT_NE(x_, nullptr) << error;
  }
  std::unique_ptr<XorgDummy> x_;
};

TEST_F(HotplugE2E, AProjectorPluggedInMidTalkGetsTheHallAndTheShowGoesOn) {
  const std::string name = "console-hotplug";
  Present p(*x_, kLecture, {"--duration", "20m", "--slide", "4", "--fullscreen"}, name);
  p.move(40, 40);
  ASSERT_NE(p.wait_idle({"slide=4 ", "displays=1", "console=0 "}), "")
      << p.last_idle() << p.stderr_text();
  // One screen: a single view. Select 시장 there and start the timer.
  const RunResult layout = run({MADANG_BINARY, "layout", kLecture, "--slide", "4", "--json"}, {});
  const nlohmann::json j = nlohmann::json::parse(layout.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  HitRect market;
  for (const auto& item : j["slides"][0]["items"]) {
    if (item["kind"] == "hit" && item["id"] == "market") market = rect_of(item["rect"]);
  }
  ASSERT_GT(market.w, 0);
  p.click(market.cx(), market.cy(), 1);
  p.move(40, 40);
  ASSERT_NE(p.wait_idle({"selected=market "}), "") << p.last_idle();
  p.key("t");
  ASSERT_NE(p.wait_idle({"timer=running"}), "") << p.last_idle();

  ASSERT_TRUE(x_->plug_projector());
  ASSERT_NE(p.wait_idle({"displays=2", "console=1 ", "hall-display=1 ", "console-display=0 "}), "")
      << p.last_idle();
  const std::string line = p.last_idle();
  EXPECT_NE(line.find("slide=4 "), std::string::npos) << line;
  EXPECT_NE(line.find("selected=market "), std::string::npos) << line;
  EXPECT_NE(line.find("timer=running"), std::string::npos) << line;
  const render::RgbaImage expected = export_slide(kLecture, 4, name + "-ref", "market");
  render::RgbaImage hall;
  for (int attempt = 0; attempt < 10; ++attempt) {
    hall = crop(p.screenshot(), kProjectorX, 0, kW, kH);
    const test::ImageDiff d = test::diff_images(hall, expected, kExact.channel);
    if (d.same_size && d.differing_pixels == 0) break;
    std::this_thread::sleep_for(300ms);
  }
  EXPECT_TRUE(test::compare_images(hall, expected, kExact, name + "-hall"));
}

}  // namespace
}  // namespace madang::e2e
