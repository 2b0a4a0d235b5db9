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
    out.rows.push_back(std::move(row));
  }

  for (std::size_t k = 0; k < run_count; ++k) {
    const Run& run = recorded.runs[k];
    RunColumn col;
    col.id = run.id;
    col.started = run.started;
    col.started_unix = run.started_unix;
    col.finished = run.finished;
    col.duration_s = run.duration_s;
    for (const Visit& v : run.visits) {
      col.seconds += v.seconds;
      if (v.slide < 0 || static_cast<std::size_t>(v.slide) >= row_of.size()) continue;
      const int at = row_of[static_cast<std::size_t>(v.slide)];
      if (at < 0) continue;
      SlideRow& row = out.rows[static_cast<std::size_t>(at)];
      if (row.number > 0) row.last_number = v.number;
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

std::vector<double> learned_times(const Lineup& lineup, int recent, int runs) {
  const int limit = runs < 0 ? static_cast<int>(lineup.runs.size())
                             : std::min(runs, static_cast<int>(lineup.runs.size()));
  std::vector<double> out;
  for (int i = 0; i < lineup.current; ++i) {
    const SlideRow& row = lineup.rows[static_cast<std::size_t>(i)];
    std::vector<double> last;
    for (int k = limit - 1; k >= 0 && static_cast<int>(last.size()) < recent; --k) {
      const double s = row.seconds[static_cast<std::size_t>(k)];
      if (!std::isnan(s)) last.push_back(s);
    }
    out.push_back(median(std::move(last)));
  }
  return out;
}

}  // namespace madang::history
