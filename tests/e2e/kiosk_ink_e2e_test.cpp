// The kiosk with --visitor-ink, on a private Xvfb: a drag on the slide draws
// a stroke there; a tap without a drag still selects a diagram element;
// once the visitor leaves (the deck's idle: 3 s) the ink goes with the
// return to slide 1. Without the flag a drag draws nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "harness.h"
#include "image_compare.h"
#include "xvfb_suite.h"

namespace madang::e2e {
namespace {

using namespace std::chrono_literals;

const std::string kDeck = std::string(MADANG_E2E_DATA) + "/kiosk.md";

ModeRun kiosk(const std::string& name) {
  Env env;
  env["XDG_CONFIG_HOME"] = temp_dir(name + "-config");
  env["MADANG_KIOSK_PIN_HASH"] = std::nullopt;
  return {"kiosk", env, ""};
}

// The centre of diagram element `id` on slide 1 at 1920x1080.
std::pair<int, int> element(const std::string& id) {
  const RunResult r = run({MADANG_BINARY, "layout", kDeck, "--slide", "1", "--json"}, {});
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return {0, 0};
  for (const auto& item : j["slides"][0]["items"]) {
    if (item["kind"] != "hit" || item["id"] != id) continue;
    const auto& rect = item["rect"];
    return {static_cast<int>(rect[0].get<float>() + rect[2].get<float>() / 2),
            static_cast<int>(rect[1].get<float>() + rect[3].get<float>() / 2)};
  }
  return {0, 0};
}

// Pixels of a's row band [y0, y1) that differ from b's by more than 8 levels.
long differing(const render::RgbaImage& a, const render::RgbaImage& b, int y0, int y1) {
  if (a.width != b.width || a.height != b.height) return -1;
  long n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * a.width + x) * 4;
      for (int c = 0; c < 3; ++c) {
        if (std::abs(a.pixels[i + c] - b.pixels[i + c]) > 8) {
          ++n;
          break;
        }
      }
    }
  }
  return n;
}

class KioskInkE2E : public XvfbSuite<KioskInkE2E> {
 protected:
  static void drag(Present& p, int y) {
    std::vector<std::string> moves = {"mousemove", "300", std::to_string(y), "mousedown", "1"};
    for (int x = 350; x <= 1500; x += 50) {
      moves.insert(moves.end(),
                   {"sleep", "0.02", "mousemove", std::to_string(x), std::to_string(y)});
    }
    moves.insert(moves.end(), {"mouseup", "1"});
    p.xdotool(moves);
  }
};

TEST_F(KioskInkE2E, VisitorsDrawWithADragTapsStillSelectAndIdleClearsTheInk) {
  const auto [gx, gy] = element("gov");
  ASSERT_GT(gx, 0);
  const render::RgbaImage ref = export_slide(kDeck, 1, name() + "-ref");
  ASSERT_EQ(ref.width, 1920);
  Present p(*x_, kDeck, {"--visitor-ink"}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 "}, 5s), "") << p.last_idle() << p.stderr_text();
  // 1055 px down: below the footer, in the slide's margin (over no element,
  // so nothing is hovered on the way).
  drag(p, 1055);
  ASSERT_NE(p.wait_idle({"slide=1 ", "ink-strokes=1", "phase=visitor"}), "")
      << p.last_idle() << p.stderr_text();
  std::this_thread::sleep_for(300ms);
  const render::RgbaImage drawn = p.screenshot();
  EXPECT_GT(differing(drawn, ref, 1035, 1075), 3000);  // a line across most of the width
  EXPECT_EQ(differing(drawn, ref, 0, 1030), 0);        // nothing else
  // A tap without a drag: the diagram takes it.
  p.click(gx, gy, 1);
  ASSERT_NE(p.wait_idle({"selected=gov ", "ink-strokes=1"}), "") << p.last_idle();
  // The visitor leaves: back to slide 1 at rest, and no ink.
  ASSERT_NE(p.wait_idle({"phase=auto", "returns=1", "ink-strokes=0"}, 8s), "") << p.last_idle();
}

TEST_F(KioskInkE2E, WithoutTheFlagADragDrawsNothing) {
  Present p(*x_, kDeck, {}, name(), kiosk(name()));
  ASSERT_NE(p.wait_idle({"slide=1 "}, 5s), "") << p.last_idle() << p.stderr_text();
  drag(p, 1055);
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(p.wait_idle({"ink-strokes=1"}, 1s), "") << p.last_idle();
  EXPECT_NE(p.last_idle().find("ink-strokes=0"), std::string::npos) << p.last_idle();
}

}  // namespace
}  // namespace madang::e2e
