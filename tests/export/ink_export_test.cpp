// `madang export --ink`: the speaker's ink over the exported slides. PNG: the
// strokes where the sidecar puts them, the highlighter under the text (the
// words keep their colour, the paper around them is tinted); PDF: the
// strokes as vector paths (no image in the file), at the same place.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "cli_fixture.h"
#include "image_compare.h"
#include "render/image.h"

namespace madang::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDeck =
    "---\ntitle: Ink\n---\n\n# 잉크 시험\n\n"
    "시민사회와 시장과 정부가 함께 만드는 지역의 변화\n";

// A pen stroke across the lower third; a highlighter over the body line
// (its y found from the layout: see below).
std::string sidecar(float highlight_y) {
  return std::string(
             "{\"madang-ink\":1,\"deck\":\"deck.md\",\"slides\":[{\"slide\":1,"
             "\"strokes\":[") +
         "{\"tool\":\"pen\",\"color\":\"#e0302cff\",\"width\":0.006,\"step\":0,"
         "\"points\":[[0.2,0.8,1],[0.5,0.85,1],[0.8,0.8,1]]}," +
         "{\"tool\":\"highlighter\",\"color\":\"#ffd400ff\",\"width\":0.006,\"step\":0,"
         "\"points\":[[0.05," +
         std::to_string(highlight_y) + ",1],[0.95," + std::to_string(highlight_y) + ",1]]}]}]}";
}

render::RgbaImage load(const std::string& path) {
  std::string error;
  std::unique_ptr<render::RgbaImage> image = render::decode_image(path, &error);
  return image ? *image : render::RgbaImage{};
}

class InkExport : public CliTest {
 protected:
  void SetUp() override {
    deck_ = write("deck.md", kDeck);
    // The body line's middle, from the layout (1920x1080).
    const CommandResult lay = madang("layout '" + deck_ + "' --slide 1 --json");
    ASSERT_EQ(lay.exit_code, 0) << lay.err;
    const auto at = lay.out.find("시민사회");
    ASSERT_NE(at, std::string::npos);
    body_y_ = 0.5f;
    // "rect":[x,y,w,h] of the text item holding the line.
    const auto rect = lay.out.rfind("\"rect\":[", at);
    ASSERT_NE(rect, std::string::npos);
    float x = 0, y = 0, w = 0, h = 0;
    ASSERT_EQ(std::sscanf(lay.out.c_str() + rect, "\"rect\":[%f,%f,%f,%f]", &x, &y, &w, &h), 4);
    body_y_ = (y + h / 2) / 1080;
    write("deck.ink.json", sidecar(body_y_));
  }
  std::string deck_;
  float body_y_ = 0;
};

TEST_F(InkExport, PngDrawsThePenOverAndTheHighlighterUnderTheText) {
  ASSERT_EQ(madang("export '" + deck_ + "' --png '" + file("plain") + "'").exit_code, 0);
  const CommandResult r = madang("export '" + deck_ + "' --png '" + file("inked") + "' --ink");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const render::RgbaImage plain = load(file("plain/slide-01.png"));
  const render::RgbaImage inked = load(file("inked/slide-01.png"));
  ASSERT_EQ(plain.width, 1920);
  ASSERT_EQ(inked.width, 1920);
  // The pen: red on the paper where the sidecar puts it.
  const Rgba pen = pixel_at(inked, static_cast<int>(0.5f * 1920), static_cast<int>(0.85f * 1080));
  EXPECT_GT(pen.r, 200);
  EXPECT_LT(pen.g, 80);
  EXPECT_EQ(pixel_at(plain, 960, 918), pixel_at(plain, 20, 20));  // paper there before
  // The highlighter's band: paper tinted yellow, text pixels as dark as before.
  const int y = static_cast<int>(body_y_ * 1080);
  long tinted = 0, dark_kept = 0, dark = 0;
  for (int x = 150; x < 1700; ++x) {
    const Rgba before = pixel_at(plain, x, y), after = pixel_at(inked, x, y);
    const Rgba paper = pixel_at(plain, 20, 20);
    if (before == paper) {
      tinted += after.b + 40 < before.b && after.r + 20 >= before.r;
    } else if (before.r < 80 && before.g < 80 && before.b < 80) {
      ++dark;
      dark_kept += std::abs(after.r - before.r) <= 6 && std::abs(after.g - before.g) <= 6 &&
                   std::abs(after.b - before.b) <= 6;
    }
  }
  EXPECT_GT(tinted, 300);
  ASSERT_GT(dark, 20) << "no text on the highlighted line";
  // Over the text it would lift every dark pixel by ~100 levels (40% yellow
  // over ink); under it only antialiased edges may move a little.
  EXPECT_GE(dark_kept * 100, dark * 95) << dark_kept << " of " << dark << ": the highlighter "
                                        << "went over the text";
  // Without --ink nothing changes; an absent sidecar draws nothing.
  fs::remove(file("deck.ink.json"));
  ASSERT_EQ(madang("export '" + deck_ + "' --png '" + file("none") + "' --ink").exit_code, 0);
  EXPECT_TRUE(compare_images(load(file("none/slide-01.png")), plain, {0, 0}, "ink-none"));
}

TEST_F(InkExport, PdfHasTheStrokesAsVectors) {
  const std::string pdf = file("inked.pdf");
  const CommandResult r = madang("export '" + deck_ + "' --pdf '" + pdf + "' --ink");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // No image in the file: the strokes are paths.
  const CommandResult images = shell("pdfimages -list '" + pdf + "'");
  ASSERT_EQ(images.exit_code, 0) << images.err;
  EXPECT_EQ(images.out.find("image"), images.out.rfind("image")) << images.out;  // header only
  const CommandResult svg = shell("pdftocairo -svg '" + pdf + "' '" + file("inked.svg") + "'");
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  const std::string text = read_file(file("inked.svg"));
  EXPECT_NE(text.find("stroke-linecap:round"), std::string::npos);
  // Drawn where the PNG draws it.
  const CommandResult ppm = shell("pdftoppm -png -singlefile -scale-to-x 1920 -scale-to-y -1 '" +
                                  pdf + "' '" + file("page") + "'");
  ASSERT_EQ(ppm.exit_code, 0) << ppm.err;
  const render::RgbaImage page = load(file("page.png"));
  ASSERT_EQ(page.width, 1920);
  const Rgba pen = pixel_at(page, 960, 918);
  EXPECT_GT(pen.r, 200);
  EXPECT_LT(pen.g, 80);
}

TEST_F(InkExport, StepsShowEachStepsInk) {
  // A stroke drawn on step 1 of a slide with two steps: not on the first
  // page of --steps, on the second.
  const std::string deck = write("steps.md", "# 단계\n\n첫째\n\n<!-- pause -->\n\n둘째\n");
  write("steps.ink.json",
        "{\"madang-ink\":1,\"slides\":[{\"slide\":1,\"strokes\":[{\"tool\":\"pen\","
        "\"color\":\"#e0302cff\",\"width\":0.006,\"step\":1,"
        "\"points\":[[0.2,0.85,1],[0.8,0.85,1]]}]}]}");
  const std::string pdf = file("steps.pdf");
  const CommandResult r = madang("export '" + deck + "' --pdf '" + pdf + "' --steps --ink");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (int page = 1; page <= 2; ++page) {
    const std::string out = file("p" + std::to_string(page));
    const CommandResult ppm = shell(
        "pdftoppm -png -singlefile -scale-to-x 1920 -scale-to-y -1 -f " + std::to_string(page) +
        " -l " + std::to_string(page) + " '" + pdf + "' '" + out + "'");
    ASSERT_EQ(ppm.exit_code, 0) << ppm.err;
    const render::RgbaImage image = load(out + ".png");
    ASSERT_EQ(image.width, 1920);
    const Rgba at = pixel_at(image, 960, 918);
    if (page == 1) {
      EXPECT_FALSE(at.r > 200 && at.g < 80) << "step 0 shows no ink of step 1";
    } else {
      EXPECT_GT(at.r, 200);
      EXPECT_LT(at.g, 80);
    }
  }
}

}  // namespace
}  // namespace madang::test
