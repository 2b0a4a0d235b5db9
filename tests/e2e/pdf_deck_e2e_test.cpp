// A PDF deck presented on two real displays (Xorg's dummy driver: laptop
// DUMMY0 at x 0, projector DUMMY1 at x 1920): the hall shows each page as
// `madang export talk.pdf` draws it, the console shows the notes found
// beside the PDF, a link on a page jumps, and a PDF rewritten badly in place
// leaves the hall on the last good deck.
#include <gtest/gtest.h>

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

const std::string kLecture = std::string(MADANG_SLIDES_DIR) + "/lecture.md";
constexpr test::Tolerance kExact{2, 0};
constexpr int kLaptopX = 0, kProjectorX = 1920, kW = 1920, kH = 1080;
constexpr int kBarBottom = 24 + 104;  // the console's top bar holds the machine's clock
constexpr int kRestX = 900, kRestY = 40;

class PdfDeckE2E : public TwoDisplaySuite<PdfDeckE2E> {
 protected:
  // The lecture as someone else's PDF, with notes beside it.
  std::string talk() {
    const std::string dir = temp_dir(name() + "-deck");
    const std::string pdf = dir + "/talk.pdf";
    const RunResult r = run({MADANG_BINARY, "export", kLecture, "--pdf", pdf}, {});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::ofstream(dir + "/talk.notes.md")
        << "## 1\n\n인사: **희망제작소** 김제선입니다\n\n## 2\n\n- 연사 소개는 짧게\n";
    return pdf;
  }

  static render::RgbaImage hall_of(const render::RgbaImage& shot, int x) {
    return crop(shot, x, 0, kW, kH);
  }
  static render::RgbaImage console_of(const render::RgbaImage& shot, int x) {
    return crop(shot, x, kBarBottom, kW, kH - kBarBottom);
  }

  // `part` of the screen (hall_of or console_of at display x) equals `expected`.
  static ::testing::AssertionResult shows(Present& p, const render::RgbaImage& expected,
                                          render::RgbaImage (*part)(const render::RgbaImage&, int),
                                          int x, const std::string& what) {
    return screen_matches(p, expected, what, {kExact, 300ms},
                          [&](const render::RgbaImage& shot) { return part(shot, x); });
  }
};

TEST_F(PdfDeckE2E, TheHallShowsThePagesAndTheConsoleTheNotesBesideThePdf) {
  const std::string pdf = talk();
  Present p(*x_, pdf, {"--duration", "20m"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=1 ", "console=1 ", "hall-display=1 "}), "")
      << p.last_idle() << p.stderr_text();
  EXPECT_TRUE(shows(p, export_slide(pdf, 1, name() + "-ref-1"), hall_of, kProjectorX, "hall-1"));
  // The console as `export --console` draws it: the notes from talk.notes.md,
  // the next page, the strip, the plan.
  EXPECT_TRUE(shows(
      p,
      crop_rows(export_console(pdf, 1, name() + "-cref-1", {"--duration", "20m"}), kBarBottom, kH),
      console_of, kLaptopX, "console-1"));

  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=2 ", "timer=running"}), "") << p.last_idle();
  EXPECT_TRUE(shows(p, export_slide(pdf, 2, name() + "-ref-2"), hall_of, kProjectorX, "hall-2"));
  p.key("End");
  ASSERT_NE(p.wait_idle({"slide=23 "}), "") << p.last_idle();
  EXPECT_TRUE(shows(p, export_slide(pdf, 23, name() + "-ref-23"), hall_of, kProjectorX, "hall-23"));
}

TEST_F(PdfDeckE2E, APdfCutShortInPlaceKeepsTheLastGoodDeckUntilItIsWhole) {
  const std::string pdf = talk();
  const std::string whole = read_file(pdf);
  const render::RgbaImage page3 = export_slide(pdf, 3, name() + "-ref-3");
  Present p(*x_, pdf, {"--slide", "3"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=3 ", "console=1 "}), "") << p.last_idle() << p.stderr_text();
  // PowerPoint and HWP write in place: the file is half there for a while.
  std::ofstream(pdf, std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() / 2);
  ASSERT_NE(p.wait_idle({"errors=1 "}), "") << p.last_idle();
  EXPECT_TRUE(shows(p, page3, hall_of, kProjectorX, "hall-kept"));
  // Written whole again: the deck comes back, on the same slide.
  std::ofstream(pdf, std::ios::binary | std::ios::trunc) << whole;
  ASSERT_NE(p.wait_idle({"errors=0 ", "slide=3 "}), "") << p.last_idle();
}

}  // namespace
}  // namespace madang::e2e
