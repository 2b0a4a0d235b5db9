// `madang present` in a real X window (Xvfb, 1920x1080): keys move through
// the deck and the screen equals `madang export` of the same slide; overlays
// show; a still slide costs no CPU; editing the deck reloads it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.h"
#include "image_compare.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const std::string kDeck = std::string(MADANG_E2E_DATA) + "/present.md";

constexpr test::Tolerance kSame = kWindowEqualsExport;  // xvfb_suite.h says why
// The screen may take up to ~3 s to settle (ten screenshots, 300 ms apart).
constexpr ScreenCheck kScreen{kSame, 300ms};

class PresentE2E : public XvfbSuite<PresentE2E> {
 protected:
  static bool same(const render::RgbaImage& a, const render::RgbaImage& b) {
    const test::ImageDiff d = test::diff_images(a, b, kSame.channel);
    return d.same_size && d.differing_pixels <= kSame.pixels;
  }

  static render::RgbaImage solid(int w, int h, std::uint8_t grey) {
    render::RgbaImage image{w, h, {}};
    image.pixels.assign(static_cast<std::size_t>(w) * h * 4, grey);
    for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;
    return image;
  }
};

TEST_F(PresentE2E, KeysMoveThroughTheDeckAndTheScreenEqualsTheExport) {
  Present p(*x_, kDeck, {"--fullscreen"}, name());
  ASSERT_NE(p.wait_idle({"slide=1 ", "fullscreen=1"}), "") << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 1, name() + "-ref1"), "slide1", kScreen));

  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 2, name() + "-ref2"), "slide2", kScreen));

  p.key("End");
  ASSERT_NE(p.wait_idle({"slide=4 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 4, name() + "-ref4"), "slide4", kScreen));

  p.key("Home");
  ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle();
  EXPECT_TRUE(
      screen_matches(p, export_slide(kDeck, 1, name() + "-ref1b"), "slide1-again", kScreen));

  // Digits then Enter jump; slide 3 has a fragment that Next reveals. The
  // export shows every fragment, so the screen matches only once revealed.
  p.key("3");
  ASSERT_NE(p.wait_idle({"jump=3 "}), "") << p.last_idle();
  p.key("Return");
  ASSERT_NE(p.wait_idle({"slide=3 ", "step=0 ", "jump=- "}), "") << p.last_idle();
  const render::RgbaImage ref3 = export_slide(kDeck, 3, name() + "-ref3");
  EXPECT_FALSE(same(p.screenshot(), ref3)) << "the fragment shows before it is revealed";
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=3 ", "step=1 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, ref3, "slide3-revealed", kScreen));

  p.key("q");
  EXPECT_EQ(p.wait_exit(5s), 0);
}

TEST_F(PresentE2E, BlankHelpAndOverviewOverlays) {
  Present p(*x_, kDeck, {"--fullscreen", "--slide", "2"}, name());
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle() << p.stderr_text();
  const render::RgbaImage slide = export_slide(kDeck, 2, name() + "-ref");
  EXPECT_TRUE(screen_matches(p, slide, "slide2", kScreen));

  p.key("b");
  ASSERT_NE(p.wait_idle({"blank=black"}), "") << p.last_idle();
  const render::RgbaImage black = solid(1920, 1080, 0);
  EXPECT_TRUE(screen_matches(p, black, "black", kScreen));
  p.key("w");
  ASSERT_NE(p.wait_idle({"blank=white"}), "") << p.last_idle();
  const render::RgbaImage white = solid(1920, 1080, 255);
  EXPECT_TRUE(screen_matches(p, white, "white", kScreen));
  p.key("Escape");
  ASSERT_NE(p.wait_idle({"blank=none"}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, slide, "unblanked", kScreen));

  // Help: a dark panel in the middle of the slide, with light text on it.
  p.key("question");
  ASSERT_NE(p.wait_idle({"help=1"}), "") << p.last_idle();
  std::this_thread::sleep_for(200ms);
  const render::RgbaImage help = p.screenshot();
  EXPECT_FALSE(same(help, slide));
  const test::Rgba centre = test::pixel_at(help, 960, 540);
  EXPECT_LT(centre.r + centre.g + centre.b, 3 * 80) << "no dark help panel at the centre";
  p.key("Escape");
  ASSERT_NE(p.wait_idle({"help=0"}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, slide, "help-closed", kScreen));

  // Overview: the grid's background fills the corners; arrows move the
  // cursor; Enter jumps there.
  p.key("Tab");
  ASSERT_NE(p.wait_idle({"overview=1", "cursor=2 "}), "") << p.last_idle();
  std::this_thread::sleep_for(200ms);
  const render::RgbaImage grid = p.screenshot();
  EXPECT_EQ(test::pixel_at(grid, 3, 3), (test::Rgba{28, 28, 32, 255}));
  p.key("Right");
  ASSERT_NE(p.wait_idle({"overview=1", "cursor=3 ", "slide=2 "}), "") << p.last_idle();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"cursor=4 "}), "") << p.last_idle();
  p.key("Return");
  ASSERT_NE(p.wait_idle({"overview=0", "slide=4 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 4, name() + "-ref4"), "picked", kScreen));

  // A click picks a thumbnail (four slides: a 2x2 grid; slide 1 top left).
  p.key("o");
  ASSERT_NE(p.wait_idle({"overview=1"}), "") << p.last_idle();
  p.click(480, 270, 1);
  ASSERT_NE(p.wait_idle({"overview=0", "slide=1 "}), "") << p.last_idle();
  // On a slide a plain click does nothing (clicks belong to diagrams); the
  // wheel moves.
  p.click(960, 540, 1);
  p.click(960, 540, 5);
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  p.click(960, 540, 4);
  ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kDeck, 1, name() + "-ref1"), "wheel-back", kScreen));
}

TEST_F(PresentE2E, AStillSlideCostsNoCpu) {
  Present p(*x_, kDeck, {"--fullscreen"}, name());
  ASSERT_NE(p.wait_idle({"slide=1 "}), "") << p.last_idle() << p.stderr_text();
  p.key("Right");  // and after a transition has run
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle();
  std::this_thread::sleep_for(500ms);
  const long before = p.cpu_ticks();
  ASSERT_GE(before, 0);
  std::this_thread::sleep_for(2s);
  const long after = p.cpu_ticks();
  const double share = static_cast<double>(after - before) / sysconf(_SC_CLK_TCK) / 2.0;
  EXPECT_LT(share, 0.02) << "used " << (after - before) << " ticks in 2 s while idle";
}

TEST_F(PresentE2E, HotReloadKeepsThePlaceAndShowsErrorsUntilFixed) {
  const std::string dir = temp_dir(name() + "-deck");
  const std::string deck = dir + "/talk.md";
  const std::string original = read_file(kDeck);
  auto save = [&](const std::string& text) {
    // Like many editors: write a temporary file, rename it over the deck.
    const std::string temp = dir + "/.talk.md.tmp";
    std::ofstream(temp, std::ios::trunc) << text;
    fs::rename(temp, deck);
  };
  save(original);

  Present p(*x_, deck, {"--fullscreen", "--slide", "2"}, name());
  ASSERT_NE(p.wait_idle({"slide=2 "}), "") << p.last_idle() << p.stderr_text();
  const render::RgbaImage before = export_slide(deck, 2, name() + "-before");
  EXPECT_TRUE(screen_matches(p, before, "before", kScreen));

  // A good edit: the slide changes in place.
  std::string good = original;
  const std::string item = "생태계 조성 전략";
  ASSERT_NE(good.find(item), std::string::npos);
  good.replace(good.find(item), item.size(), "고친 항목이 바로 보입니다");
  save(good);
  ASSERT_NE(p.wait_idle({"slide=2 ", "errors=0"}), "") << p.last_idle();
  const render::RgbaImage edited = export_slide(deck, 2, name() + "-edited");
  EXPECT_FALSE(same(edited, before));
  EXPECT_TRUE(screen_matches(p, edited, "good-edit", kScreen));

  // A broken edit: the last good slide stays, with the error over its foot.
  save(good + "\n```diagram flow\ntitle: 단계 없음\n```\n");
  ASSERT_NE(p.wait_idle({"slide=2 ", "errors=1"}), "") << p.last_idle();
  std::this_thread::sleep_for(200ms);
  const render::RgbaImage broken = p.screenshot();
  EXPECT_FALSE(same(broken, edited)) << "no error overlay";
  EXPECT_TRUE(test::compare_images(crop_rows(broken, 0, 700), crop_rows(edited, 0, 700), kSame,
                                   name() + "-broken-top"))
      << "the last good slide should stay above the overlay";
  EXPECT_NE(p.stderr_text().find("talk.md:"), std::string::npos) << p.stderr_text();

  // Fixed: the overlay goes.
  save(good);
  ASSERT_NE(p.wait_idle({"slide=2 ", "errors=0"}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, edited, "fixed", kScreen));
}

}  // namespace
}  // namespace madang::e2e
