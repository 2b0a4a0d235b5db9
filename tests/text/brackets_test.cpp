// CJK brackets beside a space take their half-width form (issue #26: the
// lecture's footer had a double gap in "」 ·"); elsewhere they stay full.
#include "text_test_util.h"

namespace madang::text::testing {
namespace {

// Advance of the glyph at byte `cluster`, in the units of a 1000-upem font.
float advance_at(const std::string& text, std::size_t cluster) {
  for (const FlatGlyph& g : flatten(shape_wide(text))) {
    if (g.cluster == cluster) return g.advance;
  }
  ADD_FAILURE() << "no glyph at " << cluster << " in " << text;
  return -1;
}

TEST(Brackets, AClosingBracketBeforeASpaceIsHalfWidth) {
  EXPECT_FLOAT_EQ(advance_at("「전략」 · 김제선", 9), 500);  // 」 before a space
  EXPECT_FLOAT_EQ(advance_at("「전략」 · 김제선", 0), 500);  // 「 at the start
  EXPECT_FLOAT_EQ(advance_at("말 「전략」이다", 4), 500);    // 「 after a space
}

TEST(Brackets, BetweenLettersTheyStayFullWidth) {
  EXPECT_FLOAT_EQ(advance_at("말「전략」이다", 3), 1000);
  EXPECT_FLOAT_EQ(advance_at("말「전략」이다", 12), 1000);
  EXPECT_FLOAT_EQ(advance_at("(전략) 이다", 0),
                  advance_at("말(전략) 이다", 3));  // not CJK: untouched
}

}  // namespace
}  // namespace madang::text::testing
