// Marp's image syntax as pixels: a deck written from marpit's
// docs/image-syntax.md (cover, contain, split left and right:30%, several
// backgrounds side by side and stacked, filters) and the background
// directives, laid out at 1920x1080 with the software renderer against
// tests/slides/golden/marp-NN.png. The pictures are drawn by the test (no
// binary is committed but the goldens). Record with MADANG_UPDATE_GOLDENS=1
// after looking at every new image.
#include <gtest/gtest.h>
#include <unistd.h>

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

// A spot directive stays on its slide (the next one is drawn with the
// defaults again), and right-to-left text among Korean: the two things only
// parser tests held before (issue #26).
constexpr const char* kScopeDeck = R"(---
title: Scopes and directions
---

<!-- _backgroundColor: #1d2a44 -->
<!-- _color: white -->

# 이 장만 어둡게

---

# 다음 장

바탕과 글씨는 다시 기본: 앞 장의 _spot_ 지시문은 그 장에만

---

# 오른쪽에서 왼쪽으로

שלום עולם, ברוכים הבאים

مرحبا بالعالم في المنتدى

한국어 사이에 עברית 그리고 العربية 가 섞인 문장
)";

// Marp's built-in themes as Madang draws them, at Marp's own 1280x720 (and
// 960x720 for 4:3): a fitting header, lead and invert classes, a fragmented
// list, a split background, the footer and page numbers, and pixel sizes
// that are Marp's.
constexpr const char* kGaiaDeck = R"(---
marp: true
theme: gaia
paginate: true
footer: 희망제작소 · **지역사회** 사회혁신생태계
---

<!-- _class: lead -->
<!-- _paginate: skip -->

# <!-- fit --> 사회혁신생태계

김제선 · 희망제작소

---

## 세 부문이 만나는 마당

* 정부: 제도와 재원
* 시장: 지속가능한 사업
* 시민사회: 문제의 발견과 실험

---

<!-- _class: invert -->

![bg left:40%](img/tall.png)

## 나누어진 장

글은 오른쪽에, 그림은 왼쪽 40%에 놓입니다.

![w:320px](img/wide.png)
)";

constexpr const char* kUncoverDeck = R"(---
marp: true
theme: uncover
size: 4:3
---

# 한 장에 한 생각

모든 것이 가운데에

---

## 세 부문

| 부문 | 역할 |
|---|---|
| 정부 | 제도와 재원 |
| 시장 | 지속가능한 사업 |

- 목록은 블록째로 가운데
- 항목은 왼쪽 정렬
)";

struct Case {
  const char* deck;  // file name without .md; the golden is DECK-NN.png
  int slide;
  const char* what;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.deck << " " << c.slide << " (" << c.what << ")";
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
    // Every case is a process of its own (ctest runs them side by side),
    // and each writes the inputs: whole files renamed into place, so that no
    // case reads a deck another is still writing.
    auto put = [](const fs::path& path, const char* text) {
      const fs::path part = path.string() + "." + std::to_string(::getpid());
      std::ofstream(part.string()) << text;
      fs::rename(part, path);
    };
    put(*dir_ / "marp.md", kDeck);
    put(*dir_ / "gaia.md", kGaiaDeck);
    put(*dir_ / "uncover.md", kUncoverDeck);
    put(*dir_ / "scope.md", kScopeDeck);
  }
  static void TearDownTestSuite() {
    delete dir_;
    GoldenSuite<Case>::TearDownTestSuite();
  }
  static inline fs::path* dir_ = nullptr;
};

TEST_P(MarpGolden, MatchesGolden) {
  const Case& c = GetParam();
  const std::string deck = c.deck;
  const deck::ParseResult parsed = deck::load_deck((*dir_ / (deck + ".md")).string());
  for (const Diagnostic& d : parsed.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_GE(parsed.deck.slides.size(), static_cast<std::size_t>(c.slide));
  // The first deck at our 1920x1080; Marp's themes at Marp's 720 pixels high.
  const int height = deck == "marp" || deck == "scope" ? 1080 : 720;
  const layout::Size size{height * parsed.deck.meta.aspect_w / parsed.deck.meta.aspect_h, height};
  const layout::SlideLayout l = layout::layout_slide(*fonts_, parsed.deck, c.slide - 1, {}, size);
  for (const Diagnostic& d : l.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  char name[64];
  std::snprintf(name, sizeof name, "%s-%02d.png", c.deck, c.slide);
  EXPECT_TRUE(test::matches_golden(
      render(l.list), std::string(MADANG_SLIDE_GOLDEN_DIR) + "/" + name, test::Tolerance{0, 0}));
}

INSTANTIATE_TEST_SUITE_P(
    Marp, MarpGolden,
    ::testing::Values(Case{"marp", 1, "bg cover"}, Case{"marp", 2, "bg contain"},
                      Case{"marp", 3, "bg left"}, Case{"marp", 4, "bg right:30%"},
                      Case{"marp", 5, "three side by side"}, Case{"marp", 6, "vertical"},
                      Case{"marp", 7, "filters"}, Case{"marp", 8, "background directives"},

                      Case{"scope", 1, "a spot _backgroundColor"},
                      Case{"scope", 2, "after a spot directive: the defaults again"},
                      Case{"scope", 3, "right-to-left text among Korean"},
                      Case{"gaia", 1, "lead, fitting header"},
                      Case{"gaia", 2, "fragmented list, footer, page number"},
                      Case{"gaia", 3, "invert, split, w:320px"}, Case{"uncover", 1, "4:3 centred"},
                      Case{"uncover", 2, "table and list"}),
    [](const ::testing::TestParamInfo<Case>& p) {
      const std::string deck = p.param.deck;
      return (deck == "marp" ? std::string("marp") : "marp_" + deck) + "_" +
             std::to_string(p.param.slide);
    });

}  // namespace
}  // namespace madang::slides_test
