// The presenter console's layout as data: where the panels are, that the
// current slide carries the hall's hit regions in console pixels, the notes
// (shaped, zoomed, scrolled), the strip, the overlays and the clock part.
#include <gtest/gtest.h>

#include <algorithm>

#include "console_test_util.h"
#include "diagram/interaction.h"

namespace madang::layout {
namespace {

using test::all_text;
using test::lecture;
using test::show_at;

class ConsoleLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = text::FontSystem::create({}).release();
    deck_ = new deck::Deck(lecture());
  }
  static void TearDownTestSuite() {
    delete deck_;
    delete fonts_;
  }
  ConsoleLayout console(const show::Show& s, Size size = {1920, 1080},
                        const std::string& wall = "14:05", double now_ms = -1) {
    const double now = now_ms >= 0 ? now_ms : s.timer.slide_since;
    return layout_console(*fonts_, cache_, *deck_, show::console_input(s, now, wall), size);
  }
  static text::FontSystem* fonts_;
  static deck::Deck* deck_;
  LayoutCache cache_;
};

text::FontSystem* ConsoleLayoutTest::fonts_ = nullptr;
deck::Deck* ConsoleLayoutTest::deck_ = nullptr;

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

TEST_F(ConsoleLayoutTest, PanelsSitApartAndSlidesKeepTheDeckAspect) {
  for (Size size : {Size{1920, 1080}, Size{1280, 800}, Size{2560, 1600}}) {
    const ConsoleLayout c = console(show_at(*deck_, 4), size);
    SCOPED_TRACE(std::to_string(size.width) + "x" + std::to_string(size.height));
    EXPECT_NEAR(c.current.w / c.current.h, 16.0 / 9.0, 0.01);
    EXPECT_NEAR(c.next.w / c.next.h, 16.0 / 9.0, 0.01);
    // The current slide is the largest thing on the console.
    EXPECT_GT(c.current.w * c.current.h, 2.5f * c.next.w * c.next.h);
    EXPECT_GT(c.current.w, size.width * 0.5f);
    for (const Rect& r : {c.current, c.next, c.notes}) {
      EXPECT_GE(r.x, 0);
      EXPECT_GE(r.y, 0);
      EXPECT_LE(r.x + r.w, size.width);
      EXPECT_LE(r.y + r.h, size.height);
    }
    EXPECT_FALSE(overlaps(c.current, c.next));
    EXPECT_FALSE(overlaps(c.current, c.notes));
    EXPECT_FALSE(overlaps(c.next, c.notes));
    ASSERT_FALSE(c.strip.empty());
    for (const ConsoleStripItem& item : c.strip) {
      EXPECT_FALSE(overlaps(item.rect, c.current));
      EXPECT_FALSE(overlaps(item.rect, c.notes));
    }
    // Notes get a real share of the screen: at least a fifth.
    EXPECT_GT(c.notes.w * c.notes.h, 0.2f * size.width * size.height * 0.5f);
  }
}

TEST_F(ConsoleLayoutTest, TheCurrentSlideCarriesTheHallsHitRegionsInConsolePixels) {
  show::Show s = show_at(*deck_, 4);
  const ConsoleLayout c = console(s);
  const SlideLayout slide =
      layout_slide(*fonts_, *deck_, 3, show::here(s),
                   Size{static_cast<int>(c.current.w), static_cast<int>(c.current.h)});
  ASSERT_EQ(slide.list.hits.size(), 3u);
  ASSERT_EQ(c.base.hits.size(), slide.list.hits.size());
  for (std::size_t i = 0; i < slide.list.hits.size(); ++i) {
    EXPECT_EQ(c.base.hits[i].id, slide.list.hits[i].id);
    EXPECT_FLOAT_EQ(c.base.hits[i].rect.x, slide.list.hits[i].rect.x + c.current.x);
    EXPECT_FLOAT_EQ(c.base.hits[i].rect.y, slide.list.hits[i].rect.y + c.current.y);
    EXPECT_FLOAT_EQ(c.base.hits[i].rect.w, slide.list.hits[i].rect.w);
  }
  // A click at gov's centre on the console is the click the hall would get.
  const HitRegion& gov = c.base.hits[0];
  EXPECT_EQ(gov.id, "gov");
  const diagram::Update u =
      diagram::click(*show::current_slide(s), c.base, show::here(s), gov.rect.x + gov.rect.w / 2,
                     gov.rect.y + gov.rect.h / 2);
  EXPECT_TRUE(u.handled);
  EXPECT_EQ(u.state.selected, std::vector<std::string>{"gov"});
}

TEST_F(ConsoleLayoutTest, NotesAreShapedZoomedAndScrolledWholeLines) {
  show::Show s = show_at(*deck_, 4);
  const ConsoleLayout c = console(s);
  const std::string text = all_text(c.base);
  EXPECT_NE(text.find("한국사회는 지금 사회적 난제에"), std::string::npos) << text;
  EXPECT_GT(c.notes_scroll_max, 0);  // this slide's notes are longer than the panel

  auto notes_size = [&](const ConsoleLayout& l) {
    for (const TextItem& t : l.base.texts) {
      if (t.rect.x >= l.notes.x - 1 && t.rect.y >= l.notes.y - 1 && !t.lines.empty() &&
          !t.lines[0].runs.empty() && t.lines[0].text.find("한국사회는") == 0) {
        return t.lines[0].runs[0].size;
      }
    }
    return 0.0f;
  };
  const float base_size = notes_size(c);
  ASSERT_GT(base_size, 30);
  s.notes_zoom = 2;
  const ConsoleLayout zoomed = console(s);
  EXPECT_NEAR(notes_size(zoomed), base_size * 1.2f, 0.01f);

  // Scrolling moves the notes up; past the end it stops at the last step.
  s.notes_zoom = 0;
  s.notes_scroll = 1;
  const ConsoleLayout scrolled = console(s);
  EXPECT_EQ(scrolled.notes_scroll, 1);
  s.notes_scroll = 99;
  const ConsoleLayout end = console(s);
  EXPECT_EQ(end.notes_scroll, end.notes_scroll_max);
  EXPECT_NE(all_text(c.base).find("더 있음"), std::string::npos);
  EXPECT_EQ(all_text(end.base).find("더 있음"), std::string::npos);  // nothing more below
}

TEST_F(ConsoleLayoutTest, ASlideWithoutNotesSaysSo) {
  deck::ParseOptions options;
  options.check_files = false;
  const deck::Deck bare =
      deck::parse_deck("# 하나\n\n노트가 없는 슬라이드\n", "bare.md", options).deck;
  const ConsoleLayout c =
      layout_console(*fonts_, cache_, bare,
                     show::console_input(show::open_show(bare, {}), 0, "09:00"), Size{1920, 1080});
  EXPECT_NE(all_text(c.base).find("노트 없음"), std::string::npos);
  EXPECT_NE(all_text(c.base).find("마지막 슬라이드"), std::string::npos);
}

TEST_F(ConsoleLayoutTest, BlackScreenFreezeAndReloadErrorsShowOnTheConsole) {
  show::Show s = show_at(*deck_, 2);
  show::act(s, {show::ActionKind::kBlack}, 0);
  ConsoleLayout c = console(s);
  EXPECT_NE(all_text(c.base).find("검은 화면"), std::string::npos);
  bool black_panel = false;
  for (const Command& cmd : c.base.commands) {
    black_panel |= cmd.kind == CommandKind::kFillRect && cmd.color == 0x000000ff &&
                   cmd.rect.w == c.current.w && cmd.rect.h == c.current.h;
  }
  EXPECT_TRUE(black_panel);

  s = show_at(*deck_, 2);
  show::act(s, {show::ActionKind::kFreeze}, 0);
  show::act(s, {show::ActionKind::kNext}, 0);
  c = console(s);
  EXPECT_NE(all_text(c.base).find("청중 화면 고정됨: 슬라이드 2"), std::string::npos);
  EXPECT_NE(all_text(c.base).find("3 / 23"), std::string::npos) << all_text(c.base);

  s = show_at(*deck_, 2);
  s.errors = {"lecture.md:12:3: error: unknown layout 'tripple'"};
  s.error_count = 1;
  c = console(s);
  EXPECT_NE(all_text(c.base).find("다시 읽지 못했습니다"), std::string::npos);
  EXPECT_NE(all_text(c.base).find("lecture.md:12:3"), std::string::npos);
}

TEST_F(ConsoleLayoutTest, TheNextStepIsAFragmentOrTheNextSlide) {
  show::Show s = show_at(*deck_, 5);  // items revealed one by one
  ConsoleLayout c = console(s);
  EXPECT_NE(all_text(c.base).find("다음: 단계 1 / "), std::string::npos) << all_text(c.base);
  s = show_at(*deck_, 4);
  c = console(s);
  EXPECT_NE(all_text(c.base).find("다음: 슬라이드 5"), std::string::npos);
  s = show_at(*deck_, 23);
  c = console(s);
  EXPECT_NE(all_text(c.base).find("마지막 슬라이드"), std::string::npos);
}

TEST_F(ConsoleLayoutTest, TheStripCentresOnTheCurrentSlideAndStopsAtTheEnds) {
  auto slides_of = [](const ConsoleLayout& c) {
    std::vector<int> out;
    for (const ConsoleStripItem& item : c.strip) out.push_back(item.slide);
    return out;
  };
  const std::vector<int> first = slides_of(console(show_at(*deck_, 1)));
  ASSERT_GE(first.size(), 5u);
  EXPECT_EQ(first.front(), 0);
  const std::vector<int> middle = slides_of(console(show_at(*deck_, 12)));
  ASSERT_EQ(middle.size(), first.size());
  EXPECT_NE(std::find(middle.begin(), middle.end(), 11), middle.end());
  EXPECT_LE(std::abs(middle[middle.size() / 2] - 11), 1);
  const std::vector<int> last = slides_of(console(show_at(*deck_, 23)));
  EXPECT_EQ(last.back(), 22);
  for (std::size_t i = 1; i < middle.size(); ++i) EXPECT_EQ(middle[i], middle[i - 1] + 1);
}

TEST_F(ConsoleLayoutTest, TheClockPartAloneChangesWithTime) {
  show::Show s = show_at(*deck_, 7, 300);  // five minutes in, just arrived
  const ConsoleLayout a = console(s, {1920, 1080}, "14:05", 300'000);
  const ConsoleLayout b = console(s, {1920, 1080}, "14:06", 361'000);
  // The base part does not depend on the time: the window keeps it.
  EXPECT_EQ(all_text(a.base), all_text(b.base));
  EXPECT_EQ(a.base.commands.size(), b.base.commands.size());
  const std::string ta = all_text(a.clock), tb = all_text(b.clock);
  EXPECT_NE(ta.find("5:00"), std::string::npos) << ta;
  EXPECT_NE(ta.find("14:05"), std::string::npos) << ta;
  EXPECT_NE(tb.find("6:01"), std::string::npos) << tb;
  EXPECT_NE(tb.find("14:06"), std::string::npos) << tb;
  EXPECT_EQ(a.clock.background & 0xff, 0u);  // transparent: drawn over the base
  // The clock alone, as a tick redraws it, is the same list.
  const DisplayList alone = layout_console_clock(
      *fonts_, *deck_, show::console_clock(s, 300'000, "14:05"), Size{1920, 1080});
  EXPECT_EQ(all_text(alone), ta);
  EXPECT_EQ(alone.commands.size(), a.clock.commands.size());
}

TEST_F(ConsoleLayoutTest, TimerStatesReadAsTheySay) {
  show::Show s = show_at(*deck_, 1);
  EXPECT_NE(all_text(console(s).clock).find("시작 전"), std::string::npos);
  show::act(s, {show::ActionKind::kNext}, 0);
  show::act(s, {show::ActionKind::kTimerToggle}, 65'000);
  const std::string paused = all_text(console(s, {1920, 1080}, "14:05", 90'000).clock);
  EXPECT_NE(paused.find("일시정지"), std::string::npos) << paused;
  EXPECT_NE(paused.find("1:05"), std::string::npos) << paused;
}

}  // namespace
}  // namespace madang::layout
