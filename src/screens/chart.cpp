// The rehearsal chart (see chart.h).

#include "screens/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/time_text.h"
#include "screens/screen_text.h"
#include "layout/theme.h"

namespace madang::layout {

namespace {

// Light, for paper: ink on white.
constexpr text::Color kPaper = 0xffffffffu;
constexpr text::Color kInk = 0x1d232aff;
constexpr text::Color kFaint = 0x6b7580ff;
constexpr text::Color kGrid = 0xe6eaefff;
constexpr text::Color kAxis = 0xb5bec8ff;
constexpr text::Color kBudget = 0xd5dde6ff;
constexpr text::Color kNewest = 0x1f6fd1ff;    // the last run
constexpr text::Color kPrevious = 0xe0822bff;  // the one before
constexpr text::Color kOlder = 0xaab6c3ff;     // the rest

// "1:30" for an axis label.
std::string minutes_seconds(double seconds) {
  return base::clock_text(std::round(seconds));
}

bool known(double v) {
  return !std::isnan(v) && v > 0;
}

}  // namespace

double time_tick(double max_s) {
  static const double kSteps[] = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
  for (double step : kSteps) {
    if (max_s / step <= 8) return step;
  }
  return 3600 * std::ceil(max_s / 3600 / 8);
}

DisplayList layout_rehearsal_chart(text::FontSystem& fonts, const deck::Deck& deck,
                                   const RehearsalChart& chart, Size size) {
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float u = std::min(W / 1920.0f, H / 1080.0f);
  ScreenContext sc(fonts, deck, theme_named(deck.meta.theme, false), u, nullptr);
  const Writer w{sc.ctx};
  const float m = std::round(48 * u);
  Fragment out;

  // Title, subtitle, legend.
  Fragment title = w.text(chart.title, 40, kInk, W - 2 * m, text::Align::kLeft, true);
  float y = m;
  const float title_h = title.height;
  out.append(std::move(title), m, y);
  y += title_h;
  Fragment subtitle = w.text(chart.subtitle, 26, kFaint, W - 2 * m);
  const float subtitle_h = subtitle.height;
  out.append(std::move(subtitle), m, y);
  y += subtitle_h + 14 * u;

  const std::size_t run_count = chart.runs.size();
  auto run_color = [&](std::size_t k) {
    return k + 1 == run_count ? kNewest : k + 2 == run_count ? kPrevious : kOlder;
  };
  auto run_width = [&](std::size_t k) { return (k + 1 == run_count ? 4.5f : 2.5f) * u; };
  {
    float x = m;
    const float sample = 34 * u, legend_size = 24;
    auto legend = [&](const std::string& label, text::Color color, bool bar, float line_w) {
      Fragment t = w.text(label, legend_size, kInk, W);
      const float th = t.height, tw = inked_width(t);
      if (bar) {
        out.add(fill_rect(Rect{x, y + th * 0.2f, sample * 0.6f, th * 0.6f}, color));
      } else {
        out.add(line_command({x, y + th / 2}, {x + sample, y + th / 2}, color, line_w));
      }
      x += sample + 8 * u;
      out.append(std::move(t), x, y);
      x += tw + 28 * u;
    };
    legend("예산", kBudget, true, 0);
    for (std::size_t k = 0; k < run_count; ++k) {
      legend(chart.runs[k].label, run_color(k), false, run_width(k));
    }
    y += 24 * u * 1.2f + 40 * u;  // room for the top tick's label
  }

  // The plot's frame and its time axis.
  const std::size_t n = std::max<std::size_t>(1, chart.budget_s.size());
  double top_s = 0;
  for (double b : chart.budget_s) {
    if (known(b)) top_s = std::max(top_s, b);
  }
  for (const ChartRun& r : chart.runs) {
    for (double s : r.seconds) {
      if (known(s)) top_s = std::max(top_s, s);
    }
  }
  const double tick = time_tick(std::max(top_s, 30.0));
  const double axis_s = tick * std::ceil(std::max(top_s, 30.0) * 1.05 / tick);
  const Rect plot{m + 96 * u, y, W - m - (m + 96 * u), H - m - 64 * u - y};
  auto y_of = [&](double s) { return plot.y + plot.h - static_cast<float>(s / axis_s) * plot.h; };
  for (double v = 0; v <= axis_s + 0.5; v += tick) {
    const float gy = std::round(y_of(v));
    out.add(
        fill_rect(Rect{plot.x, gy, plot.w, std::max(1.0f, std::round(u))}, v == 0 ? kAxis : kGrid));
    Fragment label = w.text(minutes_seconds(v), 22, kFaint, 84 * u, text::Align::kRight);
    const float lh = label.height;
    out.append(std::move(label), plot.x - 96 * u, gy - lh / 2);
  }

  // Budgets: a pale bar per slide.
  const float band = plot.w / static_cast<float>(n);
  auto x_of = [&](std::size_t i) { return plot.x + band * (static_cast<float>(i) + 0.5f); };
  for (std::size_t i = 0; i < chart.budget_s.size(); ++i) {
    if (!known(chart.budget_s[i])) continue;
    const float top = y_of(chart.budget_s[i]);
    const float bw = std::max(1.0f, band * 0.7f);
    out.add(fill_rect(Rect{x_of(i) - bw / 2, top, bw, plot.y + plot.h - top}, kBudget));
  }

  // Runs: lines across the slides, the newest on top with dots.
  for (std::size_t k = 0; k < run_count; ++k) {
    const ChartRun& r = chart.runs[k];
    const text::Color color = run_color(k);
    const float lw = run_width(k);
    for (std::size_t i = 0; i + 1 < r.seconds.size() && i + 1 < n; ++i) {
      if (std::isnan(r.seconds[i]) || std::isnan(r.seconds[i + 1])) continue;
      out.add(line_command({x_of(i), y_of(r.seconds[i])}, {x_of(i + 1), y_of(r.seconds[i + 1])},
                           color, lw));
    }
    const float dot = (k + 1 == run_count ? 11.0f : 7.0f) * u;
    for (std::size_t i = 0; i < r.seconds.size() && i < n; ++i) {
      if (std::isnan(r.seconds[i])) continue;
      out.add(fill_rect(Rect{x_of(i) - dot / 2, y_of(r.seconds[i]) - dot / 2, dot, dot}, color,
                        dot / 2));
    }
  }

  // Slide numbers under the plot, as many as fit.
  int every = 1;
  for (int k : {1, 2, 5, 10, 20, 50, 100}) {
    every = k;
    if (band * static_cast<float>(k) >= 40 * u) break;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if ((i + 1) % static_cast<std::size_t>(every) != 0 && i != 0) continue;
    Fragment label = w.text(std::to_string(i + 1), 22, kFaint, 60 * u, text::Align::kCenter);
    out.append(std::move(label), x_of(i) - 30 * u, plot.y + plot.h + 8 * u);
  }
  Fragment caption = w.text("슬라이드", 22, kFaint, plot.w, text::Align::kCenter);
  out.append(std::move(caption), plot.x, H - m - 26 * u);
  return to_list(std::move(out), size, kPaper);
}

}  // namespace madang::layout
