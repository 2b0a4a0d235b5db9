// Slide directives: every one, their errors, fragments.
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(Directive, LayoutClassSourceTransitionFooter) {
  const ParseResult r = parse(
      "<!-- layout: two-column -->\n"
      "<!-- class: lead  invert -->\n"
      "<!-- source: 통계청, 2023 -->\n"
      "<!-- transition: none -->\n"
      "<!-- footer: off -->\n"
      "<!-- 그냥 주석 -->\n"
      "<!-- TODO -->\n"
      "# 제목\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Slide& s = r.deck.slides.at(0);
  EXPECT_EQ(s.layout, "two-column");
  EXPECT_EQ(s.classes, (std::vector<std::string>{"lead", "invert"}));
  EXPECT_EQ(s.source, "통계청, 2023");
  EXPECT_EQ(s.transition, "none");
  EXPECT_FALSE(s.show_footer);
  ASSERT_EQ(s.blocks.size(), 1u);  // comments are not blocks
}

TEST(Directive, DefaultsWhenAbsent) {
  const ParseResult r = parse("# 제목\n");
  const Slide& s = r.deck.slides.at(0);
  EXPECT_EQ(s.layout, "");
  EXPECT_EQ(s.transition, "");
  EXPECT_TRUE(s.show_footer);
  EXPECT_TRUE(s.classes.empty());
  EXPECT_EQ(s.steps, 0);
}

TEST(Directive, ErrorsAndWarnings) {
  const ParseResult r = parse(
      "# 제목\n"
      "<!-- layout: grid -->\n"
      "<!-- class: lead huge -->\n"
      "<!-- transition: zooom -->\n"
      "<!-- colour: red -->\n"
      "<!-- layout -->\n"
      "<!-- pause: 2 -->\n"
      "<!-- footer: maybe -->\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:2:1: error: unknown layout 'grid' (valid: title, section, content, "
                "two-column, quote, image)",
                "deck.md:3:1: warning: unknown class 'huge' (known: lead, small, invert, gaia)",
                "deck.md:4:1: error: unknown transition 'zooom' (valid: fade, slide, none, or one "
                "of Marp's, such as cover or push)",
                "deck.md:5:1: warning: unknown directive 'colour'; did you mean 'color'?",
                "deck.md:6:1: error: directive 'layout' needs a value (valid: title, section, "
                "content, two-column, quote, image)",
                "deck.md:7:1: warning: directive 'pause' takes no value",
            }));
  EXPECT_EQ(r.deck.slides.at(0).classes, std::vector<std::string>{"lead"});
  EXPECT_EQ(r.deck.slides.at(0).layout, "");
}

TEST(Directive, SeveralCommentsInOneHtmlBlockAreEachLocated) {
  const ParseResult r =
      parse("# 제목\n\n<!-- pause --> <!-- layuot: 1 -->\n<!-- clas: 2 -->\n\n본문\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:3:16: warning: unknown directive 'layuot'; did you mean "
                "'layout'?",
                "deck.md:4:1: warning: unknown directive 'clas'; did you mean 'class'?",
            }));
  EXPECT_EQ(r.deck.slides.at(0).blocks.at(1).fragment, 1);
}

TEST(Directive, NotesSpanLinesAndConcatenate) {
  const ParseResult r = parse(
      "# 제목\n"
      "<!-- notes: 첫 문장.\n"
      "     둘째 줄\n"
      "       들여쓴 줄\n"
      "-->\n"
      "\n"
      "본문\n"
      "\n"
      "<!--\n"
      "notes: 마지막 -->\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_EQ(r.deck.slides.at(0).notes, "첫 문장.\n둘째 줄\n  들여쓴 줄\n\n마지막");
}

TEST(Directive, PauseMovesLaterBlocksOneStep) {
  const ParseResult r =
      parse("# 제목\n\n첫째\n\n<!-- pause -->\n\n둘째\n\n<!-- pause -->\n\n- 셋째\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Slide& s = r.deck.slides.at(0);
  ASSERT_EQ(s.blocks.size(), 4u);
  EXPECT_EQ(s.blocks[0].fragment, 0);
  EXPECT_EQ(s.blocks[1].fragment, 0);
  EXPECT_EQ(s.blocks[2].fragment, 1);
  EXPECT_EQ(s.blocks[3].fragment, 2);
  EXPECT_EQ(s.blocks[3].items.at(0).fragment, 2);
  EXPECT_EQ(s.steps, 2);
}

TEST(Directive, ColumnSendsLaterBlocksRight) {
  const ParseResult r =
      parse("<!-- layout: two-column -->\n# 제목\n\n왼쪽\n\n<!-- column -->\n\n오른쪽\n\n- 항목\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = r.deck.slides.at(0).blocks;
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].column_index, 0);
  EXPECT_EQ(b[1].column_index, 0);
  EXPECT_EQ(b[2].column_index, 1);
  EXPECT_EQ(b[3].column_index, 1);
  EXPECT_EQ(b[3].items.at(0).blocks.at(0).column_index, 1);
}

TEST(Directive, ColumnOutsideTwoColumnWarns) {
  const ParseResult r = parse("<!-- layout: quote -->\n\n인용\n\n<!-- column -->\n\n둘\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:5:1: warning: 'column' only applies to the two-column "
                             "layout (this slide's layout is 'quote')"});
}

TEST(Directive, IncrementalListsStepEveryTopLevelItem) {
  const ParseResult r = parse(
      "# 제목\n\n<!-- incremental -->\n\n- 하나\n  - 안쪽\n- 둘\n\n<!-- pause -->\n\n1. 셋\n2. "
      "넷\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Slide& s = r.deck.slides.at(0);
  EXPECT_TRUE(s.incremental);
  const Block& first = s.blocks.at(1);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.fragment, 0);
  EXPECT_EQ(first.items[0].fragment, 1);
  EXPECT_EQ(first.items[1].fragment, 2);
  // The nested list belongs to its item: it appears with it.
  const Block& nested = first.items[0].blocks.at(1);
  EXPECT_EQ(nested.fragment, 1);
  EXPECT_EQ(nested.items.at(0).fragment, 1);
  const Block& second = s.blocks.at(2);
  EXPECT_EQ(second.fragment, 3);  // after the pause: one step after item "둘"
  EXPECT_EQ(second.items[0].fragment, 4);
  EXPECT_EQ(second.items[1].fragment, 5);
  EXPECT_EQ(s.steps, 5);
}

TEST(Directive, IncrementalFromFrontMatterAndSlideOverride) {
  const ParseResult r =
      parse("---\nincremental: true\n---\n- a\n- b\n---\n<!-- incremental: false -->\n- c\n- d\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 2u);
  EXPECT_EQ(r.deck.slides[0].blocks[0].items[1].fragment, 2);
  EXPECT_EQ(r.deck.slides[0].steps, 2);
  EXPECT_FALSE(r.deck.slides[1].incremental);
  EXPECT_EQ(r.deck.slides[1].blocks[0].items[1].fragment, 0);
  EXPECT_EQ(r.deck.slides[1].steps, 0);
}

}  // namespace
}  // namespace madang::deck::test

namespace madang::deck::test {
namespace {

// Rehearsal directives: `id` names a slide for the history, `time` budgets it.
TEST(Directive, IdAndTime) {
  const ParseResult r = parse(
      "<!-- id: intro -->\n"
      "<!-- time: 90s -->\n"
      "# 소개\n"
      "---\n"
      "<!-- time: 1:30 -->\n"
      "<!-- id: 사례-1 -->\n"
      "# 사례\n"
      "---\n"
      "<!-- time: 2m -->\n"
      "# 끝\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 3u);
  EXPECT_EQ(r.deck.slides[0].id, "intro");
  EXPECT_EQ(r.deck.slides[0].time_s, 90);
  EXPECT_EQ(r.deck.slides[1].id, "사례-1");
  EXPECT_EQ(r.deck.slides[1].time_s, 90);
  EXPECT_EQ(r.deck.slides[2].id, "");
  EXPECT_EQ(r.deck.slides[2].time_s, 120);
}

TEST(Directive, IdAndTimeErrors) {
  const ParseResult r = parse(
      "<!-- time: 90 -->\n"
      "<!-- time: soon -->\n"
      "<!-- id: two words -->\n"
      "<!-- time -->\n"
      "# 제목\n"
      "---\n"
      "<!-- id: a -->\n"
      "# 하나\n"
      "---\n"
      "<!-- id: a -->\n"
      "# 둘\n");
  EXPECT_EQ(joined(r),
            "deck.md:1:1: error: directive 'time' needs a length of time like 90s, 2m or 1:30 "
            "(got '90')\n"
            "deck.md:2:1: error: directive 'time' needs a length of time like 90s, 2m or 1:30 "
            "(got 'soon')\n"
            "deck.md:3:1: error: directive 'id' takes one word of at most 64 bytes\n"
            "deck.md:4:1: error: directive 'time' needs a value (a length of time like 90s or "
            "1:30)\n"
            "deck.md:10:1: warning: slide id 'a' is already slide 2's; this slide is known by "
            "its content instead\n");
  EXPECT_EQ(r.deck.slides[0].time_s, 0);
  EXPECT_EQ(r.deck.slides[1].id, "a");
  EXPECT_EQ(r.deck.slides[2].id, "");
}

}  // namespace
}  // namespace madang::deck::test
