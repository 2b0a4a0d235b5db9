// The feature tour (slides/tour.md) is the deck new users copy from: it must
// use every feature of docs/format.md, and use it correctly.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "deck/parse.h"
#include "slide_text.h"

namespace madang::slides_test {
namespace {

using deck::BlockKind;

class Tour : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    result_ = new deck::ParseResult(deck::load_deck(MADANG_SLIDES_DIR "/tour.md"));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  static const deck::Deck& tour() { return result_->deck; }
  static std::vector<const deck::Block*> every_block() {
    std::vector<const deck::Block*> out;
    for (const deck::Slide& s : tour().slides) {
      for (const deck::Block* b : all_blocks(s)) out.push_back(b);
    }
    return out;
  }
  static deck::ParseResult* result_;
};
deck::ParseResult* Tour::result_ = nullptr;

TEST_F(Tour, ParsesCleanly) {
  for (const Diagnostic& d : result_->diagnostics) ADD_FAILURE() << format_diagnostic(d);
  EXPECT_GE(tour().slides.size(), 8u);
  EXPECT_LE(tour().slides.size(), 14u);
}

TEST_F(Tour, UsesEveryLayoutClassAndDirective) {
  std::set<std::string> layouts, classes;
  bool footer_off = false, incremental = false, source = false, transition = false;
  for (const deck::Slide& s : tour().slides) {
    layouts.insert(s.layout.empty() ? "content" : s.layout);
    classes.insert(s.classes.begin(), s.classes.end());
    footer_off = footer_off || !s.show_footer;
    incremental = incremental || s.incremental;
    source = source || !s.source.empty();
    transition = transition || !s.transition.empty();
    EXPECT_TRUE(has_hangul(s.notes)) << "slide " << s.index << " has no Korean notes";
  }
  for (const char* layout : {"title", "section", "content", "two-column", "quote", "image"}) {
    EXPECT_TRUE(layouts.count(layout)) << layout;
  }
  for (const char* name : {"lead", "small", "invert"}) EXPECT_TRUE(classes.count(name)) << name;
  EXPECT_TRUE(footer_off);
  EXPECT_TRUE(incremental);
  EXPECT_TRUE(source);
  EXPECT_TRUE(transition);
}

TEST_F(Tour, ShowsEveryKindOfBlock) {
  bool nested = false, numbered = false, table_break = false, code = false, paused = false,
       right_column = false, attributed = false, sized_image = false;
  std::set<deck::DiagramKind> kinds;
  bool stepped = false;
  std::uint8_t styles = 0;
  for (const deck::Block* b : every_block()) {
    if (b->kind == BlockKind::kList) {
      numbered = numbered || b->ordered;
      for (const deck::ListItem& item : b->items) {
        for (const deck::Block& child : item.blocks) nested = nested || child.kind == BlockKind::kList;
      }
    }
    if (b->kind == BlockKind::kTable) {
      for (const auto& row : b->table.rows) {
        for (const deck::RichText& cell : row) {
          table_break = table_break || deck::plain_text(cell).find('\n') != std::string::npos;
        }
      }
    }
    if (b->kind == BlockKind::kCode) code = true;
    if (b->kind != BlockKind::kList && b->fragment > 0) paused = true;
    if (b->column_index == 1) right_column = true;
    if (b->kind == BlockKind::kQuote && !deck::plain_text(b->text).empty()) attributed = true;
    if (b->kind == BlockKind::kImage) {
      EXPECT_FALSE(b->image.resolved.empty()) << b->image.src << " did not resolve";
      sized_image = sized_image || b->image.width != 0;
    }
    if (b->kind == BlockKind::kDiagram) {
      kinds.insert(b->diagram.kind);
      stepped = stepped || b->diagram.stepped;
    }
    for (const deck::Span& span : b->text) styles |= span.style;
  }
  EXPECT_TRUE(nested);
  EXPECT_TRUE(numbered);
  EXPECT_TRUE(table_break);
  EXPECT_TRUE(code);
  EXPECT_TRUE(paused);
  EXPECT_TRUE(right_column);
  EXPECT_TRUE(attributed);
  EXPECT_TRUE(sized_image);
  EXPECT_EQ(kinds.size(), 3u);
  EXPECT_TRUE(stepped);
  for (std::uint8_t style : {deck::kBold, deck::kItalic, deck::kCode, deck::kStrike, deck::kLink}) {
    EXPECT_TRUE(styles & style) << "no span with style " << int(style);
  }
}

}  // namespace
}  // namespace madang::slides_test
