// A forum's screens and clock: the program against the time of day
// (show/forum.h) as numbers, and the cards, time cards and program panel
// (screens/forum.h) as data and as pixels against tests/console/golden/
// forum-*.png (record with MADANG_UPDATE_GOLDENS=1, then look at each).
//
// Tolerance: as the console's goldens, the same renderer, fonts and input
// give the same bytes; a channel difference of 2 allows rounding, no pixel
// beyond it (a wrong digit in a countdown fails).
#include <gtest/gtest.h>

#include "console_test_util.h"
#include "image_compare.h"
#include "layout/theme.h"
#include "render/headless.h"
#include "screens/forum.h"
#include "session/program_loading.h"
#include "show/forum.h"
#include "temp_dir.h"

namespace madang {
namespace {

constexpr test::Tolerance kExact{2, 0};

// 14:00; talk 1 (20 min), a 10-minute break, talk 2 (15 min), talk 3 (10 min).
deck::Program forum() {
  deck::Program p;
  p.title = "지역사회 혁신 포럼";
  p.start = "14:00";
  p.start_minute = 14 * 60;
  auto talk = [&](int n, const char* title, const char* speaker, double minutes) {
    deck::ProgramItem t;
    t.talk = n;
    t.title = title;
    t.speaker = speaker;
    t.seconds = minutes * 60;
    p.items.push_back(t);
  };
  talk(1, "지역사회 사회혁신생태계 조성전략", "김제선", 20);
  deck::ProgramItem b;
  b.is_break = true;
  b.seconds = 600;
  p.items.push_back(b);
  talk(2, "마을 카페 협동조합 이야기", "홍길동", 15);
  talk(3, "Marp로 만든 발표", "이몽룡", 10);
  return p;
}

show::ForumClock clock_at(const deck::Program& p, int item, double elapsed_s, double now_s) {
  show::ForumClock c;
  c.item = item;
  for (const deck::ProgramItem& i : p.items) c.slot_s.push_back(i.seconds);
  c.took_s = c.slot_s;
  c.elapsed_s = elapsed_s;
  c.started = elapsed_s > 0;
  c.now_s = now_s;
  c.missing.assign(p.items.size(), false);
  return c;
}

// ============================================================================
// The clock
// ============================================================================

TEST(ForumClock, TheProgramAgainstTheClock) {
  const deck::Program p = forum();
  // Talk 2 began 9 minutes late: 14:50 and 11 minutes into its 15.
  const layout::ProgramPanel panel = show::program_panel(p, clock_at(p, 2, 660, 14 * 3600 + 3000));
  EXPECT_EQ(panel.countdown, "4:00");
  EXPECT_EQ(panel.countdown_mood, layout::Mood::kWarning);
  EXPECT_EQ(panel.start, "14:00");
  EXPECT_EQ(panel.planned_end, "14:55");
  EXPECT_EQ(panel.expected_end, "15:04");
  EXPECT_EQ(panel.drift, "+9:00");
  EXPECT_EQ(panel.drift_mood, layout::Mood::kBehind);
  ASSERT_EQ(panel.rows.size(), 4u);
  EXPECT_EQ(panel.rows[0].at, "14:00");
  EXPECT_EQ(panel.rows[1].at, "14:20");
  EXPECT_EQ(panel.rows[2].at, "14:30");
  EXPECT_EQ(panel.rows[3].at, "14:45");
  EXPECT_EQ(panel.rows[0].state, layout::ProgramRow::State::kDone);
  EXPECT_EQ(panel.rows[2].state, layout::ProgramRow::State::kCurrent);
  EXPECT_EQ(panel.rows[3].state, layout::ProgramRow::State::kNext);
  EXPECT_EQ(panel.rows[0].took, "20:00");
  EXPECT_EQ(panel.rows[3].slot, "10:00");
}

TEST(ForumClock, AheadAndWithoutAStartTime) {
  deck::Program p = forum();
  // Talk 1 at 14:05, 5 minutes in: on time.
  EXPECT_EQ(show::program_drift_s(p, clock_at(p, 0, 300, 14 * 3600 + 300)), 0);
  // Talk 3 begins at 14:40, 5 minutes early.
  const layout::ProgramPanel early = show::program_panel(p, clock_at(p, 3, 0, 14 * 3600 + 2400));
  EXPECT_EQ(early.drift, "-5:00");
  EXPECT_EQ(early.drift_mood, layout::Mood::kAhead);
  // Without `start:`, the drift is what the items took beyond their slots.
  p.start_minute = -1;
  show::ForumClock c = clock_at(p, 2, 960, -1);  // 16 minutes into 15
  c.took_s[0] = 1320;                            // talk 1 took 22
  EXPECT_EQ(show::program_drift_s(p, c), 120 + 60);
  const layout::ProgramPanel panel = show::program_panel(p, c);
  EXPECT_EQ(panel.countdown, "-1:00");
  EXPECT_EQ(panel.countdown_mood, layout::Mood::kBehind);
  EXPECT_EQ(panel.rows[0].at, "");
  EXPECT_EQ(panel.rows[0].took, "22:00");
}

TEST(ForumClock, TimeCardsComeUpAtTheirMinute) {
  const std::vector<int> cards = {5, 2, 0};
  EXPECT_EQ(show::time_card_up(cards, 1200, 899).minutes, -1);
  EXPECT_EQ(show::time_card_up(cards, 1200, 900).minutes, 5);
  EXPECT_EQ(show::time_card_up(cards, 1200, 1079).minutes, 5);
  const show::TimeCardUp two = show::time_card_up(cards, 1200, 1085);
  EXPECT_EQ(two.minutes, 2);
  EXPECT_DOUBLE_EQ(two.since_s, 5);
  EXPECT_EQ(show::time_card_up(cards, 1200, 1200).minutes, 0);
  EXPECT_EQ(show::time_card_up(cards, 1200, 5000).minutes, 0);
  EXPECT_EQ(show::time_card_up(cards, 0, 5000).minutes, -1);  // no slot, no card
}

// ============================================================================
// The screens
// ============================================================================

class ForumScreens : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = text::FontSystem::create({}).release();
    glyphs_ = new text::GlyphCache(*fonts_);
  }
  static void TearDownTestSuite() {
    delete glyphs_;
    delete fonts_;
  }
  render::RgbaImage draw(const layout::DisplayList& list) {
    return render::render_headless(list, *glyphs_, images_);
  }
  static std::string golden(const std::string& name) {
    return std::string(MADANG_CONSOLE_GOLDEN_DIR) + "/forum-" + name + ".png";
  }
  static layout::ForumCard talk_card() {
    layout::ForumCard c;
    c.event = "지역사회 혁신 포럼 · 2026-12-10 · 대전 시민공간";
    c.talk = 1;
    c.talks = 3;
    c.title = "지역사회 사회혁신생태계 조성전략";
    c.speaker = "김제선";
    c.affiliation = "희망제작소";
    c.starts = "14:00";
    return c;
  }
  static text::FontSystem* fonts_;
  static text::GlyphCache* glyphs_;
  render::ImageCache images_;
};

text::FontSystem* ForumScreens::fonts_ = nullptr;
text::GlyphCache* ForumScreens::glyphs_ = nullptr;

TEST_F(ForumScreens, TitleCardSaysNextTalkOnTheTheme) {
  const layout::DisplayList card =
      layout::layout_forum_card(*fonts_, "hall", talk_card(), {1920, 1080});
  const std::string t = test::all_text(card);
  EXPECT_NE(t.find("다음 발표"), std::string::npos) << t;
  EXPECT_NE(t.find("1 / 3"), std::string::npos) << t;
  EXPECT_NE(t.find("지역사회 사회혁신생태계 조성전략"), std::string::npos) << t;
  EXPECT_NE(t.find("김제선"), std::string::npos);
  EXPECT_NE(t.find("희망제작소"), std::string::npos);
  EXPECT_EQ(card.background, layout::theme_named("hall").background);
  // Every line of text on the card.
  for (const layout::TextItem& item : card.texts) {
    EXPECT_GE(item.rect.x, 0);
    EXPECT_LE(item.rect.x + item.rect.w, 1920.5f);
    EXPECT_LE(item.rect.y + item.rect.h, 1080.5f);
  }
  EXPECT_TRUE(test::matches_golden(draw(card), golden("card-1920x1080"), kExact));
  // On a dark deck's theme, the card is dark too.
  const layout::DisplayList dark =
      layout::layout_forum_card(*fonts_, "hall-dark", talk_card(), {1920, 1080});
  EXPECT_EQ(dark.background, layout::theme_named("hall-dark").background);
  EXPECT_NE(dark.background, card.background);
}

TEST_F(ForumScreens, ALongTitleShrinksInsideA4x3Card) {
  layout::ForumCard c = talk_card();
  c.title =
      "아주 긴 제목: 지역사회 사회혁신생태계 조성전략과 마을 카페 협동조합 이야기, 그리고 "
      "시민공간에서 함께 만드는 내일의 이야기";
  const layout::DisplayList card = layout::layout_forum_card(*fonts_, "hall", c, {1024, 768});
  for (const layout::TextItem& item : card.texts) {
    EXPECT_LE(item.rect.x + item.rect.w, 1024.5f);
    EXPECT_LE(item.rect.y + item.rect.h, 768.5f);
  }
  EXPECT_TRUE(test::matches_golden(draw(card), golden("card-long-1024x768"), kExact));
}

TEST_F(ForumScreens, BreakCardCountsDown) {
  layout::ForumCard c = talk_card();
  c.kind = layout::CardKind::kBreak;
  c.talk = 2;
  c.title = "마을 카페 협동조합 이야기";
  c.speaker = "홍길동";
  c.affiliation.clear();
  c.countdown = "9:41";
  const layout::DisplayList card = layout::layout_forum_card(*fonts_, "hall", c, {1920, 1080});
  const std::string t = test::all_text(card);
  EXPECT_NE(t.find("휴식"), std::string::npos) << t;
  EXPECT_NE(t.find("9:41"), std::string::npos) << t;
  EXPECT_NE(t.find("마을 카페 협동조합 이야기"), std::string::npos) << t;
  EXPECT_TRUE(test::matches_golden(draw(card), golden("break-1920x1080"), kExact));
}

TEST_F(ForumScreens, AMissingDeckSaysWhyOnlyOnTheConsole) {
  layout::ForumCard c = talk_card();
  c.kind = layout::CardKind::kMissing;
  const std::string hall =
      test::all_text(layout::layout_forum_card(*fonts_, "hall", c, {1920, 1080}));
  EXPECT_NE(hall.find("준비 중"), std::string::npos) << hall;
  c.problem = "cafe.pdf: error: cannot read the deck: it does not exist";
  const layout::DisplayList console = layout::layout_forum_card(*fonts_, "hall", c, {1920, 1080});
  EXPECT_NE(test::all_text(console).find("does not exist"), std::string::npos);
  EXPECT_EQ(hall.find("does not exist"), std::string::npos);
  EXPECT_TRUE(test::matches_golden(draw(console), golden("missing-1920x1080"), kExact));
}

TEST_F(ForumScreens, TimeCardsLargeOnTheConsoleSmallInTheHall) {
  const layout::DisplayList two = layout::layout_time_card(*fonts_, 2, {1920, 1080});
  EXPECT_NE(test::all_text(two).find("2분"), std::string::npos);
  const render::RgbaImage big = draw(two);
  EXPECT_TRUE(test::matches_golden(big, golden("time-card-2"), kExact));
  // The card's colour inside its top-left corner (centred, 1200 x 520):
  // amber under 5 minutes.
  const std::uint8_t* centre = &big.pixels[(320 * 1920 + 400) * 4];
  const text::Color amber = layout::time_card_color(2);
  EXPECT_EQ(centre[0], amber >> 24 & 0xff);
  EXPECT_EQ(centre[1], amber >> 16 & 0xff);
  EXPECT_EQ(big.pixels[(100 * 1920 + 100) * 4 + 3], 0);  // transparent around it
  EXPECT_EQ(layout::time_card_color(5), 0x2f9e5bffu);
  EXPECT_EQ(layout::time_card_color(0), 0xd63a2fffu);
  // The hall's bar: in the bottom-right corner, at most 4% of the height.
  const layout::DisplayList bar = layout::layout_time_bar(*fonts_, 0, {1920, 1080});
  ASSERT_FALSE(bar.commands.empty());
  const layout::Rect r = bar.commands.front().rect;
  EXPECT_EQ(r.x + r.w, 1920);
  EXPECT_EQ(r.y + r.h, 1080);
  EXPECT_LE(r.h, 1080 * 0.04f + 0.5f);
  EXPECT_LT(r.w, 1920 / 3);
  EXPECT_EQ(bar.background, 0x00000000u);
}

TEST_F(ForumScreens, ProgramPanel) {
  const deck::Program p = forum();
  const layout::ProgramPanel panel = show::program_panel(p, clock_at(p, 2, 660, 14 * 3600 + 3000));
  const layout::DisplayList list = layout::layout_program_panel(*fonts_, panel, {640, 1080});
  const std::string t = test::all_text(list);
  for (const char* want : {"4:00", "15:04", "+9:00", "14:45", "2. 마을 카페 협동조합 이야기"}) {
    EXPECT_NE(t.find(want), std::string::npos) << want << "\n" << t;
  }
  EXPECT_TRUE(test::matches_golden(draw(list), golden("panel-640x1080"), kExact));
}

TEST_F(ForumScreens, TheConsoleBetweenTalksAndDuringOne) {
  const deck::Program p = forum();
  const layout::ProgramPanel panel = show::program_panel(p, clock_at(p, 2, 0, 14 * 3600 + 2100));
  layout::ForumCard c = talk_card();
  c.talk = 2;
  c.title = "마을 카페 협동조합 이야기";
  c.speaker = "홍길동";
  c.affiliation.clear();
  const layout::DisplayList between =
      layout::layout_console_card(*fonts_, "hall", c, panel, {1920, 1080});
  const std::string t = test::all_text(between);
  EXPECT_NE(t.find("다음 발표"), std::string::npos) << t;
  EXPECT_NE(t.find("예상 종료 15:00"), std::string::npos) << t;  // 14:35 + 15 + 10
  EXPECT_NE(t.find("+5:00"), std::string::npos) << t;
  // The card on the left, the panel in the right-hand column: no text crosses.
  for (const layout::TextItem& item : between.texts) {
    const bool left = item.rect.x < 1306;
    EXPECT_TRUE(left ? item.rect.x + item.rect.w <= 1306.5f : item.rect.x >= 1306) << item.rect.x;
  }
  EXPECT_TRUE(test::matches_golden(draw(between), golden("console-card-1920x1080"), kExact));
  // During a talk: one line in the console's top bar, inside its box.
  const layout::Rect box{230, 0, 650, 81};
  const layout::DisplayList line = layout::layout_program_line(*fonts_, panel, {1920, 1080}, box);
  const std::string l = test::all_text(line);
  EXPECT_NE(l.find("2/3"), std::string::npos) << l;
  EXPECT_NE(l.find("다음 14:45 Marp로 만든 발표"), std::string::npos) << l;
  EXPECT_EQ(line.background, 0x00000000u);
  for (const layout::TextItem& item : line.texts) {
    EXPECT_GE(item.rect.x, box.x);
    EXPECT_LE(item.rect.y + item.rect.h, box.h + 0.5f);
  }
}

}  // namespace
}  // namespace madang

// ============================================================================
// A program's decks (session/program_loading.h)
// ============================================================================

namespace madang::app {
namespace {

TEST(ProgramDecks, EachTalkLoadsOnItsOwnAndAMissingOneLaterWhenItAppears) {
  test::TempDir dir("forum-decks");
  dir.write("short.md", "---\nduration: 7m\ntheme: hall-dark\n---\n# 짧은 발표\n\n---\n\n# 끝\n");
  const std::string path = dir.write(
      "forum.yaml", std::string("title: 포럼\ndate: 2026-12-10\nplace: 대전\nstart: \"9:30\"\n"
                                "talks:\n  - title: 강의\n    speaker: 김제선\n    deck: ") +
                        MADANG_SLIDES_DIR +
                        "/lecture.md\n    minutes: 20\n  - break: 10m\n"
                        "  - title: 짧은 발표\n    speaker: 박\n    deck: short.md\n"
                        "  - title: 늦은 발표\n    deck: late.md\n    minutes: 5\n");
  LoadedProgram p = load_program_decks(path);
  ASSERT_EQ(p.decks.size(), 4u);
  EXPECT_TRUE(p.decks[0].loaded);
  EXPECT_FALSE(p.decks[1].loaded);  // a break has no deck
  EXPECT_TRUE(p.decks[2].loaded);
  EXPECT_FALSE(p.decks[3].loaded);
  EXPECT_NE(p.decks[3].problem.find("late.md"), std::string::npos) << p.decks[3].problem;
  EXPECT_EQ(p.first_loaded(), 0);
  // A talk without `minutes:` has its deck's `duration:` as its slot.
  EXPECT_EQ(p.slot_s, (std::vector<double>{1200, 600, 420, 300}));
  // Each card on its talk's theme.
  EXPECT_EQ(program_card_theme(p, 2), "hall-dark");
  EXPECT_EQ(program_card_theme(p, 1), "hall-dark");  // a break: the next talk's
  EXPECT_EQ(program_event_line(p.program), "포럼 · 2026-12-10 · 대전");

  const layout::ForumCard first = program_card(p, 0);
  EXPECT_EQ(first.kind, layout::CardKind::kTalk);
  EXPECT_EQ(first.talk, 1);
  EXPECT_EQ(first.talks, 3);
  EXPECT_EQ(first.starts, "09:30");
  const layout::ForumCard pause = program_card(p, 1);
  EXPECT_EQ(pause.kind, layout::CardKind::kBreak);
  EXPECT_EQ(pause.countdown, "10:00");
  EXPECT_EQ(pause.title, "짧은 발표");  // what comes after it
  EXPECT_EQ(pause.starts, "10:00");     // and when
  EXPECT_EQ(program_card(p, 3).kind, layout::CardKind::kMissing);
  EXPECT_TRUE(program_card(p, 3).problem.empty());         // the hall's: no reason
  EXPECT_FALSE(program_card(p, 3, true).problem.empty());  // the console's: why
  EXPECT_EQ(program_card(p, 4).kind, layout::CardKind::kEnd);

  // The speaker copies the deck in: loaded on the next try.
  dir.write("late.md", "# 늦은 발표\n");
  reload_program_deck(&p, 3);
  EXPECT_TRUE(p.decks[3].loaded);
  EXPECT_EQ(program_card(p, 3).kind, layout::CardKind::kTalk);
  EXPECT_EQ(p.slot_s[3], 300);
}

}  // namespace
}  // namespace madang::app
