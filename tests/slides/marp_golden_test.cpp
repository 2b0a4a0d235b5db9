// Marp's image syntax as pixels: a deck written from marpit's
// docs/image-syntax.md (cover, contain, split left and right:30%, several
// backgrounds side by side and stacked, filters) and the background
// directives, laid out at 1920x1080 with the software renderer against
// tests/slides/golden/marp-NN.png. The pictures are drawn by the test (no
// binary is committed but the goldens). Record with MADANG_UPDATE_GOLDENS=1
// after looking at every new image.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "deck/parse.h"
#include "golden_suite.h"
#include "image_compare.h"
#include "layout/layout.h"
#include "render/image.h"

namespace madang::slides_test {
namespace {

namespace fs = std::filesystem;

// A picture whose crop and aspect can be read at a glance: four flat
// quadrants, a dark frame and a dark square in the middle.
render::RgbaImage picture(int w, int h, std::uint32_t a, std::uint32_t b) {
  render::RgbaImage img;
  img.width = w;
  img.height = h;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const bool frame = x < 12 || y < 12 || x >= w - 12 || y >= h - 12;
      const bool middle = std::abs(x - w / 2) < h / 6 && std::abs(y - h / 2) < h / 6;
      std::uint32_t c = ((x < w / 2) == (y < h / 2)) ? a : b;
      if (frame || middle) c = 0x1d2a44ff;
      img.pixels.insert(img.pixels.end(),
                        {static_cast<std::uint8_t>(c >> 24), static_cast<std::uint8_t>(c >> 16),
                         static_cast<std::uint8_t>(c >> 8), 0xff});
    }
  }
  return img;
}

constexpr const char* kDeck = R"(---
title: Marp images
---

![bg](img/wide.png)

# cover

---

![bg contain](img/tall.png)

# contain

---

![bg left](img/tall.png)

# 왼쪽 나누기

- 그림은 왼쪽 절반
- 글은 오른쪽

---

![bg right:30%](img/wide.png)

# right:30%

글은 왼쪽 70%에 놓입니다.

---

![bg](img/wide.png)
![bg](img/tall.png)
![bg](img/wide.png)

---

![bg vertical](img/wide.png)
![bg](img/tall.png)

---

![bg grayscale](img/wide.png)
![bg sepia](img/wide.png)
![bg blur:12px](img/wide.png)
![bg invert](img/wide.png)
![bg opacity](img/wide.png)
![bg brightness:1.6](img/wide.png)
![bg contrast:50%](img/wide.png)

---

<!-- _backgroundColor: #1d2a44 -->
<!-- _color: white -->
<!-- _backgroundImage: url(img/tall.png) -->
<!-- _backgroundSize: 40% -->
<!-- _backgroundPosition: right -->

# backgroundColor, color

흰 글씨, 짙은 바탕, 오른쪽의 그림
)";

struct Case {
  int slide;
  const char* what;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.slide << " (" << c.what << ")";
}

class MarpGolden : public test::GoldenSuite<Case> {
 protected:
  static void SetUpTestSuite() {
    GoldenSuite<Case>::SetUpTestSuite();
    dir_ = new fs::path(test::output_dir("marp_golden_inputs"));
    fs::create_directories(*dir_ / "img");
    std::string err;
    ASSERT_TRUE(render::write_png(picture(480, 270, 0xe0a030ff, 0x2f9f8fff),
                                  (*dir_ / "img" / "wide.png").string(), &err))
        << err;
    ASSERT_TRUE(render::write_png(picture(240, 360, 0xc03060ff, 0x6080e0ff),
                                  (*dir_ / "img" / "tall.png").string(), &err))
        << err;
    std::ofstream((*dir_ / "marp.md").string()) << kDeck;
  }
  static void TearDownTestSuite() {
    delete dir_;
    GoldenSuite<Case>::TearDownTestSuite();
  }
  static inline fs::path* dir_ = nullptr;
};

TEST_P(MarpGolden, MatchesGolden) {
  const Case& c = GetParam();
  const deck::ParseResult parsed = deck::load_deck((*dir_ / "marp.md").string());
  for (const Diagnostic& d : parsed.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_EQ(parsed.deck.slides.size(), 8u);
  const layout::SlideLayout l =
      layout::layout_slide(*fonts_, parsed.deck, c.slide - 1, {}, layout::Size{1920, 1080});
  for (const Diagnostic& d : l.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  char name[64];
  std::snprintf(name, sizeof name, "marp-%02d.png", c.slide);
  EXPECT_TRUE(test::matches_golden(
      render(l.list), std::string(MADANG_SLIDE_GOLDEN_DIR) + "/" + name, test::Tolerance{0, 0}));
}

INSTANTIATE_TEST_SUITE_P(Marp, MarpGolden,
                         ::testing::Values(Case{1, "bg cover"}, Case{2, "bg contain"},
                                           Case{3, "bg left"}, Case{4, "bg right:30%"},
                                           Case{5, "three side by side"}, Case{6, "vertical"},
                                           Case{7, "filters"}, Case{8, "background directives"}),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return "marp_" + std::to_string(p.param.slide);
                         });

}  // namespace
}  // namespace madang::slides_test
