// Hand-built decks and a shared font system for the layout tests, so that
// they depend on layout alone.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/layout.h"

namespace madang::layout {

// ---------------------------------------------------------------- builders

inline deck::Block para(const std::string& s, int line = 1) {
  deck::Block b;
  b.kind = deck::BlockKind::kParagraph;
  b.text = {deck::Span{s, deck::kPlain, {}}};
  b.line = line;
  return b;
}

inline deck::Block heading(const std::string& s, int level = 2) {
  deck::Block b = para(s);
  b.kind = deck::BlockKind::kHeading;
  b.level = level;
  return b;
}

inline deck::Block list(const std::vector<std::string>& items, bool incremental = false) {
  deck::Block b;
  b.kind = deck::BlockKind::kList;
  int f = 0;
  for (const auto& s : items) {
    deck::ListItem item;
    item.blocks.push_back(para(s));
    item.fragment = incremental ? f++ : 0;
    b.items.push_back(item);
  }
  return b;
}

inline deck::Deck one_slide(std::vector<deck::Block> blocks, std::string layout_name = "") {
  deck::Deck d;
  d.path = "test.md";
  d.meta.footer = "「지역사회 사회혁신생태계 조성전략」 · 김제선";
  deck::Slide s;
  s.index = 1;
  s.line = 3;
  s.layout = std::move(layout_name);
  s.blocks = std::move(blocks);
  d.slides.push_back(std::move(s));
  return d;
}

class LayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fonts_ = text::FontSystem::create({}).release(); }
  static void TearDownTestSuite() {
    delete fonts_;
    fonts_ = nullptr;
  }
  SlideLayout lay(const deck::Deck& d, SlideState state = {}, Size size = {}) {
    return layout_slide(*fonts_, d, 0, state, size);
  }
  static inline text::FontSystem* fonts_ = nullptr;
};

inline std::string all_text(const DisplayList& list) {
  std::string out;
  for (const TextItem& t : list.texts) {
    for (const text::Line& l : t.lines) out += l.text + "\n";
  }
  return out;
}

inline const TextItem* find_text(const DisplayList& list, const std::string& needle) {
  for (const TextItem& t : list.texts) {
    for (const text::Line& l : t.lines) {
      if (l.text.find(needle) != std::string::npos) return &t;
    }
  }
  return nullptr;
}

}  // namespace madang::layout
