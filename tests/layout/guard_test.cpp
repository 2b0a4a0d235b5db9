// Layout's guards (layout/text_guard.cpp, the cuts in tables, lists and
// stacks): what can never be seen is not laid out, nothing that could be
// seen is lost, and every problem is reported once, at its line:column.
#include <gtest/gtest.h>

#include <string>

#include "deck/parse.h"
#include "layout/layout.h"

namespace madang::layout {
namespace {

class Guard : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fonts_ = text::FontSystem::create({}).release(); }
  static void TearDownTestSuite() {
    delete fonts_;
    fonts_ = nullptr;
  }

  static deck::Deck parse(const std::string& source) {
    deck::ParseOptions options;
    options.check_files = false;
    options.base_dir = "/deck";
    deck::ParseResult r = deck::parse_deck(source, "deck.md", options);
    EXPECT_FALSE(has_errors(r.diagnostics));
    return std::move(r.deck);
  }

  static SlideLayout lay(const deck::Deck& d, int slide = 0, Size size = {}) {
    return layout_slide(*fonts_, d, slide, {}, size);
  }

  static std::vector<std::string> messages(const SlideLayout& l) {
    std::vector<std::string> out;
    for (const Diagnostic& d : l.diagnostics) out.push_back(format_diagnostic(d));
    return out;
  }

  // Bottom of the lowest line of text laid out, in slide pixels.
  static float lowest_text(const SlideLayout& l) {
    float y = 0;
    for (const TextItem& t : l.list.texts) {
      for (const text::Line& line : t.lines) y = std::max(y, t.rect.y + line.baseline);
    }
    return y;
  }

  static text::FontSystem* fonts_;
};
text::FontSystem* Guard::fonts_ = nullptr;

TEST_F(Guard, MissingCharacterIsReportedOnceAtItsFirstColumn) {
  // U+E000 (private use) is in no font: three times, on lines 3 and 5.
  const deck::Deck d =
      parse("# 제목\n\n가나 **굵게 \xEE\x80\x80** 끝 \xEE\x80\x80\n\n둘째 \xEE\x80\x80\n");
  EXPECT_EQ(messages(lay(d)), std::vector<std::string>{
                                  "deck.md:3:9: warning: no font has '\xEE\x80\x80' (U+E000); it "
                                  "is drawn as a box (3 times, also on line 5)"});
}

TEST_F(Guard, MissingCharacterInACodeBlockIsAtItsLine) {
  const deck::Deck d = parse("# 코드\n\n```\nint a;\n  x = \xEE\x80\x80;\n```\n");
  EXPECT_EQ(messages(lay(d)),
            std::vector<std::string>{"deck.md:5:7: warning: no font has '\xEE\x80\x80' (U+E000); "
                                     "it is drawn as a box"});
}

TEST_F(Guard, LongCodeBlockIsCutAtTheFirstLineThatCannotBeSeen) {
  std::string code = "# 코드\n\n```\n";
  for (int i = 1; i <= 2000; ++i) code += "line " + std::to_string(i) + "\n";
  code += "```\n";
  const SlideLayout l = lay(parse(code));
  ASSERT_EQ(l.diagnostics.size(), 2u);
  const Diagnostic& cut = l.diagnostics[0];
  EXPECT_EQ(cut.where.column, 1);
  // Code line k is file line k + 3; what was laid out ends just before.
  const int first_cut = cut.where.line - 3;
  EXPECT_EQ(cut.message, "the text from here on cannot be seen on the slide and is not laid out (" +
                             std::to_string(2000 - first_cut + 1) + " more lines)");
  std::string last_laid_out;
  for (const TextItem& t : l.list.texts) {
    for (const text::Line& line : t.lines) {
      if (line.text.rfind("line ", 0) == 0) last_laid_out = line.text;
    }
  }
  EXPECT_EQ(last_laid_out, "line " + std::to_string(first_cut - 1) + "\n");
  // Nothing that could be seen was cut: the text goes past the slide's foot.
  EXPECT_GT(lowest_text(l), 1080);
  EXPECT_NE(l.diagnostics[1].message.find("does not fit"), std::string::npos);
}

TEST_F(Guard, LongParagraphKeepsMoreThanASlideCanShow) {
  std::string text = "# 글\n\n";
  for (int i = 0; i < 40000; ++i) text += "사회혁신 생태계 ";
  const SlideLayout l = lay(parse(text + "\n"));
  ASSERT_FALSE(l.diagnostics.empty());
  EXPECT_EQ(l.diagnostics[0].where.line, 3);
  EXPECT_NE(l.diagnostics[0].message.find("cannot be seen"), std::string::npos);
  EXPECT_GT(lowest_text(l), 1080);
  // At a quarter of the size the slide shows a quarter as much: still cut
  // past its foot.
  const SlideLayout small = lay(parse(text + "\n"), 0, Size{480, 270});
  EXPECT_GT(lowest_text(small), 270);
}

TEST_F(Guard, TableRowsPastTheSlideAreNotLaidOut) {
  std::string t = "# 표\n\n| a | b |\n|---|---|\n";
  for (int i = 1; i <= 500; ++i) t += "| " + std::to_string(i) + " | x |\n";
  const SlideLayout l = lay(parse(t));
  ASSERT_EQ(l.diagnostics.size(), 2u);
  const Diagnostic& cut = l.diagnostics[0];
  const int first_cut = cut.where.line - 4;  // row k is on line k + 4
  EXPECT_EQ(cut.message,
            "table rows from here on cannot be seen on the slide and are not laid "
            "out (" +
                std::to_string(500 - first_cut + 1) + " more rows)");
  int rows_drawn = 0;
  for (const TextItem& item : l.list.texts) {
    for (const text::Line& line : item.lines) rows_drawn += line.text == "x";
  }
  EXPECT_EQ(rows_drawn, first_cut - 1);
  EXPECT_GT(lowest_text(l), 1080);
}

TEST_F(Guard, ListItemsPastTheSlideAreNotLaidOut) {
  std::string t = "# 목록\n\n";
  for (int i = 1; i <= 2000; ++i) t += "- 항목 " + std::to_string(i) + "\n";
  const SlideLayout l = lay(parse(t));
  ASSERT_EQ(l.diagnostics.size(), 2u);
  const Diagnostic& cut = l.diagnostics[0];
  EXPECT_EQ(cut.message,
            "the list items from here on cannot be seen on the slide and are not "
            "laid out (" +
                std::to_string(2000 - (cut.where.line - 3)) + " more)");
  EXPECT_GT(lowest_text(l), 1080);
}

TEST_F(Guard, CrowdedFlowDependsOnTheWidthItHas) {
  std::string flow = "```diagram flow\nsteps:\n";
  for (int i = 0; i < 7; ++i) {
    flow += "  - {id: s" + std::to_string(i) + ", label: 단계" + std::to_string(i) + "}\n";
  }
  flow += "```\n";
  // Seven steps fit across a slide, not in one of two columns.
  EXPECT_TRUE(lay(parse("# 흐름\n\n" + flow)).diagnostics.empty());
  const SlideLayout two = lay(
      parse("<!-- layout: two-column -->\n# 흐름\n\n" + flow + "\n<!-- column -->\n\n오른쪽\n"));
  ASSERT_FALSE(two.diagnostics.empty());
  EXPECT_EQ(format_diagnostic(two.diagnostics[0]),
            "deck.md:4:1: warning: this flow has 7 steps, too many to read at this size (about 4 "
            "fit); split it over several slides");
  // Four rows of two cards do not fit a column's height either: autofit says so.
  for (std::size_t k = 1; k < two.diagnostics.size(); ++k)
    EXPECT_NE(two.diagnostics[k].message.find("does not fit"), std::string::npos)
        << format_diagnostic(two.diagnostics[k]);
}

}  // namespace
}  // namespace madang::layout
