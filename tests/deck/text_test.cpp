// Pre-pass: BOM, line ends, UTF-8 validation, NUL bytes, symbol-font bullets,
// columns in code points.
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(Text, BomAndCrLfAreNormalised) {
  const ParseResult r = parse("\xEF\xBB\xBF# 제목\r\n\r\n첫 줄\r둘째 줄\r\n");
  EXPECT_EQ(errors(r), 0) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(plain_text(b[0].text), "제목");
  EXPECT_EQ(b[0].line, 1);
  EXPECT_EQ(b[0].column, 1);
  EXPECT_EQ(plain_text(b[1].text), "첫 줄 둘째 줄");  // CR alone is a line end too
  EXPECT_EQ(b[1].line, 3);
}

TEST(Text, InvalidUtf8IsReplacedAndReportedOncePerLine) {
  const ParseResult r = parse("# 제목\n\n가나\xFF\xFE다\xC3\n끝\n");
  EXPECT_EQ(messages(r),
            std::vector<std::string>{
                "deck.md:3:3: error: invalid UTF-8 byte sequence (replaced with U+FFFD)"});
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(plain_text(b[1].text), "가나\xEF\xBF\xBD\xEF\xBF\xBD다\xEF\xBF\xBD 끝");
}

// Text pasted from PDFs and slides carries Symbol/Wingdings bullets as
// private-use code points: the common ones read as what they stand for, with
// a note (not a warning: the deck is fine) at the first one of each line.
TEST(Text, SymbolFontBulletsBecomeTheCharactersTheyStandFor) {
  const ParseResult r = parse(
      "# 제목\n\n\xEF\x82\xA7 시민과 함께 \xEF\x83\x98 공공서비스\n\n"
      "- \xEF\x82\xB7 첫째 \xEF\x83\xBC\n- 끝 \xEF\x83\xBF\n");
  EXPECT_EQ(errors(r), 0) << joined(r);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:3:1: note: U+F0A7 is a symbol-font character (a bullet or arrow pasted "
                "from a PDF or slide); shown as \u25AA U+25AA",
                "deck.md:5:3: note: U+F0B7 is a symbol-font character (a bullet or arrow pasted "
                "from a PDF or slide); shown as \u2022 U+2022"}));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(plain_text(b[1].text), "\u25AA 시민과 함께 \u27A2 공공서비스");
  ASSERT_EQ(b[2].items.size(), 2u);
  EXPECT_EQ(plain_text(b[2].items[0].blocks[0].text), "\u2022 첫째 \u2713");
  // A private-use character the table does not know stays as it was.
  EXPECT_EQ(plain_text(b[2].items[1].blocks[0].text), "끝 \xEF\x83\xBF");
}

TEST(Text, TruncatedAndOverlongSequencesAreInvalid) {
  // Overlong '/', a UTF-16 surrogate, and a code point past U+10FFFF.
  const ParseResult r = parse("a\xC0\xAF\nb\xED\xA0\x80\nc\xF4\x90\x80\x80\n");
  // One line per distinct problem: the repeats fold into the first, with
  // their count and lines.
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:1:2: error: invalid UTF-8 byte sequence (replaced with "
                             "U+FFFD) (3 times, also on lines 2, 3)"});
}

TEST(Text, NulBytesAreReplacedAndReported) {
  const ParseResult r = parse(std::string_view("# 가\0나\n", 9));
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:1:4: error: NUL byte in the file (replaced with U+FFFD)"});
  EXPECT_EQ(plain_text(blocks(r)[0].text), "가\xEF\xBF\xBD나");
}

TEST(Text, ColumnsCountCodePointsNotBytes) {
  // The unknown directive sits after three Korean syllables (9 bytes).
  const ParseResult r =
      parse("# 제목\n\n> 가나다 <!-- pause: x -->\n\n- 항목\n  <!-- layuot: 1 -->\n");
  EXPECT_EQ(find(r, "layuot"),
            "deck.md:6:3: warning: unknown directive 'layuot'; did you mean 'layout'?");
  EXPECT_EQ(find(r, "own"), "deck.md:3:7: warning: a directive must stand on a line of its own");
}

TEST(Text, EmptyDeckHasNoSlides) {
  for (const char* text : {"", "\n\n   \n", "---\ntitle: x\n---\n\n"}) {
    const ParseResult r = parse(text);
    EXPECT_EQ(messages(r), std::vector<std::string>{"deck.md:1:1: error: deck has no slides"})
        << text;
    EXPECT_TRUE(r.deck.slides.empty());
  }
}

TEST(Text, LoadDeckReportsMissingFileOnLineZero) {
  const ParseResult r = load_deck("/nonexistent/deck.md");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].where.line, 0);
  EXPECT_EQ(format_diagnostic(r.diagnostics[0]),
            "/nonexistent/deck.md: error: cannot read the deck: it does not exist");
  EXPECT_TRUE(r.deck.slides.empty());
}

}  // namespace
}  // namespace madang::deck::test
