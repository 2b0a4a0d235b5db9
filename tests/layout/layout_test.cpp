// Layout: slide frames, autofit, tables, fragments, diagrams' hit regions.
// Decks are built by hand so that these tests depend on layout alone.
#include "layout/layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/theme.h"
#include "layout_fixture.h"

namespace madang::layout {
namespace {

// ---------------------------------------------------------------- frames

TEST(FitSlide, LetterboxesAndPillarboxes) {
  deck::Meta meta;  // 16:9
  Rect r = fit_slide(1920, 1200, meta);
  EXPECT_EQ(r.w, 1920);
  EXPECT_EQ(r.h, 1080);
  EXPECT_EQ(r.y, 60);
  meta.aspect_w = 4;
  meta.aspect_h = 3;
  r = fit_slide(1920, 1080, meta);
  EXPECT_EQ(r.w, 1440);
  EXPECT_EQ(r.x, 240);
  EXPECT_EQ(r.y, 0);
}

TEST_F(LayoutTest, ContentSlidePlacesTitleBodyAndFooter) {
  deck::Deck d =
      one_slide({heading("사회적 난제에 포위된 한국사회"), para("저성장의 구조화, 저출산 고령화")});
  SlideLayout l = lay(d);
  EXPECT_EQ(l.list.width, 1920);
  EXPECT_EQ(l.list.background, theme_named("hall").background);
  const TextItem* title = find_text(l.list, "사회적 난제에");
  ASSERT_NE(title, nullptr);
  EXPECT_NEAR(title->rect.x, theme_named("hall").margin_x, 0.5);
  EXPECT_LT(title->rect.y, 200);
  const TextItem* body = find_text(l.list, "저성장의");
  ASSERT_NE(body, nullptr);
  EXPECT_GT(body->rect.y, title->rect.y + title->rect.h);
  const TextItem* number = find_text(l.list, "1 / 1");
  ASSERT_NE(number, nullptr) << all_text(l.list);
  EXPECT_GT(number->rect.y, 1080 - 120);
  EXPECT_NE(find_text(l.list, "김제선"), nullptr);
  EXPECT_EQ(l.scale, 1.0f);
  EXPECT_TRUE(l.diagnostics.empty());
}

// The footer's page number on a many-slide deck, read from the text as laid
// out: every slide says its own number and the count, at the right margin.
TEST_F(LayoutTest, FooterNumbersEverySlideOfAManySlideDeck) {
  deck::Deck d = one_slide({heading("하나"), para("본문")});
  for (int i = 2; i <= 12; ++i) {
    deck::Slide s = d.slides.front();
    s.index = i;
    d.slides.push_back(s);
  }
  const Theme theme = theme_named("hall");
  for (int i = 0; i < 12; ++i) {
    const SlideLayout l = layout_slide(*fonts_, d, i, {}, Size{});
    const std::string number = std::to_string(i + 1) + " / 12";
    const TextItem* n = find_text(l.list, number);
    ASSERT_NE(n, nullptr) << "slide " << i + 1 << ":\n" << all_text(l.list);
    EXPECT_EQ(n->role, TextRole::kFooter);
    ASSERT_EQ(n->lines.size(), 1u);
    EXPECT_EQ(n->lines[0].text, number);
    // Right-aligned at the right margin, in the footer band.
    EXPECT_NEAR(n->rect.x + n->lines[0].x + n->lines[0].width, 1920 - theme.margin_x, 1.0);
    EXPECT_GT(n->rect.y, 1080 - theme.margin_bottom - theme.footer_height - 1);
  }
}

TEST_F(LayoutTest, TextStaysInsideTheSlideAndBreaksBetweenWords) {
  const std::string sentence =
      "기존 방식으로 풀리지 않는 사회적 난제를 해결할 새로운 방식으로서 사회혁신 생태계는 "
      "정부-시장-비영리기구-시민사회 모두의 적극적인 참여가 필요하다.";
  deck::Deck d = one_slide({heading("초록"), para(sentence)});
  SlideLayout l = lay(d);
  const TextItem* body = find_text(l.list, "기존");
  ASSERT_NE(body, nullptr);
  ASSERT_GE(body->lines.size(), 2u);
  EXPECT_LE(body->rect.x + body->rect.w, 1920 - theme_named("hall").margin_x + 0.5);
  for (std::size_t i = 0; i + 1 < body->lines.size(); ++i) {
    const std::string& t = body->lines[i].text;
    // Every line but the last ends where a word ends: at a space or a hyphen.
    const char last = t.empty() ? ' ' : t.back();
    EXPECT_TRUE(last == ' ' || last == '-') << "line " << i << " = [" << t << "]";
    EXPECT_LE(body->lines[i].width, body->rect.w + 0.5);
  }
}

TEST_F(LayoutTest, LayoutFollowsThePixelSize) {
  deck::Deck d = one_slide({heading("사회혁신의 개념"), para("시민을 ‘대상’에서 ‘주체’로")});
  SlideLayout big = lay(d, {}, Size{1920, 1080});
  SlideLayout small = lay(d, {}, Size{960, 540});
  const TextItem* a = find_text(big.list, "사회혁신의");
  const TextItem* b = find_text(small.list, "사회혁신의");
  ASSERT_TRUE(a && b);
  EXPECT_NEAR(b->rect.x * 2, a->rect.x, 1.0);
  EXPECT_NEAR(b->rect.y * 2, a->rect.y, 2.0);
  ASSERT_FALSE(a->lines.empty() || b->lines.empty());
  EXPECT_NEAR(b->lines[0].runs[0].size * 2, a->lines[0].runs[0].size, 0.01);
}

TEST_F(LayoutTest, TitleLayoutCentresVerticallyWithoutFooter) {
  deck::Deck d =
      one_slide({heading("지역사회 사회혁신생태계 조성전략", 1), para("김제선")}, "title");
  d.meta.event = "제8회 아시아미래포럼 · 세션 2";
  SlideLayout l = lay(d);
  const TextItem* title = find_text(l.list, "조성전략");
  ASSERT_NE(title, nullptr);
  EXPECT_GT(title->rect.y, 200);
  EXPECT_EQ(find_text(l.list, "1 / 1"), nullptr);
  EXPECT_NE(find_text(l.list, "아시아미래포럼"), nullptr);
  EXPECT_NEAR(title->lines[0].runs[0].size, theme_named("hall").title_size, 0.01);
}

TEST_F(LayoutTest, TwoColumnsSplitAtTheColumnDirective) {
  deck::Block left = para("현재: 재단법인 희망제작소 소장");
  deck::Block right = para("1995 대전참여자치연대 사무처장");
  right.column_index = 1;
  deck::Deck d = one_slide({heading("연사 소개"), left, right}, "two-column");
  SlideLayout l = lay(d);
  const TextItem* a = find_text(l.list, "현재");
  const TextItem* b = find_text(l.list, "1995");
  ASSERT_TRUE(a && b);
  EXPECT_LT(a->rect.x + a->rect.w, 960 + 1);
  EXPECT_GT(b->rect.x, 960);
  EXPECT_NEAR(a->rect.y, b->rect.y, 0.5);
}

// ---------------------------------------------------------------- autofit

TEST_F(LayoutTest, AutofitShrinksThenReportsOverflowWithTheSlideLine) {
  std::vector<deck::Block> few = {heading("제목"), para("한 줄")};
  EXPECT_EQ(lay(one_slide(few)).scale, 1.0f);

  std::vector<deck::Block> some = {heading("제목")};
  for (int i = 0; i < 10; ++i) some.push_back(para("사회혁신 생태계 조성을 위한 기본 관점"));
  SlideLayout shrunk = lay(one_slide(some));
  EXPECT_LT(shrunk.scale, 1.0f);
  EXPECT_GE(shrunk.scale, theme_named("hall").min_scale);
  EXPECT_TRUE(shrunk.diagnostics.empty());

  std::vector<deck::Block> many = {heading("제목")};
  for (int i = 0; i < 60; ++i) many.push_back(para("넘치는 문단"));
  SlideLayout over = lay(one_slide(many));
  // The floor: the body at 28 px, on the grid of whole percents.
  EXPECT_NEAR(over.scale, theme_named("hall").min_scale, 0.01);
  EXPECT_GE(over.scale * theme_named("hall").body_size, theme_named("hall").min_text);
  EXPECT_TRUE(over.overflow);
  ASSERT_EQ(over.diagnostics.size(), 1u);
  EXPECT_EQ(over.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(over.diagnostics[0].where.line, 3);
  EXPECT_NE(over.diagnostics[0].message.find("does not fit"), std::string::npos);
}

// ---------------------------------------------------------------- fragments

TEST_F(LayoutTest, IncrementalItemsAppearStepByStepWithoutMovingOthers) {
  deck::Deck d = one_slide(
      {heading("한국에서의 혁신체계의 반성"),
       list({"패러다임 전환 미흡", "혁신을 위한 자율성 부여 미흡", "혁신(실패) 안전망 부재"},
            true)});
  SlideState first;
  first.step = 0;
  SlideLayout l0 = lay(d, first);
  EXPECT_NE(find_text(l0.list, "패러다임"), nullptr);
  EXPECT_EQ(find_text(l0.list, "자율성"), nullptr);
  SlideState second;
  second.step = 1;
  SlideLayout l1 = lay(d, second);
  EXPECT_NE(find_text(l1.list, "자율성"), nullptr);
  EXPECT_EQ(find_text(l1.list, "안전망"), nullptr);
  SlideLayout all = lay(d);
  EXPECT_NE(find_text(all.list, "안전망"), nullptr);
  EXPECT_EQ(find_text(l0.list, "패러다임")->rect.y, find_text(all.list, "패러다임")->rect.y);
}

TEST_F(LayoutTest, TwoDigitNumbersKeepClearOfTheirText) {
  std::vector<std::string> items;
  for (int i = 1; i <= 10; ++i) items.push_back("중간지원조직 지원 " + std::to_string(i));
  deck::Block numbered = list(items);
  numbered.ordered = true;
  SlideLayout l = lay(one_slide({heading("사회혁신생태계 조성 전략"), numbered}));
  const TextItem* tenth = find_text(l.list, "지원 10");
  ASSERT_NE(tenth, nullptr);
  const float text_x = tenth->rect.x + tenth->lines[0].x;
  const float baseline = tenth->rect.y + tenth->lines[0].baseline;
  // The marker is the glyph run on the same baseline left of the text.
  bool found = false;
  for (const Command& c : l.list.commands) {
    if (c.kind != CommandKind::kGlyphRun || std::abs(c.origin.y - baseline) > 0.5f ||
        c.origin.x >= text_x) {
      continue;
    }
    float right = c.origin.x;
    for (const text::Glyph& g : c.run.glyphs) right += g.advance;
    EXPECT_EQ(c.run.glyphs.size(), 3u);  // "1", "0", "."
    // It stays inside the list's box (the hanging indent made room for it)
    // and keeps a gap before the text.
    EXPECT_GE(c.origin.x, tenth->rect.x - 0.5f) << "\"10.\" spills out of its column";
    EXPECT_LE(right + c.run.size * 0.25f, text_x);
    found = true;
  }
  EXPECT_TRUE(found);
}

// ---------------------------------------------------------------- tables

TEST_F(LayoutTest, TableColumnsFollowContentAndStayInside) {
  deck::Block t;
  t.kind = deck::BlockKind::kTable;
  t.table.header = {{deck::Span{"구분", 0, {}}}, {deck::Span{"기존접근", 0, {}}}};
  t.table.rows = {
      {{deck::Span{"추진관점", 0, {}}},
       {deck::Span{
           "시민 주도 사회혁신 활성화 (지역문제 해결, 주민 역량 강화, 장기적 질적 역량 강화) "
           "포괄 사업비/시장조성/사회적기금 조성/시민교육 ·인재양성",
           0,
           {}}}},
      {{deck::Span{"추진체계", 0, {}}}, {deck::Span{"공공주도형 사회적경제", 0, {}}}},
  };
  t.table.align = {deck::Align::kLeft, deck::Align::kLeft};
  deck::Deck d = one_slide({heading("사회적경제 정책의 한계"), t});
  SlideLayout l = lay(d);
  const TextItem* narrow = find_text(l.list, "추진관점");
  const TextItem* wide = find_text(l.list, "시민 주도");
  ASSERT_TRUE(narrow && wide);
  EXPECT_GT(wide->rect.w, narrow->rect.w * 2);
  EXPECT_GT(wide->lines.size(), 1u);  // wrapped, not spilled
  EXPECT_LE(wide->rect.x + wide->rect.w, 1920 - theme_named("hall").margin_x + 0.5);
  const TextItem* head = find_text(l.list, "기존접근");
  ASSERT_NE(head, nullptr);
  EXPECT_TRUE(head->lines[0].runs[0].style.bold);
  EXPECT_FALSE(wide->lines[0].runs[0].style.bold);
}

// ---------------------------------------------------------------- images

TEST_F(LayoutTest, MissingImageDrawsALabelledPlaceholder) {
  deck::Block img;
  img.kind = deck::BlockKind::kImage;
  img.image.alt = "엔스파이럴";
  img.image.src = "missing.png";
  deck::Deck d = one_slide({heading("새로운 형태의 중간지원 플랫폼"), img});
  SlideLayout l = lay(d);
  auto it = std::find_if(l.list.commands.begin(), l.list.commands.end(),
                         [](const Command& c) { return c.kind == CommandKind::kImage; });
  ASSERT_NE(it, l.list.commands.end());
  EXPECT_TRUE(it->image_path.empty());
  EXPECT_GT(it->rect.w, 100);
  EXPECT_NE(find_text(l.list, "엔스파이럴"), nullptr);
}

// ---------------------------------------------------------------- code

TEST_F(LayoutTest, HighlightedCodeTakesTheThemesCodeColours) {
  deck::Block code;
  code.kind = deck::BlockKind::kCode;
  code.code = "int x; // 끝";
  code.code_tokens = {{0, 3, deck::CodeTokenKind::kType}, {7, 14, deck::CodeTokenKind::kComment}};
  for (const bool invert : {false, true}) {
    SCOPED_TRACE(invert);
    deck::Deck d = one_slide({heading("코드"), code});
    if (invert) d.slides[0].classes = {"invert"};
    const Theme theme = theme_named("hall", invert);
    const SlideLayout l = lay(d);
    const TextItem* t = find_text(l.list, "int x;");
    ASSERT_NE(t, nullptr);
    // The runs' colours in order (a font change inside a piece repeats one).
    std::vector<text::Color> colours;
    for (const text::GlyphRun& run : t->lines[0].runs) {
      if (colours.empty() || colours.back() != run.style.color) colours.push_back(run.style.color);
    }
    EXPECT_EQ(colours, (std::vector<text::Color>{theme.code.type, theme.text, theme.code.comment}));
    EXPECT_NE(theme.code.type, theme.text);
  }
  // Light and dark themes have their own palettes.
  EXPECT_NE(theme_named("hall").code.comment, theme_named("hall", true).code.comment);
}

// ---------------------------------------------------------------- glyphs

TEST_F(LayoutTest, MissingGlyphIsAWarningAtTheBlockLine) {
  deck::Deck d = one_slide({heading("제목"), para("\xEF\x82\xA7 bullet", 7)});  // U+F0A7
  SlideLayout l = lay(d);
  ASSERT_FALSE(l.diagnostics.empty());
  EXPECT_EQ(l.diagnostics[0].where.line, 7);
  EXPECT_NE(l.diagnostics[0].message.find("U+F0A7"), std::string::npos);
}

// ---------------------------------------------------------------- diagrams

deck::Block triangle_block() {
  deck::Block b;
  b.kind = deck::BlockKind::kDiagram;
  b.diagram.kind = deck::DiagramKind::kTriangle;
  b.diagram.nodes = {{"gov", "정부", "지원자이며 기획자", {}, 0},
                     {"market", "시장", "시장(기업)", {}, 0},
                     {"civil", "시민사회", "개인, 가족, 지역공동체, 종교, 온라인커뮤니티", {}, 0}};
  return b;
}

TEST_F(LayoutTest, TriangleHasATouchableHitRegionPerCorner) {
  deck::Deck d = one_slide({heading("사회혁신의 영역과 주체"), triangle_block()});
  SlideLayout l = lay(d);
  ASSERT_EQ(l.list.hits.size(), 3u);
  for (const HitRegion& h : l.list.hits) {
    EXPECT_GE(h.rect.w, 48);
    EXPECT_GE(h.rect.h, 48);
    EXPECT_LE(h.rect.x + h.rect.w, 1920);
    EXPECT_LE(h.rect.y + h.rect.h, 1080);
  }
  EXPECT_EQ(l.list.hits[0].id, "gov");
  EXPECT_EQ(l.list.hits[0].label, "정부");
  // The apex is above the base corners; the base corners sit side by side.
  EXPECT_LT(l.list.hits[0].rect.y, l.list.hits[1].rect.y);
  EXPECT_NEAR(l.list.hits[1].rect.y, l.list.hits[2].rect.y, 0.5);
  EXPECT_LT(l.list.hits[1].rect.x, l.list.hits[2].rect.x);
}

TEST_F(LayoutTest, SelectingANodeShowsOnlyItsDetail) {
  deck::Deck d = one_slide({heading("사회혁신의 영역과 주체"), triangle_block()});
  SlideLayout rest = lay(d);
  EXPECT_NE(find_text(rest.list, "지원자이며"), nullptr);
  EXPECT_NE(find_text(rest.list, "온라인커뮤니티"), nullptr);
  SlideState state;
  state.selected = {"civil"};
  SlideLayout picked = lay(d, state);
  EXPECT_EQ(find_text(picked.list, "지원자이며"), nullptr);
  EXPECT_NE(find_text(picked.list, "온라인커뮤니티"), nullptr);
}

// Fill rectangles of `color` wider than `min_width` centred inside the hit
// region of `id`.
int fills_in(const SlideLayout& l, const std::string& id, text::Color color, float min_width) {
  const auto hit = std::find_if(l.list.hits.begin(), l.list.hits.end(),
                                [&](const HitRegion& h) { return h.id == id; });
  EXPECT_NE(hit, l.list.hits.end()) << id;
  int count = 0;
  for (const Command& c : l.list.commands) {
    if (c.kind != CommandKind::kFillRect || c.color != color) continue;
    const float cx = c.rect.x + c.rect.w / 2, cy = c.rect.y + c.rect.h / 2;
    if (hit != l.list.hits.end() && hit->rect.contains(cx, cy) && c.rect.w > min_width) ++count;
  }
  return count;
}

// A selected diagram element is filled with the theme's selection colour (its
// accent), and nothing else is: the pure decision the Xvfb tests see as pixels.
TEST_F(LayoutTest, SelectedElementsWearTheThemesSelectionColour) {
  for (const bool dark : {false, true}) {
    deck::Deck d = one_slide({heading("사회혁신의 영역과 주체"), triangle_block()});
    if (dark) d.slides[0].classes.push_back("invert");
    const Theme theme = theme_named("hall", dark);
    SlideState state;
    state.selected = {"gov"};
    const SlideLayout l = lay(d, state);
    auto accent_fills_in = [&](const std::string& id) { return fills_in(l, id, theme.accent, 60); };
    EXPECT_EQ(accent_fills_in("gov"), 1) << (dark ? "hall-dark" : "hall");
    EXPECT_EQ(accent_fills_in("market"), 0) << (dark ? "hall-dark" : "hall");
    EXPECT_EQ(accent_fills_in("civil"), 0) << (dark ? "hall-dark" : "hall");
  }
}

// A selected edge's label wears the selection colour too, and the corners
// stay as they are.
TEST_F(LayoutTest, ASelectedEdgeLabelWearsTheSelectionColour) {
  deck::Block triangle = triangle_block();
  triangle.diagram.edges = {{"gov", "market", "협력", "정부와 시장의 협력", 0}};
  deck::Deck d = one_slide({heading("사회혁신의 영역과 주체"), triangle});
  const Theme theme = theme_named("hall", false);
  SlideState state;
  state.selected = {"gov-market"};
  const SlideLayout l = lay(d, state);
  auto accent_fills_in = [&](const std::string& id) { return fills_in(l, id, theme.accent, 0); };
  EXPECT_EQ(accent_fills_in("gov-market"), 1);
  EXPECT_EQ(accent_fills_in("gov"), 0);
  EXPECT_EQ(accent_fills_in("market"), 0);
}

TEST_F(LayoutTest, CacheReturnsTheSameLayoutForTheSameKey) {
  deck::Deck d = one_slide({heading("제목"), para("본문")});
  LayoutCache cache;
  const SlideLayout& a = cache.get(*fonts_, d, 0, {}, Size{});
  const SlideLayout& b = cache.get(*fonts_, d, 0, {}, Size{});
  EXPECT_EQ(&a, &b);
  const SlideLayout& c = cache.get(*fonts_, d, 0, {}, Size{1280, 720});
  EXPECT_NE(&a, &c);
  EXPECT_EQ(c.list.width, 1280);
}

}  // namespace
}  // namespace madang::layout
