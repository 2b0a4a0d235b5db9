// The decks of slides/ as a hall sees them at 1920x1080 (layout/stats.h):
// the lecture's body text reads from the back (median at least 48 px, none
// under 28 px, titles at least 72 px), its dense comparison shows every cell
// in full at rest, nothing overflows, and no diagram label breaks a word.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "deck/parse.h"
#include "layout/layout.h"
#include "layout/stats.h"
#include "slide_text.h"
#include "text/text.h"

namespace madang::slides_test {
namespace {

class Hall : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = text::FontSystem::create({}).release();
    lecture_ = new deck::Deck(deck::load_deck(MADANG_SLIDES_DIR "/lecture.md").deck);
    tour_ = new deck::Deck(deck::load_deck(MADANG_SLIDES_DIR "/tour.md").deck);
  }
  static void TearDownTestSuite() {
    delete tour_;
    delete lecture_;
    delete fonts_;
  }
  static layout::SlideLayout lay(const deck::Deck& d, int number, layout::SlideState state = {}) {
    return layout::layout_slide(*fonts_, d, number - 1, state, layout::Size{1920, 1080});
  }
  static std::vector<layout::SlideStats> stats(const deck::Deck& d) {
    std::vector<layout::SlideStats> out;
    for (int i = 1; i <= static_cast<int>(d.slides.size()); ++i)
      out.push_back(layout::slide_stats(lay(d, i), d.slides[static_cast<std::size_t>(i - 1)]));
    return out;
  }
  static text::FontSystem* fonts_;
  static deck::Deck* lecture_;
  static deck::Deck* tour_;
};
text::FontSystem* Hall::fonts_ = nullptr;
deck::Deck* Hall::lecture_ = nullptr;
deck::Deck* Hall::tour_ = nullptr;

TEST_F(Hall, TheLectureReadsFromTheBackOfTheHall) {
  ASSERT_EQ(lecture_->slides.size(), 23u);
  std::vector<float> bodies;
  for (const layout::SlideStats& s : stats(*lecture_)) {
    SCOPED_TRACE("slide " + std::to_string(s.slide));
    EXPECT_FALSE(s.overflow);
    if (s.body_size > 0) bodies.push_back(s.body_size);
    // Every text but the footer and source lines: 28 px or more.
    EXPECT_GE(s.smallest_size, 28.0f);
    // Every slide has a title, set at 72 px or more.
    EXPECT_GE(s.title_size, 72.0f);
  }
  std::sort(bodies.begin(), bodies.end());
  ASSERT_FALSE(bodies.empty());
  const float median = bodies.size() % 2
                           ? bodies[bodies.size() / 2]
                           : (bodies[bodies.size() / 2 - 1] + bodies[bodies.size() / 2]) / 2;
  EXPECT_GE(median, 48.0f);
}

TEST_F(Hall, NoSlideOfEitherDeckOverflowsOrWarns) {
  for (const deck::Deck* d : {lecture_, tour_}) {
    for (int i = 1; i <= static_cast<int>(d->slides.size()); ++i) {
      const layout::SlideLayout l = lay(*d, i);
      EXPECT_FALSE(l.overflow) << d->path << " slide " << i;
      for (const Diagnostic& diag : l.diagnostics) ADD_FAILURE() << format_diagnostic(diag);
    }
  }
}

// Slide 13: the four ecosystems' definitions and components, every one of
// them in full, with no "…", at rest.
TEST_F(Hall, TheEcosystemComparisonShowsEveryCellInFullAtRest) {
  const layout::SlideLayout l = lay(*lecture_, 13);
  std::string shown;
  for (const layout::TextItem& t : l.list.texts) {
    for (const text::Line& line : t.lines) shown += line.text;
  }
  EXPECT_EQ(shown.find("…"), std::string::npos);
  const auto found = diagrams(lecture_->slides[12]);
  ASSERT_EQ(found.size(), 1u);
  const std::string flat = squash_spaces(shown);
  for (const deck::DiagramNode& item : found[0]->nodes) {
    for (const std::string& value : item.values) {
      // Lines join without the spaces they broke at: compare without spaces.
      std::string a = value, b = flat;
      a.erase(std::remove(a.begin(), a.end(), ' '), a.end());
      b.erase(std::remove(b.begin(), b.end(), ' '), b.end());
      EXPECT_NE(b.find(a), std::string::npos) << item.label << ": " << value;
    }
  }
}

}  // namespace
}  // namespace madang::slides_test
