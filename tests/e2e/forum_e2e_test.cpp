// A forum on two displays (Xorg's dummy driver: a laptop at 0..1919, a
// projector at 1920..3839): `madang present forum.yaml` puts each talk's
// title card in the hall before the talk, Ctrl+→ and the end of a talk bring
// the next card, and the time cards come up on a scripted clock
// (MADANG_PRESENT_CLOCK). The hall is compared with `madang export
// forum.yaml --png` (the cards) and `madang export DECK --png` (the slides).
//
// Tolerance: the window and the export draw with the same renderer code;
// kExact allows a channel rounding of 2 and no pixel more.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.h"
#include "image_compare.h"
#include "render/image.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr test::Tolerance kExact{2, 0};
constexpr int kProjectorX = 1920, kW = 1920, kH = 1080;
constexpr int kRestX = 900, kRestY = 40;

const std::string kLecture = std::string(MADANG_SLIDES_DIR) + "/lecture.md";
const std::string kMarp = std::string(MADANG_SOURCE_DIR) + "/tests/bench/lecture.marp.md";

class ForumE2E : public TwoDisplaySuite<ForumE2E> {
 protected:
  void SetUp() override {
    TwoDisplaySuite<ForumE2E>::SetUp();
    dir_ = (fs::path(MADANG_E2E_OUTPUT) / ("forum-" + name())).string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    program_ = dir_ + "/forum.yaml";
    std::ofstream(program_) << "title: 지역사회 혁신 포럼\nstart: \"14:00\"\ntalks:\n"
                               "  - title: 지역사회 사회혁신생태계 조성전략\n    speaker: 김제선\n"
                               "    affiliation: 희망제작소\n    deck: "
                            << kLecture
                            << "\n    minutes: 20\n"
                               "  - title: Marp로 만든 발표\n    speaker: 이몽룡\n    deck: "
                            << kMarp << "\n    minutes: 10\n";
  }
  std::string name() const {
    return ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }
  // The cards as `export forum.yaml --png` writes them.
  render::RgbaImage exported_card(int talk) {
    const std::string out = dir_ + "/png";
    if (!fs::exists(out + "/talk-01/card.png")) {
      const RunResult r = run({MADANG_BINARY, "export", program_, "--png", out}, {});
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    char name[32];
    std::snprintf(name, sizeof name, "/talk-%02d/card.png", talk);
    std::string error;
    const std::unique_ptr<render::RgbaImage> image = render::decode_image(out + name, &error);
    EXPECT_TRUE(image) << error;
    return image ? *image : render::RgbaImage{};
  }
  ::testing::AssertionResult hall_shows(Present& p, const render::RgbaImage& expected,
                                        const std::string& what) {
    render::RgbaImage got;
    for (int attempt = 0; attempt < 10; ++attempt) {
      got = crop(p.screenshot(), kProjectorX, 0, kW, kH);
      const test::ImageDiff d = test::diff_images(got, expected, kExact.channel);
      if (d.same_size && d.differing_pixels <= kExact.pixels) return ::testing::AssertionSuccess();
      std::this_thread::sleep_for(300ms);
    }
    return test::compare_images(got, expected, kExact, "forum-" + name() + "-" + what);
  }
  // Whether the screen's pixel (x, y) is `rgb` (within 2 per channel), within ~3 s.
  static bool pixel_is(Present& p, int x, int y, std::uint32_t rgb) {
    for (int attempt = 0; attempt < 10; ++attempt) {
      const render::RgbaImage shot = p.screenshot();
      const std::uint8_t* px =
          &shot.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(shot.width) +
                        static_cast<std::size_t>(x)) *
                       4];
      if (std::abs(px[0] - static_cast<int>(rgb >> 16 & 0xff)) <= 2 &&
          std::abs(px[1] - static_cast<int>(rgb >> 8 & 0xff)) <= 2 &&
          std::abs(px[2] - static_cast<int>(rgb & 0xff)) <= 2)
        return true;
      std::this_thread::sleep_for(300ms);
    }
    return false;
  }
  std::string dir_, program_;
};

TEST_F(ForumE2E, CardsBeforeEachTalkAndCtrlRightBetweenThem) {
  Present p(*x_, program_, {}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=1 ", "console=1 ", "hall-display=1 "}), "")
      << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(hall_shows(p, exported_card(1), "card-1"));
  // The console between talks: the program panel in its right-hand column.
  EXPECT_TRUE(pixel_is(p, 1900, 1070, 0x1c2127));

  // The card comes down: the talk's first slide, its timer running.
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=0 ", "slide=1 ", "timer=running"}), "")
      << p.last_idle();
  EXPECT_TRUE(hall_shows(p, export_slide(kLecture, 1, "forum-lecture-1"), "lecture-1"));

  // From the last slide of talk 1, the next key brings talk 2's card to
  // the hall (and talk 2 to the console).
  p.key("End");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "slide=23 "}), "") << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=2 ", "card=1 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, exported_card(2), "card-2"));
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=2 ", "card=0 ", "slide=1 "}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, export_slide(kMarp, 1, "forum-marp-1"), "marp-1"));

  // Ctrl+← goes back to talk 1's card; talk 1 kept its place (slide 23).
  p.key("ctrl+Left");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=1 "}), "") << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=0 ", "slide=23 "}), "") << p.last_idle();
  // Ctrl+→ from the middle of a talk: the next card at once.
  p.key("ctrl+Right");
  ASSERT_NE(p.wait_idle({"forum-talk=2 ", "card=1 "}), "") << p.last_idle();
}

TEST_F(ForumE2E, StartsAtTheTalkAsked) {
  // After a crash in the middle of a forum: straight back to talk 2's card.
  Present p(*x_, program_, {"--talk", "2"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"forum-talk=2 ", "card=1 "}), "") << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(hall_shows(p, exported_card(2), "card-2"));
}

TEST_F(ForumE2E, TimeCardAtTwoMinutesOnAScriptedClock) {
  // The talk's clock: 0 until the talk's first own key, then 18:01 of 20:00.
  Present p(*x_, program_, {"--time-cards", "hall"}, name(),
            ModeRun{"present", Env{{"MADANG_PRESENT_CLOCK", "1081"}}, "q"});
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=1 ", "time-card=-1"}), "")
      << p.last_idle() << p.stderr_text();
  p.key("Right");  // the card comes down; the timer starts
  ASSERT_NE(p.wait_idle({"card=0 ", "timer=running", "time-card=-1"}), "") << p.last_idle();
  p.key("Right");  // 1:59 left
  ASSERT_NE(p.wait_idle({"slide=2 ", "time-card=2"}), "") << p.last_idle();
  // Large and amber on the console (a 1200 x 520 card in its middle) ...
  EXPECT_TRUE(pixel_is(p, 400, 320, 0xf2b33d));
  // ... and the hall's small bar in its bottom-right corner.
  EXPECT_TRUE(pixel_is(p, kProjectorX + kW - 4, kH - 4, 0xf2b33d));
  EXPECT_FALSE(pixel_is(p, kProjectorX + kW - 4, kH - 60, 0xf2b33d));
  // Never on a title card: the next talk's card has no bar.
  p.key("ctrl+Right");
  ASSERT_NE(p.wait_idle({"forum-talk=2 ", "card=1 ", "time-card=-1"}), "") << p.last_idle();
  EXPECT_TRUE(hall_shows(p, exported_card(2), "card-2-no-bar"));
}

TEST_F(ForumE2E, AMissingDeckIsACardUntilItsFileAppears) {
  // Talk 2's deck (4:3) is not there yet: its card says so, the show goes on.
  const std::string late = dir_ + "/late.md";
  std::ofstream(program_, std::ios::app) << "  - title: 늦게 온 발표\n    speaker: 박\n"
                                            "    deck: late.md\n    minutes: 5\n";
  Present p(*x_, program_, {}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=1 "}), "") << p.last_idle() << p.stderr_text();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=0 ", "slide=1 "}), "") << p.last_idle();
  p.key("ctrl+Right");
  p.key("ctrl+Right");
  ASSERT_NE(p.wait_idle({"forum-talk=3 ", "card=1 "}), "") << p.last_idle();
  p.key("Right");  // nothing to start: past it, to the end card
  ASSERT_NE(p.wait_idle({"forum-item=4 ", "card=1 "}), "") << p.last_idle();
  p.key("ctrl+Left");
  ASSERT_NE(p.wait_idle({"forum-talk=3 ", "card=1 "}), "") << p.last_idle();
  // The speaker copies it in; within about a second it is loaded.
  std::ofstream(late) << "---\naspect: 4:3\n---\n# 늦은 발표\n\n내용\n\n---\n\n# 둘\n";
  for (int i = 0; i < 40 && p.stderr_text().find("talk 3's deck is here") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_NE(p.stderr_text().find("talk 3's deck is here"), std::string::npos) << p.stderr_text();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=3 ", "card=0 ", "slide=1 ", "slides=2 "}), "")
      << p.last_idle();
  // 4:3 in a 16:9 hall: letterboxed at its sides; talk 1 kept its own aspect
  // and place (slide 1, its timer running).
  EXPECT_TRUE(pixel_is(p, kProjectorX + 20, kH / 2, 0x000000));
  p.key("ctrl+Left");
  p.key("ctrl+Left");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=1 "}), "") << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"forum-talk=1 ", "card=0 ", "slide=1 ", "timer=running"}), "")
      << p.last_idle();
  EXPECT_TRUE(hall_shows(p, export_slide(kLecture, 1, "forum-lecture-1b"), "lecture-1-again"));
}

}  // namespace
}  // namespace madang::e2e
