// The title's accent bar: under a left-aligned title, above a centred one
// (issue #26: under the middle of a centred title it read as an underline).
#include "layout_fixture.h"

#include <cmath>

#include "layout/theme.h"

namespace madang::layout {
namespace {

// The accent-coloured rect nearest the title, and the title's text rect.
struct TitleAndBar {
  Rect title, bar;
  bool found = false;
};

TitleAndBar title_and_bar(const SlideLayout& l, const std::string& title, text::Color accent) {
  TitleAndBar out;
  const TextItem* t = find_text(l.list, title);
  if (!t) return out;
  out.title = t->rect;
  float best = 1e9f;
  for (const Command& c : l.list.commands) {
    if (c.kind != CommandKind::kFillRect || c.color != accent || c.rect.h > 20) continue;
    const float d = std::min(std::abs(c.rect.y - (t->rect.y + t->rect.h)),
                             std::abs(c.rect.y + c.rect.h - t->rect.y));
    if (d < best) {
      best = d;
      out.bar = c.rect;
      out.found = true;
    }
  }
  return out;
}

TEST_F(LayoutTest, ALeftTitlesBarIsUnderItsFirstLetters) {
  const deck::Deck d = one_slide({heading("사회혁신 생태계", 1), para("본문")});
  const SlideLayout l = lay(d);
  const TitleAndBar tb = title_and_bar(l, "사회혁신 생태계", theme_named(d.meta.theme).accent);
  ASSERT_TRUE(tb.found);
  EXPECT_GE(tb.bar.y, tb.title.y + tb.title.h - 1);
  EXPECT_NEAR(tb.bar.x, tb.title.x, 2);
}

// A `lead` slide (title layout and content layout) and the uncover theme.
TEST_F(LayoutTest, ACentredTitlesBarIsAboveIt) {
  for (const char* layout_name : {"title", ""}) {
    for (const char* theme : {"", "uncover"}) {
      SCOPED_TRACE(std::string(layout_name) + " " + theme);
      deck::Deck d = one_slide({heading("지역사회 혁신 포럼", 1), para("김제선")}, layout_name);
      d.meta.theme = theme;
      if (!*theme) d.slides[0].classes = {"lead"};
      const SlideLayout l = lay(d);
      const TitleAndBar tb = title_and_bar(l, "지역사회 혁신 포럼", theme_named(theme).accent);
      ASSERT_TRUE(tb.found);
      EXPECT_NEAR(tb.title.x + tb.title.w / 2, 960, 40);  // centred
      EXPECT_LE(tb.bar.y + tb.bar.h, tb.title.y + 1);
      EXPECT_NEAR(tb.bar.x + tb.bar.w / 2, 960, 2);
    }
  }
}

}  // namespace
}  // namespace madang::layout
