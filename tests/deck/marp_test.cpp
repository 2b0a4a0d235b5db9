// Marp decks: directives and their scopes, loose YAML, themes, notes,
// fragmented lists, headingDivider, and the diagnostics that teach. The decks
// follow the examples of Marpit's docs/directives.md, fragmented-list.md and
// Marp Core's README (../shared/notes/marp-format.md).
#include "deck/emoji.h"
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

std::string plain(const RichText& t) {
  return plain_text(t);
}

TEST(Marp, GlobalDirectivesInFrontMatterAreKnown) {
  const ParseResult r = parse(
      "---\n"
      "marp: true\n"
      "theme: gaia\n"
      "size: 4:3\n"
      "lang: ja\n"
      "math: katex\n"
      "title: 発表\n"
      "author: Yuki\n"
      "description: A talk\n"
      "url: https://example.org/\n"
      "image: https://example.org/og.png\n"
      "headingDivider: 2\n"
      "---\n"
      "# A\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Meta& m = r.deck.meta;
  EXPECT_TRUE(m.marp);
  EXPECT_EQ(m.theme, "gaia");
  EXPECT_EQ(m.aspect_w, 4);
  EXPECT_EQ(m.aspect_h, 3);
  EXPECT_EQ(m.lang, "ja");
  EXPECT_EQ(m.title, "発表");
  EXPECT_EQ(m.description, "A talk");
  EXPECT_EQ(m.url, "https://example.org/");
  EXPECT_EQ(m.heading_divider, (1u << 1) | (1u << 2));
  EXPECT_FALSE(m.paginate);  // Marp numbers no slide unless asked
}

TEST(Marp, ThemesMapOntoOurs) {
  EXPECT_EQ(parse("---\ntheme: default\n---\n# A\n").deck.meta.theme, "hall");
  EXPECT_EQ(parse("---\ntheme: uncover\n---\n# A\n").deck.meta.theme, "uncover");
  const ParseResult r = parse("---\ntheme: gaya\n---\n# A\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:2:8: warning: unknown theme 'gaya'; did you mean 'gaia'? "
                             "(known: hall, hall-dark, default, gaia, uncover); using hall"});
  EXPECT_EQ(r.deck.meta.theme, "hall");
  // In a comment, as a global directive: the last one wins.
  const ParseResult c = parse("# A\n\n<!-- theme: uncover -->\n\n---\n\n<!-- theme: gaia -->\n");
  EXPECT_TRUE(c.diagnostics.empty()) << joined(c);
  EXPECT_EQ(c.deck.meta.theme, "gaia");
  EXPECT_TRUE(c.deck.meta.marp);
}

TEST(Marp, SizeOtherThanThePresetsWarns) {
  const ParseResult r = parse("---\nsize: A4\n---\n# A\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{"deck.md:2:7: warning: unknown size 'A4' "
                                                  "(valid: 16:9, 4:3); keeping 16:9"});
}

TEST(Marp, LooseYamlKeepsHashValuesAndColons) {
  const ParseResult r = parse(
      "---\n"
      "backgroundColor: #fff\n"
      "color: #333\n"
      "title: Part 1: Basics\n"
      "header: Madang __talk__\n"
      "---\n"
      "# A\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_EQ(r.deck.meta.title, "Part 1: Basics");
  const Slide& s = r.deck.slides.at(0);
  EXPECT_TRUE(s.background.has_color);
  EXPECT_EQ(s.background.color, 0xffffffffu);
  EXPECT_TRUE(s.background.has_text_color);
  EXPECT_EQ(s.background.text_color, 0x333333ffu);
  EXPECT_EQ(plain(s.header), "Madang talk");
  ASSERT_FALSE(s.header.empty());
  EXPECT_EQ(s.header.back().style, kBold);
}

TEST(Marp, YamlErrorSaysToQuote) {
  const ParseResult r = parse("---\nsubtitle: Part 1: Basics\n---\n# A\n");
  ASSERT_EQ(errors(r), 1) << joined(r);
  EXPECT_NE(find(r, "put in quotes"), "") << joined(r);
  EXPECT_EQ(find(r, "put in quotes").rfind("deck.md:2:", 0), 0u) << joined(r);
}

// Marpit docs/directives.md: local directives hold from their slide on;
// spot ones (`_`) for one slide.
TEST(Marp, LocalAndSpotScopes) {
  const ParseResult r = parse(
      "---\n"
      "marp: true\n"
      "paginate: true\n"
      "footer: Deck footer\n"
      "---\n"
      "# One\n"
      "\n---\n\n"
      "<!-- header: Chapter 2 -->\n"
      "<!-- _class: lead -->\n"
      "<!-- _paginate: false -->\n"
      "# Two\n"
      "\n---\n\n"
      "<!-- class: invert -->\n"
      "<!-- _footer: \"\" -->\n"
      "# Three\n"
      "\n---\n\n"
      "# Four\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& s = r.deck.slides;
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(plain(s[0].header), "");
  EXPECT_EQ(plain(s[0].footer), "Deck footer");
  EXPECT_TRUE(s[0].paginate);
  EXPECT_EQ(plain(s[1].header), "Chapter 2");
  EXPECT_EQ(s[1].classes, std::vector<std::string>{"lead"});
  EXPECT_FALSE(s[1].paginate);
  EXPECT_EQ(plain(s[2].header), "Chapter 2");
  EXPECT_EQ(s[2].classes, std::vector<std::string>{"invert"});
  EXPECT_EQ(plain(s[2].footer), "");
  EXPECT_TRUE(s[2].paginate);
  EXPECT_EQ(s[3].classes, std::vector<std::string>{"invert"});
  EXPECT_EQ(plain(s[3].footer), "Deck footer");
}

TEST(Marp, SeveralDirectivesInOneComment) {
  const ParseResult r = parse(
      "<!--\n"
      "_class: lead\n"
      "_backgroundColor: #123\n"
      "paginate: true\n"
      "-->\n"
      "# A\n\n---\n\n# B\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& s = r.deck.slides;
  EXPECT_EQ(s[0].classes, std::vector<std::string>{"lead"});
  EXPECT_EQ(s[0].background.color, 0x112233ffu);
  EXPECT_TRUE(s[0].paginate);
  EXPECT_TRUE(s[1].classes.empty());
  EXPECT_FALSE(s[1].background.has_color);
  EXPECT_TRUE(s[1].paginate);
  EXPECT_EQ(s[0].notes, "");  // directives are not notes
}

TEST(Marp, PaginateHoldAndSkipAreNotCounted) {
  const ParseResult r = parse(
      "---\npaginate: true\n---\n"
      "# 1\n\n---\n\n"
      "<!-- _paginate: skip -->\n# cover\n\n---\n\n"
      "# 2\n\n---\n\n"
      "<!-- _paginate: hold -->\n# 2 again\n\n---\n\n"
      "# 3\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& s = r.deck.slides;
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(r.deck.pages, 3);
  EXPECT_EQ(s[0].page, 1);
  EXPECT_FALSE(s[1].paginate);
  EXPECT_EQ(s[2].page, 2);
  EXPECT_TRUE(s[3].paginate);
  EXPECT_EQ(s[3].page, 2);
  EXPECT_EQ(s[4].page, 3);
  const ParseResult bad = parse("<!-- paginate: sometimes -->\n# A\n");
  EXPECT_EQ(messages(bad), std::vector<std::string>{"deck.md:1:1: error: paginate must be true, "
                                                    "false, hold or skip (got 'sometimes')"});
}

TEST(Marp, ClassAndTransitionKeepOurMeaningOutsideAMarpDeck) {
  // Our decks wrote `class:` for one slide; a Marp deck means "from here on".
  const std::string body = "<!-- class: lead -->\n<!-- transition: cover -->\n# A\n\n---\n\n# B\n";
  const ParseResult ours = parse(body);
  EXPECT_EQ(ours.deck.slides[0].classes, std::vector<std::string>{"lead"});
  EXPECT_EQ(ours.deck.slides[0].transition, "slide");  // Marp's cover, mapped
  EXPECT_TRUE(ours.deck.slides[1].classes.empty());
  EXPECT_EQ(ours.deck.slides[1].transition, "");
  const ParseResult marp = parse("---\nmarp: true\n---\n" + body);
  EXPECT_EQ(marp.deck.slides[1].classes, std::vector<std::string>{"lead"});
  EXPECT_EQ(marp.deck.slides[1].transition, "slide");
}

TEST(Marp, GaiaClassIsInvertAndUnknownClassSuggests) {
  const ParseResult r = parse("<!-- _class: gaia laed -->\n# A\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:1:1: warning: unknown class 'laed'; did you mean 'lead'? "
                             "(known: lead, small, invert, gaia)"});
  EXPECT_EQ(r.deck.slides[0].classes, std::vector<std::string>{"invert"});
}

TEST(Marp, BackgroundDirectivesAreKnownAndScoped) {
  const ParseResult r = parse(
      "<!-- backgroundColor: #fafafa -->\n"
      "<!-- _color: white -->\n"
      "# A\n\n---\n\n# B\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const SlideBackground& a = r.deck.slides[0].background;
  EXPECT_EQ(a.color, 0xfafafaffu);
  EXPECT_TRUE(a.has_text_color);
  EXPECT_EQ(a.text_color, 0xffffffffu);
  const SlideBackground& b = r.deck.slides[1].background;
  EXPECT_EQ(b.color, 0xfafafaffu);  // local: carries on
  EXPECT_FALSE(b.has_text_color);   // spot: this slide only
}

TEST(Marp, CommentsThatAreNotDirectivesAreNotes) {
  const ParseResult r = parse(
      "# A\n\n"
      "<!-- Say hello first. -->\n\n"
      "Text <!-- and *this* inline --> here\n\n"
      "<!--\nA note over\nseveral lines\n-->\n\n"
      "<!-- prettier-ignore -->\n"
      "<!-- notes: the old way -->\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Slide& s = r.deck.slides[0];
  EXPECT_EQ(s.notes,
            "Say hello first.\n\nand *this* inline\n\nA note over\nseveral lines\n\nthe old way");
  EXPECT_EQ(s.notes_line, 3);
  ASSERT_GE(s.notes_blocks.size(), 2u);
  EXPECT_EQ(s.notes_blocks[1].text.at(1).style, kItalic);
}

TEST(Marp, StarAndParenListsAreFragmentedInAMarpDeck) {
  const std::string body =
      "# A\n\n* one\n* two\n\n---\n\n1) one\n2) two\n3) three\n\n---\n\n- one\n- two\n\n1. one\n";
  const ParseResult r = parse("---\nmarp: true\n---\n" + body);
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& s = r.deck.slides;
  EXPECT_EQ(s[0].steps, 2);
  EXPECT_EQ(s[0].blocks[1].items[0].fragment, 1);
  EXPECT_EQ(s[0].blocks[1].items[1].fragment, 2);
  EXPECT_EQ(s[1].steps, 3);
  EXPECT_EQ(s[2].steps, 0);  // `-` and `1.` show at once
  // Our own decks keep `*` lists whole (they ask with `incremental`).
  EXPECT_EQ(parse(body).deck.slides[0].steps, 0);
}

TEST(Marp, FitHeading) {
  const ParseResult r = parse("# <!-- fit --> Big title\n\n## Plain\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = r.deck.slides[0].blocks;
  EXPECT_TRUE(b[0].fit);
  EXPECT_EQ(plain(b[0].text), "Big title");
  EXPECT_FALSE(b[1].fit);
  EXPECT_EQ(r.deck.slides[0].notes, "");
}

TEST(Marp, HeadingDividerSplitsAtHeadings) {
  const ParseResult r = parse(
      "---\nheadingDivider: 2\n---\n"
      "# Title\n\nintro\n\n## One\n\ntext\n\n### Deeper\n\n"
      "```md\n## not a heading\n```\n\n## Two\n\n---\n\n## Three\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& s = r.deck.slides;
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(plain(s[0].blocks[0].text), "Title");
  EXPECT_EQ(plain(s[1].blocks[0].text), "One");
  EXPECT_EQ(s[1].line, 8);
  EXPECT_EQ(s[1].blocks.size(), 4u);  // heading, text, ### and the code
  EXPECT_EQ(plain(s[2].blocks[0].text), "Two");
  EXPECT_EQ(plain(s[3].blocks[0].text), "Three");  // `---` right before: no empty slide
}

TEST(Marp, HeadingDividerInACommentAndAsAList) {
  const ParseResult r = parse("<!-- headingDivider: [3] -->\n# A\n\n## B\n\n### C\n\n### D\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  EXPECT_EQ(r.deck.slides.size(), 3u);
}

TEST(Marp, HeadingDividerSplitsAtSetextHeadingsToo) {
  // `Title` over `===` is a level 1 heading; the slide starts at its first
  // line, even when the heading holds two lines.
  const ParseResult r = parse(
      "<!-- headingDivider: 1 -->\n\nFirst\n=====\n\nintro\n\n"
      "Second part,\nin two lines\n===\n\ntext\nmore text\n\n"
      "a = b\n\n- item\n\n    code\n    ===\n\nThird\n===\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& s = r.deck.slides;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(plain(s[0].blocks[0].text), "First");
  EXPECT_EQ(s[1].line, 8);
  ASSERT_FALSE(s[1].blocks.empty());
  EXPECT_EQ(s[1].blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(s[1].blocks[0].level, 1);
  EXPECT_EQ(plain(s[1].blocks[0].text), "Second part, in two lines");
  // Heading, text, "a = b" and the list, whose indented "code / ===" is its
  // own (a heading inside the item starts no slide).
  EXPECT_EQ(s[1].blocks.size(), 4u);
  EXPECT_EQ(plain(s[2].blocks[0].text), "Third");
}

TEST(Marp, EveryRuleBreaksASlideInAMarpDeckOnly) {
  const std::string body =
      "# A\n\n***\n\n# B\n\n___\n\n# C\n\n- - -\n\n# D\n\n-----\n\n# E\n\n"
      "```\n***\n```\n";
  const ParseResult marp = parse("---\nmarp: true\n---\n\n" + body);
  EXPECT_TRUE(marp.diagnostics.empty()) << joined(marp);
  ASSERT_EQ(marp.deck.slides.size(), 5u);
  EXPECT_EQ(plain(marp.deck.slides[4].blocks[0].text), "E");
  EXPECT_EQ(marp.deck.slides[4].blocks.size(), 2u);  // a rule in code stays code
  // In our own decks only `---` breaks; the others are rules on the slide.
  const ParseResult ours = parse(body);
  EXPECT_EQ(ours.deck.slides.size(), 1u);
}

TEST(Marp, ALineEndInAParagraphIsALineBreakInAMarpDeck) {
  const std::string body = "# A\n\n첫째 줄\n둘째 줄\n";
  const ParseResult marp = parse("---\nmarp: true\n---\n\n" + body);
  ASSERT_EQ(marp.deck.slides.size(), 1u);
  EXPECT_EQ(plain(marp.deck.slides[0].blocks[1].text), "첫째 줄\n둘째 줄");
  const ParseResult ours = parse(body);
  EXPECT_EQ(plain(ours.deck.slides[0].blocks[1].text), "첫째 줄 둘째 줄");
}

TEST(Marp, EmojiShortcodesAsGitHubAndMarpShowThem) {
  EXPECT_EQ(emoji_for("smile"), "😄");
  EXPECT_EQ(emoji_for("+1"), "👍");
  EXPECT_EQ(emoji_for("heart"), "❤️");  // fully qualified: drawn as an emoji
  EXPECT_EQ(emoji_for("no_such_name"), "");
  EXPECT_EQ(replace_emoji_shortcodes(":tada: 축하 :+1:, (:kr:)"), "🎉 축하 👍, (🇰🇷)");
  // Not after a letter or digit, not an unknown name, not a lone colon.
  EXPECT_EQ(replace_emoji_shortcodes("a:smile: 10:30:00 :nope: 한글:smile: ::"),
            "a:smile: 10:30:00 :nope: 한글:smile: ::");
  EXPECT_EQ(replace_emoji_shortcodes(":x::smile:"), "❌😄");

  const ParseResult r = parse("# 좋아요 :sparkles:\n\n- :white_check_mark: 끝 `:smile:`\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const auto& b = r.deck.slides[0].blocks;
  EXPECT_EQ(plain(b[0].text), "좋아요 ✨");
  EXPECT_EQ(plain(b[1].items[0].blocks[0].text), "✅ 끝 :smile:");  // not in code
}

TEST(Marp, StyleAndHtmlWarnOncePerKindAndMathOnce) {
  const ParseResult r = parse(
      "<style>\nsection { color: red; }\n</style>\n\n# A\n\n"
      "<div>x</div>\n\n$E = mc^2$ costs $5 and $10\n\n---\n\n"
      "<style scoped>\nh1 { color: blue; }\n</style>\n\n<div>y</div>\n\n$$\nx^2\n$$\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: warning: a <style> block is not applied: Madang has no CSS; choose "
                "a look with 'theme:' and 'class:' (2 times, also on line 13)",
                "deck.md:7:1: warning: raw HTML <div> is not rendered (2 times, also on line 17)",
                "deck.md:9:1: warning: math is shown as its source text: Madang does not typeset "
                "math (3 times, also on lines 19, 21)",
            }));
}

TEST(Marp, MisspelledDirectiveSuggests) {
  const ParseResult r = parse(
      "# A\n\n<!-- puase -->\n\n<!-- incremnetal -->\n\n<!-- _pagniate: false -->\n\n<!-- TODO "
      "-->\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:3:1: warning: unknown directive 'puase'; did you mean 'pause'?",
                "deck.md:5:1: warning: unknown directive 'incremnetal'; did you mean "
                "'incremental'?",
                "deck.md:7:1: warning: unknown directive '_pagniate'; did you mean '_paginate'?",
            }));
  EXPECT_EQ(r.deck.slides[0].notes, "TODO");
}

TEST(Marp, UnknownLayoutAndKeySuggest) {
  EXPECT_EQ(joined(parse("<!-- layout: two-columns -->\n# A\n")),
            "deck.md:1:1: error: unknown layout 'two-columns'; did you mean 'two-column'? (valid: "
            "title, section, content, two-column, quote, image)\n");
  EXPECT_EQ(joined(parse("---\npagniate: true\n---\n# A\n")),
            "deck.md:2:1: warning: unknown front matter key 'pagniate'; did you mean "
            "'paginate'?\n");
}

TEST(Marp, UnclosedFenceThatSwallowsASlideBreakNamesIt) {
  const ParseResult r = parse("# A\n\n```python\nprint(1)\n\n---\n\n# B\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:3:1: error: code fence is never closed, so it swallows the "
                             "slide break '---' on line 6 and every slide after it; close it with "
                             "``` before that line"});
  const ParseResult d =
      parse("# A\n\n```diagram flow\nsteps: [a, b]\n\n---\n\n# B\n\n```\n\n---\n\n# C\n");
  EXPECT_NE(find(d,
                 "deck.md:3:1: error: diagram fence is not closed before the slide break "
                 "'---' on line 6"),
            "")
      << joined(d);
}

TEST(Marp, DiagnosticsAreSortedByLine) {
  const ParseResult r = parse("---\ntheme: nope\npagniate: 1\n---\n# A\n\n<!-- puase -->\n");
  std::vector<int> lines;
  for (const Diagnostic& d : r.diagnostics) lines.push_back(d.where.line);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end())) << joined(r);
  EXPECT_EQ(lines.size(), 3u);
}

}  // namespace
}  // namespace madang::deck::test
