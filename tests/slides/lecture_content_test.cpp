// The lecture deck (slides/lecture.md) holds the talk: 23 slides in the
// outline's order, the source's wording, the diagrams, notes and citations.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "deck/parse.h"
#include "slide_text.h"

namespace madang::slides_test {
namespace {

using deck::BlockKind;
using deck::DiagramKind;

class Lecture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    result_ = new deck::ParseResult(deck::load_deck(MADANG_SLIDES_DIR "/lecture.md"));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  static const deck::Deck& lecture() { return result_->deck; }
  // 1-based, as the outline numbers them.
  static const deck::Slide& slide(int number) { return lecture().slides.at(number - 1); }
  static std::string text(int number) { return squash_spaces(slide_text(slide(number))); }
  static const deck::Diagram& only_diagram(int number) {
    const std::vector<const deck::Diagram*> found = diagrams(slide(number));
    EXPECT_EQ(found.size(), 1u) << "slide " << number;
    static const deck::Diagram empty;
    return found.empty() ? empty : *found.front();
  }
  static std::vector<const deck::Block*> blocks_of(int number, BlockKind kind) {
    std::vector<const deck::Block*> out;
    for (const deck::Block* b : all_blocks(slide(number))) {
      if (b->kind == kind) out.push_back(b);
    }
    return out;
  }
  static deck::ParseResult* result_;
};
deck::ParseResult* Lecture::result_ = nullptr;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_F(Lecture, ParsesCleanlyIntoTwentyThreeSlides) {
  for (const Diagnostic& d : result_->diagnostics) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_EQ(lecture().slides.size(), 23u);
}

TEST_F(Lecture, FrontMatter) {
  const deck::Meta& meta = lecture().meta;
  EXPECT_EQ(meta.title, "지역사회 사회혁신생태계 조성전략");
  EXPECT_EQ(meta.author, "김제선");
  EXPECT_EQ(meta.event, "제8회 아시아미래포럼 · 세션 2");
  EXPECT_EQ(meta.lang, "ko");
  EXPECT_EQ(meta.theme, "hall");
  EXPECT_EQ(meta.footer, "「지역사회 사회혁신생태계 조성전략」 · 김제선(희망제작소 소장)");
  EXPECT_EQ(meta.transition, "fade");
}

// The first heading of every slide is the source's title, in the outline's order.
TEST_F(Lecture, TitlesInOutlineOrder) {
  const std::vector<std::string> titles = {
      "지역사회 사회혁신생태계 조성전략",
      "연사 소개",
      "초록",
      "사회적 난제에 포위된 한국사회",
      "사회혁신론의 등장",
      "지속가능한 산업생태계를 통한 미래 선순환",
      "국민생활연구 개념 및 프로세스 (1/2)",
      "국민생활연구 개념 및 프로세스 (2/2)",
      "사회혁신의 개념",
      "영미와 유럽의 사회혁신체제론",
      "사회적경제 정책의 한계",
      "사회혁신으로서 사회적경제 정책의 한계",
      "생태계의 개념 유형",
      "한국에서의 혁신체계의 반성",
      "사회혁신의 영역과 주체",
      "문재인정부 사회혁신추진",
      "사회혁신 생태계 조성의 기본 관점",
      "사회혁신생태계 조성 전략",
      "▣ 람베스구가 정의하는 협동조합형 위탁사업",
      "새로운 형태의 중간지원 플랫폼 – 엔스파이럴",
      "협동조합지자체 혁신네트워크",
      "OPEN WORKS 개요",
      "감사합니다",
  };
  ASSERT_EQ(lecture().slides.size(), titles.size());
  for (int n = 1; n <= 23; ++n) {
    const std::vector<const deck::Block*> headings = blocks_of(n, BlockKind::kHeading);
    ASSERT_FALSE(headings.empty()) << "slide " << n;
    EXPECT_EQ(deck::plain_text(headings.front()->text), titles[n - 1]) << "slide " << n;
    EXPECT_EQ(headings.front()->level, 1) << "slide " << n;
  }
}

// One or more distinctive phrases of the source per slide, where they belong.
TEST_F(Lecture, KeyPhrasesOnTheirSlides) {
  struct Expect {
    int slide;
    std::vector<std::string> phrases;
  };
  const std::vector<Expect> expected = {
      {1, {"김제선", "희망제작소 소장", "제8회 아시아미래포럼 · 세션 2"}},
      {2, {"재단법인 희망제작소 소장", "목원대학교 대학원(행정학) 석사 수료",
           "1995 대전참여자치연대 사무처장", "2014 대전시민사회 연구소 부이사장"}},
      {3, {"정부-시장-비영리기구-시민사회 모두의 적극적인 참여가 필요하다.",
           "시민을 서비스 대상이 아니라 문제해결의 주체로 상정하여야 한다.",
           "혁신실패 안전망 부재도 극복해야 한다."}},
      {4, {"저성장의 구조화, 저출산 고령화, 사회적 양극화, 지방의 대상화와 피폐화",
           "한국 사회 구조의 변화에 따른 대안?", "엘리트시대의 종언과 대중 참여의 시대",
           "복잡한 세상의 주인으로 서는 張三李四"}},
      {5, {"기술혁신에서 사회혁신론으로 전환", "혁신의 사회적 효과와 수요 미반영",
           "사회문제 해결에 국가 관료제의 역할이 중시되는 것과 차이."}},
      {6, {"성장과 사회적 평등, 지속가능성의 공진", "질적인 일자리성장 추진",
           "문재인 정부의 시대 규정: 국민의 시대"}},
      {7, {"생활 위기와 사회혁신모델", "자원의 제약과 지원의 한계"}},
      {8, {"국민을 위한 국민과 함께하는 과학기술", "R&SD and Delivery"}},
      {9, {"전략과 조직화된 행위를 통해 나타나는 사회변동의 과정",
           "해결책이 보이지 않는 문제들을 다루는 방식이다.", "시민역량 강화",
           "시민을 서비스 ‘대상’에서 문제 해결의 ‘주체’로 상정"}},
      {10, {"미국형", "유럽형", "사회혁신을 기업중심의 사회문제 해결 노력으로 인식",
            "사회 니치(틈새)를 강조"}},
      {11, {"기존접근", "새로운접근", "일자리창출", "시민 주도 사회혁신 활성화",
            "피어컨설팅, 네트워크 활성화, 중간지원체 육성"}},
      {12, {"보편적 사회적경제가 아닌 잔여적 사회적경제",
            "일자리 창출 중심의 제약(성과 IN VS OUT)",
            "개별 사업체 중심 지원으로 인한 사회혁신 생태계 조성 실패"}},
      {13, {"생태계유형별 목적성", "자연생태계", "혁신생태계", "자생적이며 자기영속적 속성을 가짐",
            "경쟁을 통한 학습과 상보성"}},
      {14, {"패러다임 전환 미흡: 추격형 성장 → 내발적 혁신",
            "혁신을 위한 자율성 부여 미흡(긍정적 블랙스완)", "혁신(실패) 안전망 부재"}},
      {15, {"지원자이며 기획자", "비영리단체", "개인, 가족, 지역공동체, 종교, 온라인커뮤니티",
            "시민주도성(citizen-driven)", "서비스 대상자이자 생산자",
            "시민이 직접 문제 해결의 주체로 참여하는 거버넌스"}},
      {16, {"시민주도로 사회문제를 해결하고 정부는 뒷받침하는 국민이 주인인 정부구현",
            "사회혁신 전국화 및 국가운영원리 정착", "난제해결을 위한 작은 혁신모델 전국화",
            "5대 중점추진 분야", "광화문 1번가 상설화", "공직사회 내 사회혁신 확산 교육 추진"}},
      {17, {"시민의 문제해결 역량의 강화에 기여함",
            "지역사회 문제의 해결을 통한 사회혁신의 효능감 강화", "자산 중심의 관점"}},
      {18, {"사회혁신 패러다임의 정립: 종합적 차원", "사회적 배제 계층 직접 참여 지원",
            "중간지원조직 지원"}},
      {19, {"시민과 함께 만들어가는 공공서비스",
            "위험을 감수하며 혁신적인 자세를 견지"}},
      {20, {"엔스파이럴"}},
      {21, {"영국협동조합자치구"}},
      {22, {"람베스 의회 + Civic System Lab ▶ The Open Works 팀 구성",
            "12개월(2014. 2.~2015. 2.) 동안 1,000명의 사람들과 협업하여 20개의 프로젝트 진행",
            "Works Shop"}},
      {23, {"희망제작소는 당신을 응원합니다!", "Let’s Build Hope Together"}},
  };
  for (const Expect& e : expected) {
    const std::string t = text(e.slide);
    for (const std::string& phrase : e.phrases) {
      EXPECT_TRUE(contains(t, phrase)) << "slide " << e.slide << " lacks \"" << phrase
                                       << "\"; it reads:\n" << t;
    }
  }
}

TEST_F(Lecture, NoExtractionDamage) {
  ASSERT_EQ(lecture().slides.size(), 23u);
  for (const deck::Slide& s : lecture().slides) {
    const std::string t = slide_text(s) + s.notes + s.source;
    EXPECT_FALSE(has_extraction_artefact(t)) << "slide " << s.index;
    EXPECT_FALSE(contains(t, "Chritiansen")) << "slide " << s.index;
    EXPECT_FALSE(contains(t, "사회적난제에포위된")) << "slide " << s.index;
  }
}

TEST_F(Lecture, LayoutsAndClasses) {
  EXPECT_EQ(slide(1).layout, "title");
  for (int n : {2, 4, 9, 15, 18}) {
    EXPECT_EQ(slide(n).layout, "two-column") << "slide " << n;
    bool right = false;
    for (const deck::Block& b : slide(n).blocks) right = right || b.column_index == 1;
    EXPECT_TRUE(right) << "slide " << n << " has nothing in its right column";
  }
  EXPECT_EQ(slide(23).layout, "title");
  const std::vector<std::string>& classes = slide(23).classes;
  EXPECT_NE(std::find(classes.begin(), classes.end(), "lead"), classes.end());
}

TEST_F(Lecture, SpeakerPageHasEightDatedEntries) {
  const std::vector<const deck::Block*> lists = blocks_of(2, BlockKind::kList);
  ASSERT_EQ(lists.size(), 1u);
  const deck::Block& career = *lists.front();
  EXPECT_EQ(career.column_index, 1);
  ASSERT_EQ(career.items.size(), 8u);
  const char* years[] = {"1995", "2002", "2006", "2007", "2007", "2009", "2013", "2014"};
  for (std::size_t i = 0; i < 8; ++i) {
    ASSERT_FALSE(career.items[i].blocks.empty());
    EXPECT_EQ(block_text(career.items[i].blocks.front()).rfind(years[i], 0), 0u) << i;
  }
}

TEST_F(Lecture, TriangleOfActorsOnSlide4) {
  const deck::Diagram& d = only_diagram(4);
  EXPECT_EQ(d.kind, DiagramKind::kTriangle);
  ASSERT_EQ(d.nodes.size(), 3u);
  EXPECT_EQ(d.nodes[0].id, "gov");
  EXPECT_EQ(d.nodes[0].label, "정부");
  EXPECT_EQ(d.nodes[0].detail, "지원자이며 기획자");
  EXPECT_EQ(d.nodes[1].id, "market");
  EXPECT_EQ(d.nodes[1].label, "시장");
  EXPECT_EQ(d.nodes[1].detail, "시장(기업)");
  EXPECT_EQ(d.nodes[2].id, "civil");
  EXPECT_EQ(d.nodes[2].label, "시민사회");
  EXPECT_EQ(d.nodes[2].detail, "개인, 가족, 지역공동체, 종교, 온라인커뮤니티");
  EXPECT_EQ(d.center, "비영리단체");
  // The bullets stay beside the diagram.
  EXPECT_EQ(blocks_of(4, BlockKind::kList).size(), 1u);
}

TEST_F(Lecture, TriangleOfActorsOnSlide15) {
  const deck::Diagram& d = only_diagram(15);
  EXPECT_EQ(d.kind, DiagramKind::kTriangle);
  ASSERT_EQ(d.nodes.size(), 3u);
  EXPECT_EQ(d.nodes[0].id, "gov");
  EXPECT_EQ(d.nodes[1].id, "market");
  EXPECT_EQ(d.nodes[2].id, "civil");
  EXPECT_TRUE(contains(d.nodes[2].detail, "시민주도성(citizen-driven)"));
  EXPECT_EQ(d.center, "비영리단체");
  ASSERT_EQ(d.edges.size(), 1u);
  EXPECT_EQ(d.edges[0].from, "civil");
  EXPECT_EQ(d.edges[0].to, "gov");
  EXPECT_EQ(d.edges[0].label, "거버넌스");
  EXPECT_TRUE(contains(d.edges[0].detail, "신공공관리적 거버넌스"));
}

TEST_F(Lecture, SteppedFlowOnSlide7) {
  const deck::Diagram& d = only_diagram(7);
  EXPECT_EQ(d.kind, DiagramKind::kFlow);
  EXPECT_TRUE(d.stepped);
  EXPECT_EQ(d.title, "생활 위기와 사회혁신모델");
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"crisis", "생활의 위기"},
      {"support", "지원과 수혜"},
      {"limits", "자원의 제약과 지원의 한계"},
      {"selfhelp", "자조와 협동의 자기증식형 혁신"},
  };
  ASSERT_EQ(d.nodes.size(), steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(d.nodes[i].id, steps[i].first);
    EXPECT_EQ(d.nodes[i].label, steps[i].second);
    EXPECT_FALSE(d.nodes[i].detail.empty()) << steps[i].first;
  }
}

TEST_F(Lecture, UsVersusEuropeOnSlide10) {
  const deck::Diagram& d = only_diagram(10);
  EXPECT_EQ(d.kind, DiagramKind::kCompare);
  ASSERT_EQ(d.nodes.size(), 2u);
  EXPECT_EQ(d.nodes[0].id, "us");
  EXPECT_EQ(d.nodes[0].label, "미국형");
  EXPECT_EQ(d.nodes[1].id, "eu");
  EXPECT_EQ(d.nodes[1].label, "유럽형");
  ASSERT_GE(d.attributes.size(), 2u);
  for (const deck::DiagramNode& item : d.nodes) {
    ASSERT_EQ(item.values.size(), d.attributes.size()) << item.id;
    for (const std::string& v : item.values) EXPECT_FALSE(v.empty()) << item.id;
  }
  std::string us, eu;
  for (const std::string& v : d.nodes[0].values) us += v;
  for (const std::string& v : d.nodes[1].values) eu += v;
  EXPECT_TRUE(contains(us, "제도적 지원 체계 마련 중심"));
  EXPECT_TRUE(contains(us, "(미국, 캐나다)"));
  EXPECT_TRUE(contains(eu, "시민사회를 가장 중시하며 사회혁신을 위한 정부 혁신을 주장."));
}

TEST_F(Lecture, OldVersusNewApproachOnSlide11) {
  const deck::Diagram& d = only_diagram(11);
  EXPECT_EQ(d.kind, DiagramKind::kCompare);
  const std::vector<std::string> rows = {"추진관점", "지원전략", "지역형 개념", "정책대상",
                                         "지속가능성 확보전략", "추진체계", "협력범주",
                                         "임파워먼트"};
  EXPECT_EQ(d.attributes, rows);
  ASSERT_EQ(d.nodes.size(), 2u);
  const deck::DiagramNode& old_way = d.nodes[0];
  const deck::DiagramNode& new_way = d.nodes[1];
  EXPECT_EQ(old_way.id, "old");
  EXPECT_EQ(old_way.label, "기존접근");
  EXPECT_EQ(new_way.id, "new");
  EXPECT_EQ(new_way.label, "새로운접근");
  ASSERT_EQ(old_way.values.size(), rows.size());
  ASSERT_EQ(new_way.values.size(), rows.size());
  EXPECT_TRUE(contains(old_way.values[0], "일자리창출"));
  EXPECT_TRUE(contains(new_way.values[0], "시민 주도 사회혁신 활성화"));
  EXPECT_TRUE(contains(old_way.values[2], "지자체 선정 지원형"));
  EXPECT_TRUE(contains(new_way.values[3], "지역화폐운동"));
  EXPECT_EQ(old_way.values[5], "공공주도형");
  EXPECT_EQ(new_way.values[5], "사회적경제 민관 거버넌스");
  EXPECT_TRUE(contains(old_way.values[6], "지자체+기업사회공헌"));
  EXPECT_TRUE(contains(new_way.values[6], "시민참여 다각화"));
  EXPECT_TRUE(contains(old_way.values[7], "지원-수혜 분리모형"));
  EXPECT_TRUE(contains(new_way.values[7], "중간지원체 육성"));
}

TEST_F(Lecture, EcosystemTypesOnSlide13) {
  const deck::Diagram& d = only_diagram(13);
  EXPECT_EQ(d.kind, DiagramKind::kCompare);
  EXPECT_EQ(d.title, "생태계유형별 목적성");
  ASSERT_EQ(d.attributes.size(), 2u);
  EXPECT_EQ(d.attributes[0], "정의");
  struct Type {
    const char* id;
    const char* label;
    const char* definition;
    const char* elements;  // "" where the source gives none
  };
  const Type types[] = {
      {"nature", "자연생태계", "생산-소비-분해-재생산의 과정", "핵심종, 우점종, 틈새종"},
      {"business", "기업생태계", "개별 기업의 생존과 번영, 쇠퇴에 영향을 미치는 연결망",
       "개척시기-확장시기-권위시기(성숙기)-혁신시기"},
      {"venture", "벤처생태계", "생존, 성장하는 자기증식 시스템",
       "(핵심요소) 벤처기업, 벤처캐피탈, 회수시장"},
      {"innovation", "혁신생태계", "혁신역량을 바탕으로 고유의 기능을 수행하고", ""},
  };
  ASSERT_EQ(d.nodes.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const deck::DiagramNode& item = d.nodes[i];
    EXPECT_EQ(item.id, types[i].id);
    EXPECT_EQ(item.label, types[i].label);
    ASSERT_EQ(item.values.size(), 2u) << item.id;
    EXPECT_TRUE(contains(item.values[0], types[i].definition)) << item.id;
    EXPECT_TRUE(contains(item.values[1], types[i].elements)) << item.id;
  }
}

TEST_F(Lecture, FourDefinitionsAsQuotesOnSlide9) {
  const std::vector<const deck::Block*> quotes = blocks_of(9, BlockKind::kQuote);
  ASSERT_EQ(quotes.size(), 4u);
  const char* authors[] = {"Mulgan", "Christiansen & Bunt", "Caulier-Grice"};
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(contains(deck::plain_text(quotes[i]->text), authors[i])) << i;
    EXPECT_FALSE(quotes[i]->children.empty()) << i;
  }
  // The source names no author for the fourth definition.
  EXPECT_TRUE(deck::plain_text(quotes[3]->text).empty());
}

TEST_F(Lecture, NumberedListsKeepTheirStructure) {
  const std::vector<const deck::Block*> limits = blocks_of(12, BlockKind::kList);
  ASSERT_FALSE(limits.empty());
  EXPECT_TRUE(limits.front()->ordered);
  ASSERT_EQ(limits.front()->items.size(), 3u);
  const deck::ListItem& first = limits.front()->items[0];
  ASSERT_EQ(first.blocks.size(), 2u);  // the limit and its two sub-points
  EXPECT_EQ(first.blocks[1].kind, BlockKind::kList);
  EXPECT_EQ(first.blocks[1].items.size(), 2u);

  std::vector<const deck::Block*> strategies;
  for (const deck::Block& b : slide(18).blocks) {
    if (b.kind == BlockKind::kList) strategies.push_back(&b);
  }
  ASSERT_EQ(strategies.size(), 2u);
  EXPECT_TRUE(strategies[0]->ordered);
  EXPECT_EQ(strategies[0]->start, 1);
  EXPECT_EQ(strategies[0]->items.size(), 5u);
  EXPECT_EQ(strategies[0]->column_index, 0);
  EXPECT_TRUE(strategies[1]->ordered);
  EXPECT_EQ(strategies[1]->start, 6);
  EXPECT_EQ(strategies[1]->items.size(), 5u);
  EXPECT_EQ(strategies[1]->column_index, 1);

  for (int n : {17, 19}) {
    const std::vector<const deck::Block*> lists = blocks_of(n, BlockKind::kList);
    ASSERT_EQ(lists.size(), 1u) << "slide " << n;
    EXPECT_TRUE(lists.front()->ordered) << "slide " << n;
    EXPECT_EQ(lists.front()->items.size(), 4u) << "slide " << n;
  }
}

TEST_F(Lecture, PolicyTableOnSlide16) {
  const std::vector<const deck::Block*> tables = blocks_of(16, BlockKind::kTable);
  ASSERT_EQ(tables.size(), 1u);
  const deck::Table& t = tables.front()->table;
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(deck::plain_text(t.header[0]), "5대 중점추진 분야");
  const std::vector<std::string> fields = {"사회혁신 기반조성", "사회혁신 임팩트 사업 추진",
                                           "국민정책 참여 확대", "디지털 사회혁신 추진",
                                           "사회혁신의 국가 운영 내재화"};
  ASSERT_EQ(t.rows.size(), fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    ASSERT_EQ(t.rows[i].size(), 2u);
    EXPECT_EQ(deck::plain_text(t.rows[i][0]), fields[i]);
    EXPECT_EQ(deck::plain_text(t.rows[i][1]).rfind("1. ", 0), 0u) << fields[i];
  }
  // <br> in a cell is a hard break.
  EXPECT_TRUE(contains(deck::plain_text(t.rows[0][1]), "\n"));
  EXPECT_TRUE(contains(deck::plain_text(t.rows[0][1]), "4. 사회혁신 국제 네트워크 구축 협력추진"));
}

TEST_F(Lecture, IncrementalRevealWhereThePresenterBuildsUp) {
  for (int n : {5, 14, 17}) {
    const deck::Slide& s = slide(n);
    EXPECT_TRUE(s.incremental) << "slide " << n;
    const std::vector<const deck::Block*> lists = blocks_of(n, BlockKind::kList);
    ASSERT_FALSE(lists.empty()) << "slide " << n;
    const std::vector<deck::ListItem>& items = lists.front()->items;
    for (std::size_t i = 1; i < items.size(); ++i) {
      EXPECT_GT(items[i].fragment, items[i - 1].fragment) << "slide " << n << " item " << i;
    }
    EXPECT_GE(s.steps, items.back().fragment) << "slide " << n;
  }
  // Slide 17: 자산 중심의 관점 comes after the four points.
  const deck::Block* last = nullptr;
  for (const deck::Block& b : slide(17).blocks) {
    if (b.kind == BlockKind::kParagraph) last = &b;
  }
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(deck::plain_text(last->text), "자산 중심의 관점");
  EXPECT_GT(last->fragment, blocks_of(17, BlockKind::kList).front()->items.back().fragment);
}

TEST_F(Lecture, KoreanNotesOnEverySlide) {
  ASSERT_EQ(lecture().slides.size(), 23u);
  for (const deck::Slide& s : lecture().slides) {
    EXPECT_FALSE(s.notes.empty()) << "slide " << s.index;
    EXPECT_TRUE(has_hangul(s.notes)) << "slide " << s.index;
    EXPECT_FALSE(contains(s.notes, "-->")) << "slide " << s.index;
  }
}

TEST_F(Lecture, SourcesWhereTheOriginalCitesThem) {
  const std::string lambeth = "전성환, 람베스 사례로 본 민관협치모델";
  EXPECT_TRUE(contains(slide(4).source, "사회혁신공간데어 연구팀"));
  EXPECT_TRUE(contains(slide(4).source, "한국사회 혁신생태계 활성화를 위한 정책제안(2017)"));
  EXPECT_TRUE(contains(slide(19).source, lambeth));
  EXPECT_TRUE(contains(slide(20).source, "장석원, 엔스파이럴의 이해"));
  EXPECT_TRUE(contains(slide(21).source, lambeth));
  EXPECT_TRUE(contains(slide(22).source, lambeth));
  const std::set<int> cited = {4, 19, 20, 21, 22};
  for (const deck::Slide& s : lecture().slides) {
    if (!cited.count(s.index)) {
      EXPECT_TRUE(s.source.empty()) << "slide " << s.index;
    }
  }
}

// Slides 20 and 21 lost their pictures: no image stands in for them.
TEST_F(Lecture, NoInventedImages) {
  ASSERT_EQ(lecture().slides.size(), 23u);
  for (const deck::Slide& s : lecture().slides) {
    for (const deck::Block* b : all_blocks(s)) {
      EXPECT_NE(b->kind, BlockKind::kImage) << "slide " << s.index;
    }
  }
}

}  // namespace
}  // namespace madang::slides_test
