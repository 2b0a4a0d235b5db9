// The look of each diagram kind in each state, as pixels: 960x540 with the
// software renderer, compared with tests/diagram/golden/*.png (record with
// MADANG_UPDATE_GOLDENS=1; on failure actual/expected/diff go to
// <build>/test-output/<name>/).
#include <gtest/gtest.h>

#include <string>

#include "diagram/interaction.h"
#include "golden_suite.h"
#include "image_compare.h"
#include "layout/layout.h"
#include "render/headless.h"
#include "test_deck.h"
#include "text/text.h"

namespace madang::diagram {
namespace {

using layout::SlideState;

struct Case {
  std::string name;
  int slide;
  std::vector<std::string> select;  // clicked in order, animation done
  std::string hovered, focused;
  float animation = 1;  // < 1: the selection change still easing in
  int step = -1;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

using DiagramGolden = test::GoldenSuite<Case>;

TEST_P(DiagramGolden, MatchesGolden) {
  const Case& c = GetParam();
  const deck::Deck deck = test::diagram_deck();
  const deck::Slide& slide = deck.slides.at(static_cast<std::size_t>(c.slide));
  SlideState s;
  s = on_step(slide, s, c.step);
  s = tick(s, 1);
  if (c.animation < 1) {
    // Click the last id for real, then stop the clock part way.
    std::vector<std::string> before(c.select.begin(), c.select.end() - 1);
    s = select_ids(slide, s, before);
    s = activate(slide, s, c.select.back()).state;
    s = tick(s, c.animation * kAnimationSeconds);
    ASSERT_TRUE(animating(s));
  } else {
    s = select_ids(slide, s, c.select);
  }
  s.hovered = c.hovered;
  s.focused = c.focused;
  const layout::SlideLayout l =
      layout::layout_slide(*fonts_, deck, c.slide, s, layout::Size{960, 540});
  for (const auto& d : l.diagnostics) ADD_FAILURE() << d.message;
  const render::RgbaImage image = render(l.list);
  // Exact: the software renderer is deterministic, and the fonts, FreeType
  // and HarfBuzz come from Debian bookworm's packages (measured: 0 pixels
  // differ in every case). A package update that moves antialiasing is a
  // reason to look at the new images and re-record, not to allow slack that
  // would let a wrong page number (18-32 pixels) through.
  EXPECT_TRUE(test::matches_golden(image,
                                   std::string(MADANG_DIAGRAM_GOLDEN_DIR) + "/" + c.name + ".png",
                                   test::Tolerance{0, 0}));
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, DiagramGolden,
    ::testing::Values(
        Case{"triangle_rest", test::kTriangleSlide, {}},
        Case{"triangle_hover_gov", test::kTriangleSlide, {}, "gov"},
        Case{"triangle_focus_market", test::kTriangleSlide, {}, "", "market"},
        Case{"triangle_selected_gov", test::kTriangleSlide, {"gov"}},
        Case{"triangle_selected_edge", test::kTriangleSlide, {"civil-gov"}},
        Case{"triangle_easing_civil", test::kTriangleSlide, {"civil"}, "", "", 0.5f},
        Case{"compare_rest", test::kEcosystemSlide, {}},
        Case{"compare_hover_business", test::kEcosystemSlide, {}, "business"},
        Case{"compare_expanded_nature", test::kEcosystemSlide, {"nature"}},
        Case{"compare_two_up", test::kEcosystemSlide, {"nature", "venture"}},
        Case{"compare_two_up_row", test::kEcosystemSlide, {"nature", "venture", "row-2"}},
        Case{"compare_easing_two_up", test::kEcosystemSlide, {"nature", "venture"}, "", "", 0.5f},
        Case{"two_sided_rest", test::kTwoSidedSlide, {}},
        Case{"two_sided_row", test::kTwoSidedSlide, {"row-2"}},
        Case{"two_sided_focus_row", test::kTwoSidedSlide, {}, "", "row-3"},
        Case{"two_sided_selected_new", test::kTwoSidedSlide, {"new"}},
        Case{"flow_rest", test::kFlowSlide, {}},
        Case{"flow_first_step", test::kFlowSlide, {}, "", "", 1, 0},
        Case{"flow_second_step", test::kFlowSlide, {}, "", "", 1, 1},
        Case{"flow_selected_support", test::kFlowSlide, {"support"}},
        Case{"flow_hover_selfhelp", test::kFlowSlide, {}, "selfhelp"}),
    [](const ::testing::TestParamInfo<Case>& p) { return p.param.name; });

}  // namespace
}  // namespace madang::diagram
