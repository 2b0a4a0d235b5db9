// Line breaking: the pure break-opportunity function, and paragraphs of the
// lecture's own sentences laid out at many widths.
#include <unicode/utf8.h>

#include <algorithm>

#include "text/linebreak.h"
#include "text_test_util.h"

namespace madang::text::testing {
namespace {

// Sentences from the lecture (김제선, 지역사회 사회혁신생태계 조성전략).
const char* const kLecture[] = {
    "기존 방식으로 풀리지 않는 사회적 난제를 해결할 새로운 방식으로서 사회혁신 생태계는 "
    "정부-시장-비영리기구-시민사회 모두의 적극적인 참여가 필요하다.",
    "국가 수준의 거시단위까지 책임주체로 주목, 사회혁신은 시민을 서비스 ‘대상’에서 문제 "
    "해결의 ‘주체’로 상정",
    "기존의 방식으로 해결되지 않는 ‘사회적 난제’를 해결하기 위한 ‘새로운 방식’이며, 이 새로운 "
    "방식은 다양한 영역 간 교차, 구체적인 상황 반영, 시민교육 ·인재양성",
    "(역내 지역격차, 로컬푸드, 청년·시니어 사회참여 등) 공공관리적 거버넌스)를 극복 시민이 "
    "직접 문제 해결의 주체로 참여하는 거버넌스 (혁신)과 협력, 시기(성숙기)-혁신시기",
    "오픈웍스 프로젝트는 수백명의 사람들이 사회와 커뮤니티의 변화(reshape)를 시도하며 새로운 "
    "길을 연다. 2013년 대전광역시 사회적 자본지원센터장 Let’s Build Hope Together",
};

char32_t at(const std::string& s, std::size_t i) {
  UChar32 c = 0;
  int32_t k = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  return static_cast<char32_t>(c);
}

char32_t before(const std::string& s, std::size_t i) {
  UChar32 c = 0;
  int32_t k = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, k, c);
  return static_cast<char32_t>(c);
}

bool is_syllable(char32_t c) {
  return c >= 0xAC00 && c <= 0xD7A3;
}

std::size_t offset_of(const std::string& s, const std::string& needle) {
  const auto p = s.find(needle);
  EXPECT_NE(p, std::string::npos) << needle;
  return p;
}

bool contains(const std::vector<std::size_t>& v, std::size_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(LineBreak, KeepAllBreaksOnlyBetweenWords) {
  const std::string s = "사회혁신 생태계는 필요하다";
  const auto b = break_offsets(s);
  EXPECT_EQ(b, (std::vector<std::size_t>{13, 26, s.size()}));
}

TEST(LineBreak, LatinAndDigitsInsideKoreanStayWhole) {
  const std::string s = "2013년 Social Innovation은 API를";
  const auto b = break_offsets(s);
  EXPECT_EQ(b, (std::vector<std::size_t>{8, 15, offset_of(s, "API"), s.size()}));
}

TEST(LineBreak, ClosingQuoteStaysWithTheParticle) {
  const std::string s = "해결의 ‘주체’로 상정";
  const auto b = break_offsets(s);
  const std::size_t q = offset_of(s, "’로");
  for (std::size_t x : b) {
    EXPECT_FALSE(x > offset_of(s, "‘주체") && x <= q + 3) << x;
  }
  EXPECT_TRUE(contains(b, offset_of(s, "‘")));  // after the space before ‘
}

TEST(LineBreak, ClosingBracketStaysWithTheParticle) {
  const std::string s = "(혁신)과 협력";
  const auto b = break_offsets(s);
  EXPECT_FALSE(contains(b, offset_of(s, "과")));
  EXPECT_EQ(b, (std::vector<std::size_t>{offset_of(s, "협"), s.size()}));
}

TEST(LineBreak, NoBreakBeforeOpeningBracketGluedToAWord) {
  const std::string s = "대학원(행정학) 석사";
  EXPECT_EQ(break_offsets(s), (std::vector<std::size_t>{offset_of(s, "석"), s.size()}));
}

TEST(LineBreak, NoLineStartsWithMiddleDotDashOrClosingMark) {
  for (const std::string s :
       {"청년·시니어", "정부—시장", "가―나", "가～나", "가나」다", "가나, 다"}) {
    SCOPED_TRACE(s);
    for (std::size_t x : break_offsets(s)) {
      if (x == s.size()) continue;
      const char32_t c = at(s, x);
      EXPECT_TRUE(c != 0xB7 && c != 0x2014 && c != 0x2015 && c != 0xFF5E && c != 0x300D && c != ',')
          << "break before U+" << std::hex << static_cast<unsigned>(c);
    }
  }
  // ...unless it follows a space.
  const std::string spaced = "시민교육 ·인재양성";
  EXPECT_TRUE(contains(break_offsets(spaced), offset_of(spaced, "·")));
}

TEST(LineBreak, SyllableModeBreaksBetweenHangulSyllables) {
  const std::string s = "사회혁신 생태계";
  const auto b = break_offsets(s, BreakOptions{true});
  EXPECT_EQ(b, (std::vector<std::size_t>{3, 6, 9, 13, 16, 19, s.size()}));
}

TEST(LineBreak, HardBreaksAreMandatory) {
  const std::string s = "첫 줄\n둘째 줄";
  const auto b = find_line_breaks(s);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0], (BreakOpportunity{4, false}));
  EXPECT_EQ(b[1], (BreakOpportunity{8, true}));
  EXPECT_EQ(b[3].offset, s.size());
}

TEST(LineBreak, CombiningMarksBelongToTheirBase) {
  // Old Hangul with a tone mark: no break between the mark and the next syllable.
  const std::string s = "나랏〮말〯ᄊᆞ미〮 니르고";
  EXPECT_EQ(break_offsets(s), (std::vector<std::size_t>{offset_of(s, "니"), s.size()}));
}

// Every line of every lecture sentence, at many widths, breaks between words.
TEST(ParagraphBreaking, LectureSentencesBreakOnlyBetweenWordsAtManyWidths) {
  for (const char* sentence : kLecture) {
    const std::string text = sentence;
    const auto allowed = break_offsets(text);
    for (float width = 330; width <= 2000; width += 23) {
      SCOPED_TRACE(::testing::Message() << text << " @ " << width);
      const Paragraph p =
          layout_paragraph(fonts(), {TextRun{text, sized(40)}}, ParagraphStyle{}, width);
      ASSERT_FALSE(p.lines.empty());
      EXPECT_FALSE(p.overflow_x);
      std::string joined;
      for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const Line& l = p.lines[i];
        joined += l.text;
        EXPECT_LE(l.width, width + 0.01f);
        if (i + 1 == p.lines.size()) continue;
        const std::size_t e = l.end;
        EXPECT_TRUE(contains(allowed, e)) << "break at " << e << " not allowed: " << l.text;
        const char32_t prev = before(text, e), next = at(text, e);
        EXPECT_FALSE(is_syllable(prev) && is_syllable(next)) << "inside a word: " << l.text;
        if (prev != U' ') {
          EXPECT_NE(next, 0xB7u);  // · may start a line only after a space
        }
        EXPECT_NE(next, U'’');
        EXPECT_NE(next, U')');
        EXPECT_NE(next, U',');
        EXPECT_NE(next, U'.');
        // ‘주체’로 never splits.
        if (l.text.find("‘주체") != std::string::npos) {
          EXPECT_NE(l.text.find("‘주체’로"), std::string::npos) << l.text;
        }
      }
      EXPECT_EQ(joined, text);
    }
  }
}

TEST(ParagraphBreaking, NarrowerWidthNeverGivesFewerLines) {
  const std::string text = kLecture[0];
  std::size_t previous = 0;
  for (float width = 2000; width >= 330; width -= 50) {
    const Paragraph p =
        layout_paragraph(fonts(), {TextRun{text, sized(40)}}, ParagraphStyle{}, width);
    EXPECT_GE(p.lines.size(), previous);
    previous = p.lines.size();
  }
  EXPECT_GE(previous, 6u);
}

TEST(ParagraphBreaking, OverlongWordBreaksBetweenGraphemeClusters) {
  const std::string word = "가나다라마바사아자차카타파하";  // 14 syllables, 36.8 px each at 40 px
  const Paragraph p = layout_paragraph(fonts(), {TextRun{word, sized(40)}}, ParagraphStyle{}, 100);
  ASSERT_EQ(p.lines.size(), 7u);
  std::string joined;
  for (const Line& l : p.lines) {
    EXPECT_EQ(l.text.size(), 6u);  // two syllables per line
    EXPECT_LE(l.width, 100.0f);
    joined += l.text;
  }
  EXPECT_EQ(joined, word);
  EXPECT_FALSE(p.overflow_x);
}

TEST(ParagraphBreaking, OverlongOldHangulWordKeepsClustersWhole) {
  const std::string word = "ᄒᆞᆫᄀᆞᄅᆞᄒᆞᆫᄀᆞᄅᆞ";
  const Paragraph p = layout_paragraph(fonts(), {TextRun{word, sized(40)}}, ParagraphStyle{}, 50);
  ASSERT_GT(p.lines.size(), 1u);
  for (const Line& l : p.lines) {
    // Each line starts with a leading consonant (U+1100..U+115F), never a vowel or final.
    const char32_t c = at(l.text, 0);
    EXPECT_TRUE(c >= 0x1100 && c <= 0x115F) << std::hex << static_cast<unsigned>(c);
    for (const GlyphRun& r : l.runs) {
      for (const Glyph& g : r.glyphs) EXPECT_NE(g.id, 0u);
    }
  }
}

TEST(ParagraphBreaking, SyllableModeFillsLinesBetweenSyllables) {
  const std::string text = kLecture[0];
  ParagraphStyle ps;
  ps.syllable_breaking = true;
  const Paragraph p = layout_paragraph(fonts(), {TextRun{text, sized(40)}}, ps, 500);
  const Paragraph keep =
      layout_paragraph(fonts(), {TextRun{text, sized(40)}}, ParagraphStyle{}, 500);
  bool inside_word = false;
  for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const std::size_t e = p.lines[i].end;
    inside_word = inside_word || (is_syllable(before(text, e)) && is_syllable(at(text, e)));
    EXPECT_GT(p.lines[i].width, 500 - 2 * 40.0f);  // full to within two syllables
  }
  EXPECT_TRUE(inside_word);
  EXPECT_LE(p.lines.size(), keep.lines.size());
}

TEST(ParagraphBreaking, HardBreakForcesANewLine) {
  const Paragraph p =
      layout_paragraph(fonts(), {TextRun{"첫 줄\n둘째 줄", sized(40)}}, ParagraphStyle{}, 1e9f);
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(p.lines[0].text, "첫 줄\n");
  EXPECT_EQ(p.lines[1].text, "둘째 줄");
  EXPECT_EQ(p.lines[1].begin, 8u);
  // The newline draws nothing.
  std::size_t glyphs = 0;
  for (const GlyphRun& r : p.lines[0].runs) glyphs += r.glyphs.size();
  EXPECT_EQ(glyphs, 3u);
}

}  // namespace
}  // namespace madang::text::testing
