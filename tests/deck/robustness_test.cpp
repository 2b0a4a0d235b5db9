// Hostile inputs: each must finish quickly with bounded memory and a clear
// diagnostic. Big inputs are generated here rather than committed.
#include <ctime>
#include <fstream>
#include <random>

#include "deck_test_util.h"
#include "temp_dir.h"

namespace madang::deck::test {
namespace {

TEST(Robustness, ThousandsOfNestedQuotes) {
  const ParseResult r = parse("# 깊이\n\n" + std::string(10000, '>') + " 바닥\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:3:33: error: nesting deeper than 32 levels; the deeper part "
                             "is left out"});
  // 32 levels kept.
  const Block* b = &blocks(r).at(1);
  int depth = 1;
  while (!b->children.empty()) {
    b = &b->children[0];
    ++depth;
  }
  EXPECT_EQ(depth, 32);
}

TEST(Robustness, ThousandsOfNestedListsOnOneLineAndByIndent) {
  std::string text = "# 목록\n\n";
  for (int i = 0; i < 10000; ++i) text += "- ";
  text += "바닥\n\n---\n\n";
  for (int i = 0; i < 700; ++i) text += std::string(2 * i, ' ') + "- 항목\n";
  const ParseResult r = parse(text);
  // Reported once per slide, folded into one line that names both.
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:3:65: error: nesting deeper than 32 levels; the deeper part "
                             "is left out (2 times, also on line 39)"});
}

TEST(Robustness, VeryWideTableIsCut) {
  std::string header = "|", rule = "|", row = "|";
  for (int i = 0; i < 5000; ++i) {
    header += "h|";
    rule += "-|";
    row += std::to_string(i) + "|";
  }
  std::string text = header + "\n" + rule + "\n";
  for (int i = 0; i < 30; ++i) text += row + "\n";
  // A sanity bound, not a benchmark: unguarded this is minutes. CPU time,
  // not wall time, so that a busy machine (or a sanitizer build) does not
  // fail it: guarded it is 0.1 s (3 s under ASan).
  const std::clock_t start = std::clock();
  const ParseResult r = parse(text);
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  EXPECT_LT(seconds, 10.0);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:1:1: error: table has more than 64 columns; only the first "
                             "64 are kept"});
  const Table& t = blocks(r).at(0).table;
  EXPECT_EQ(t.header.size(), 64u);
  ASSERT_EQ(t.rows.size(), 30u);
  EXPECT_EQ(t.rows[0].size(), 64u);
  EXPECT_EQ(plain_text(t.rows[0][63]), "63");
}

TEST(Robustness, EightMegabyteLineIsRefusedAsOneSlide) {
  std::string text = "# 하나\n---\n" + std::string(8'000'000, '[') + "\n---\n# 셋\n";
  const ParseResult r = parse(text);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:3:1: error: slide is larger than 1 MiB; its content is "
                             "skipped"});
  ASSERT_EQ(r.deck.slides.size(), 3u);
  EXPECT_TRUE(r.deck.slides[1].blocks.empty());
  EXPECT_EQ(r.deck.slides[2].line, 5);
}

TEST(Robustness, HugeFileIsRefusedWithoutReadingItAll) {
  const madang::test::TempDir dir("robustness");
  const std::string path = dir.file("huge.md");
  {
    std::ofstream out(path, std::ios::binary);
    const std::string line = "# 제목 " + std::string(1000, 'x') + "\n";
    for (std::size_t written = 0; written < (50u << 20); written += line.size()) out << line;
  }
  const ParseResult r = load_deck(path);
  EXPECT_EQ(messages(r),
            std::vector<std::string>{path + ":1:1: error: file is larger than 8 MiB; not a "
                                            "slide deck?"});
  EXPECT_TRUE(r.deck.slides.empty());
}

TEST(Robustness, BinaryGarbageNeverCrashes) {
  std::mt19937 random(1234);
  for (int round = 0; round < 20; ++round) {
    std::string bytes(20000, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    const ParseResult r = parse(bytes);
    EXPECT_GT(errors(r), 0);
    for (const Diagnostic& d : r.diagnostics) EXPECT_GE(d.where.line, 0);
  }
}

TEST(Robustness, DiagnosticsAreCapped) {
  std::string text;
  // 6000 distinct problems: 1000 are shown, the rest counted in one line.
  for (int i = 0; i < 3000; ++i) {
    text += "<!-- class: wrong" + std::to_string(i) + " -->\n\n<!-- layout: bad" +
            std::to_string(i) + " -->\n\n";
  }
  const ParseResult r = parse(text);
  ASSERT_EQ(r.diagnostics.size(), 1001u);
  EXPECT_EQ(format_diagnostic(r.diagnostics.back()),
            "deck.md: error: 5000 more problems not shown");
}

TEST(Robustness, RepeatedProblemsFoldIntoOneLine) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "<!-- layuot: x -->\n\n<!-- layout: bad -->\n\n";
  const ParseResult r = parse(text);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: warning: unknown directive 'layuot'; did you mean 'layout'? (3000 "
                "times, also on lines 5, 9, 13 and more)",
                "deck.md:3:1: error: unknown layout 'bad' (valid: title, section, content, "
                "two-column, quote, image) (3000 times, also on lines 7, 11, 15 and more)",
            }));
}

TEST(Robustness, MillionsOfBlocksAreCutPerSlide) {
  std::string text;
  for (int i = 0; i < 6000; ++i) text += "가\n\n";
  text += "---\n";
  for (int i = 0; i < 6000; ++i) text += "- 나\n";
  const ParseResult r = parse(text);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:10001:1: error: slide has more than 5000 blocks, list items and table "
                "rows; the rest is left out (2 times, also on line 14501)",
            }));
  ASSERT_EQ(r.deck.slides.size(), 2u);
  EXPECT_EQ(r.deck.slides[0].blocks.size(), 5000u);
  ASSERT_EQ(r.deck.slides[1].blocks.size(), 1u);
  // The list, then an item and its paragraph each: 1 + 2 * 2499 + the last item.
  EXPECT_EQ(r.deck.slides[1].blocks[0].items.size(), 2500u);
  EXPECT_TRUE(r.deck.slides[1].blocks[0].items.back().blocks.empty());
}

TEST(Robustness, DeckTextIsCappedAtOneMebibyte) {
  // 3-byte syllables so that the cut has to land on a character boundary.
  const std::string paragraph = [] {
    std::string p;
    for (int i = 0; i < 100'000; ++i) p += "가";
    return p;
  }();
  std::string text;
  for (int i = 0; i < 5; ++i) text += "# " + std::to_string(i) + "\n\n" + paragraph + "\n---\n";
  const ParseResult r = parse(text);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:15:1: error: deck has more than 1 MiB of text; the rest is "
                             "left out"});
  std::size_t total = 0;
  for (const Slide& s : r.deck.slides) {
    for (const Block& b : s.blocks) total += plain_text(b.text).size();
  }
  EXPECT_LE(total, 1u << 20);
  EXPECT_GT(total, (1u << 20) - 3);
  const std::string cut = plain_text(r.deck.slides.at(3).blocks.at(1).text);
  EXPECT_EQ(cut.size() % 3, 0u);  // whole syllables only
  EXPECT_TRUE(r.deck.slides.at(4).blocks.empty() ||
              plain_text(r.deck.slides[4].blocks[0].text).empty());
}

}  // namespace
}  // namespace madang::deck::test
