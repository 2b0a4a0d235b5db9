// The hall's type scale and composition (layout/theme.h, docs/format.md "Type
// scale and fitting"): autofit in few layouts, a text floor, room shared out
// rather than left at the bottom, statements and quotes, tables as wide as
// their content, one pitch for code, diagrams that never break a word.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "deck/parse.h"
#include "layout/layout.h"
#include "layout/stats.h"
#include "layout/theme.h"
#include "layout_fixture.h"

namespace madang::layout {
namespace {

const Theme kHall = theme_named("hall");

std::vector<deck::Block> sentences(int n) {
  std::vector<deck::Block> blocks = {heading("사회혁신 생태계 조성의 기본 관점")};
  for (int i = 0; i < n; ++i)
    blocks.push_back(
        para("지역사회의 다양한 자원과 역량, 주체의 활용과 참여를 추진하고 시민의 "
             "문제해결 역량의 강화에 기여함"));
  return blocks;
}

float smallest_text(const DisplayList& list) {
  float smallest = 1e9f;
  for (const TextItem& t : list.texts) {
    if (t.role == TextRole::kFooter || t.role == TextRole::kSource) continue;
    for (const text::Line& l : t.lines)
      for (const text::GlyphRun& r : l.runs) smallest = std::min(smallest, r.size);
  }
  return smallest;
}

// Where each line of `t` ends, in its paragraph text: a line may end only
// after a space, a hyphen, a slash or a '·' (or where the text ends).
::testing::AssertionResult breaks_between_words(const TextItem& t) {
  for (std::size_t i = 0; i + 1 < t.lines.size(); ++i) {
    const std::string& s = t.lines[i].text;
    const std::string& next = t.lines[i + 1].text;
    const bool after_space = !s.empty() && s.back() == ' ';
    const bool after_mark = !s.empty() && (s.back() == '-' || s.back() == '/' ||
                                           (s.size() >= 2 && s.compare(s.size() - 2, 2, "·") == 0));
    if (!after_space && !after_mark && !next.empty() && next.front() != ' ')
      return ::testing::AssertionFailure() << "'" << s << "' | '" << next << "'";
  }
  return ::testing::AssertionSuccess();
}

// ---------------------------------------------------------------- autofit

TEST_F(LayoutTest, AutofitLaysOutASlideThatFitsOnce) {
  const SlideLayout l = lay(one_slide(sentences(2)));
  EXPECT_EQ(l.scale, 1.0f);
  EXPECT_EQ(l.layouts, 1);
}

TEST_F(LayoutTest, AutofitStopsAtTheFloorAfterTwoLayoutsWhenNothingCanFit) {
  const SlideLayout l = lay(one_slide(sentences(60)));
  EXPECT_TRUE(l.overflow);
  EXPECT_EQ(l.layouts, 2);  // 100%, then the floor: no search in between
  EXPECT_GE(smallest_text(l.list), kHall.min_text - 0.01f);
}

// The floor as a number, not as the theme's own constant (a floor lowered in
// the theme would pass a test that compares with the theme): body text of a
// slide that cannot fit stops at 28 px of a 1080-pixel slide, and at the same
// share of a 720-pixel one.
TEST_F(LayoutTest, AutofitFloorIs28PixelsAt1080AndItsShareAt720) {
  for (const auto& [size, floor] :
       {std::pair(Size{1920, 1080}, 28.0f), std::pair(Size{1280, 720}, 28.0f * 720 / 1080)}) {
    SCOPED_TRACE(std::to_string(size.height));
    const SlideLayout l = lay(one_slide(sentences(60)), {}, size);
    EXPECT_TRUE(l.overflow);
    EXPECT_NEAR(smallest_text(l.list), floor, 0.5f);
  }
}

TEST_F(LayoutTest, AutofitFindsAFitInFewLayoutsAndShrinksMoreForMoreText) {
  // Identical one-sentence paragraphs are the hardest case: every one wraps
  // at the same scale, so the height jumps rather than slides.
  float previous = 1.01f;
  for (int n : {6, 8, 10, 12}) {
    const SlideLayout l = lay(one_slide(sentences(n)));
    SCOPED_TRACE(std::to_string(n) + " paragraphs");
    EXPECT_FALSE(l.overflow);
    EXPECT_LT(l.scale, 1.0f);
    EXPECT_LE(l.scale, previous + 0.02f);  // the search stops within 2%
    EXPECT_LE(l.layouts, 6);
    // On the grid of whole percents.
    EXPECT_NEAR(l.scale * 100, std::round(l.scale * 100), 1e-3);
    EXPECT_GE(smallest_text(l.list), kHall.min_text - 0.01f);
    previous = l.scale;
  }
}

// ---------------------------------------------------------------- balance

TEST_F(LayoutTest, ASparseSlideSharesItsRoomInsteadOfHangingFromTheTitle) {
  const deck::Deck d = one_slide(
      {heading("한국에서의 혁신체계의 반성"),
       list({"패러다임 전환 미흡", "혁신을 위한 자율성 부여 미흡", "혁신(실패) 안전망 부재"})});
  const SlideLayout l = lay(d);
  const SlideStats s = slide_stats(l, d.slides[0]);
  // The middle of the content near the middle of the area, a little above.
  EXPECT_LT(std::abs(s.balance), 0.2f) << s.balance;
  // The items moved apart: more than the list's own gap between them.
  const TextItem* a = find_text(l.list, "패러다임");
  const TextItem* b = find_text(l.list, "자율성");
  ASSERT_TRUE(a && b);
  const float gap = b->rect.y - (a->rect.y + a->rect.h);
  EXPECT_GT(gap, kHall.block_gap * 0.5f + 1);
  EXPECT_LE(gap, kHall.block_gap * 0.5f * 2.5f + 1);
}

TEST_F(LayoutTest, AHeadingKeepsWithTheBlockItHeads) {
  const SlideLayout l =
      lay(one_slide({heading("연사 소개"), heading("현재", 3), para("재단법인 희망제작소 소장"),
                     heading("학력사항", 3), para("목원대학교 대학원(행정학) 석사 수료")}));
  const TextItem* h = find_text(l.list, "현재");
  const TextItem* p = find_text(l.list, "재단법인");
  const TextItem* h2 = find_text(l.list, "학력사항");
  ASSERT_TRUE(h && p && h2);
  const float after_heading = p->rect.y - (h->rect.y + h->rect.h);
  const float before_heading = h2->rect.y - (p->rect.y + p->rect.h);
  EXPECT_LT(after_heading * 2, before_heading);
}

TEST_F(LayoutTest, AStatementCentresItsTitleAndTextTogether) {
  deck::Deck d = one_slide({heading("지속가능한 산업생태계를 통한 미래 선순환"),
                            para("성장과 사회적 평등, 지속가능성의 공진")});
  d.slides[0].classes = {"lead"};
  const SlideLayout l = lay(d);
  const TextItem* title = find_text(l.list, "선순환");
  const TextItem* body = find_text(l.list, "공진");
  ASSERT_TRUE(title && body);
  EXPECT_NEAR(body->lines[0].runs[0].size, kHall.lead_size, 0.01);
  // The block starts at the accent bar above the centred title.
  float above = title->rect.y;
  for (const Command& c : l.list.commands) {
    if (c.kind == CommandKind::kFillRect && c.color == kHall.accent && c.rect.y < title->rect.y &&
        c.rect.y > title->rect.y - 60) {
      above = c.rect.y;
    }
  }
  EXPECT_LT(above, title->rect.y);
  const float below =
      1080 - (kHall.margin_bottom + kHall.footer_height) - (body->rect.y + body->rect.h);
  EXPECT_GT(above, 250);
  EXPECT_NEAR(above, below, 60);
  // Centred across, too.
  const float mid = body->rect.x + body->lines[0].x + body->lines[0].width / 2;
  EXPECT_NEAR(mid, 960, 2);
}

TEST_F(LayoutTest, AQuoteSlideSetsTheQuoteLargeAndTheAttributionBeneath) {
  const deck::ParseResult r = deck::parse_deck(
      "<!-- layout: quote -->\n\n> 마당은 모두가 모여 이야기하는 곳입니다.\n>\n> — 마당 만든 "
      "사람들\n",
      "quote.md", {.check_files = false});
  ASSERT_EQ(r.deck.slides.size(), 1u);
  const SlideLayout l = lay(r.deck);
  const TextItem* quote = find_text(l.list, "마당은");
  const TextItem* who = find_text(l.list, "만든 사람들");
  ASSERT_TRUE(quote && who);
  EXPECT_NEAR(quote->lines[0].runs[0].size, kHall.quote_size, 0.01);
  EXPECT_LT(who->lines[0].runs[0].size, kHall.quote_size * 0.8f);
  EXPECT_GT(who->rect.y, quote->rect.y + quote->rect.h - 1);
}

TEST_F(LayoutTest, TwoColumnsWithoutADirectiveSplitWhereTheirHeightsBalance) {
  deck::Deck d = one_slide(
      {heading("사회혁신의 개념"),
       para("기존의 방식으로 해결되지 않는 ‘사회적 난제’를 해결하기 위한 "
            "‘새로운 방식’이며, 이 새로운 방식은 다양한 영역 간 교차, 구체적인 "
            "상황 반영, 사회적 가치 내재를 포괄한다."),
       para("혁신은 목적이 아니다."), para("문제를 다루는 방식이다."), para("시민을 주체로 상정")},
      "two-column");
  const SlideLayout l = lay(d);
  const TextItem* long_one = find_text(l.list, "기존의");
  const TextItem* last = find_text(l.list, "시민을");
  const TextItem* second = find_text(l.list, "혁신은");
  ASSERT_TRUE(long_one && last && second);
  // The long paragraph alone on the left; the three short ones on the right.
  EXPECT_LT(long_one->rect.x, 900);
  EXPECT_GT(second->rect.x, 960);
  EXPECT_GT(last->rect.x, 960);
}

// ---------------------------------------------------------------- blocks

TEST_F(LayoutTest, ATableIsAsWideAsItsContent) {
  deck::Block t;
  t.kind = deck::BlockKind::kTable;
  auto cell = [](const char* s) { return deck::RichText{deck::Span{s, 0, {}}}; };
  t.table.header = {cell("연도"), cell("인원"), cell("사업")};
  t.table.rows = {{cell("2014"), cell("1,000명"), cell("20개")},
                  {cell("2015"), cell("1,200명"), cell("24개")}};
  t.table.align = {deck::Align::kLeft, deck::Align::kRight, deck::Align::kRight};
  const SlideLayout l = lay(one_slide({heading("OPEN WORKS 개요"), t}));
  const TextItem* year = find_text(l.list, "2014");
  const TextItem* people = find_text(l.list, "1,000");
  const TextItem* projects = find_text(l.list, "20개");
  ASSERT_TRUE(year && people && projects);
  // Numbers stay near their year: the table spans its content, not the slide.
  EXPECT_LT(projects->rect.x + projects->rect.w - year->rect.x, 1696 * 0.6f);
  EXPECT_LT(people->rect.x - (year->rect.x + year->rect.w), 120);
}

TEST_F(LayoutTest, CodeLinesKeepOnePitchWhateverFontTheyFallBackTo) {
  deck::Block code;
  code.kind = deck::BlockKind::kCode;
  code.code = "---\ntitle: 나의 첫 덱\n---\n\n# 안녕하세요\nplain ascii line\n- 첫 번째 항목\n";
  const SlideLayout l = lay(one_slide({heading("코드"), code}));
  const TextItem* t = find_text(l.list, "title:");
  ASSERT_NE(t, nullptr);
  ASSERT_GE(t->lines.size(), 7u);
  std::set<std::string> families;
  const float pitch = t->lines[1].baseline - t->lines[0].baseline;
  for (std::size_t i = 1; i < t->lines.size(); ++i)
    EXPECT_NEAR(t->lines[i].baseline - t->lines[i - 1].baseline, pitch, 0.01) << "line " << i;
  for (const text::Line& line : t->lines)
    for (const text::GlyphRun& r : line.runs) families.insert(std::to_string(r.font));
  EXPECT_GE(families.size(), 2u) << "the Hangul lines fell back to another face";
}

TEST_F(LayoutTest, PastedSymbolFontBulletsAreDrawnNotBoxed) {
  const deck::ParseResult r = deck::parse_deck(
      "# 붙여 넣은 글\n\n\xEF\x82\xA7 시민과 함께 \xEF\x83\x98 공공서비스 \xEF\x83\xBC\n\n"
      "\xEF\x82\xB7 둘째 \xEF\x83\xA8 셋째\n",
      "pasted.md", {.check_files = false});
  const SlideLayout l = lay(r.deck);
  for (const Diagnostic& d : l.diagnostics) ADD_FAILURE() << d.message;  // no "no font has"
  EXPECT_NE(find_text(l.list, "\u25AA 시민과"), nullptr) << all_text(l.list);
}

// ---------------------------------------------------------------- diagrams

deck::Block flow_of(const std::vector<std::string>& labels) {
  deck::Block b;
  b.kind = deck::BlockKind::kDiagram;
  b.diagram.kind = deck::DiagramKind::kFlow;
  int i = 0;
  for (const std::string& label : labels)
    b.diagram.nodes.push_back({"s" + std::to_string(i++), label, "지원-수혜 분리모형", {}, 0});
  return b;
}

TEST_F(LayoutTest, AFlowOfEightStepsWrapsIntoRowsAndBreaksNoWord) {
  const std::vector<std::string> labels = {"생활의 위기",
                                           "지원과 수혜",
                                           "자원의 제약과 지원의 한계",
                                           "자조와 협동",
                                           "사업자형 협동조합",
                                           "네트워크",
                                           "정책 제안",
                                           "자조와 협동의 자기증식형 혁신"};
  const SlideLayout l = lay(one_slide({heading("여덟 단계"), flow_of(labels)}));
  ASSERT_EQ(l.list.hits.size(), 8u);
  std::set<int> rows;
  for (const HitRegion& h : l.list.hits) rows.insert(static_cast<int>(h.rect.y));
  EXPECT_EQ(rows.size(), 2u);  // two rows of four
  for (const std::string& label : labels) {
    const std::string first_word = label.substr(0, label.find(' '));
    const TextItem* t = find_text(l.list, first_word);
    ASSERT_NE(t, nullptr) << label;
    EXPECT_TRUE(breaks_between_words(*t)) << label;
    EXPECT_LE(t->lines.size(), 3u) << label;
    EXPECT_GE(t->lines[0].runs[0].size, 36 - 0.01f) << label;  // the label floor
  }
  // The last card is as wide as the first: the last label is not squeezed.
  EXPECT_NEAR(l.list.hits.back().rect.w, l.list.hits.front().rect.w, 0.5);
}

TEST_F(LayoutTest, TriangleLabelsShrinkRatherThanBreakAWordOrCollide) {
  deck::Block b;
  b.kind = deck::BlockKind::kDiagram;
  b.diagram.kind = deck::DiagramKind::kTriangle;
  b.diagram.nodes = {{"gov", "정부 · State", "지원하고 기획합니다", {}, 0},
                     {"market", "시장 · Market", "기업", {}, 0},
                     {"civil", "시민사회 · Civil society", "개인, 가족, 지역공동체", {}, 0}};
  const SlideLayout l = lay(
      one_slide({heading("세 주체"), para("꼭짓점을 누르면 설명이 나옵니다. Click a corner."), b}));
  ASSERT_EQ(l.list.hits.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = i + 1; j < 3; ++j) {
      const Rect& a = l.list.hits[i].rect;
      const Rect& c = l.list.hits[j].rect;
      const bool overlap = a.x < c.x + c.w && c.x < a.x + a.w && a.y < c.y + c.h && c.y < a.y + a.h;
      EXPECT_FALSE(overlap) << l.list.hits[i].id << " and " << l.list.hits[j].id;
    }
  }
  const TextItem* civil = find_text(l.list, "Civil");
  ASSERT_NE(civil, nullptr);
  EXPECT_TRUE(breaks_between_words(*civil));
}

// Clicking an item re-proportions the comparison but does not move it: its
// top stays, and so does everything else on the slide.
TEST_F(LayoutTest, SelectingACompareItemMovesNothingElse) {
  const deck::ParseResult r = deck::parse_deck(
      "# 생태계 비교\n\n```diagram compare\nattributes: [정의, 핵심]\nitems:\n"
      "  - id: nature\n    label: 자연생태계\n    정의: 생물 군집과 환경으로 구성된 통합시스템\n"
      "    핵심: 종의 다양성\n"
      "  - id: business\n    label: 기업생태계\n    정의: 유기적으로 연결된 기업들의 연결망\n"
      "    핵심: 기업연결성, 자기조절 역동성\n"
      "  - id: venture\n    label: 벤처생태계\n    정의: 환경에 기민하게 반응하는 자기증식 "
      "시스템\n    핵심: 벤처기업, 벤처캐피탈, 회수시장\n```\n\n아래 문단\n",
      "compare.md", {.check_files = false});
  ASSERT_FALSE(has_errors(r.diagnostics));
  const SlideLayout rest = lay(r.deck);
  for (const std::vector<std::string>& picked :
       {std::vector<std::string>{"nature"}, std::vector<std::string>{"nature", "venture"}}) {
    SlideState state;
    state.selected = picked;
    const SlideLayout l = lay(r.deck, state);
    ASSERT_FALSE(l.list.hits.empty());
    EXPECT_EQ(l.list.hits[0].id, "nature");
    EXPECT_NEAR(l.list.hits[0].rect.y, rest.list.hits[0].rect.y, 0.01);
    for (const char* outside : {"생태계 비교", "아래 문단", "1 / 1"}) {
      const TextItem* a = find_text(rest.list, outside);
      const TextItem* b = find_text(l.list, outside);
      ASSERT_TRUE(a && b) << outside;
      EXPECT_NEAR(a->rect.y, b->rect.y, 0.01) << outside;
    }
  }
}

}  // namespace
}  // namespace madang::layout
