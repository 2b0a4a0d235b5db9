// Slide splitting: `---` lines, fences, comments, line numbers.
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(Split, DashLinesSeparateSlides) {
  const ParseResult r = parse("# 하나\n---\n# 둘\n---   \n# 셋\n --- \n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 3u);
  EXPECT_EQ(r.deck.slides[0].index, 1);
  EXPECT_EQ(r.deck.slides[1].line, 3);
  EXPECT_EQ(r.deck.slides[2].line, 5);
  EXPECT_EQ(r.deck.slides[2].blocks[0].line, 5);
  // " --- " is not a separator: it is a thematic break inside slide 3.
  ASSERT_EQ(r.deck.slides[2].blocks.size(), 2u);
  EXPECT_EQ(r.deck.slides[2].blocks[1].kind, BlockKind::kRule);
}

TEST(Split, DashLinesInsideFencesDoNotSplit) {
  const ParseResult r = parse(
      "# 코드\n"
      "```yaml\n"
      "---\n"
      "a: 1\n"
      "```\n"
      "~~~~\n"
      "---\n"
      "~~~\n"
      "still code\n"
      "~~~~\n"
      "````md\n"
      "```\n"
      "---\n"
      "````\n"
      "---\n"
      "# 둘\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 2u);
  const auto& b = r.deck.slides[0].blocks;
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[1].code, "---\na: 1");
  EXPECT_EQ(b[1].info, "yaml");
  EXPECT_EQ(b[2].code, "---\n~~~\nstill code");
  EXPECT_EQ(b[3].code, "```\n---");
  EXPECT_EQ(r.deck.slides[1].line, 16);
}

TEST(Split, UnterminatedFenceRunsToTheEnd) {
  const ParseResult r = parse("# 하나\n\n  ```python\nx = 1\n---\n# 둘\n");
  EXPECT_EQ(messages(r),
            std::vector<std::string>{
                "deck.md:3:3: error: code fence is never closed, so it swallows the slide break "
                "'---' on line 5 and every slide after it; close it with ``` before that line"});
  const auto& b = blocks(r);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].kind, BlockKind::kCode);
  EXPECT_EQ(b[1].code, "x = 1\n---\n# 둘");
}

TEST(Split, DashLinesInsideCommentsDoNotSplit) {
  const ParseResult r = parse("# 하나\n<!-- notes:\n첫째\n---\n둘째\n-->\n---\n# 둘\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  ASSERT_EQ(r.deck.slides.size(), 2u);
  EXPECT_EQ(r.deck.slides[0].notes, "첫째\n---\n둘째");
}

TEST(Split, UnterminatedCommentIsAnError) {
  const ParseResult r = parse("# 하나\n\n<!-- notes: 끝이 없다\n---\n# 둘\n");
  EXPECT_EQ(
      messages(r),
      std::vector<std::string>{
          "deck.md:3:1: error: HTML comment is never closed; it runs to the end of the file"});
  EXPECT_EQ(r.deck.slides.size(), 1u);
}

TEST(Split, EmptySlidesAreKeptWithAWarning) {
  const ParseResult r = parse("# 하나\n---\n\n---\n# 셋\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{"deck.md:3:1: warning: empty slide"});
  ASSERT_EQ(r.deck.slides.size(), 3u);
  EXPECT_TRUE(r.deck.slides[1].blocks.empty());
}

}  // namespace
}  // namespace madang::deck::test
