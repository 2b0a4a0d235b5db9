// Real slides as pixels: every slide of slides/tour.md (one of each layout
// kind and feature) and the lecture's title, triangle, flow, quotes, dense
// comparison, dense table and closing, at 1920x1080 with the software
// renderer, against tests/slides/golden/<deck>-NN.png. Record with
// MADANG_UPDATE_GOLDENS=1 after looking at every new image; on failure the
// actual, expected and diff PNGs go to <build>/test-output/<deck>-NN/.
// export_output_test.cpp compares `madang export` with the same files.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "deck/parse.h"
#include "golden_suite.h"
#include "image_compare.h"
#include "layout/layout.h"
#include "render/headless.h"
#include "text/text.h"

namespace madang::slides_test {
namespace {

struct Case {
  const char* deck;  // "lecture" or "tour"
  int slide;         // 1-based
  const char* what;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.deck << "-" << c.slide << " (" << c.what << ")";
}

using SlideGolden = test::GoldenSuite<Case>;

TEST_P(SlideGolden, MatchesGolden) {
  const Case& c = GetParam();
  const deck::ParseResult parsed =
      deck::load_deck(std::string(MADANG_SLIDES_DIR) + "/" + c.deck + ".md");
  ASSERT_FALSE(has_errors(parsed.diagnostics));
  const layout::SlideLayout l =
      layout::layout_slide(*fonts_, parsed.deck, c.slide - 1, {}, layout::Size{1920, 1080});
  for (const Diagnostic& d : l.diagnostics) ADD_FAILURE() << format_diagnostic(d);
  const render::RgbaImage image = render(l.list);
  char name[64];
  std::snprintf(name, sizeof name, "%s-%02d.png", c.deck, c.slide);
  // Exact, like every golden here (tests/diagram/golden_test.cpp says why):
  // a wrong digit in the footer, a missing syllable or a moved line fails.
  EXPECT_TRUE(test::matches_golden(image, std::string(MADANG_SLIDE_GOLDEN_DIR) + "/" + name,
                                   test::Tolerance{0, 0}));
}

INSTANTIATE_TEST_SUITE_P(
    Decks, SlideGolden,
    ::testing::Values(
        Case{"tour", 1, "title"}, Case{"tour", 2, "section, inverted"},
        Case{"tour", 3, "inline styles and lists"}, Case{"tour", 4, "incremental list and pause"},
        Case{"tour", 5, "two columns: table and image"}, Case{"tour", 6, "image"},
        Case{"tour", 7, "quote and source line"}, Case{"tour", 8, "section"},
        Case{"tour", 9, "triangle with a side panel"}, Case{"tour", 10, "two-item comparison"},
        Case{"tour", 11, "stepped flow, class small"}, Case{"tour", 12, "code"},
        Case{"tour", 13, "closing, lead and invert"}, Case{"lecture", 1, "title slide"},
        Case{"lecture", 4, "the triangle"}, Case{"lecture", 7, "the flow"},
        Case{"lecture", 9, "quotes in two columns"}, Case{"lecture", 13, "the dense comparison"},
        Case{"lecture", 16, "the dense table"}, Case{"lecture", 23, "closing"}),
    [](const ::testing::TestParamInfo<Case>& p) {
      return std::string(p.param.deck) + "_" + std::to_string(p.param.slide);
    });

}  // namespace
}  // namespace madang::slides_test
