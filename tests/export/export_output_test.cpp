// What `madang export` writes, checked against something other than the
// renderer that drew it: positions from `madang layout --json` (derived from
// the theme's grid, not from pixels), colours that must be ink or background
// at those positions, the slide goldens of tests/slides/golden/, and the
// region that `--select` may change.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "export_fixture.h"
#include "image_compare.h"
#include "render/image.h"
#include "run_command.h"

namespace {

namespace fs = std::filesystem;
using madang::test::CommandResult;
using madang::test::Rgba;
using nlohmann::json;

// The hall theme as docs/format.md gives it (px of a 1080-pixel slide).
constexpr float kMarginX = 112;
constexpr Rgba kPaper{0xfb, 0xfa, 0xf7, 0xff};

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(int px, int py) const { return px >= x && py >= y && px < x + w && py < y + h; }
  Box grown(float m) const { return {x - m, y - m, w + 2 * m, h + 2 * m}; }
  Box united(const Box& o) const {
    const float x0 = std::min(x, o.x), y0 = std::min(y, o.y);
    return {x0, y0, std::max(x + w, o.x + o.w) - x0, std::max(y + h, o.y + o.h) - y0};
  }
};

Box box_of(const json& rect) {
  return {rect[0].get<float>(), rect[1].get<float>(), rect[2].get<float>(), rect[3].get<float>()};
}

class ExportOutput : public madang::test::ExportFixture {
 protected:
  // `madang layout DECK --slide N --json` (with --select), slide N's items.
  json layout_items(const char* name, int slide, const std::string& select = "") {
    std::string args = "layout " + deck(name) + " --slide " + std::to_string(slide) + " --json";
    if (!select.empty()) args += " --select " + select;
    const CommandResult r = madang(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out, nullptr, false);
    if (j.is_discarded() || j["slides"].empty()) return json::array();
    return j["slides"][0]["items"];
  }

  // `madang export DECK --slides N` (with --select) into sub/, decoded.
  madang::render::RgbaImage export_one(const char* name, int slide, const std::string& sub,
                                       const std::string& select = "") {
    std::string args =
        "export " + deck(name) + " --png '" + out(sub) + "' --slides " + std::to_string(slide);
    if (!select.empty()) args += " --select " + select;
    const CommandResult r = madang(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    char file[32];
    std::snprintf(file, sizeof file, "/slide-%02d.png", slide);
    madang::render::ImageCache images;
    const auto* image = images.get(out(sub) + file);
    return image ? *image : madang::render::RgbaImage{};
  }
};

// Dark enough to be ink of the heading or text colour (antialiased edges
// aside): the hall theme's text is #1d232b, headings #12303d, on #fbfaf7.
bool ink(const Rgba& c) {
  return c.r + c.g + c.b < 3 * 110;
}

// Ink pixels inside a box.
int ink_in(const madang::render::RgbaImage& image, const Box& b) {
  int n = 0;
  for (int y = static_cast<int>(b.y); y < static_cast<int>(b.y + b.h); ++y) {
    for (int x = static_cast<int>(b.x); x < static_cast<int>(b.x + b.w); ++x) {
      n += ink(madang::test::pixel_at(image, x, y));
    }
  }
  return n;
}

// Slide 16 of the lecture (its title, the dense table, the footer) read from
// the layout and checked against the theme's grid and the exported pixels.
TEST_F(ExportOutput, TitleTableAndFooterSitWhereTheLayoutSaysAndAreInk) {
  const json items = layout_items("lecture.md", 16);
  const madang::render::RgbaImage image = export_one("lecture.md", 16, "p");
  ASSERT_EQ(image.width, 1920);

  std::vector<json> title, footer, body;
  for (const json& item : items) {
    if (item["kind"] != "text") continue;
    if (item["role"] == "title") title.push_back(item);
    if (item["role"] == "footer") footer.push_back(item);
    if (item["role"] == "body") body.push_back(item);
  }
  // The title: one text, left at the margin, its first baseline in the top
  // band of the slide; its line box holds ink, the margin beside it paper.
  ASSERT_EQ(title.size(), 1u);
  const json& t = title[0];
  const Box tb = box_of(t["rect"]);
  EXPECT_NEAR(tb.x, kMarginX, 0.5);
  const float baseline = t["lines"][0]["baseline"].get<float>();
  EXPECT_GT(baseline, 80);
  EXPECT_LT(baseline, 240);
  EXPECT_EQ(t["lines"][0]["text"], "문재인정부 사회혁신추진");
  const float title_w = t["lines"][0]["width"].get<float>();
  const Box title_ink{tb.x, baseline - 60, title_w, 70};
  EXPECT_GT(ink_in(image, title_ink), 2000) << "no title where the layout put it";
  EXPECT_EQ(madang::test::pixel_at(image, 20, static_cast<int>(baseline) - 20), kPaper);
  EXPECT_EQ(ink_in(image, Box{tb.x + title_w + 24, baseline - 60, 200, 70}), 0)
      << "ink right of the title's last glyph";

  // The footer says "16 / 23" at the right margin, in ink.
  bool number = false;
  for (const json& f : footer) {
    for (const json& line : f["lines"]) {
      if (line["text"] != "16 / 23") continue;
      number = true;
      const float right = line["x"].get<float>() + line["width"].get<float>();
      EXPECT_NEAR(right, 1920 - kMarginX, 1.0);
      const float b = line["baseline"].get<float>();
      EXPECT_GT(b, 1080 - 110);
      EXPECT_GT(ink_in(image, Box{right - line["width"].get<float>(), b - 24, line["width"], 28}),
                0);
    }
  }
  EXPECT_TRUE(number) << "no '16 / 23' in the footer";

  // The table: the header cells name its two columns; every cell of a column
  // starts where its header does, the second column right of the first, and
  // the table stays inside the margins.
  Box head1, head2;
  for (const json& b : body) {
    if (b["lines"].empty()) continue;
    if (b["lines"][0]["text"] == "5대 중점추진 분야") head1 = box_of(b["rect"]);
    if (b["lines"][0]["text"] == "추진과제") head2 = box_of(b["rect"]);
  }
  ASSERT_GT(head1.w, 0);
  ASSERT_GT(head2.w, 0);
  EXPECT_NEAR(head1.y, head2.y, 0.5);
  EXPECT_LT(head1.x + head1.w, head2.x);
  EXPECT_LE(head2.x + head2.w, 1920 - kMarginX + 0.5);
  int first_column = 0, second_column = 0;
  for (const json& b : body) {
    if (b["lines"].empty()) continue;
    const Box r = box_of(b["rect"]);
    if (r.y <= head1.y) continue;
    if (std::abs(r.x - head1.x) < 0.5) ++first_column;
    if (std::abs(r.x - head2.x) < 0.5) ++second_column;
  }
  EXPECT_EQ(first_column, 5);   // 사회혁신 기반조성 ... 국가 운영 내재화
  EXPECT_EQ(second_column, 5);  // their 추진과제
}

// --select changes the selected element (and the diagram it belongs to) and
// nothing else on the slide: the title, the left column, the source line and
// the footer are the same pixels.
TEST_F(ExportOutput, SelectChangesTheDiagramAndNothingElse) {
  const madang::render::RgbaImage rest = export_one("lecture.md", 4, "rest");
  const madang::render::RgbaImage gov = export_one("lecture.md", 4, "gov", "gov");
  ASSERT_EQ(rest.width, gov.width);

  // The diagram's region: its hit regions and the detail panel that shows
  // the selection (the text naming 정부's detail), as the layout gives them.
  const json items = layout_items("lecture.md", 4, "gov");
  Box region, gov_hit, market_hit;
  bool any = false;
  for (const json& item : items) {
    Box b;
    if (item["kind"] == "hit") {
      b = box_of(item["rect"]);
      if (item["id"] == "gov") gov_hit = b;
      if (item["id"] == "market") market_hit = b;
    } else if (item["kind"] == "text" && !item["lines"].empty() &&
               item["lines"][0]["text"].get<std::string>().find("지원자이며") !=
                   std::string::npos) {
      b = box_of(item["rect"]).grown(40);  // the card around the detail
    } else {
      continue;
    }
    region = any ? region.united(b) : b;
    any = true;
  }
  ASSERT_TRUE(any);
  ASSERT_GT(gov_hit.w, 0);
  region = region.grown(12);  // focus-ring and shadow room around the pills

  long changed = 0, outside = 0;
  for (int y = 0; y < rest.height; ++y) {
    for (int x = 0; x < rest.width; ++x) {
      if (madang::test::pixel_at(rest, x, y) == madang::test::pixel_at(gov, x, y)) continue;
      ++changed;
      if (!region.contains(x, y)) ++outside;
    }
  }
  EXPECT_GT(changed, 2000) << "--select gov changed (almost) nothing";
  EXPECT_EQ(outside, 0) << "--select gov changed pixels outside the diagram";

  // Inside: the selected pill is filled with the theme's selection colour
  // (accent #0f6e84), the others are not.
  const int gx = static_cast<int>(gov_hit.x + 10), gy = static_cast<int>(gov_hit.y + gov_hit.h / 2);
  EXPECT_EQ(madang::test::pixel_at(gov, gx, gy), (Rgba{0x0f, 0x6e, 0x84, 0xff}));
  EXPECT_NE(madang::test::pixel_at(rest, gx, gy), (Rgba{0x0f, 0x6e, 0x84, 0xff}));
  const int mx = static_cast<int>(market_hit.x + 10),
            my = static_cast<int>(market_hit.y + market_hit.h / 2);
  EXPECT_NE(madang::test::pixel_at(gov, mx, my), (Rgba{0x0f, 0x6e, 0x84, 0xff}));
}

// `madang export` writes the right slides, drawn right: each PNG is exactly
// the reviewed golden of that slide (tests/slides/golden/), so a slide list
// off by one, a blank or a half-drawn slide fails.
TEST_F(ExportOutput, ExportedSlidesAreTheGoldenSlides) {
  const struct {
    const char* deck;
    const char* slides;
    std::vector<int> numbers;
  } cases[] = {{"lecture.md", "1,4,7,9,13,16,23", {1, 4, 7, 9, 13, 16, 23}},
               {"tour.md", "", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}}};
  for (const auto& c : cases) {
    const std::string sub = std::string(c.deck) + "-out";
    std::string args = "export " + deck(c.deck) + " --png '" + out(sub) + "'";
    if (*c.slides) args += std::string(" --slides ") + c.slides;
    const CommandResult r = madang(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string stem = std::string(c.deck).substr(0, std::string(c.deck).find('.'));
    madang::render::ImageCache images;
    for (int n : c.numbers) {
      char file[32], golden[64];
      std::snprintf(file, sizeof file, "/slide-%02d.png", n);
      std::snprintf(golden, sizeof golden, "/%s-%02d.png", stem.c_str(), n);
      const auto* actual = images.get(out(sub) + file);
      const auto* expected =
          images.get(std::string(MADANG_SOURCE_DIR) + "/tests/slides/golden" + golden);
      ASSERT_NE(actual, nullptr) << file;
      ASSERT_NE(expected, nullptr) << golden;
      EXPECT_TRUE(madang::test::compare_images(*actual, *expected, madang::test::Tolerance{0, 0},
                                               "export-" + stem + "-" + std::to_string(n)));
    }
  }
}

}  // namespace
