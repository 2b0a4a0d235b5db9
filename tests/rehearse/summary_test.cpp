// The rehearsal summary and bar, headless: what the summary says about a
// run (this run, budget, previous, median of the earlier runs, over and
// under, the total against the duration; a partial run and a skipped
// slide said as such) as data, and its pictures against
// goldens (tests/rehearse/golden/, MADANG_UPDATE_GOLDENS=1 to re-record and
// look). The run's start prints in local time: TZ=UTC here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

#include "deck/parse.h"
#include "history/identity.h"
#include "image_compare.h"
#include "screens/console.h"
#include "render/headless.h"
#include "session/rehearsal_views.h"
#include "show/console_input.h"
#include "show/rehearsal.h"

namespace madang::app {
namespace {

constexpr double kNo = std::numeric_limits<double>::quiet_NaN();
constexpr test::Tolerance kExact{2, 0};

std::string golden(const std::string& name) {
  return std::string(MADANG_REHEARSE_GOLDEN) + "/" + name + ".png";
}

class Summary : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "UTC", 1);
    tzset();
    fonts_ = text::FontSystem::create({}).release();
    glyphs_ = new text::GlyphCache(*fonts_);
    deck::ParseOptions o;
    deck_ = new deck::Deck(deck::load_deck(std::string(MADANG_REHEARSE_DATA) + "/talk.md", o).deck);
  }
  static void TearDownTestSuite() {
    delete deck_;
    delete glyphs_;
    delete fonts_;
  }

  // Runs of talk.md with these times per slide, a day apart; complete (to
  // the last slide) unless its last time is NaN.
  static history::Recorded runs(const std::vector<std::vector<double>>& times) {
    history::Recorded r;
    r.slides = history::identify(*deck_);
    for (std::size_t k = 0; k < times.size(); ++k) {
      history::Run run;
      run.id = static_cast<std::int64_t>(k) + 1;
      run.started_unix = 1730451600.0 + 86400.0 * static_cast<double>(k);
      run.finished = true;
      run.complete = !times[k].empty() && !std::isnan(times[k].back());
      run.slide_count = static_cast<int>(deck_->slides.size());
      for (std::size_t i = 0; i < times[k].size(); ++i) {
        if (std::isnan(times[k][i])) continue;
        history::Visit v;
        v.seq = static_cast<int>(run.visits.size());
        v.number = static_cast<int>(i) + 1;
        v.seconds = times[k][i];
        v.slide = static_cast<int>(i);
        run.visits.push_back(v);
      }
      r.runs.push_back(run);
    }
    return r;
  }

  render::RgbaImage draw(const layout::DisplayList& list) {
    return render::render_headless(list, *glyphs_, images_);
  }

  static text::FontSystem* fonts_;
  static text::GlyphCache* glyphs_;
  static deck::Deck* deck_;
  render::ImageCache images_;
};

text::FontSystem* Summary::fonts_ = nullptr;
text::GlyphCache* Summary::glyphs_ = nullptr;
deck::Deck* Summary::deck_ = nullptr;

// Three earlier runs, then this one; the plan learned from the three.
struct Scenario {
  history::Lineup lineup;
  history::Plan plan;
};

Scenario third_run(const deck::Deck& deck, const history::Recorded& recorded) {
  Scenario s;
  s.lineup = history::line_up(deck, recorded);
  s.plan = history::plan_budgets(deck, history::learned_times(s.lineup, 5, 3), 300);
  return s;
}

TEST_F(Summary, SaysHowTheRunWentAgainstItsPlan) {
  const Scenario s = third_run(*deck_, runs({{20, 40, 60, 50, 15},
                                             {18, 35, 70, 44, 12},
                                             {22, 45, 65, 40, 13},
                                             {16, 60, 52, 47, 10}}));
  // Learned medians 20, 40, 65 (+45 directive), 13: 138 s scaled to 255 s.
  ASSERT_NEAR(s.plan.scale, 255.0 / 138.0, 1e-9);
  const layout::RehearsalSummary sum = summary_of(s.lineup, s.plan, 3, "/h/history.sqlite");
  EXPECT_EQ(sum.heading, "리허설 4회차");
  EXPECT_EQ(sum.when, "2024-11-04 09:00 시작");
  ASSERT_EQ(sum.rows.size(), 5u);
  const layout::SummaryRow& r1 = sum.rows[0];
  EXPECT_EQ(r1.number, "1");
  EXPECT_EQ(r1.title, "동네에서 시작하는 혁신");
  EXPECT_EQ(r1.this_run, "0:16");
  EXPECT_EQ(r1.budget, "0:37");  // 20 * 255 / 138, rounded
  EXPECT_EQ(r1.previous, "0:22");
  EXPECT_EQ(r1.median, "0:20");
  EXPECT_EQ(r1.delta, "-0:21");
  EXPECT_EQ(r1.mood, layout::Mood::kAhead);
  const layout::SummaryRow& r4 = sum.rows[3];  // time: 45s
  EXPECT_EQ(r4.budget, "0:45");
  EXPECT_EQ(r4.this_run, "0:47");
  EXPECT_EQ(r4.mood, layout::Mood::kNeutral);  // within its margin
  EXPECT_EQ(sum.rows[1].this_run, "1:00");
  EXPECT_EQ(sum.total.title, "합계");
  EXPECT_EQ(sum.total.this_run, "3:05");
  EXPECT_EQ(sum.total.budget, "5:00");
  EXPECT_EQ(sum.total.previous, "3:05");
  EXPECT_EQ(sum.total.delta, "-1:55");
  EXPECT_EQ(sum.verdict, "3:05 / 5:00 · 1:55 남김");
  EXPECT_EQ(sum.verdict_mood, layout::Mood::kAhead);
  EXPECT_EQ(sum.note,
            "예산: 이전 리허설 3회의 중앙값, 5:00에 맞춤 · time: 지시 1개 · 기록: "
            "/h/history.sqlite");
}

TEST_F(Summary, FirstRunAgainstAnEvenShare) {
  const Scenario s = third_run(*deck_, runs({{70, 80, 90, 40, 30}}));
  const history::Plan even = history::plan_budgets(*deck_, {kNo, kNo, kNo, kNo, kNo}, 300);
  const layout::RehearsalSummary sum = summary_of(s.lineup, even, 0, "h");
  EXPECT_EQ(sum.heading, "리허설 1회차");
  EXPECT_EQ(sum.rows[0].budget, "1:04");  // (300 - 45) / 4, rounded
  EXPECT_EQ(sum.rows[0].previous, "–");
  EXPECT_EQ(sum.rows[0].median, "–");
  EXPECT_EQ(sum.rows[2].mood, layout::Mood::kBehind);
  EXPECT_EQ(sum.verdict, "5:10 / 5:00 · 0:10 초과");
  EXPECT_EQ(sum.verdict_mood, layout::Mood::kNeutral);  // within 30 s
  EXPECT_EQ(sum.note.rfind("예산: 5:00을 고르게 나눔 (첫 리허설)", 0), 0u) << sum.note;
}

TEST_F(Summary, APartialRunSaysSoAndTeachesNothing) {
  // Run 2 ended on slide 2 (Q after two slides, passing slide 2 by in
  // 1.2 s); run 3 is this one, complete, with slide 4 passed by in 0.8 s.
  const Scenario s = third_run(
      *deck_, runs({{20, 40, 60, 50, 15}, {100, 1.2, kNo, kNo, kNo}, {22, 45, 65, 0.8, 13}}));
  const layout::RehearsalSummary partial = summary_of(s.lineup, s.plan, 1, "h");
  EXPECT_NE(partial.when.find("부분 리허설: 마지막 슬라이드 전에 끝남 (예산에 넣지 않음)"),
            std::string::npos)
      << partial.when;
  EXPECT_EQ(partial.verdict, "1:41 · 부분 리허설 (2/5 슬라이드)");
  EXPECT_EQ(partial.verdict_mood, layout::Mood::kNeutral);
  EXPECT_EQ(partial.total.delta, "–");  // not judged against the talk's length
  EXPECT_EQ(partial.rows[1].this_run, "건너뜀");
  EXPECT_TRUE(std::isnan(partial.rows[1].this_s));
  EXPECT_EQ(partial.rows[1].delta, "–");
  EXPECT_EQ(partial.rows[2].this_run, "–");  // never shown

  const layout::RehearsalSummary after = summary_of(s.lineup, s.plan, 2, "h");
  EXPECT_EQ(after.when, "2024-11-03 09:00 시작");  // complete
  EXPECT_EQ(after.verdict.find("부분"), std::string::npos) << after.verdict;
  // The median of the earlier runs the budgets learn from: run 1 alone.
  EXPECT_EQ(after.rows[0].median, "0:20");
  EXPECT_EQ(after.rows[3].this_run, "건너뜀");
  EXPECT_EQ(after.note.rfind("예산: 이전 리허설 1회의 중앙값 (부분 리허설 1회 제외)", 0), 0u)
      << after.note;
  // The total's median is of complete runs only.
  EXPECT_EQ(after.total.median, "3:05");
  // --learn-partial: run 2 teaches too, and the summary says nothing is left out.
  const layout::RehearsalSummary learning = summary_of(s.lineup, s.plan, 2, "h", true);
  EXPECT_EQ(learning.rows[0].median, "1:00");  // 20 and 100
  EXPECT_EQ(learning.note.find("제외"), std::string::npos) << learning.note;
  const layout::RehearsalSummary told = summary_of(s.lineup, s.plan, 1, "h", true);
  EXPECT_EQ(told.when.find("예산에 넣지 않음"), std::string::npos) << told.when;
}

TEST_F(Summary, Golden1920x1080And1280x800) {
  const Scenario s = third_run(*deck_, runs({{20, 40, 60, 50, 15},
                                             {18, 35, 70, 44, 12},
                                             {22, 45, 65, 40, 13},
                                             {16, 60, 52, 47, 10}}));
  const layout::RehearsalSummary sum = summary_of(s.lineup, s.plan, 3, "/h/history.sqlite");
  const layout::SummaryLayout big =
      layout::layout_rehearsal_summary(*fonts_, *deck_, sum, {1920, 1080});
  EXPECT_EQ(big.rows_shown, 5);
  EXPECT_EQ(big.last_first_row, 0);
  EXPECT_TRUE(test::matches_golden(draw(big.list), golden("summary-1920x1080"), kExact));
  const layout::SummaryLayout small =
      layout::layout_rehearsal_summary(*fonts_, *deck_, sum, {1280, 800});
  EXPECT_TRUE(test::matches_golden(draw(small.list), golden("summary-1280x800"), kExact));
}

TEST_F(Summary, ALongDeckPages) {
  // 60 rows where about 25 fit: the first row moves, the foot says where.
  layout::RehearsalSummary sum;
  sum.heading = "리허설 2회차";
  for (int i = 1; i <= 60; ++i) {
    sum.rows.push_back({std::to_string(i), "슬라이드 " + std::to_string(i), "0:30", "0:20", "0:25",
                        "0:25", "+0:10", layout::Mood::kBehind, false, 30, 20});
  }
  sum.first_row = 100;  // clamped
  const layout::SummaryLayout laid =
      layout::layout_rehearsal_summary(*fonts_, *deck_, sum, {1920, 1080});
  EXPECT_GT(laid.rows_shown, 20);
  EXPECT_LT(laid.rows_shown, 30);
  EXPECT_EQ(laid.last_first_row, 60 - laid.rows_shown);
  EXPECT_EQ(laid.first_row, laid.last_first_row);
  EXPECT_TRUE(test::matches_golden(draw(laid.list), golden("summary-paged-1920x1080"), kExact));
}

TEST_F(Summary, BarOverTheSlide) {
  deck::Deck deck = *deck_;
  show::Show show = show::open_show(deck, {});
  show::set_plan(show, {36, 74, 120, 45, 25}, 300);
  show.timer = show::start(show.timer, 0, 0);
  show::act(show, {show::ActionKind::kNext}, 50'000);  // slide 1 took 50 s
  const layout::RehearsalBar bar = bar_of(show, 130'000, 4);
  EXPECT_EQ(bar.label, "● 리허설 4회차");
  EXPECT_EQ(bar.elapsed, "2:10");
  EXPECT_EQ(bar.on_slide, "1:20");
  EXPECT_EQ(bar.budget, "1:14");
  EXPECT_EQ(bar.slide_delta, "+0:06");
  EXPECT_EQ(bar.slide_mood, layout::Mood::kBehind);
  EXPECT_EQ(bar.talk_delta, "+0:20");
  const layout::DisplayList list = layout::layout_rehearsal_bar(*fonts_, deck, bar, {1920, 1080});
  EXPECT_EQ(list.background, 0x00000000u);  // the slide shows through above the bar
  EXPECT_TRUE(test::matches_golden(draw(list), golden("bar-1920x1080"), kExact));
}

TEST_F(Summary, TheConsoleSaysARunIsBeingRecorded) {
  const show::Show show = show::open_show(*deck_, {});
  layout::LayoutCache cache;
  layout::ConsoleInput in = show::console_input(show, 0, "14:05");
  // Where a text is on the console (x, y, right end), or nothing.
  auto find = [](const layout::ConsoleLayout& c, const std::string& text) {
    for (const layout::TextItem& t : c.base.texts) {
      for (const text::Line& l : t.lines) {
        if (l.text == text)
          return std::optional<layout::Rect>({t.rect.x + l.x, t.rect.y, l.width, 0});
      }
    }
    return std::optional<layout::Rect>();
  };
  const std::string badge = "리허설 2회차 · 기록 중";
  EXPECT_FALSE(find(layout::layout_console(*fonts_, cache, *deck_, in, {1920, 1080}), badge));
  in.badge = badge;
  const std::optional<layout::Rect> at =
      find(layout::layout_console(*fonts_, cache, *deck_, in, {1920, 1080}), badge);
  ASSERT_TRUE(at.has_value());
  EXPECT_LT(at->y, 128);                   // in the top bar
  EXPECT_GT(at->x, 120);                   // after the slide counter
  EXPECT_LT(at->x + at->w, 1920 * 0.43f);  // before the clocks
}

}  // namespace
}  // namespace madang::app
