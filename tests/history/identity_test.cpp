// Slide identity across edits: reorder, retitle, insert, small edits, ids;
// two slides never merged into one.
#include <gtest/gtest.h>

#include "deck/parse.h"
#include "history/identity.h"

namespace madang::history {
namespace {

deck::Deck parse(const std::string& text) {
  deck::ParseOptions options;
  options.check_files = false;
  deck::ParseResult r = deck::parse_deck(text, "deck.md", options);
  EXPECT_FALSE(has_errors(r.diagnostics));
  return r.deck;
}

const char* const kIntro = "# 들어가며\n\n오늘은 지역사회 혁신생태계를 이야기합니다.\n";
const char* const kCases =
    "# 사례\n\n- 서울 은평구 마을 공동체\n- 전주 사회적경제 지원센터\n- 대전 유성구 협동조합\n";
const char* const kPolicy =
    "# 정책 제안\n\n1. 중간지원조직을 키웁니다\n2. 공공조달을 엽니다\n3. 데이터를 나눕니다\n";
const char* const kEnd = "# 감사합니다\n\n질문 받겠습니다.\n";

std::string join(std::initializer_list<std::string> slides) {
  std::string out;
  for (const std::string& s : slides) out += (out.empty() ? "" : "\n---\n\n") + s;
  return out;
}

std::vector<int> lined_up(const deck::Deck& before, const deck::Deck& after) {
  const std::vector<SlideIdentity> old = identify(before);
  std::vector<int> at;
  for (std::size_t i = 0; i < old.size(); ++i) at.push_back(static_cast<int>(i));
  return match(identify(after), old, at);
}

TEST(Identity, TitleContentAndKey) {
  const deck::Deck d = parse(kCases);
  const SlideIdentity id = identify(d.slides[0]);
  EXPECT_EQ(id.title, "사례");
  EXPECT_EQ(id.content, "서울 은평구 마을 공동체 전주 사회적경제 지원센터 대전 유성구 협동조합");
  EXPECT_EQ(id.key.substr(0, 2), "h:");
  EXPECT_EQ(id.key.size(), 18u);
  // The same slide in another deck, anywhere: the same key.
  EXPECT_EQ(identify(parse(join({kIntro, kCases})).slides[1]).key, id.key);
  // A slide without a heading is named by the start of its text.
  EXPECT_EQ(
      identify(parse("그냥 문단 하나로 된 슬라이드입니다만 꽤 길게 이어지는 문장이어서 "
                     "잘려야 합니다.\n")
                   .slides[0])
          .title,
      "그냥 문단 하나로 된 슬라이드입니다만 꽤 길게 이어지는 문장이어서 잘려야…");  // 40 characters
}

TEST(Identity, AnIdDirectiveIsTheKey) {
  const deck::Deck d = parse("<!-- id: cases -->\n" + std::string(kCases));
  EXPECT_EQ(identify(d.slides[0]).key, "id:cases");
  // Rewritten entirely, it is still the same slide; another id never is.
  const deck::Deck rewritten = parse("<!-- id: cases -->\n# 완전히 다른 제목\n\n새 내용\n");
  EXPECT_EQ(lined_up(d, rewritten), (std::vector<int>{0}));
  const deck::Deck renamed = parse("<!-- id: examples -->\n" + std::string(kCases));
  EXPECT_EQ(lined_up(d, renamed), (std::vector<int>{-1}));
}

TEST(Identity, ReorderedSlidesLineUp) {
  const deck::Deck before = parse(join({kIntro, kCases, kPolicy, kEnd}));
  const deck::Deck after = parse(join({kIntro, kPolicy, kEnd, kCases}));
  EXPECT_EQ(lined_up(before, after), (std::vector<int>{0, 3, 1, 2}));
}

TEST(Identity, RetitledSlideKeepsItsHistory) {
  const deck::Deck before = parse(join({kIntro, kCases, kPolicy}));
  const deck::Deck after = parse(join(
      {kIntro,
       "# 현장의 사례들\n\n- 서울 은평구 마을 공동체\n- 전주 사회적경제 지원센터\n- 대전 유성구 "
       "협동조합\n",
       kPolicy}));
  EXPECT_EQ(lined_up(before, after), (std::vector<int>{0, 1, 2}));
}

TEST(Identity, SmallEditsKeepTheSlide) {
  const deck::Deck before = parse(join({kIntro, kCases, kPolicy}));
  // A word changed, an item added.
  const deck::Deck after =
      parse(join({kIntro,
                  "# 사례\n\n- 서울 은평구 마을 공동체\n- 전주 사회적경제 지원센터\n- 대전 유성구 "
                  "협동조합\n- 부산 영도구 도시재생\n",
                  "# 정책 제안\n\n1. 중간지원조직을 키웁니다\n2. 공공조달을 넓힙니다\n3. 데이터를 "
                  "나눕니다\n"}));
  EXPECT_EQ(lined_up(before, after), (std::vector<int>{0, 1, 2}));
}

TEST(Identity, InsertedSlideIsNewAndTheRestLineUp) {
  const deck::Deck before = parse(join({kIntro, kCases, kEnd}));
  const deck::Deck after =
      parse(join({kIntro, "# 배경\n\n인구 감소와 지역 소멸의 위기.\n", kCases, kPolicy, kEnd}));
  EXPECT_EQ(lined_up(before, after), (std::vector<int>{0, 2, 4}));
}

TEST(Identity, ReplacedSlideDoesNotMatch) {
  const deck::Deck before = parse(join({kIntro, kCases, kEnd}));
  const deck::Deck after =
      parse(join({kIntro, "# 사례\n\n완전히 새로 쓴 내용: 해외 사례 세 가지.\n", kEnd}));
  EXPECT_EQ(lined_up(before, after), (std::vector<int>{0, -1, 2}));
}

TEST(Identity, TwoSlidesAreNeverMerged) {
  // Two recorded slides both resemble the one slide now: only the closer
  // one is it; the other is no longer in the deck.
  const deck::Deck before =
      parse(join({"# 사례\n\n- 서울 은평구 마을 공동체\n- 전주 사회적경제 지원센터\n",
                  "# 사례\n\n- 서울 은평구 마을 공동체\n- 전주 사회적경제 지원센터\n- 대전 유성구 "
                  "협동조합\n"}));
  const deck::Deck after = parse(join(
      {"# 사례\n\n- 서울 은평구 마을 공동체\n- 전주 사회적경제 지원센터\n- 대전 유성구 협동조합\n- "
       "부산 영도구\n"}));
  EXPECT_EQ(lined_up(before, after), (std::vector<int>{-1, 0}));
  // Identical twins pair by position.
  const deck::Deck twins = parse(join({kEnd, kIntro, kEnd}));
  EXPECT_EQ(lined_up(twins, twins), (std::vector<int>{0, 1, 2}));
}

TEST(Identity, ResemblanceIsSymmetricAndBounded) {
  const deck::Deck d = parse(join({kIntro, kCases, kPolicy, kEnd}));
  const std::vector<SlideIdentity> ids = identify(d);
  for (const SlideIdentity& a : ids) {
    EXPECT_DOUBLE_EQ(resemblance(a, a), 1);
    for (const SlideIdentity& b : ids) {
      EXPECT_DOUBLE_EQ(resemblance(a, b), resemblance(b, a));
      EXPECT_GE(resemblance(a, b), 0);
      EXPECT_LE(resemblance(a, b), 1);
      if (&a != &b) {
        EXPECT_FALSE(same_slide(a, b)) << a.title << " / " << b.title;
      }
    }
  }
}

}  // namespace
}  // namespace madang::history
