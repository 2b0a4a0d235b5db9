#include "history/lineup.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace madang::history {

namespace {
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
}

Lineup line_up(const deck::Deck& deck, const Recorded& recorded) {
  Lineup out;
  const std::size_t run_count = recorded.runs.size();
  // Where each recorded slide stood when last shown (the tie-breaker).
  std::vector<int> last_at(recorded.slides.size(), -1);
  for (const Run& run : recorded.runs) {
    for (const Visit& v : run.visits) {
      if (v.slide >= 0 && static_cast<std::size_t>(v.slide) < last_at.size()) {
        last_at[static_cast<std::size_t>(v.slide)] = v.number - 1;
      }
    }
  }
  const std::vector<SlideIdentity> now = identify(deck);
  const std::vector<int> matched = match(now, recorded.slides, last_at);

  out.current = static_cast<int>(now.size());
  for (std::size_t i = 0; i < now.size(); ++i) {
    SlideRow row;
    row.number = static_cast<int>(i) + 1;
    row.identity = now[i];
    row.seconds.assign(run_count, kNone);
    row.steps.assign(run_count, {});
    row.skips.assign(run_count, 0);
    row.skipped_s.assign(run_count, 0);
    out.rows.push_back(std::move(row));
  }
  // Recorded slides that were shown but match nothing: rows of their own,
  // in the order they last stood.
  std::vector<int> row_of(recorded.slides.size(), -1);
  std::vector<std::size_t> gone;
  for (std::size_t r = 0; r < recorded.slides.size(); ++r) {
    if (matched[r] >= 0) {
      row_of[r] = matched[r];
    } else if (last_at[r] >= 0) {
      gone.push_back(r);
    }
  }
  std::stable_sort(gone.begin(), gone.end(),
                   [&](std::size_t a, std::size_t b) { return last_at[a] < last_at[b]; });
  for (std::size_t r : gone) {
    row_of[r] = static_cast<int>(out.rows.size());
    SlideRow row;
    row.identity = recorded.slides[r];
    row.last_number = last_at[r] + 1;
    row.seconds.assign(run_count, kNone);
    row.steps.assign(run_count, {});
    row.skips.assign(run_count, 0);
    row.skipped_s.assign(run_count, 0);
    out.rows.push_back(std::move(row));
  }

  for (std::size_t k = 0; k < run_count; ++k) {
    const Run& run = recorded.runs[k];
    RunColumn col{.id = run.id,
                  .started = run.started,
                  .started_unix = run.started_unix,
                  .finished = run.finished,
                  .complete = run.complete,
                  .slide_count = run.slide_count,
                  .duration_s = run.duration_s};
    for (const Visit& v : run.visits) {
      col.seconds += v.seconds;
      if (v.slide < 0 || static_cast<std::size_t>(v.slide) >= row_of.size()) continue;
      const int at = row_of[static_cast<std::size_t>(v.slide)];
      if (at < 0) continue;
      SlideRow& row = out.rows[static_cast<std::size_t>(at)];
      if (row.number > 0) row.last_number = v.number;
      if (v.seconds < kSkipSeconds) {  // passing through: no timing
        ++row.skips[k];
        row.skipped_s[k] += v.seconds;
        continue;
      }
      double& s = row.seconds[k];
      if (std::isnan(s)) {
        s = 0;
        ++col.slides_seen;
      }
      s += v.seconds;
      std::vector<double>& steps = row.steps[k];
      if (steps.size() < v.steps.size()) steps.resize(v.steps.size(), 0);
      for (std::size_t i = 0; i < v.steps.size(); ++i) steps[i] += v.steps[i];
    }
    for (const SlideRow& row : out.rows) col.slides_skipped += skipped(row, k) ? 1 : 0;
    out.runs.push_back(std::move(col));
  }
  return out;
}

double median(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  if (values.empty()) return kNone;
  const std::size_t n = values.size();
  std::sort(values.begin(), values.end());
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

bool skipped(const SlideRow& row, std::size_t k) {
  return k < row.seconds.size() && std::isnan(row.seconds[k]) && k < row.skips.size() &&
         row.skips[k] > 0;
}

bool teaches(const RunColumn& run, bool learn_partial) {
  return run.complete || learn_partial;
}

double learned_time(const Lineup& lineup, const SlideRow& row, int recent, int runs,
                    bool learn_partial) {
  const int limit = runs < 0 ? static_cast<int>(lineup.runs.size())
                             : std::min(runs, static_cast<int>(lineup.runs.size()));
  std::vector<double> last;
  for (int k = limit - 1; k >= 0 && static_cast<int>(last.size()) < recent; --k) {
    const std::size_t at = static_cast<std::size_t>(k);
    if (!teaches(lineup.runs[at], learn_partial)) continue;
    const double s = row.seconds[at];
    if (!std::isnan(s)) last.push_back(s);
  }
  return median(std::move(last));
}

std::vector<double> learned_times(const Lineup& lineup, int recent, int runs, bool learn_partial) {
  std::vector<double> out;
  for (int i = 0; i < lineup.current; ++i) {
    out.push_back(learned_time(lineup, lineup.rows[static_cast<std::size_t>(i)], recent, runs,
                               learn_partial));
  }
  return out;
}

}  // namespace madang::history
