// The presenter console as pixels: the lecture's console at 1920x1080 and
// 1280x800 (software renderer) against tests/console/golden/*.png (record
// with MADANG_UPDATE_GOLDENS=1, then look at each), and the current slide
// panel against the slide rendered on its own at that size: the speaker
// sees exactly what the hall sees.
//
// Tolerance: the same renderer, fonts and inputs give the same bytes (0
// pixels differ when re-run); a channel difference of 2 allows rounding, no
// pixel may differ beyond it, so a wrong digit in the timer fails.
#include <gtest/gtest.h>

#include "console_test_util.h"
#include "diagram/interaction.h"
#include "image_compare.h"
#include "render/headless.h"

namespace madang::layout {
namespace {

constexpr test::Tolerance kExact{2, 0};

class ConsoleGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = text::FontSystem::create({}).release();
    glyphs_ = new text::GlyphCache(*fonts_);
    deck_ = new deck::Deck(test::lecture());
  }
  static void TearDownTestSuite() {
    delete deck_;
    delete glyphs_;
    delete fonts_;
  }
  render::RgbaImage draw(const DisplayList& list) {
    return render::render_headless(list, *glyphs_, images_);
  }
  static text::FontSystem* fonts_;
  static text::GlyphCache* glyphs_;
  static deck::Deck* deck_;
  render::ImageCache images_;
  LayoutCache cache_;
};

text::FontSystem* ConsoleGolden::fonts_ = nullptr;
text::GlyphCache* ConsoleGolden::glyphs_ = nullptr;
deck::Deck* ConsoleGolden::deck_ = nullptr;

std::string golden(const std::string& name) {
  return std::string(MADANG_CONSOLE_GOLDEN_DIR) + "/" + name + ".png";
}

// Slide 4, 정부 selected, 5:00 into a 20-minute talk, at 14:05.
show::Show slide4_gov(const deck::Deck& deck) {
  show::Show s = test::show_at(deck, 4, 300);
  show::here(s) = diagram::select_ids(*show::current_slide(s), show::here(s), {"gov"});
  return s;
}

TEST_F(ConsoleGolden, Lecture1920x1080) {
  const show::Show s = slide4_gov(*deck_);
  const ConsoleLayout c = layout_console(*fonts_, cache_, *deck_,
                                         show::console_input(s, 300'000, "14:05"), {1920, 1080});
  EXPECT_TRUE(
      test::matches_golden(draw(overlay(c.base, c.clock)), golden("lecture-04-1920x1080"), kExact));
}

TEST_F(ConsoleGolden, Lecture1280x800) {
  const show::Show s = slide4_gov(*deck_);
  const ConsoleLayout c = layout_console(*fonts_, cache_, *deck_,
                                         show::console_input(s, 300'000, "14:05"), {1280, 800});
  EXPECT_TRUE(
      test::matches_golden(draw(overlay(c.base, c.clock)), golden("lecture-04-1280x800"), kExact));
}

TEST_F(ConsoleGolden, LongNotesScrolledPausedAndBehind) {
  // Slide 13 after 12 minutes (behind the plan), paused for a question,
  // its long notes scrolled one step, one size larger.
  show::Show s = test::show_at(*deck_, 13, 720);
  s.timer = show::toggle_pause(s.timer, 12, 720'000);
  s.notes_scroll = 1;
  s.notes_zoom = 1;
  const ConsoleLayout c = layout_console(*fonts_, cache_, *deck_,
                                         show::console_input(s, 750'000, "14:12"), {1920, 1080});
  EXPECT_TRUE(test::matches_golden(draw(overlay(c.base, c.clock)),
                                   golden("lecture-13-paused-scrolled"), kExact));
}

TEST_F(ConsoleGolden, TheCurrentPanelIsTheHallsSlideToThePixel) {
  for (int slide : {1, 4, 13, 16}) {
    SCOPED_TRACE("slide " + std::to_string(slide));
    show::Show s = slide == 4 ? slide4_gov(*deck_) : test::show_at(*deck_, slide);
    const ConsoleLayout c =
        layout_console(*fonts_, cache_, *deck_, show::console_input(s, 0, "14:05"), {1920, 1080});
    const render::RgbaImage console = draw(c.base);
    const Size panel{static_cast<int>(c.current.w), static_cast<int>(c.current.h)};
    const render::RgbaImage alone =
        draw(layout_slide(*fonts_, *deck_, slide - 1, show::here(s), panel).list);
    render::RgbaImage cut;
    cut.width = panel.width;
    cut.height = panel.height;
    for (int y = 0; y < panel.height; ++y) {
      const std::size_t at =
          (static_cast<std::size_t>(c.current.y) + static_cast<std::size_t>(y)) * console.width +
          static_cast<std::size_t>(c.current.x);
      const auto* row = console.pixels.data() + at * 4;
      cut.pixels.insert(cut.pixels.end(), row, row + static_cast<std::size_t>(panel.width) * 4);
    }
    EXPECT_TRUE(test::compare_images(cut, alone, kExact, "console-panel-" + std::to_string(slide)));
  }
}

}  // namespace
}  // namespace madang::layout
