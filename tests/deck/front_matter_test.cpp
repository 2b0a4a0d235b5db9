// YAML front matter: every key, unknown keys, wrong types, aliases.
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(FrontMatter, ReadsEveryKey) {
  const ParseResult r = parse(
      "---\n"
      "title: 지역사회 사회혁신\n"
      "author: 김제선\n"
      "event: 제8회 아시아미래포럼\n"
      "date: 2024-11-05\n"
      "lang: ko-KR\n"
      "aspect: 4:3\n"
      "theme: hall-dark\n"
      "fonts: [Noto Sans CJK KR, DejaVu Sans]\n"
      "footer: 희망제작소\n"
      "paginate: false\n"
      "transition: slide\n"
      "incremental: true\n"
      "---\n"
      "# 첫 장\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Meta& m = r.deck.meta;
  EXPECT_EQ(m.title, "지역사회 사회혁신");
  EXPECT_EQ(m.author, "김제선");
  EXPECT_EQ(m.event, "제8회 아시아미래포럼");
  EXPECT_EQ(m.date, "2024-11-05");
  EXPECT_EQ(m.lang, "ko-KR");
  EXPECT_EQ(m.aspect_w, 4);
  EXPECT_EQ(m.aspect_h, 3);
  EXPECT_EQ(m.theme, "hall-dark");
  EXPECT_EQ(m.fonts, (std::vector<std::string>{"Noto Sans CJK KR", "DejaVu Sans"}));
  EXPECT_EQ(m.footer, "희망제작소");
  EXPECT_FALSE(m.paginate);
  EXPECT_EQ(m.transition, "slide");
  EXPECT_TRUE(m.incremental);
  ASSERT_EQ(r.deck.slides.size(), 1u);
  EXPECT_EQ(r.deck.slides[0].line, 15);
  EXPECT_EQ(r.deck.slides[0].blocks[0].line, 15);
}

TEST(FrontMatter, DefaultsAndTitleFromFirstHeading) {
  const ParseResult r =
      parse("---\nfonts: Noto Serif CJK KR\n...\n\n본문\n\n---\n\n## 둘째 장 제목\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_EQ(r.deck.meta.fonts, std::vector<std::string>{"Noto Serif CJK KR"});
  EXPECT_EQ(r.deck.meta.title, "둘째 장 제목");
  EXPECT_EQ(r.deck.meta.aspect_w, 16);
  EXPECT_EQ(r.deck.meta.aspect_h, 9);
  EXPECT_EQ(r.deck.meta.transition, "fade");
  EXPECT_TRUE(r.deck.meta.paginate);
}

TEST(FrontMatter, UnknownKeysWarnWrongTypesErr) {
  const ParseResult r = parse(
      "---\n"
      "title: 제목\n"
      "  \n"
      "colour: red\n"
      "paginate: maybe\n"
      "aspect: 16x9\n"
      "transition: zooom\n"
      "fonts: [가, {a: b}]\n"
      "author: [a, b]\n"
      "---\n"
      "# x\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:4:1: warning: unknown front matter key 'colour'; did you mean 'color'?",
                "deck.md:5:11: error: 'paginate' must be true or false",
                "deck.md:6:9: error: aspect must be W:H with positive whole numbers, like 16:9",
                "deck.md:7:13: error: unknown transition 'zooom' (valid: fade, slide, none)",
                "deck.md:8:12: error: fonts must be a font family name or a list of them",
                "deck.md:9:9: error: 'author' must be text",
            }));
  EXPECT_EQ(r.deck.meta.title, "제목");
  EXPECT_TRUE(r.deck.meta.paginate);  // unchanged by the bad value
}

TEST(FrontMatter, UnterminatedIsAnErrorAtTheOpeningLine) {
  const ParseResult r = parse("---\ntitle: x\n\n# 제목\n");
  EXPECT_EQ(find(r, "front matter"),
            "deck.md:1:1: error: front matter is never closed (expected a line '---' or '...')");
  ASSERT_EQ(r.deck.slides.size(), 1u);  // the rest is read as slides
}

TEST(FrontMatter, SyntaxErrorIsLocated) {
  const ParseResult r = parse("---\ntitle: x\nauthor: [a, b\n---\n# x\n");
  const std::string m = find(r, "invalid YAML");
  EXPECT_EQ(m.rfind("deck.md:4:", 0), 0u) << m;  // yaml-cpp notices at the next line
  EXPECT_EQ(errors(r), 1);
}

TEST(FrontMatter, NotAMappingIsAnError) {
  const ParseResult r = parse("---\n- a\n- b\n---\n# x\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:2:1: error: front matter must be 'key: value' lines"});
}

TEST(FrontMatter, AliasBombIsRefusedQuickly) {
  std::string yaml = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) yaml += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
    yaml += "]\n";
  }
  yaml += "title: *a9\n---\n# x\n";
  const ParseResult r = parse(yaml);
  EXPECT_EQ(find(r, "alias"), "deck.md:3:10: error: YAML aliases (*name) are not supported");
  EXPECT_EQ(r.deck.meta.title, "x");  // nothing from the refused front matter
}

TEST(FrontMatter, DeepNestingIsRefused) {
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  const ParseResult r = parse("---\ntitle: " + deep + "\n---\n# x\n");
  EXPECT_NE(find(r, "deck.md:2:"), "") << joined(r);
  EXPECT_EQ(errors(r), 1) << joined(r);
}

}  // namespace
}  // namespace madang::deck::test
