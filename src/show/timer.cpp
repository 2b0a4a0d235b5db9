#include "show/timer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace madang::show {

bool started(const Timer& t) {
  return t.started_ms >= 0;
}
bool paused(const Timer& t) {
  return t.paused_at_ms >= 0;
}

double elapsed_ms(const Timer& t, double now_ms) {
  if (!started(t)) return 0;
  const double until = paused(t) ? t.paused_at_ms : now_ms;
  return std::max(0.0, until - t.started_ms - t.paused_total_ms);
}

double on_slide_ms(const Timer& t, double now_ms) {
  return std::max(0.0, elapsed_ms(t, now_ms) - t.slide_since);
}

Timer start(Timer t, int slide, double now_ms) {
  if (started(t)) return t;
  t.started_ms = now_ms;
  t.paused_at_ms = -1;
  t.paused_total_ms = 0;
  t.slide_since = 0;
  t.first_slide = slide;
  return t;
}

Timer toggle_pause(Timer t, int slide, double now_ms) {
  if (!started(t)) return start(t, slide, now_ms);
  if (paused(t)) {
    t.paused_total_ms += std::max(0.0, now_ms - t.paused_at_ms);
    t.paused_at_ms = -1;
  } else {
    t.paused_at_ms = now_ms;
  }
  return t;
}

Timer reset(const Timer&) {
  return Timer{};
}

Timer slide_changed(Timer t, int slide, double now_ms) {
  if (!started(t)) return start(t, slide, now_ms);  // the first move of the talk
  t.slide_since = elapsed_ms(t, now_ms);
  return t;
}

Pace pace(const std::vector<double>& budgets_s, int slide, double elapsed_s, double on_slide_s,
          double duration_s) {
  Pace p;
  if (duration_s <= 0 || budgets_s.empty()) return p;
  const int n = static_cast<int>(budgets_s.size());
  auto plan_before = [&](int k) {
    double sum = 0;
    for (int i = 0; i < std::clamp(k, 0, n); ++i) sum += budgets_s[static_cast<std::size_t>(i)];
    return sum;
  };
  const int here = std::clamp(slide, 0, n - 1);
  p.known = true;
  p.duration_s = duration_s;
  p.remaining_s = duration_s - elapsed_s;
  p.slide_budget_s = budgets_s[static_cast<std::size_t>(here)];
  p.slide_delta_s = on_slide_s - p.slide_budget_s;
  const double plan_now = plan_before(here) + std::min(on_slide_s, p.slide_budget_s);
  p.talk_delta_s = elapsed_s - plan_now;
  return p;
}

std::vector<double> even_budgets(int slides, double duration_s) {
  if (slides <= 0) return {};
  return std::vector<double>(static_cast<std::size_t>(slides), duration_s / slides);
}

std::string delta_text(double seconds) {
  const long total = static_cast<long>(std::floor(std::fabs(seconds)));
  if (total == 0)
    return "\xC2\xB1"
           "0:00";  // ±
  return (seconds > 0 ? "+" : "-") + clock_text(static_cast<double>(total));
}

}  // namespace madang::show
