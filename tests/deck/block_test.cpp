// Block kinds and inline styles.
#include "deck/code_highlight.h"
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(Block, HeadingsParagraphsBreaks) {
  const ParseResult r = parse(
      "# 하나\n## 둘\n###### 여섯\n\n첫 줄\n이어지는 줄  \n강제 줄바꿈<br>태그 줄바꿈<BR/>끝\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].kind, BlockKind::kHeading);
  EXPECT_EQ(b[0].level, 1);
  EXPECT_EQ(b[1].level, 2);
  EXPECT_EQ(b[2].level, 6);
  EXPECT_EQ(b[2].line, 3);
  EXPECT_EQ(b[3].kind, BlockKind::kParagraph);
  EXPECT_EQ(plain_text(b[3].text), "첫 줄 이어지는 줄\n강제 줄바꿈\n태그 줄바꿈\n끝");
  int breaks = 0;
  for (const Span& s : b[3].text) breaks += s.text == "\n";
  EXPECT_EQ(breaks, 3);  // each break is a span of its own
}

TEST(Block, InlineStylesNestAndCombine) {
  const ParseResult r = parse(
      "보통 **굵게 *기울임 `코드`* ~~지움~~** [링크 **굵은**](https://example.org) www.a.kr\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const RichText& t = blocks(r).at(0).text;
  std::vector<std::pair<std::string, int>> got;
  for (const Span& s : t) got.emplace_back(s.text, s.style);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, int>>{
                     {"보통 ", kPlain},
                     {"굵게 ", kBold},
                     {"기울임 ", kBold | kItalic},
                     {"코드", kBold | kItalic | kCode},
                     {" ", kBold},
                     {"지움", kBold | kStrike},
                     {" ", kPlain},
                     {"링크 ", kLink},
                     {"굵은", kLink | kBold},
                     {" ", kPlain},
                     {"www.a.kr", kLink},
                 }));
  EXPECT_EQ(t[7].link, "https://example.org");
  EXPECT_EQ(t[10].link, "http://www.a.kr");
  EXPECT_EQ(t[0].link, "");
}

TEST(Block, ListsOrderedStartNested) {
  const ParseResult r = parse("3. 셋\n4. 넷\n   - 안쪽 a\n   - 안쪽 b\n\n- 점\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].kind, BlockKind::kList);
  EXPECT_TRUE(b[0].ordered);
  EXPECT_EQ(b[0].start, 3);
  ASSERT_EQ(b[0].items.size(), 2u);
  EXPECT_EQ(b[0].items[1].line, 2);
  ASSERT_EQ(b[0].items[1].blocks.size(), 2u);
  EXPECT_EQ(plain_text(b[0].items[1].blocks[0].text), "넷");
  const Block& nested = b[0].items[1].blocks[1];
  EXPECT_EQ(nested.kind, BlockKind::kList);
  EXPECT_FALSE(nested.ordered);
  ASSERT_EQ(nested.items.size(), 2u);
  EXPECT_EQ(plain_text(nested.items[1].blocks.at(0).text), "안쪽 b");
  EXPECT_EQ(nested.line, 3);
  EXPECT_EQ(nested.column, 4);
  EXPECT_FALSE(b[1].ordered);
  EXPECT_EQ(b[1].start, 1);
}

TEST(Block, TablesHaveHeaderRowsAndAlignment) {
  const ParseResult r = parse(
      "| 구분 | 정부 | 시장 | 비고 |\n"
      "|:--|:-:|--:|---|\n"
      "| 역할 | **조정** | 투자 | - |\n"
      "| 짧음 | a<br>b |\n"
      "| 김 | 1 | 2 | 3 | 4 |\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:4:1: warning: table row has 2 cells, the header 4; empty cells added",
                "deck.md:5:1: warning: table row has 5 cells, the header 4; extra cells dropped",
            }));
  const Table& t = blocks(r).at(0).table;
  ASSERT_EQ(t.header.size(), 4u);
  EXPECT_EQ(plain_text(t.header[1]), "정부");
  EXPECT_EQ(t.align,
            (std::vector<Align>{Align::kLeft, Align::kCenter, Align::kRight, Align::kDefault}));
  ASSERT_EQ(t.rows.size(), 3u);
  for (const auto& row : t.rows) EXPECT_EQ(row.size(), 4u);
  EXPECT_EQ(t.rows[0][1].at(0).style, kBold);
  EXPECT_EQ(plain_text(t.rows[1][1]), "a\nb");
  EXPECT_EQ(plain_text(t.rows[1][3]), "");
  EXPECT_EQ(plain_text(t.rows[2][3]), "3");
}

TEST(Block, QuoteAttribution) {
  const ParseResult r = parse(
      "> 혁신은 관계에서 시작된다.\n>\n> — 김제선\n\n> 둘째 인용\n>\n> -- *익명*\n\n> 출처 없음\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind, BlockKind::kQuote);
  ASSERT_EQ(b[0].children.size(), 1u);
  EXPECT_EQ(plain_text(b[0].children[0].text), "혁신은 관계에서 시작된다.");
  EXPECT_EQ(plain_text(b[0].text), "김제선");
  EXPECT_EQ(plain_text(b[1].text), "익명");
  EXPECT_EQ(b[1].text.at(0).style, kItalic);
  EXPECT_TRUE(b[2].text.empty());
  EXPECT_EQ(b[2].children.size(), 1u);
}

TEST(Block, CodeAndRules) {
  const ParseResult r = parse("```cpp title=x\nint main() {}\n```\n\n***\n\n    들여쓴 코드\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind, BlockKind::kCode);
  EXPECT_EQ(b[0].info, "cpp title=x");
  EXPECT_EQ(b[0].code, "int main() {}");
  EXPECT_EQ(b[1].kind, BlockKind::kRule);
  EXPECT_EQ(b[1].line, 5);
  EXPECT_EQ(b[2].code, "들여쓴 코드");
}

// The pieces of `code` of one kind, as text.
std::vector<std::string> pieces(const Block& b, CodeTokenKind kind) {
  std::vector<std::string> out;
  for (const CodeToken& t : b.code_tokens) {
    if (t.kind == kind) out.push_back(b.code.substr(t.begin, t.end - t.begin));
  }
  return out;
}

TEST(Block, CodeIsHighlightedByItsLanguage) {
  const ParseResult r = parse(
      "```cpp\n// 주석\nint main() { return 42; }\n```\n\n"
      "```py\ndef f(x):\n    return \"끝\"  # 설명\n```\n\n"
      "```\nint plain;\n```\n\n```no-such-language\nint x;\n```\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(pieces(b[0], CodeTokenKind::kComment), std::vector<std::string>{"// 주석"});
  EXPECT_EQ(pieces(b[0], CodeTokenKind::kType), std::vector<std::string>{"int"});
  EXPECT_EQ(pieces(b[0], CodeTokenKind::kKeyword), std::vector<std::string>{"return"});
  EXPECT_EQ(pieces(b[0], CodeTokenKind::kNumber), std::vector<std::string>{"42"});
  EXPECT_EQ(pieces(b[0], CodeTokenKind::kFunction), std::vector<std::string>{"main"});
  EXPECT_EQ(pieces(b[1], CodeTokenKind::kKeyword), (std::vector<std::string>{"def", "return"}));
  EXPECT_EQ(pieces(b[1], CodeTokenKind::kString), std::vector<std::string>{"\"끝\""});
  EXPECT_EQ(pieces(b[1], CodeTokenKind::kComment), std::vector<std::string>{"# 설명"});
  EXPECT_TRUE(b[2].code_tokens.empty());  // no language
  EXPECT_TRUE(b[3].code_tokens.empty());  // unknown: plain, and no warning
  for (const Block& block : b) {
    for (std::size_t i = 0; i < block.code_tokens.size(); ++i) {
      EXPECT_LT(block.code_tokens[i].begin, block.code_tokens[i].end);
      EXPECT_LE(block.code_tokens[i].end, block.code.size());
      if (i > 0) {
        EXPECT_LE(block.code_tokens[i - 1].end, block.code_tokens[i].begin);
      }
    }
  }
}

TEST(Block, OnlyTheBeginningOfAHugeCodeBlockIsHighlighted) {
  std::string code;
  while (code.size() <= 2 * kMaxHighlightedBytes) code += "int x = 1;\n";
  const ParseResult r = parse("```cpp\n" + code + "```\n");
  ASSERT_EQ(blocks(r).size(), 1u);
  const std::vector<CodeToken>& tokens = blocks(r)[0].code_tokens;
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.front().begin, 0u);
  EXPECT_LE(tokens.back().end, kMaxHighlightedBytes);
  EXPECT_GT(tokens.back().end, kMaxHighlightedBytes - 16);
  const ParseResult small = parse("```cpp\nint x = 1;\n```\n");
  EXPECT_FALSE(blocks(small)[0].code_tokens.empty());
  // A deck's blocks are highlighted up to a budget; the later ones stay plain.
  std::string many;
  const std::string block =
      "```cpp\n" + std::string(kMaxHighlightedBytes / 2, ' ') + "int x;\n```\n\n";
  const std::size_t count = kMaxHighlightedDeckBytes / (kMaxHighlightedBytes / 2) + 2;
  for (std::size_t i = 0; i < count; ++i) many += block;
  const ParseResult budgeted = parse(many);
  const auto& b = blocks(budgeted);
  ASSERT_EQ(b.size(), count);
  EXPECT_FALSE(b.front().code_tokens.empty());
  EXPECT_TRUE(b.back().code_tokens.empty());
}

TEST(Block, RawHtmlWarns) {
  const ParseResult r = parse("<div class=x>\n블록\n</div>\n\n글 <span>안</span> 끝\n\n<br>\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:1:1: warning: raw HTML <div> is not rendered",
                             "deck.md:5:3: warning: raw HTML <span> is not rendered",
                         }));
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(plain_text(b[0].text), "글 안 끝");
}

}  // namespace
}  // namespace madang::deck::test
