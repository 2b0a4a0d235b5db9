// Golden images of hand-built display lists (SDL testautomation_render style):
// fixed sizes, a tolerance per test; on failure actual/expected/diff PNGs are
// written under <build>/test-output/<name>/. Re-record with
// MADANG_UPDATE_GOLDENS=1 after checking the new images by eye.
#include <gtest/gtest.h>

#include "render_fixture.h"

namespace madang::test {
namespace {

std::string golden(const std::string& name) {
  return std::string(MADANG_GOLDEN_DIR) + "/" + name;
}

render::RgbaImage gradient(int w, int h) {
  render::RgbaImage img;
  img.width = w;
  img.height = h;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool check = ((x / 8) + (y / 8)) % 2;
      img.pixels.insert(img.pixels.end(), {static_cast<std::uint8_t>(x * 255 / (w - 1)),
                                           static_cast<std::uint8_t>(y * 255 / (h - 1)),
                                           static_cast<std::uint8_t>(check ? 200 : 60), 255});
    }
  return img;
}

TEST_F(RenderTest, GoldenShapes) {
  layout::DisplayList l = list_of(
      320, 180,
      {fill({12, 12, 90, 60}, 0x2f6fdfff), fill({114, 12, 90, 60}, 0xe0a030ff, 14),
       stroke({216, 12, 90, 60}, 0x1b8a5aff, 3, 10), stroke({12.5f, 84.5f, 60, 40}, 0x333333ff, 1),
       polygon({{90, 160}, {130, 86}, {170, 160}}, 0xc03060ff),
       polygon({{190, 90}, {230, 84}, {250, 120}, {220, 150}, {185, 130}}, 0x6040c0c0),
       line({20, 140}, {70, 170}, 0x222222ff, 1), line({260, 170}, {306, 92}, 0x222222ff, 3, true),
       line({14, 172}, {300, 176}, 0x888888ff, 0.5f)},
      0xfaf8f2ff);
  // Exact (measured: 0 pixels differ); see GoldenText for why.
  EXPECT_TRUE(matches_golden(render(l), golden("shapes.png"), {0, 0}));
}

TEST_F(RenderTest, GoldenText) {
  layout::DisplayList l = list_of(480, 270, {fill({16, 16, 448, 238}, 0xf1ece1ff, 18)}, 0xffffffff);
  text::TextStyle title;
  title.bold = true;
  title.color = 0x1d2a44ff;
  auto add = [&](std::vector<layout::Command> cmds) {
    l.commands.insert(l.commands.end(), cmds.begin(), cmds.end());
  };
  add(text_runs("마당 발표 도구", 40, 36, 70, title));
  text::TextStyle body;
  body.color = 0x333333ff;
  add(text_runs("한국어 줄바꿈과 글꼴 대체를 시험합니다.", 22, 36, 118, body, 410));
  text::TextStyle under = body;
  under.underline = true;
  add(text_runs("밑줄 underline", 22, 36, 160, under));
  text::TextStyle strike = body;
  strike.strike = true;
  strike.color = 0xb03030ff;
  add(text_runs("취소선 strike", 22, 250, 160, strike));
  add({push_opacity(0.5f)});
  add(text_runs("반투명 50%", 26, 36, 208, body));
  add({pop_opacity()});
  add(text_runs("😀🎉", 36, 330, 215));
  // Exact. Glyph rasterization depends on the FreeType and font package
  // versions, which Debian bookworm pins: measured, 0 pixels differ. When a
  // package update moves antialiasing, look at the diff and re-record; any
  // slack here would also let a wrong or missing glyph through.
  EXPECT_TRUE(matches_golden(render(l), golden("text.png"), {0, 0}));
}

TEST_F(RenderTest, GoldenImageClipOpacity) {
  std::string path = output_dir("golden_inputs") + "/gradient.png";
  std::string err;
  ASSERT_TRUE(render::write_png(gradient(64, 48), path, &err)) << err;
  layout::DisplayList l = list_of(
      320, 180,
      {image({10, 10, 128, 96}, path), image({150, 10, 160, 96}, ""), push_clip({10, 116, 140, 54}),
       fill({0, 100, 320, 80}, 0x2f6fdfff, 30), fill({60, 130, 200, 30}, 0xffffffff, 15),
       pop_clip(), push_opacity(0.4f), fill({170, 116, 140, 54}, 0xc03060ff, 8),
       push_clip({200, 120, 40, 40}), push_opacity(0.5f), fill({150, 100, 170, 80}, 0x000000ff),
       pop_opacity(), pop_clip(), pop_opacity()});
  // Exact (measured: 0 pixels differ).
  EXPECT_TRUE(matches_golden(render(l), golden("image_clip_opacity.png"), {0, 0}));
}

}  // namespace
}  // namespace madang::test
