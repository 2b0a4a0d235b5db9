#include "cli/rehearsal_report.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/count_text.h"
#include "session/rehearsal_views.h"
#include "show/timer.h"

namespace madang::app {

namespace {

constexpr int kTitleColumns = 32;

int width_of(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  const int category = u_charType(u);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      (c >= 0x1160 && c <= 0x11FF)) {  // Hangul medial and final jamo join the syllable
    return 0;
  }
  const int ea = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

// Bytes of a code point in UTF-8.
std::size_t utf8_length(char32_t c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

// `s` cut to `columns` (ending "..." when cut), padded to exactly `columns`.
std::string fit(const std::string& s, int columns, bool right = false) {
  int used = 0;
  std::size_t bytes = 0;
  const int total = display_width(s);
  const int room = total > columns ? columns - 3 : columns;
  for (char32_t c : deck::code_points(s)) {
    const int w = width_of(c);
    if (used + w > room) break;
    bytes += utf8_length(c);
    used += w;
  }
  std::string out = s.substr(0, bytes);
  if (total > columns) {
    out += "...";
    used += 3;
  }
  const std::string pad(static_cast<std::size_t>(std::max(0, columns - used)), ' ');
  return right ? pad + out : out + pad;
}

const char* from_text(history::BudgetSource s) {
  switch (s) {
    case history::BudgetSource::kDirective:
      return "time:";
    case history::BudgetSource::kLearned:
      return "learned";
    case history::BudgetSource::kTypical:
      return "typical";
    case history::BudgetSource::kShare:
      return "even";
    case history::BudgetSource::kNone:
      break;
  }
  return "-";
}

double budget_at(const history::Plan& plan, int number) {
  const std::size_t i = static_cast<std::size_t>(number - 1);
  if (number <= 0 || i >= plan.budgets_s.size() ||
      plan.sources[i] == history::BudgetSource::kNone) {
    return NAN;
  }
  return plan.budgets_s[i];
}

// The newest time of a row against the median of its times before it,
// among the runs the budgets learn from (history::teaches).
double trend(const history::Lineup& lineup, const history::SlideRow& row, bool learn_partial) {
  std::vector<double> times;
  for (std::size_t k = 0; k < row.seconds.size() && k < lineup.runs.size(); ++k) {
    if (history::teaches(lineup.runs[k], learn_partial) && !std::isnan(row.seconds[k])) {
      times.push_back(row.seconds[k]);
    }
  }
  if (times.size() < 2) return NAN;
  const double last = times.back();
  times.pop_back();
  return last - history::median(std::move(times));
}

// Terminal cells: ASCII where Unicode's width is ambiguous (an East Asian
// terminal draws "–" and "±" two columns wide).
std::string cell_time(double seconds) {
  return std::isnan(seconds) ? "-" : seconds_text(seconds);
}

std::string cell_delta(double seconds) {
  if (std::isnan(seconds)) return "";
  const std::string d = show::delta_text(std::round(seconds));
  return d.rfind("\xC2\xB1", 0) == 0 ? d.substr(2) : d;
}

std::string paint(const std::string& s, layout::Mood mood, bool color) {
  if (!color || mood == layout::Mood::kNeutral) return s;
  const char* code = mood == layout::Mood::kBehind ? "\033[31m" : "\033[32m";
  return code + s + "\033[0m";
}

// `v` to the nearest 1/`per` (divided, not multiplied by a fraction: the
// nearest double, which JSON prints short: 23.9, not 23.900000000000002).
double rounded(double v, double per = 1000) {
  return std::round(v * per) / per;
}

}  // namespace

int display_width(const std::string& utf8) {
  int w = 0;
  for (char32_t c : deck::code_points(utf8)) w += width_of(c);
  return w;
}

std::string rehearsals_table(const history::Lineup& lineup, const history::Plan& plan,
                             const ReportHeader& header, int last, bool color) {
  const int runs = static_cast<int>(lineup.runs.size());
  const int first = std::max(0, runs - std::max(1, last));
  int cut_short = 0, partial = 0;
  for (const history::RunColumn& r : lineup.runs) {
    cut_short += r.finished ? 0 : 1;
    partial += r.complete ? 0 : 1;
  }

  std::string out = "madang rehearsals " + header.deck + "\n";
  out += "history " + header.history + " · " + base::count_text(runs, "run");
  if (partial || cut_short) {
    std::string counts;
    if (partial) counts = std::to_string(partial) + " partial";
    if (cut_short)
      counts += (counts.empty() ? "" : ", ") + std::to_string(cut_short) + " cut short";
    out += " (" + counts + ")";
  }
  out += plan.duration_s > 0 ? " · talk " + cell_time(plan.duration_s) : " · no duration";
  out += "\n";
  if (runs == 0) {
    out += "no rehearsals yet: madang rehearse " + header.deck + "\n";
  }
  out += "\n";

  // Header.
  std::string line = fit("#", 4, true) + "  " + fit("slide", kTitleColumns) + " " +
                     fit("budget", 7, true) + " " + fit("from", 8);
  for (int k = first; k < runs; ++k) {
    const history::RunColumn& r = lineup.runs[static_cast<std::size_t>(k)];
    line +=
        " " + fit("#" + std::to_string(r.id) + (r.complete ? "" : "~") + (r.finished ? "" : "*"), 7,
                  true);
  }
  line += " " + fit("median", 7, true) + " " + fit("trend", 7, true);
  out += line + "\n";

  const int shown = runs - first;
  bool skips_shown = false, partial_shown = false;
  for (int k = first; k < runs; ++k) {
    partial_shown = partial_shown || !lineup.runs[static_cast<std::size_t>(k)].complete;
  }
  for (const history::SlideRow& row : lineup.rows) {
    const bool gone = row.number == 0;
    if (gone) {
      bool any = false;
      for (int k = first; k < runs; ++k) {
        any = any || !std::isnan(row.seconds[static_cast<std::size_t>(k)]) ||
              history::skipped(row, static_cast<std::size_t>(k));
      }
      if (!any) continue;  // gone before the runs shown
    }
    const double budget = budget_at(plan, row.number);
    std::string title = row.identity.title.empty() ? "(untitled)" : row.identity.title;
    if (gone) title = "(gone) " + title;
    line = fit(gone ? "-" : std::to_string(row.number), 4, true) + "  " +
           fit(title, kTitleColumns) + " " + fit(cell_time(budget), 7, true) + " " +
           fit(gone ? "-" : from_text(plan.sources[static_cast<std::size_t>(row.number - 1)]), 8);
    for (int k = first; k < runs; ++k) {
      const double s = row.seconds[static_cast<std::size_t>(k)];
      const bool skip = history::skipped(row, static_cast<std::size_t>(k));
      skips_shown = skips_shown || skip;
      line += " " + paint(fit(skip ? "skip" : cell_time(s), 7, true), judge(s, budget), color);
    }
    // What the budget learns from: the last 5 times in complete runs.
    const double med = history::learned_time(lineup, row, 5, -1, header.learn_partial);
    const double t = trend(lineup, row, header.learn_partial);
    const std::string trend_text = cell_delta(t);
    const layout::Mood trend_mood = std::isnan(t) ? layout::Mood::kNeutral : judge(med + t, med);
    line += " " + fit(cell_time(med), 7, true) + " " +
            paint(fit(trend_text, 7, true), trend_mood, color);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }

  // Totals.
  line = fit("", 4) + "  " + fit("total", kTitleColumns) + " " +
         fit(plan.duration_s > 0 ? cell_time(plan.duration_s) : "-", 7, true) + " " + fit("", 8);
  std::vector<double> totals;
  for (int k = first; k < runs; ++k) {
    const double s = lineup.runs[static_cast<std::size_t>(k)].seconds;
    line += " " + paint(fit(cell_time(s), 7, true), judge(s, plan.duration_s), color);
  }
  for (const history::RunColumn& r : lineup.runs) {
    if (r.finished && r.complete) totals.push_back(r.seconds);  // the talk, end to end
  }
  line += " " + fit(cell_time(history::median(totals)), 7, true);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line + "\n\n";

  for (int k = first; k < runs; ++k) {
    const history::RunColumn& r = lineup.runs[static_cast<std::size_t>(k)];
    std::string status = r.complete ? "" : "partial (~)";
    if (!r.finished) status += (status.empty() ? "" : ", ") + std::string("cut short (*)");
    if (status.empty()) status = "finished";
    const std::string skipped =
        r.slides_skipped ? ", " + std::to_string(r.slides_skipped) + " skipped" : "";
    out += fit("#" + std::to_string(r.id), 5, true) + "  " + local_time_text(r.started_unix) +
           "  " + fit(cell_time(r.seconds), 7, true) + "  " + std::to_string(r.slides_seen) +
           " slides" + skipped + "  " + status + "\n";
  }
  if (shown < runs) {
    out += "(" + std::to_string(runs - shown) + " older runs not shown; --last N)\n";
  }
  out += std::string("budget: time: the slide's directive · learned: the median of its last 5 ") +
         (header.learn_partial ? "runs" : "complete runs") +
         ", scaled to the talk · typical: never rehearsed, as the typical slide · even: the talk "
         "shared evenly\n";
  std::string marks;
  if (partial_shown) {
    marks = header.learn_partial
                ? "~ partial: ended before the last slide, learned from too (--learn-partial)"
                : "~ partial: ended before the last slide, not learned from (--learn-partial "
                  "to learn from it)";
  }
  if (skips_shown) {
    marks += (marks.empty() ? "" : " · ") +
             std::string("skip: passed through in under 2 s, not a timing");
  }
  if (!marks.empty()) out += marks + "\n";
  return out;
}

std::string rehearsals_csv(const history::Lineup& lineup, const history::Plan& plan) {
  auto quoted = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  auto number = [](double v, const char* format) {
    if (std::isnan(v)) return std::string();
    char buf[32];
    std::snprintf(buf, sizeof buf, format, v);
    return std::string(buf);
  };
  std::string out = "run,started,finished,slide,title,key,seconds,budget_seconds,partial,skipped\n";
  for (std::size_t k = 0; k < lineup.runs.size(); ++k) {
    const history::RunColumn& r = lineup.runs[k];
    for (const history::SlideRow& row : lineup.rows) {
      const bool skip = history::skipped(row, k);
      const double s = skip ? row.skipped_s[k] : row.seconds[k];
      if (std::isnan(s)) continue;
      out += std::to_string(r.id) + "," + r.started + "," + (r.finished ? "1" : "0") + "," +
             (row.number > 0 ? std::to_string(row.number) : "") + "," + quoted(row.identity.title) +
             "," + quoted(row.identity.key) + "," + number(s, "%.3f") + "," +
             number(budget_at(plan, row.number), "%.1f") + "," + (r.complete ? "0" : "1") + "," +
             (skip ? "1" : "0") + "\n";
    }
  }
  return out;
}

std::string rehearsals_json(const history::Lineup& lineup, const history::Plan& plan,
                            const ReportHeader& header) {
  using Json = nlohmann::ordered_json;
  Json root;
  root["deck"] = header.deck;
  root["history"] = header.history;
  root["duration_seconds"] = rounded(plan.duration_s, 10);
  Json runs = Json::array();
  for (std::size_t k = 0; k < lineup.runs.size(); ++k) {
    const history::RunColumn& r = lineup.runs[k];
    Json run;
    run["id"] = r.id;
    run["started"] = r.started;
    run["finished"] = r.finished;
    run["partial"] = !r.complete;
    run["seconds"] = rounded(r.seconds);
    Json slides = Json::array();
    for (const history::SlideRow& row : lineup.rows) {
      const bool skip = history::skipped(row, k);
      if (std::isnan(row.seconds[k]) && !skip) continue;
      Json s;
      s["number"] = row.number > 0 ? Json(row.number) : Json(nullptr);
      if (row.number == 0) s["last_number"] = row.last_number;
      s["title"] = row.identity.title;
      s["key"] = row.identity.key;
      // A skipped slide: the seconds it was passed through in, no steps.
      s["seconds"] = rounded(skip ? row.skipped_s[k] : row.seconds[k]);
      s["skipped"] = skip;
      Json steps = Json::array();
      for (double v : row.steps[k]) steps.push_back(rounded(v));
      s["steps"] = steps;
      slides.push_back(std::move(s));
    }
    run["slides"] = std::move(slides);
    runs.push_back(std::move(run));
  }
  root["runs"] = std::move(runs);
  const std::vector<double> learned = history::learned_times(lineup, 5, -1, header.learn_partial);
  Json plan_json = Json::array();
  Json gone = Json::array();
  for (const history::SlideRow& row : lineup.rows) {
    if (row.number == 0) {
      gone.push_back(Json{{"title", row.identity.title},
                          {"key", row.identity.key},
                          {"last_number", row.last_number}});
      continue;
    }
    const std::size_t i = static_cast<std::size_t>(row.number - 1);
    Json s;
    s["number"] = row.number;
    s["title"] = row.identity.title;
    s["key"] = row.identity.key;
    const double budget = budget_at(plan, row.number);
    s["budget_seconds"] = std::isnan(budget) ? Json(nullptr) : Json(rounded(budget, 10));
    s["budget_from"] = history::source_name(plan.sources[i]);
    s["median_seconds"] =
        i < learned.size() && !std::isnan(learned[i]) ? Json(rounded(learned[i])) : Json(nullptr);
    plan_json.push_back(std::move(s));
  }
  root["slides"] = std::move(plan_json);
  root["gone"] = std::move(gone);
  return root.dump(2) + "\n";
}

}  // namespace madang::app
