// Reload policy: a good edit keeps the viewer's place; a broken one keeps the
// old deck and says why.
#include "show/reload.h"

#include <gtest/gtest.h>

namespace madang::show {
namespace {

deck::ParseResult deck_with_steps(std::vector<int> steps) {
  deck::ParseResult r;
  r.deck.path = "talk.md";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    deck::Slide s;
    s.index = static_cast<int>(i) + 1;
    s.steps = steps[i];
    r.deck.slides.push_back(s);
  }
  return r;
}

Diagnostic diag(Severity severity, int line, int column, std::string message) {
  return {{"talk.md", line, column}, severity, std::move(message)};
}

TEST(Reload, GoodEditKeepsPosition) {
  PresentState s;
  s.slide = 2;
  s.step = 1;
  s.fullscreen = true;
  auto fresh = deck_with_steps({0, 0, 3, 0});
  fresh.diagnostics.push_back(diag(Severity::kWarning, 3, 1, "unknown key"));
  ReloadOutcome out = reload_policy(s, fresh);
  EXPECT_TRUE(out.accepted);
  EXPECT_EQ(out.state.slide, 2);
  EXPECT_EQ(out.state.step, 1);
  EXPECT_TRUE(out.state.fullscreen);
  EXPECT_TRUE(out.errors.empty());  // warnings do not block a reload
}

TEST(Reload, GoodEditThatRemovesSlidesClamps) {
  PresentState s;
  s.slide = 5;
  s.step = 2;
  ReloadOutcome out = reload_policy(s, deck_with_steps({0, 1}));
  EXPECT_TRUE(out.accepted);
  EXPECT_EQ(out.state.slide, 1);
  EXPECT_EQ(out.state.step, 1);
}

TEST(Reload, BrokenEditKeepsOldDeckAndExposesErrors) {
  PresentState s;
  s.slide = 3;
  s.step = 0;
  auto fresh = deck_with_steps({0});
  fresh.diagnostics.push_back(diag(Severity::kWarning, 1, 1, "just a warning"));
  fresh.diagnostics.push_back(diag(Severity::kError, 12, 5, "unknown diagram kind 'circle'"));
  fresh.diagnostics.push_back(diag(Severity::kError, 20, 1, "unclosed front matter"));
  ReloadOutcome out = reload_policy(s, fresh);
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.state.slide, 3);  // not clamped to the broken deck's one slide
  EXPECT_EQ(out.error_count, 2);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_EQ(out.errors[0], "talk.md:12:5: error: unknown diagram kind 'circle'");
  EXPECT_EQ(out.errors[1], "talk.md:20:1: error: unclosed front matter");
}

TEST(Reload, ErrorLinesAreLimited) {
  auto fresh = deck_with_steps({0});
  for (int i = 1; i <= 10; ++i) fresh.diagnostics.push_back(diag(Severity::kError, i, 1, "bad"));
  ReloadOutcome out = reload_policy({}, fresh, 3);
  EXPECT_EQ(out.errors.size(), 3u);
  EXPECT_EQ(out.error_count, 10);
}

TEST(Reload, UnreadableFileIsRefused) {
  deck::ParseResult fresh;
  fresh.diagnostics.push_back(diag(Severity::kError, 0, 0, "cannot read file"));
  PresentState s;
  s.slide = 1;
  ReloadOutcome out = reload_policy(s, fresh);
  EXPECT_FALSE(out.accepted);
  EXPECT_EQ(out.state.slide, 1);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("cannot read file"), std::string::npos);
}

TEST(Reload, WatchedFilesAreTheDeckAndItsImages) {
  deck::Deck d;
  d.path = "/talks/talk.md";
  d.base_dir = "/talks";
  deck::Slide slide;
  deck::Block found;
  found.kind = deck::BlockKind::kImage;
  found.image.src = "img/a.png";
  found.image.resolved = "/talks/img/a.png";
  deck::Block missing;
  missing.kind = deck::BlockKind::kImage;
  missing.image.src = "b.png";
  deck::Block remote;
  remote.kind = deck::BlockKind::kImage;
  remote.image.src = "https://example.org/c.png";
  deck::Block list;
  list.kind = deck::BlockKind::kList;
  list.items.push_back({{found}, 0, 1});  // the same image twice: watched once
  slide.blocks = {found, missing, remote, list};
  d.slides.push_back(slide);
  const auto files = watched_files(d);
  EXPECT_EQ(files,
            (std::vector<std::string>{"/talks/b.png", "/talks/img/a.png", "/talks/talk.md"}));
}

TEST(Reload, ShapeOf) {
  EXPECT_EQ(shape_of(deck_with_steps({0, 2, 1}).deck).steps, (std::vector<int>{0, 2, 1}));
}

}  // namespace
}  // namespace madang::show
