// Ink and pointers end to end. Two real displays (Xorg's dummy driver: the
// console on the laptop, 0..1919, the hall on the projector, 1920..3839): a
// drag on the console's slide draws the same stroke in the hall at the same
// place on the slide; Ctrl+Z takes it away, Ctrl+Shift+Z brings it back;
// after quitting and starting again it is there (the sidecar); `export --png
// --ink` equals the hall's picture of it. The magnifier at 2x equals a 2x
// layout pixel for pixel; the laser is near the pointer only and gone soon
// after it stops; the spotlight dims all but the pointer's circle. One
// screen (Xvfb): ink drawn on the hall on step 1 shows from step 1 on, the
// eraser takes whole strokes, and kill -9 a second after a stroke keeps it.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
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
constexpr int kProjectorX = 1920, kW = 1920, kH = 1080;
constexpr int kRestX = 900, kRestY = 40;  // the console's top bar

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
};

Box current_rect(int slide) {
  const RunResult r = run({MADANG_BINARY, "layout", kLecture, "--console", "--slide",
                           std::to_string(slide), "--json", "--clock", "12:00"},
                          {});
  if (r.exit_code != 0) return {};
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return {};
  const nlohmann::json& c = j["console"][0]["current"];
  return {c[0].get<float>(), c[1].get<float>(), c[2].get<float>(), c[3].get<float>()};
}

int channel_distance(const render::RgbaImage& a, const render::RgbaImage& b, int x, int y) {
  const std::size_t i = (static_cast<std::size_t>(y) * a.width + x) * 4;
  int d = 0;
  for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a.pixels[i + c] - b.pixels[i + c]));
  return d;
}

// Pixels of `got` that differ from `ref`: how many, and their bounding box.
struct Changes {
  long count = 0;
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};
Changes changes(const render::RgbaImage& got, const render::RgbaImage& ref) {
  Changes c;
  if (got.width != ref.width || got.height != ref.height) return c;
  for (int y = 0; y < got.height; ++y) {
    for (int x = 0; x < got.width; ++x) {
      if (channel_distance(got, ref, x, y) <= 8) continue;
      ++c.count;
      c.x0 = std::min(c.x0, x);
      c.y0 = std::min(c.y0, y);
      c.x1 = std::max(c.x1, x);
      c.y1 = std::max(c.y1, y);
    }
  }
  return c;
}

class InkE2E : public TwoDisplaySuite<InkE2E> {
 protected:
  static render::RgbaImage hall_of(const render::RgbaImage& shot) {
    return crop(shot, kProjectorX, 0, kW, kH);
  }
  // The hall once it differs from `ref` (drawn) or equals it (`same`).
  static render::RgbaImage settled_hall(Present& p, const render::RgbaImage& ref, bool same) {
    render::RgbaImage hall;
    for (int attempt = 0; attempt < 12; ++attempt) {
      hall = hall_of(p.screenshot());
      if ((changes(hall, ref).count == 0) == same) return hall;
      std::this_thread::sleep_for(250ms);
    }
    return hall;
  }
};

// The stroke: a quarter to two thirds across, 85% down the slide (under the
// triangle of slide 4), drawn on the console's picture of the slide.
constexpr float kFromX = 0.25f, kToX = 0.65f, kAtY = 0.85f;

TEST_F(InkE2E, ADragOnTheConsoleDrawsInTheHallUndoesAndSurvivesARestart) {
  const Box r = current_rect(4);
  ASSERT_GT(r.w, 0);
  const std::string dir = temp_dir(name() + "-ink");
  const std::string sidecar = dir + "/lecture.ink.json";
  const render::RgbaImage ref = export_slide(kLecture, 4, name() + "-ref");
  ASSERT_EQ(ref.width, kW);
  {
    Present p(*x_, kLecture, {"--slide", "4", "--ink", sidecar}, name());
    p.move(kRestX, kRestY);
    ASSERT_NE(p.wait_idle({"slide=4 ", "ink-strokes=0 "}), "") << p.last_idle() << p.stderr_text();
    p.key("d");
    ASSERT_NE(p.wait_idle({"ink-tool=1"}), "") << p.last_idle();
    std::vector<std::string> drag = {
        "mousemove", std::to_string(static_cast<int>(r.x + kFromX * r.w)),
        std::to_string(static_cast<int>(r.y + kAtY * r.h)), "mousedown", "1"};
    for (int i = 1; i <= 20; ++i) {
      const float fx = kFromX + (kToX - kFromX) * static_cast<float>(i) / 20;
      drag.insert(drag.end(),
                  {"sleep", "0.02", "mousemove", std::to_string(static_cast<int>(r.x + fx * r.w)),
                   std::to_string(static_cast<int>(r.y + kAtY * r.h))});
    }
    drag.insert(drag.end(), {"mouseup", "1"});
    p.xdotool(drag);
    p.move(kRestX, kRestY);
    ASSERT_NE(p.wait_idle({"ink-strokes=1 "}), "") << p.last_idle() << p.stderr_text();

    // The hall: the stroke where it was drawn on the slide, nothing else.
    const render::RgbaImage hall = settled_hall(p, ref, false);
    const Changes c = changes(hall, ref);
    EXPECT_GT(c.count, 1000);
    EXPECT_NEAR(c.x0, kFromX * kW, 8);
    EXPECT_NEAR(c.x1, kToX * kW, 8);
    EXPECT_NEAR((c.y0 + c.y1) / 2.0, kAtY * kH, 4);
    EXPECT_LT(c.y1 - c.y0, 16);  // a line about 5 px wide
    // In the pen's colour (the hall theme's accent) along the middle.
    const int mid_x = static_cast<int>((kFromX + kToX) / 2 * kW);
    const int mid_y = (c.y0 + c.y1) / 2;
    const std::size_t at = (static_cast<std::size_t>(mid_y) * kW + mid_x) * 4;
    EXPECT_GT(channel_distance(hall, ref, mid_x, mid_y), 60)
        << int(hall.pixels[at]) << "," << int(hall.pixels[at + 1]) << ","
        << int(hall.pixels[at + 2]);
    {
      std::string error;
      render::write_png(hall, test::output_dir(name()) + "/hall-inked.png", &error);
    }

    // Written within a second.
    std::this_thread::sleep_for(1200ms);
    EXPECT_TRUE(fs::exists(sidecar));

    p.key("ctrl+z");
    ASSERT_NE(p.wait_idle({"ink-strokes=0 "}), "") << p.last_idle();
    EXPECT_EQ(changes(settled_hall(p, ref, true), ref).count, 0);
    p.key("ctrl+shift+z");
    ASSERT_NE(p.wait_idle({"ink-strokes=1 "}), "") << p.last_idle();
    EXPECT_GT(changes(settled_hall(p, ref, false), ref).count, 1000);

    // Another slide has none; back on slide 4 it is there.
    p.key("Right");
    ASSERT_NE(p.wait_idle({"slide=5 "}), "") << p.last_idle();
    p.key("q");
    ASSERT_EQ(p.wait_exit(5s), 0) << p.stderr_text();
  }
  // Quitting wrote it; a new run shows it again, at the same place.
  ASSERT_TRUE(fs::exists(sidecar));
  {
    Present p(*x_, kLecture, {"--slide", "4", "--ink", sidecar}, name() + "-again");
    p.move(kRestX, kRestY);
    ASSERT_NE(p.wait_idle({"slide=4 ", "ink-strokes=1 "}), "") << p.last_idle() << p.stderr_text();
    const render::RgbaImage hall = settled_hall(p, ref, false);
    const Changes c = changes(hall, ref);
    EXPECT_NEAR(c.x0, kFromX * kW, 8);
    EXPECT_NEAR(c.x1, kToX * kW, 8);
    EXPECT_NEAR((c.y0 + c.y1) / 2.0, kAtY * kH, 4);

    // The export with --ink draws what the hall shows.
    const std::string out = temp_dir(name() + "-export");
    const RunResult e = run({MADANG_BINARY, "export", kLecture, "--png", out, "--size", "1920x1080",
                             "--slides", "4", "--ink", "--ink-file", sidecar},
                            {});
    ASSERT_EQ(e.exit_code, 0) << e.err;
    render::RgbaImage exported;
    for (const auto& entry : fs::directory_iterator(out)) {
      std::string error;
      if (entry.path().extension() != ".png") continue;
      if (auto image = render::decode_image(entry.path().string(), &error)) exported = *image;
      ASSERT_TRUE(error.empty()) << error;
    }
    EXPECT_TRUE(test::compare_images(hall, exported, {2, 0}, name() + "-export-vs-hall"));
  }
}

// A point of the console's slide (fractions) in screen pixels of the laptop.
std::pair<int, int> on_console(const Box& r, float fx, float fy) {
  return {static_cast<int>(r.x + fx * r.w), static_cast<int>(r.y + fy * r.h)};
}

TEST_F(InkE2E, TheMagnifierLaysTheSlideOutAgainAtTwiceTheSize) {
  const Box r = current_rect(4);
  ASSERT_GT(r.w, 0);
  // The middle of slide 4 at 2x: the part of a 3840x2160 export around its
  // middle, pixel for pixel (laid out again, never scaled pixels).
  const render::RgbaImage big = [&] {
    const std::string dir = temp_dir(name() + "-ref2x");
    run({MADANG_BINARY, "export", kLecture, "--png", dir, "--size", "3840x2160", "--slides", "4"},
        {});
    std::string error;
    auto image = render::decode_image(dir + "/slide-04.png", &error);
    return image ? *image : render::RgbaImage{};
  }();
  ASSERT_EQ(big.width, 3840);
  const render::RgbaImage expected = crop(big, 960, 540, kW, kH);
  Present p(*x_, kLecture, {"--slide", "4", "--ink", "off"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 "}), "") << p.last_idle() << p.stderr_text();
  p.key("m");
  ASSERT_NE(p.wait_idle({"ink-tool=6"}), "") << p.last_idle();
  const auto [cx, cy] = on_console(r, 0.5f, 0.5f);
  p.click(cx, cy, 1);
  render::RgbaImage hall;
  for (int attempt = 0; attempt < 12; ++attempt) {
    hall = hall_of(p.screenshot());
    if (test::diff_images(hall, expected, 2).differing_pixels == 0) break;
    std::this_thread::sleep_for(250ms);
  }
  EXPECT_TRUE(test::compare_images(hall, expected, {2, 0}, name() + "-magnified"));
  // The console marks the part enlarged: a red frame a quarter in from each
  // side of its slide.
  {
    const render::RgbaImage shot = p.screenshot();
    const auto [fx, fy] = on_console(r, 0.25f, 0.5f);
    int reddest = 0;
    for (int dx = -3; dx <= 3; ++dx) {
      const std::size_t i = (static_cast<std::size_t>(fy) * shot.width + fx + dx) * 4;
      if (shot.pixels[i] > 180 && shot.pixels[i + 1] < 90) reddest = shot.pixels[i];
    }
    EXPECT_GT(reddest, 0) << "no frame on the console at " << fx << "," << fy;
  }
  // Esc puts it down: the slide as it was.
  p.key("Escape");
  ASSERT_NE(p.wait_idle({"ink-tool=0"}), "") << p.last_idle();
  const render::RgbaImage ref = export_slide(kLecture, 4, name() + "-ref");
  EXPECT_EQ(changes(settled_hall(p, ref, true), ref).count, 0);
}

TEST_F(InkE2E, TheLaserIsNearThePointerOnlyAndGoneSoonAfterItStops) {
  const Box r = current_rect(4);
  ASSERT_GT(r.w, 0);
  const render::RgbaImage ref = export_slide(kLecture, 4, name() + "-ref");
  // The loop's clock four times slower: the 0.4 s trail lasts 1.6 s here,
  // long enough for a screenshot.
  ModeRun slow;
  slow.env = {{"MADANG_CLOCK_SCALE", "0.25"}};
  Present p(*x_, kLecture, {"--slide", "4", "--ink", "off"}, name(), slow);
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 "}), "") << p.last_idle() << p.stderr_text();
  p.key("l");
  ASSERT_NE(p.wait_idle({"ink-tool=4"}), "") << p.last_idle();
  std::vector<std::string> path;
  for (int i = 0; i <= 5; ++i) {
    const auto [x, y] = on_console(r, 0.30f + 0.02f * static_cast<float>(i), 0.5f);
    path.insert(path.end(), {"mousemove", std::to_string(x), std::to_string(y), "sleep", "0.03"});
  }
  p.xdotool(path);
  const render::RgbaImage hall = hall_of(p.screenshot());
  const Changes c = changes(hall, ref);
  EXPECT_GT(c.count, 50);
  // Only near the path: 0.30..0.40 across, half way down.
  EXPECT_GE(c.x0, 0.30f * kW - 40);
  EXPECT_LE(c.x1, 0.40f * kW + 40);
  EXPECT_GE(c.y0, kH / 2 - 40);
  EXPECT_LE(c.y1, kH / 2 + 40);
  // Still: gone (0.5 s of the show's clock is 2 s here).
  std::this_thread::sleep_for(2500ms);
  EXPECT_EQ(changes(hall_of(p.screenshot()), ref).count, 0);
}

TEST_F(InkE2E, TheSpotlightDimsEverythingButAroundThePointer) {
  const Box r = current_rect(4);
  ASSERT_GT(r.w, 0);
  const render::RgbaImage ref = export_slide(kLecture, 4, name() + "-ref");
  Present p(*x_, kLecture, {"--slide", "4", "--ink", "off"}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 "}), "") << p.last_idle() << p.stderr_text();
  p.key("x");
  ASSERT_NE(p.wait_idle({"ink-tool=5"}), "") << p.last_idle();
  const auto [x, y] = on_console(r, 0.5f, 0.5f);
  p.move(x, y);
  const render::RgbaImage hall = settled_hall(p, ref, false);
  // Around the pointer: as it was. A corner of the slide: much darker.
  EXPECT_LE(channel_distance(hall, ref, kW / 2, kH / 2), 2);
  const std::size_t corner = (static_cast<std::size_t>(40) * kW + 40) * 4;
  EXPECT_LT(hall.pixels[corner], ref.pixels[corner] * 0.6);
  EXPECT_GT(hall.pixels[corner], ref.pixels[corner] * 0.2);
}

TEST_F(InkE2E, ShiftCAsksOnTheConsoleThenClearsTheWholeTalk) {
  const std::string dir = temp_dir(name() + "-ink");
  const std::string sidecar = dir + "/lecture.ink.json";
  {
    std::FILE* f = std::fopen(sidecar.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "{\"madang-ink\":1,\"slides\":[{\"slide\":2,\"strokes\":[{\"color\":\"#e0302cff\","
        "\"width\":0.005,\"points\":[[0.2,0.9,1],[0.8,0.9,1]]}]},{\"slide\":4,\"strokes\":[{"
        "\"color\":\"#e0302cff\",\"width\":0.005,\"points\":[[0.2,0.9,1],[0.8,0.9,1]]}]}]}",
        f);
    std::fclose(f);
  }
  Present p(*x_, kLecture, {"--slide", "4", "--ink", sidecar}, name());
  p.move(kRestX, kRestY);
  ASSERT_NE(p.wait_idle({"slide=4 ", "ink-strokes=2 "}), "") << p.last_idle() << p.stderr_text();
  std::this_thread::sleep_for(300ms);
  const render::RgbaImage before = crop(p.screenshot(), 0, 0, kW, 120);  // the console's top bar
  p.key("shift+c");
  std::this_thread::sleep_for(600ms);
  const render::RgbaImage asking = crop(p.screenshot(), 0, 0, kW, 120);
  EXPECT_GT(changes(asking, before).count, 200) << "the console does not ask";
  EXPECT_NE(p.last_idle().find("ink-strokes=2 "), std::string::npos) << p.last_idle();
  p.key("shift+c");
  ASSERT_NE(p.wait_idle({"ink-strokes=0 "}), "") << p.last_idle();
  // Undo brings the whole talk's ink back.
  p.key("ctrl+z");
  ASSERT_NE(p.wait_idle({"ink-strokes=2 "}), "") << p.last_idle();
}

// One screen (Xvfb): the hall is the window drawn on.
class InkOneScreenE2E : public XvfbSuite<InkOneScreenE2E> {};

constexpr const char* kStepDeck =
    "---\ntitle: 단계\n---\n\n# 단계별 잉크\n\n첫째 문단\n\n<!-- pause -->\n\n둘째 문단\n\n"
    "---\n\n# 다음 장\n";

TEST_F(InkOneScreenE2E, InkOnStepOneShowsFromStepOneAndTheEraserTakesWholeStrokes) {
  const std::string dir = temp_dir(name() + "-deck");
  const std::string deck = dir + "/steps.md";
  {
    std::FILE* f = std::fopen(deck.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(kStepDeck, f);
    std::fclose(f);
  }
  Present p(*x_, deck, {"--fullscreen"}, name());
  ASSERT_NE(p.wait_idle({"slide=1 ", "step=0 "}), "") << p.last_idle() << p.stderr_text();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"slide=1 ", "step=1 "}), "") << p.last_idle();
  std::this_thread::sleep_for(500ms);  // the fragment's fade
  const render::RgbaImage step1 = p.screenshot();
  // The highlighter across the lower part of the slide, on step 1.
  p.key("h");
  ASSERT_NE(p.wait_idle({"ink-tool=2"}), "") << p.last_idle();
  std::vector<std::string> drag = {"mousemove", "400", "900", "mousedown", "1"};
  for (int x = 450; x <= 1400; x += 50) {
    drag.insert(drag.end(), {"sleep", "0.02", "mousemove", std::to_string(x), "900"});
  }
  drag.insert(drag.end(), {"mouseup", "1"});
  p.xdotool(drag);
  ASSERT_NE(p.wait_idle({"ink-strokes=1 "}), "") << p.last_idle();
  // The sidecar beside the deck, written within a second.
  std::this_thread::sleep_for(1200ms);
  EXPECT_TRUE(fs::exists(dir + "/steps.ink.json"));
  const Changes on1 = changes(p.screenshot(), step1);
  EXPECT_GT(on1.count, 10000);  // a band ~40 px high, 1000 px long
  EXPECT_NEAR((on1.y0 + on1.y1) / 2.0, 900, 6);
  // Back to step 0: the stroke hides; on again: it is back.
  p.key("Escape");  // the highlighter down
  ASSERT_NE(p.wait_idle({"ink-tool=0"}), "") << p.last_idle();
  p.key("Left");
  ASSERT_NE(p.wait_idle({"step=0 "}), "") << p.last_idle();
  std::this_thread::sleep_for(500ms);
  const render::RgbaImage step0 = p.screenshot();
  p.key("Right");
  ASSERT_NE(p.wait_idle({"step=1 "}), "") << p.last_idle();
  std::this_thread::sleep_for(500ms);
  EXPECT_GT(changes(p.screenshot(), step1).count, 10000);
  // The band is not on step 0: around it, step 0 and step 1 differ only
  // where the second paragraph is.
  EXPECT_EQ(changes(crop(step0, 0, 860, kW, 80), crop(step1, 0, 860, kW, 80)).count, 0);
  // The eraser touching it takes the whole stroke.
  p.key("e");
  ASSERT_NE(p.wait_idle({"ink-tool=3"}), "") << p.last_idle();
  p.click(900, 900, 1);
  ASSERT_NE(p.wait_idle({"ink-strokes=0 "}), "") << p.last_idle();
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(changes(p.screenshot(), step1).count, 0);
  // A pen stroke, then kill -9 a second and a bit later: the sidecar has it.
  p.key("d");
  ASSERT_NE(p.wait_idle({"ink-tool=1"}), "") << p.last_idle();
  p.xdotool({"mousemove", "500", "700", "mousedown", "1", "sleep", "0.05", "mousemove", "900",
             "720", "sleep", "0.05", "mousemove", "1300", "700", "mouseup", "1"});
  ASSERT_NE(p.wait_idle({"ink-strokes=1 "}), "") << p.last_idle();
  std::this_thread::sleep_for(1200ms);
  p.kill9();
  const nlohmann::json saved =
      nlohmann::json::parse(read_file(dir + "/steps.ink.json"), nullptr, false);
  ASSERT_FALSE(saved.is_discarded());
  ASSERT_EQ(saved["slides"].size(), 1u);
  EXPECT_EQ(saved["slides"][0]["strokes"].size(), 1u);
  EXPECT_EQ(saved["slides"][0]["strokes"][0]["tool"], "pen");
  EXPECT_EQ(saved["slides"][0]["strokes"][0]["step"], 1);
}

}  // namespace
}  // namespace madang::e2e
