// Clickable diagrams in a real `madang present` window (Xvfb, 1920x1080): a
// click on an element leaves the screen equal to `madang export --select` of
// it, a second click resets, Tab shows a focus ring and Enter selects, Esc
// clears, and a slide keeps its diagram as it was left.
//
// Hit rects come from `madang layout --json`: the window lays the slide out
// at the same 1920x1080, so its regions are in screen pixels.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "harness.h"
#include "image_compare.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

using namespace std::chrono_literals;

const std::string kLecture = std::string(MADANG_SLIDES_DIR) + "/lecture.md";

constexpr test::Tolerance kSame = kWindowEqualsExport;  // xvfb_suite.h says why
// The screen may take up to ~3 s to settle (ten screenshots, 300 ms apart).
constexpr ScreenCheck kScreen{kSame, 300ms};

// A point of the slide outside every hit region (the title's corner), where
// the pointer rests so that no element is hovered.
constexpr int kRestX = 8, kRestY = 8;

struct HitRect {
  float x = 0, y = 0, w = 0, h = 0;
  int cx() const { return static_cast<int>(x + w / 2); }
  int cy() const { return static_cast<int>(y + h / 2); }
};

// The hit regions of slide `slide` (1-based) at 1920x1080, by id.
std::map<std::string, HitRect> hit_rects(int slide, const std::string& select = "") {
  std::vector<std::string> argv = {MADANG_BINARY,         "layout", kLecture, "--slide",
                                   std::to_string(slide), "--json"};
  if (!select.empty()) {
    argv.push_back("--select");
    argv.push_back(select);
  }
  const RunResult r = run(argv, {});
  std::map<std::string, HitRect> out;
  if (r.exit_code != 0) return out;
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return out;
  for (const auto& item : j["slides"][0]["items"]) {
    if (item["kind"] != "hit") continue;
    const auto& rect = item["rect"];
    out[item["id"].get<std::string>()] = {rect[0].get<float>(), rect[1].get<float>(),
                                          rect[2].get<float>(), rect[3].get<float>()};
  }
  return out;
}

// `image` with the pixels of `from` copied in over `r` grown by `margin`.
render::RgbaImage patched(render::RgbaImage image, const render::RgbaImage& from, HitRect r,
                          int margin) {
  const int x0 = std::max(0, static_cast<int>(r.x) - margin);
  const int y0 = std::max(0, static_cast<int>(r.y) - margin);
  const int x1 = std::min(image.width, static_cast<int>(r.x + r.w) + margin);
  const int y1 = std::min(image.height, static_cast<int>(r.y + r.h) + margin);
  if (from.width != image.width || from.height != image.height) return image;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const std::size_t at = (static_cast<std::size_t>(y) * image.width + x) * 4;
      for (int c = 0; c < 4; ++c) image.pixels[at + c] = from.pixels[at + c];
    }
  }
  return image;
}

class DiagramE2E : public XvfbSuite<DiagramE2E> {
 protected:
  // Pixels that differ between two screenshots (both from the window, so
  // nothing differs unless the drawing does; a ring or a hover tint touches
  // a few thousand pixels).
  static long differing(const render::RgbaImage& a, const render::RgbaImage& b) {
    const test::ImageDiff d = test::diff_images(a, b, kSame.channel);
    return d.same_size ? d.differing_pixels : -1;
  }

  static bool same(const render::RgbaImage& a, const render::RgbaImage& b) {
    const test::ImageDiff d = test::diff_images(a, b, kSame.channel);
    return d.same_size && d.differing_pixels <= kSame.pixels;
  }

  // Clicks the centre of `r`, then rests the pointer off the diagram and
  // waits for the idle trace (printed once the 200 ms animation has run
  // and its last frame is drawn) to show `selected`.
  static std::string click_and_rest(Present& p, const HitRect& r, const std::string& selected) {
    p.click(r.cx(), r.cy(), 1);
    p.move(kRestX, kRestY);
    return p.wait_idle({"selected=" + selected + " ", "hovered=-"});
  }
};

TEST_F(DiagramE2E, ClickingEachElementEqualsTheExportOfItsSelection) {
  const std::map<std::string, HitRect> hits = hit_rects(4);
  ASSERT_EQ(hits.size(), 3u);
  for (const char* id : {"gov", "market", "civil"}) ASSERT_TRUE(hits.count(id)) << id;

  Present p(*x_, kLecture, {"--fullscreen", "--slide", "4"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 ", "fullscreen=1"}), "") << p.last_idle() << p.stderr_text();
  const render::RgbaImage rest = export_slide(kLecture, 4, name() + "-rest");
  EXPECT_TRUE(screen_matches(p, rest, "rest", kScreen));
  const render::RgbaImage rest_shot = p.screenshot();

  // Hover alone changes the drawing (and only while the pointer is there).
  p.move(hits.at("gov").cx(), hits.at("gov").cy());
  ASSERT_NE(p.wait_idle({"hovered=gov"}), "") << p.last_idle();
  std::this_thread::sleep_for(200ms);
  const render::RgbaImage hover = p.screenshot();
  EXPECT_GT(differing(hover, rest_shot), 500) << "hovering gov shows nothing";
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"hovered=-"}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, rest, "unhovered", kScreen));

  for (const char* id : {"gov", "market", "civil"}) {
    ASSERT_NE(click_and_rest(p, hits.at(id), id), "") << id << ": " << p.last_idle();
    EXPECT_TRUE(screen_matches(p, export_slide(kLecture, 4, name() + "-" + id, id), id, kScreen));
  }
  // Clicking the selected element again resets (its rect in the selected
  // layout: a selection may move things).
  const HitRect civil = hit_rects(4, "civil").at("civil");
  ASSERT_NE(click_and_rest(p, civil, "-"), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, rest, "civil-again", kScreen));

  // A click on the slide outside the diagrams neither selects nor advances.
  p.click(kRestX, kRestY, 1);
  std::this_thread::sleep_for(300ms);
  p.key("question");  // something that certainly traces, to read the state
  ASSERT_NE(p.wait_idle({"help=1"}), "") << p.last_idle();
  EXPECT_NE(p.last_idle().find("slide=4 "), std::string::npos) << p.last_idle();
  EXPECT_NE(p.last_idle().find("selected=- "), std::string::npos) << p.last_idle();
  p.key("Escape");
  ASSERT_NE(p.wait_idle({"help=0"}), "") << p.last_idle();

  // Slide 13 (typed: 1 3 Enter): the 혁신생태계 card of the comparison.
  const std::map<std::string, HitRect> hits13 = hit_rects(13);
  ASSERT_TRUE(hits13.count("innovation"));
  p.key("1");
  p.key("3");
  ASSERT_NE(p.wait_idle({"jump=13 "}), "") << p.last_idle();
  p.key("Return");
  ASSERT_NE(p.wait_idle({"slide=13 ", "jump=- "}), "") << p.last_idle();
  ASSERT_NE(click_and_rest(p, hits13.at("innovation"), "innovation"), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, export_slide(kLecture, 13, name() + "-innovation", "innovation"),
                             "innovation", kScreen));
}

TEST_F(DiagramE2E, TabShowsAFocusRingEnterSelectsEscClears) {
  const std::map<std::string, HitRect> hits = hit_rects(4);
  ASSERT_TRUE(hits.count("gov"));
  Present p(*x_, kLecture, {"--fullscreen", "--slide", "4"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 ", "fullscreen=1"}), "") << p.last_idle() << p.stderr_text();
  const render::RgbaImage rest = export_slide(kLecture, 4, name() + "-rest");
  EXPECT_TRUE(screen_matches(p, rest, "rest", kScreen));
  const render::RgbaImage rest_shot = p.screenshot();

  // Tab on a slide with diagrams: the ring, not the overview.
  p.key("Tab");
  ASSERT_NE(p.wait_idle({"focused=gov ", "overview=0"}), "") << p.last_idle();
  std::this_thread::sleep_for(200ms);
  const render::RgbaImage ring = p.screenshot();
  EXPECT_GT(differing(ring, rest_shot), 500) << "no focus ring";
  // The ring is drawn around gov: outside it, the screen is the rest state.
  EXPECT_TRUE(test::compare_images(patched(ring, rest, hits.at("gov"), 24), rest, kSame,
                                   name() + "-ring-outside"));

  // Enter selects the focused element: the export of --select gov, but for
  // the ring that still shows around it.
  p.key("Return");
  ASSERT_NE(p.wait_idle({"selected=gov ", "focused=gov ", "slide=4 "}), "") << p.last_idle();
  const render::RgbaImage selected = export_slide(kLecture, 4, name() + "-gov", "gov");
  std::this_thread::sleep_for(200ms);
  const render::RgbaImage shot = p.screenshot();
  EXPECT_FALSE(same(selected, rest));
  EXPECT_FALSE(same(shot, ring)) << "Enter selected nothing";
  EXPECT_TRUE(test::compare_images(patched(shot, selected, hits.at("gov"), 24), selected, kSame,
                                   name() + "-entered"));

  // Esc clears selection and ring (and does not leave full screen).
  p.key("Escape");
  ASSERT_NE(p.wait_idle({"selected=- ", "focused=- "}), "") << p.last_idle();
  EXPECT_NE(p.last_idle().find("fullscreen=1"), std::string::npos) << p.last_idle();
  EXPECT_TRUE(screen_matches(p, rest, "escaped", kScreen));
  // Now nothing is left to clear: Esc leaves full screen as before.
  p.key("Escape");
  ASSERT_NE(p.wait_idle({"fullscreen=0"}), "") << p.last_idle();
}

TEST_F(DiagramE2E, ASlideKeepsItsDiagramAsItWasLeft) {
  const std::map<std::string, HitRect> hits = hit_rects(4);
  ASSERT_TRUE(hits.count("market"));
  Present p(*x_, kLecture, {"--fullscreen", "--slide", "4"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 ", "fullscreen=1"}), "") << p.last_idle() << p.stderr_text();
  ASSERT_NE(click_and_rest(p, hits.at("market"), "market"), "") << p.last_idle();
  const render::RgbaImage market = export_slide(kLecture, 4, name() + "-market", "market");
  EXPECT_TRUE(screen_matches(p, market, "market", kScreen));

  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=5 ", "selected=- "}), "") << p.last_idle();
  // Tab on a slide without diagrams still opens the overview.
  p.key("Tab");
  ASSERT_NE(p.wait_idle({"overview=1"}), "") << p.last_idle();
  p.key("Tab");
  ASSERT_NE(p.wait_idle({"overview=0"}), "") << p.last_idle();
  p.key("Left");
  ASSERT_NE(p.wait_idle({"slide=4 ", "selected=market "}), "") << p.last_idle();
  EXPECT_TRUE(screen_matches(p, market, "returned", kScreen));
}

}  // namespace
}  // namespace madang::e2e
