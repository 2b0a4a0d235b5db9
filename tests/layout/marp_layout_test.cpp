// Marp's meanings in layout: a fitting header (`# <!-- fit --> …`), image
// sizes in CSS pixels of Marp's 1280×720 slide, blocks centred on a lead slide.
#include <gtest/gtest.h>

#include <algorithm>

#include "layout_fixture.h"

namespace madang::layout {
namespace {

deck::Block fitted(const std::string& s, int level) {
  deck::Block b = heading(s, level);
  b.fit = true;
  return b;
}

const text::Line& only_line(const DisplayList& list, const std::string& needle) {
  const TextItem* t = find_text(list, needle);
  EXPECT_NE(t, nullptr) << needle;
  static const text::Line none;
  if (t == nullptr) return none;
  EXPECT_EQ(t->lines.size(), 1u) << needle;
  return t->lines.front();
}

float item_width(const DisplayList& list, const std::string& needle) {
  const TextItem* t = find_text(list, needle);
  return t ? t->rect.w : 0;
}

TEST_F(LayoutTest, FitHeadingGrowsToFillItsWidthOnOneLine) {
  const SlideLayout plain = lay(one_slide({heading("열린 마당에서", 1), para("본문")}));
  const SlideLayout fit = lay(one_slide({fitted("열린 마당에서", 1), para("본문")}));
  const text::Line& p = only_line(plain.list, "열린 마당에서");
  const text::Line& f = only_line(fit.list, "열린 마당에서");
  const float room = item_width(fit.list, "열린 마당에서");
  EXPECT_GT(f.runs.front().style.size, p.runs.front().style.size * 2);
  EXPECT_GT(f.width, room * 0.97f);
  EXPECT_LE(f.width, room);
  // The body below moves down under the taller heading.
  EXPECT_GT(find_text(fit.list, "본문")->rect.y, find_text(plain.list, "본문")->rect.y);
}

TEST_F(LayoutTest, FitHeadingShrinksALongOneOntoOneLine) {
  const std::string text =
      "지역사회 사회혁신마당 조성전략과 정부·시장·시민사회의 협력 모델, 그리고 지역에서 함께 "
      "만드는 실천의 길";
  const SlideLayout plain = lay(one_slide({heading("제목"), heading(text, 2), para("본문")}));
  const SlideLayout fit = lay(one_slide({heading("제목"), fitted(text, 2), para("본문")}));
  EXPECT_GT(find_text(plain.list, "협력")->lines.size(), 1u);
  const text::Line& f = only_line(fit.list, "협력");
  EXPECT_GT(f.width, item_width(fit.list, "협력") * 0.97f);
  EXPECT_LE(f.width, item_width(fit.list, "협력"));
}

TEST_F(LayoutTest, FitHeadingOfOneShortWordStaysWithinTheSlide) {
  const SlideLayout l = lay(one_slide({fitted("A", 1)}));
  const text::Line& f = only_line(l.list, "A");
  EXPECT_LE(f.runs.front().style.size, 1080.0f / 3 + 0.5f);
  EXPECT_LT(f.width, item_width(l.list, "A"));  // capped: it does not fill the width
}

TEST_F(LayoutTest, FitHeadingOnATitleSlide) {
  const SlideLayout plain = lay(one_slide({heading("감사합니다", 1)}, "title"));
  const SlideLayout fit = lay(one_slide({fitted("감사합니다", 1)}, "title"));
  const text::Line& f = only_line(fit.list, "감사합니다");
  EXPECT_GT(f.runs.front().style.size,
            only_line(plain.list, "감사합니다").runs.front().style.size * 1.5f);
  EXPECT_GT(f.width, item_width(fit.list, "감사합니다") * 0.97f);
}

float image_width(const SlideLayout& l) {
  for (const Command& c : l.list.commands) {
    if (c.kind == CommandKind::kImage) return c.rect.w;
  }
  ADD_FAILURE() << "no image";
  return 0;
}

TEST_F(LayoutTest, ImagePixelsAreMarpsInAMarpDeck) {
  deck::Block img;
  img.kind = deck::BlockKind::kImage;
  img.image.src = "missing.png";  // a placeholder takes the size it would have had
  img.image.width = 400;          // `w:400px`
  deck::Deck madang = one_slide({heading("그림"), img});
  deck::Deck marp = madang;
  marp.meta.marp = true;
  EXPECT_NEAR(image_width(lay(madang)), 400, 0.5);
  // 400 of Marp's 1280 pixels: the same share of the slide, 600 of 1920.
  EXPECT_NEAR(image_width(lay(marp)), 600, 0.5);
  EXPECT_NEAR(image_width(lay(marp, {}, Size{1280, 720})), 400, 0.5);
}

std::vector<Rect> image_rects(const SlideLayout& l) {
  std::vector<Rect> out;
  for (const Command& c : l.list.commands) {
    if (c.kind == CommandKind::kImage) out.push_back(c.rect);
  }
  return out;
}

deck::Block sized_image(float w, float h, bool beside) {
  deck::Block img;
  img.kind = deck::BlockKind::kImage;
  img.image.src = "missing.png";
  img.image.width = w;
  img.image.height = h;
  img.beside_previous = beside;
  return img;
}

TEST_F(LayoutTest, ImagesOfOneParagraphSitSideBySideFeetAligned) {
  // `![w:400 h:300](a) ![w:200 h:100](b)` then, in a paragraph of its own, c.
  const SlideLayout l = lay(one_slide({heading("그림"), sized_image(400, 300, false),
                                       sized_image(200, 100, true), sized_image(200, 100, false)}));
  const std::vector<Rect> r = image_rects(l);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_NEAR(r[0].w, 400, 0.5);
  EXPECT_NEAR(r[1].w, 200, 0.5);
  EXPECT_GT(r[1].x, r[0].x + r[0].w);                  // beside, right of the first
  EXPECT_NEAR(r[1].y + r[1].h, r[0].y + r[0].h, 0.5);  // feet on one line
  // The row is centred: as much room left of it as right of it.
  const float content_middle = (r[0].x + r[1].x + r[1].w) / 2;
  EXPECT_NEAR(content_middle, 960, 40);
  EXPECT_GE(r[2].y, r[0].y + r[0].h);  // the next paragraph's image goes below
}

TEST_F(LayoutTest, ARowWiderThanTheColumnShrinksTogether) {
  const SlideLayout l = lay(
      one_slide({heading("그림"), sized_image(1200, 600, false), sized_image(1200, 600, true)}));
  const std::vector<Rect> r = image_rects(l);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_NEAR(r[0].w, r[1].w, 0.5);
  EXPECT_LT(r[0].w, 900);
  EXPECT_NEAR(r[0].h / r[0].w, 0.5, 0.01);  // the aspect is kept
  EXPECT_GE(r[0].x, 0);
  EXPECT_LE(r[1].x + r[1].w, 1920);
  EXPECT_LT(r[0].x + r[0].w, r[1].x);
}

TEST_F(LayoutTest, AFooterLogoGoesBeforeItsTextInMarpsPixels) {
  deck::Deck d = one_slide({heading("제목"), para("본문")});
  d.meta.marp = true;
  deck::Slide& s = d.slides[0];
  s.footer = {deck::Span{"희망제작소", deck::kPlain, {}}};
  deck::Image logo;
  logo.src = "logo.png";
  logo.resolved = "/deck/logo.png";  // its size is known: the file is not read
  logo.pixel_width = 200;
  logo.pixel_height = 100;
  logo.height = 40;  // `h:40`: Marp's pixels, 60 of ours at 1080p
  s.footer_images = {logo};
  const SlideLayout l = lay(d);
  const std::vector<Rect> r = image_rects(l);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_NEAR(r[0].h, 60, 0.5);
  EXPECT_NEAR(r[0].w, 120, 0.5);
  const TextItem* text = find_text(l.list, "희망제작소");
  ASSERT_NE(text, nullptr);
  EXPECT_GE(text->rect.x, r[0].x + r[0].w);  // the text after the logo
  EXPECT_GT(r[0].y, 1080 - 120);             // on the footer's line
  // Its middle on the text's line.
  EXPECT_NEAR(r[0].y + r[0].h / 2, text->rect.y + text->lines[0].baseline - 8, 16);
}

TEST_F(LayoutTest, ListOnALeadSlideCentresAsABlockWithItsItemsFlushLeft) {
  deck::Deck d = one_slide({heading("가운데 놓인 장", 1), list({"하나", "둘째 항목"})});
  deck::Deck lead = d;
  lead.slides[0].classes = {"lead"};
  const SlideLayout left = lay(d);
  const SlideLayout centred = lay(lead);
  const auto left_edge = [](const SlideLayout& l, const std::string& s) {
    const TextItem* t = find_text(l.list, s);
    return t ? t->rect.x + t->lines.front().x : -1;
  };
  EXPECT_LT(left_edge(left, "하나"), 300);
  EXPECT_GT(left_edge(centred, "하나"), 700);
  EXPECT_NEAR(left_edge(centred, "하나"), left_edge(centred, "둘째"), 0.5);
  // The block (markers, which hang left of the text, and the widest item)
  // centres: the text's own middle sits right of the slide's by up to half
  // the hanging indent.
  const TextItem* wide = find_text(centred.list, "둘째");
  ASSERT_NE(wide, nullptr);
  const float text_middle =
      (left_edge(centred, "하나") + wide->rect.x + wide->lines[0].x + wide->lines[0].width) / 2;
  EXPECT_GT(text_middle, 960);
  EXPECT_LT(text_middle, 960 + 60);
}

}  // namespace
}  // namespace madang::layout
