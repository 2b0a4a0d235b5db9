#include "session/rehearsal_views.h"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "base/time_text.h"
#include "show/console_input.h"
#include "show/timer.h"

namespace madang::app {

std::string seconds_text(double seconds) {
  if (std::isnan(seconds)) return "–";
  return base::clock_text(std::round(seconds));
}

std::string local_time_text(double unix_seconds) {
  return base::calendar_text(unix_seconds, "%Y-%m-%d %H:%M", base::TimeZone::kLocal);
}

double on_time_margin(double budget_s) {
  return std::max(2.0, 0.05 * budget_s);
}

layout::Mood judge(double seconds, double budget_s) {
  if (std::isnan(seconds) || std::isnan(budget_s) || budget_s <= 0) return layout::Mood::kNeutral;
  const double delta = seconds - budget_s;
  if (delta > on_time_margin(budget_s)) return layout::Mood::kBehind;
  if (delta < -on_time_margin(budget_s)) return layout::Mood::kAhead;
  return layout::Mood::kNeutral;
}

namespace {

std::string delta_or_dash(double seconds, double budget_s) {
  if (std::isnan(seconds) || std::isnan(budget_s) || budget_s <= 0) return "–";
  return show::delta_text(std::round(seconds) - std::round(budget_s));
}

// How the budgets came about, in a line: learned from `runs_before` runs,
// `left_out` partial runs not among them.
std::string plan_note(const history::Plan& plan, int runs_before, int left_out) {
  int directive = 0, learned = 0;
  for (history::BudgetSource s : plan.sources) {
    directive += s == history::BudgetSource::kDirective;
    learned += s == history::BudgetSource::kLearned;
  }
  std::string note;
  if (learned > 0) {
    note = "예산: 이전 리허설 " + std::to_string(runs_before) + "회의 중앙값";
    if (left_out > 0) note += " (부분 리허설 " + std::to_string(left_out) + "회 제외)";
    if (plan.duration_s > 0 && std::fabs(plan.scale - 1) > 0.005) {
      note += ", " + show::clock_text(plan.duration_s) + "에 맞춤";
    }
  } else if (plan.duration_s > 0) {
    note = "예산: " + show::clock_text(plan.duration_s) + "을 고르게 나눔 (첫 리허설)";
  } else {
    note = "예산 없음: 앞부분에 duration: 20m";
  }
  if (directive > 0) note += " · time: 지시 " + std::to_string(directive) + "개";
  if (plan.overfull) note += " · time: 합이 발표 시간을 넘음";
  return note;
}

}  // namespace

layout::RehearsalSummary summary_of(const history::Lineup& lineup, const history::Plan& plan,
                                    int run, const std::string& history_path, bool learn_partial) {
  layout::RehearsalSummary s;
  const int runs = static_cast<int>(lineup.runs.size());
  const int k = std::clamp(run, 0, std::max(0, runs - 1));
  const bool have = runs > 0;
  auto at = [&](const history::SlideRow& row, int index) {
    return index >= 0 && index < runs ? row.seconds[static_cast<std::size_t>(index)] : NAN;
  };
  // The earlier runs the budgets learn from (complete ones, unless
  // learn_partial), and their median.
  int taught = 0;
  for (int i = 0; i < k; ++i) {
    taught += history::teaches(lineup.runs[static_cast<std::size_t>(i)], learn_partial) ? 1 : 0;
  }
  auto earlier_median = [&](const std::vector<double>& values) {
    std::vector<double> earlier;
    for (int i = 0; i < k; ++i) {
      if (history::teaches(lineup.runs[static_cast<std::size_t>(i)], learn_partial)) {
        earlier.push_back(values[static_cast<std::size_t>(i)]);
      }
    }
    return history::median(std::move(earlier));
  };
  const history::RunColumn* this_run = have ? &lineup.runs[static_cast<std::size_t>(k)] : nullptr;
  const bool partial = this_run && !this_run->complete;

  double budget_total = 0, previous_total = 0;
  bool previous_any = false;
  for (const history::SlideRow& row : lineup.rows) {
    const bool gone = row.number == 0;
    const double now = have ? at(row, k) : NAN;
    const double before = have ? at(row, k - 1) : NAN;
    // A slide no longer in the deck shows only while it is recent.
    if (gone && std::isnan(now) && std::isnan(before)) continue;
    const std::size_t i = static_cast<std::size_t>(row.number - 1);
    const double budget =
        !gone && i < plan.budgets_s.size() && plan.sources[i] != history::BudgetSource::kNone
            ? plan.budgets_s[i]
            : NAN;
    layout::SummaryRow r;
    r.number = gone ? "–" : std::to_string(row.number);
    r.title = row.identity.title.empty() ? "(제목 없음)" : row.identity.title;
    if (gone) r.title += " (덱에서 빠짐)";
    r.this_run =
        have && history::skipped(row, static_cast<std::size_t>(k)) ? "건너뜀" : seconds_text(now);
    r.budget = seconds_text(budget);
    r.previous = seconds_text(before);
    r.median = have ? seconds_text(earlier_median(row.seconds)) : "–";
    r.delta = delta_or_dash(now, budget);
    r.mood = judge(now, budget);
    r.gone = gone;
    r.this_s = now;
    r.budget_s = budget;
    s.rows.push_back(std::move(r));
    if (!std::isnan(budget)) budget_total += budget;
    if (!std::isnan(before)) {
      previous_total += before;
      previous_any = true;
    }
  }

  const double total = have ? lineup.runs[static_cast<std::size_t>(k)].seconds : NAN;
  std::vector<double> totals;  // of the earlier runs that went to the end
  for (int i = 0; i < k; ++i) {
    const history::RunColumn& earlier = lineup.runs[static_cast<std::size_t>(i)];
    if (earlier.complete) totals.push_back(earlier.seconds);
  }
  const double target = plan.duration_s > 0 ? plan.duration_s : budget_total;
  s.total.number = "";
  s.total.title = "합계";
  s.total.this_run = seconds_text(total);
  s.total.budget = target > 0 ? seconds_text(target) : "–";
  s.total.previous = previous_any ? seconds_text(previous_total) : "–";
  s.total.median = seconds_text(history::median(totals));
  // A partial run's total is no talk's length: not judged against one.
  s.total.delta = partial ? "–" : delta_or_dash(total, target);
  s.total.mood = partial ? layout::Mood::kNeutral : judge(total, target);

  s.heading = "리허설 " + std::to_string(k + 1) + "회차";
  if (have) s.when = local_time_text(this_run->started_unix) + " 시작";
  if (partial) {
    s.when += " · 부분 리허설: 마지막 슬라이드 전에 끝남";
    if (!learn_partial) s.when += " (예산에 넣지 않음)";
    const int count = this_run->slide_count > 0 ? this_run->slide_count : lineup.current;
    s.verdict = seconds_text(total) + " · 부분 리허설 (" +
                std::to_string(this_run->slides_seen + this_run->slides_skipped) + "/" +
                std::to_string(count) + " 슬라이드)";
  } else if (plan.duration_s > 0 && have) {
    const double left = plan.duration_s - total;
    s.verdict = seconds_text(total) + " / " + seconds_text(plan.duration_s) + " · " +
                (left >= 0 ? seconds_text(left) + " 남김" : seconds_text(-left) + " 초과");
    s.verdict_mood = show::talk_mood(-left);
  } else {
    s.verdict = seconds_text(total) + " · 발표 시간 미정";
  }
  s.note = plan_note(plan, taught, k - taught) + " · 기록: " + history_path;
  s.keys = "Q Esc 끝내기 · ↑↓ 넘기기";
  return s;
}

layout::RehearsalBar bar_of(const show::Show& show, double now_ms, int ordinal) {
  const layout::ConsoleClock c = show::console_clock(show, now_ms, "");
  layout::RehearsalBar bar;
  bar.label = "● 리허설 " + std::to_string(ordinal) + "회차";
  bar.elapsed = c.elapsed;
  bar.paused = c.paused;
  bar.on_slide = c.on_slide;
  if (c.pace_known) {
    bar.budget = c.budget;
    bar.slide_delta = c.slide_delta;
    bar.slide_mood = c.slide_mood;
    bar.talk_delta = c.talk_delta;
    bar.talk_mood = c.talk_mood;
  }
  return bar;
}

layout::RehearsalChart chart_of(const history::Lineup& lineup, const history::Plan& plan,
                                const std::string& title, int last) {
  layout::RehearsalChart chart;
  chart.title = title;
  const int runs = static_cast<int>(lineup.runs.size());
  const int first = std::max(0, runs - std::max(1, last));
  chart.subtitle = "리허설 " + std::to_string(runs) + "회";
  if (runs > runs - first) chart.subtitle += " 중 최근 " + std::to_string(runs - first) + "회";
  chart.subtitle += " · 슬라이드별 시간";
  if (plan.duration_s > 0) chart.subtitle += " · 예산 합계 " + seconds_text(plan.duration_s);
  for (int i = 0; i < lineup.current; ++i) {
    const std::size_t at = static_cast<std::size_t>(i);
    chart.budget_s.push_back(at < plan.budgets_s.size() &&
                                     plan.sources[at] != history::BudgetSource::kNone
                                 ? plan.budgets_s[at]
                                 : NAN);
  }
  for (int k = first; k < runs; ++k) {
    const history::RunColumn& col = lineup.runs[static_cast<std::size_t>(k)];
    layout::ChartRun r;
    r.label = "#" + std::to_string(col.id) + " " + local_time_text(col.started_unix).substr(5) +
              (!col.finished   ? " (중단)"
               : !col.complete ? " (부분)"
                               : "");
    for (int i = 0; i < lineup.current; ++i) {
      r.seconds.push_back(
          lineup.rows[static_cast<std::size_t>(i)].seconds[static_cast<std::size_t>(k)]);
    }
    chart.runs.push_back(std::move(r));
  }
  return chart;
}

}  // namespace madang::app
