// Runs lined up with the deck as it is now, the times learned from them and
// the plan: directives untouched, learned times scaled to the duration,
// slides never rehearsed as the typical one, an even share with no history;
// a stay under 2 s is a skip, not a timing; a partial run (ended before the
// last slide) teaches nothing unless asked.
#include <gtest/gtest.h>

#include <cmath>

#include "deck/parse.h"
#include "history/lineup.h"
#include "history/plan.h"

namespace madang::history {
namespace {

deck::Deck parse(const std::string& text) {
  deck::ParseOptions options;
  options.check_files = false;
  return deck::parse_deck(text, "deck.md", options).deck;
}

const std::string kDeck =
    "---\nduration: 10m\n---\n# 하나\n\n첫째 내용\n\n---\n\n# 둘\n\n둘째 내용\n\n---\n\n"
    "<!-- time: 2m -->\n# 셋\n\n셋째 내용\n\n---\n\n# 넷\n\n넷째 내용\n";

// A history of `deck` with one run per entry of `times` (seconds per slide,
// NaN: not shown), each complete (it reached the last slide).
Recorded history_of(const deck::Deck& deck, const std::vector<std::vector<double>>& times) {
  Recorded r;
  for (const deck::Slide& s : deck.slides) r.slides.push_back(identify(s));
  std::int64_t id = 1;
  for (const std::vector<double>& run_times : times) {
    Run run;
    run.id = id;
    run.started_unix = 1000.0 * static_cast<double>(id++);
    run.finished = true;
    run.complete = true;
    run.slide_count = static_cast<int>(deck.slides.size());
    int seq = 0;
    for (std::size_t i = 0; i < run_times.size(); ++i) {
      if (std::isnan(run_times[i])) continue;
      Visit v;
      v.seq = seq++;
      v.number = static_cast<int>(i) + 1;
      v.seconds = run_times[i];
      v.slide = static_cast<int>(i);
      run.visits.push_back(v);
    }
    r.runs.push_back(run);
  }
  return r;
}

TEST(Lineup, SlidesGetTheirTimeInEveryRun) {
  const deck::Deck deck = parse(kDeck);
  Recorded rec = history_of(deck, {{60, 90, 120, 30}, {70, NAN, 100, 40}});
  // A second visit of slide 1 in the first run adds up.
  Visit again;
  again.seq = 9;
  again.number = 1;
  again.seconds = 5;
  again.slide = 0;
  rec.runs[0].visits.push_back(again);
  const Lineup l = line_up(deck, rec);
  ASSERT_EQ(l.runs.size(), 2u);
  EXPECT_EQ(l.current, 4);
  ASSERT_EQ(l.rows.size(), 4u);
  EXPECT_DOUBLE_EQ(l.rows[0].seconds[0], 65);
  EXPECT_TRUE(std::isnan(l.rows[1].seconds[1]));
  EXPECT_DOUBLE_EQ(l.runs[0].seconds, 305);
  EXPECT_EQ(l.runs[1].slides_seen, 3);
  EXPECT_EQ(l.rows[2].identity.title, "셋");
}

TEST(Lineup, EditedDeckKeepsItsRowsAndShowsWhatIsGone) {
  const deck::Deck old_deck = parse(kDeck);
  const Recorded rec = history_of(old_deck, {{60, 90, 120, 30}});
  // Slide 2 removed, 4 moved first, a new slide at the end.
  const deck::Deck now = parse(
      "# 넷\n\n넷째 내용\n\n---\n\n# 하나\n\n첫째 내용\n\n---\n\n# 셋\n\n셋째 내용\n\n---\n\n"
      "# 새 슬라이드\n\n처음 보는 내용입니다\n");
  const Lineup l = line_up(now, rec);
  ASSERT_EQ(l.current, 4);
  ASSERT_EQ(l.rows.size(), 5u);
  EXPECT_DOUBLE_EQ(l.rows[0].seconds[0], 30);
  EXPECT_DOUBLE_EQ(l.rows[1].seconds[0], 60);
  EXPECT_DOUBLE_EQ(l.rows[2].seconds[0], 120);
  EXPECT_TRUE(std::isnan(l.rows[3].seconds[0]));
  EXPECT_EQ(l.rows[4].number, 0);  // gone
  EXPECT_EQ(l.rows[4].identity.title, "둘");
  EXPECT_EQ(l.rows[4].last_number, 2);
  EXPECT_DOUBLE_EQ(l.rows[4].seconds[0], 90);
}

TEST(Lineup, LearnedTimesAreMediansOfTheRecentRuns) {
  const deck::Deck deck = parse(kDeck);
  const Lineup l = line_up(
      deck, history_of(
                deck, {{10, 20, 30, 40}, {20, NAN, 30, 40}, {30, 40, 30, 40}, {1000, 60, 30, 40}}));
  const std::vector<double> all = learned_times(l);
  EXPECT_DOUBLE_EQ(all[0], 25);  // 10 20 30 1000
  EXPECT_DOUBLE_EQ(all[1], 40);  // 20 40 60
  // The last two runs only, and the first two only.
  EXPECT_DOUBLE_EQ(learned_times(l, 2)[0], 515);
  EXPECT_DOUBLE_EQ(learned_times(l, 5, 2)[1], 20);
  EXPECT_TRUE(std::isnan(learned_times(l, 5, 0)[0]));
  EXPECT_TRUE(std::isnan(median({})));
  EXPECT_DOUBLE_EQ(median({3, NAN, 1, 2}), 2);
}

TEST(Lineup, AStayUnderTwoSecondsIsASkipNotATiming) {
  const deck::Deck deck = parse(kDeck);
  // Run 1 passes slide 2 by in 1.5 s; run 2 stays on it exactly 2 s (a
  // timing), and passes slide 4 by (0.4 s) before coming back for 30 s.
  Recorded rec = history_of(deck, {{60, 1.5, 120, 30}, {70, 2, 100, 0.4}});
  Visit back;
  back.seq = 9;
  back.number = 4;
  back.seconds = 30;
  back.slide = 3;
  rec.runs[1].visits.push_back(back);
  const Lineup l = line_up(deck, rec);
  EXPECT_TRUE(std::isnan(l.rows[1].seconds[0]));  // no time in run 1
  EXPECT_TRUE(skipped(l.rows[1], 0));
  EXPECT_EQ(l.rows[1].skips[0], 1);
  EXPECT_DOUBLE_EQ(l.rows[1].skipped_s[0], 1.5);
  EXPECT_DOUBLE_EQ(l.rows[1].seconds[1], 2);  // 2 s is a timing
  EXPECT_FALSE(skipped(l.rows[1], 1));
  EXPECT_DOUBLE_EQ(l.rows[3].seconds[1], 30);  // the skip adds nothing
  EXPECT_FALSE(skipped(l.rows[3], 1));         // it was timed too
  EXPECT_EQ(l.rows[3].skips[1], 1);
  EXPECT_EQ(l.runs[0].slides_seen, 3);
  EXPECT_EQ(l.runs[0].slides_skipped, 1);
  EXPECT_EQ(l.runs[1].slides_skipped, 0);
  EXPECT_DOUBLE_EQ(l.runs[0].seconds, 211.5);  // the run's length keeps every stay
  // Learning: slide 2's only timing is run 2's 2 s, not the median of 1.5 and 2.
  EXPECT_DOUBLE_EQ(learned_times(l)[1], 2);
  EXPECT_DOUBLE_EQ(learned_times(l)[3], 30);
}

TEST(Lineup, APartialRunTeachesNothingUnlessAsked) {
  const deck::Deck deck = parse(kDeck);
  // Run 2 ended on slide 2 (Q after two slides): partial.
  Recorded rec = history_of(deck, {{60, 90, 120, 30}, {20, 10, NAN, NAN}, {70, 100, 110, 40}});
  rec.runs[1].complete = false;
  const Lineup l = line_up(deck, rec);
  EXPECT_TRUE(l.runs[0].complete);
  EXPECT_FALSE(l.runs[1].complete);
  EXPECT_EQ(l.runs[1].slide_count, 4);
  EXPECT_FALSE(teaches(l.runs[1], false));
  EXPECT_TRUE(teaches(l.runs[1], true));
  // Its times are still lined up (shown), but the budgets learn from runs 1 and 3.
  EXPECT_DOUBLE_EQ(l.rows[0].seconds[1], 20);
  const std::vector<double> complete = learned_times(l);
  EXPECT_DOUBLE_EQ(complete[0], 65);  // 60 70
  EXPECT_DOUBLE_EQ(complete[1], 95);  // 90 100
  // --learn-partial: run 2 teaches too.
  const std::vector<double> all = learned_times(l, 5, -1, true);
  EXPECT_DOUBLE_EQ(all[0], 60);  // 20 60 70
  EXPECT_DOUBLE_EQ(all[1], 90);  // 10 90 100
  // The last 2 runs: run 3 alone (run 2 teaches nothing); with it, both.
  EXPECT_DOUBLE_EQ(learned_times(l, 2)[0], 65);  // runs 3 and 1
  EXPECT_DOUBLE_EQ(learned_times(l, 2, -1, true)[0], 45);
  // Only partial runs so far: nothing learned, the duration shared evenly.
  Recorded only = history_of(deck, {{20, 10, NAN, NAN}});
  only.runs[0].complete = false;
  const Lineup p = line_up(deck, only);
  const Plan plan = plan_budgets(deck, learned_times(p), 600);
  EXPECT_EQ(plan.sources[0], BudgetSource::kShare);
  EXPECT_EQ(plan_budgets(deck, learned_times(p, 5, -1, true), 600).sources[0],
            BudgetSource::kLearned);
}

TEST(Plan, NoHistoryMeansTheRestSharedEvenly) {
  const deck::Deck deck = parse(kDeck);
  const Plan p = plan_budgets(deck, {NAN, NAN, NAN, NAN}, 600);
  EXPECT_EQ(p.budgets_s, (std::vector<double>{160, 160, 120, 160}));
  EXPECT_EQ(p.sources[0], BudgetSource::kShare);
  EXPECT_EQ(p.sources[2], BudgetSource::kDirective);
  EXPECT_DOUBLE_EQ(p.duration_s, 600);
}

TEST(Plan, LearnedTimesScaleToFillTheDuration) {
  const deck::Deck deck = parse(kDeck);
  // Learned 60 + 120 + 60 = 240 for the three open slides; 480 s left.
  const Plan p = plan_budgets(deck, {60, 120, 999, 60}, 600);
  EXPECT_DOUBLE_EQ(p.scale, 2);
  EXPECT_EQ(p.budgets_s, (std::vector<double>{120, 240, 120, 120}));
  EXPECT_EQ(p.sources[2], BudgetSource::kDirective);
  EXPECT_EQ(p.sources[1], BudgetSource::kLearned);
  double sum = 0;
  for (double b : p.budgets_s) sum += b;
  EXPECT_DOUBLE_EQ(sum, 600);
}

TEST(Plan, ANeverRehearsedSlideIsTheTypicalOne) {
  const deck::Deck deck = parse(kDeck);
  // Slide 2 new: the typical (median) learned slide, 60; then all scaled.
  const Plan p = plan_budgets(deck, {40, NAN, NAN, 80}, 600);
  EXPECT_EQ(p.sources[1], BudgetSource::kTypical);
  EXPECT_DOUBLE_EQ(p.budgets_s[1] / p.budgets_s[0], 60.0 / 40.0);
  EXPECT_DOUBLE_EQ(p.budgets_s[0] + p.budgets_s[1] + p.budgets_s[3], 480);
}

TEST(Plan, WithoutADurationTheTalkIsWhatWasRehearsed) {
  deck::Deck deck = parse(kDeck);
  deck.meta.duration_s = 0;
  Plan p = plan_budgets(deck, {40, 50, NAN, 60}, 0);
  EXPECT_EQ(p.budgets_s, (std::vector<double>{40, 50, 120, 60}));
  EXPECT_DOUBLE_EQ(p.duration_s, 270);
  // Nothing known for some slides: no plan length.
  p = plan_budgets(deck, {NAN, NAN, NAN, NAN}, 0);
  EXPECT_EQ(p.sources[0], BudgetSource::kNone);
  EXPECT_DOUBLE_EQ(p.duration_s, 0);
}

TEST(Plan, DirectivesThatFillTheTalkLeaveNothingToShare) {
  const deck::Deck deck = parse(kDeck);
  const Plan p = plan_budgets(deck, {NAN, NAN, NAN, NAN}, 100);
  EXPECT_TRUE(p.overfull);
  EXPECT_DOUBLE_EQ(p.budgets_s[0], 0);
  EXPECT_DOUBLE_EQ(p.budgets_s[2], 120);
  EXPECT_STREQ(source_name(p.sources[2]), "directive");
}

}  // namespace
}  // namespace madang::history
