// Autofit: the largest type scale at which a slide's body fits, found in few
// layouts.
//
// A slide that fits at 100% is laid out once. Otherwise the first guess
// comes from how far it overshot: wrapped text grows with the square of its
// size (the lines get taller and, holding fewer characters each, more
// numerous), so a body 1.3 times too tall fits at about 1/sqrt(1.3) = 88%.
// While guesses miss, the next is read off the curve height = a * scale^p
// through the last two misses (p measured, not assumed); when that falls
// below the floor, the floor is tried, and a body that does not fit there
// stops at once (the caller reports it). Between a fit and a miss, the same
// curve through the two ends gives the next guess when one is near the
// height (kept 15% inside the interval, so that every layout narrows it),
// and halving does otherwise. Scales are whole percents; the
// search ends when the ends are two percent apart or the fit fills 97% of
// the height with text: 1 layout when a slide fits, 2 when it cannot fit
// at all, 2 to 4 on the lecture's dense slides, 6 in the worst case seen
// (identical paragraphs that all wrap at the same scale), never more than 8.
// Every trial collects its own diagnostics; the kept one's are the slide's.

#include <algorithm>
#include <cmath>

#include "layout/fragment.h"

namespace madang::layout {

namespace {

constexpr float kStep = 0.01f;  // scales are whole percents
constexpr int kMaxLayouts = 8;  // a bound, not a target (the lecture: 1 to 4)

float snap_down(float scale) {
  return std::floor(scale / kStep + 1e-3f) * kStep;
}

struct Trial {
  float scale = 1;
  std::vector<Fragment> columns;
  DiagnosticLog diagnostics;
  float fill = 0;       // the tallest column over the height (<= 1: fits)
  float text_fill = 0;  // the same over columns without a diagram (0: none)
  bool fits(float height) const { return fill * height <= height + 0.5f; }
};

Trial lay_out(Context& ctx, const std::vector<std::vector<const deck::Block*>>& columns,
              float width, float height, float scale) {
  Trial t;
  t.scale = scale;
  ctx.scale = scale;
  ctx.diagnostics = &t.diagnostics;
  for (const auto& column : columns) {
    t.columns.push_back(stack_blocks(ctx, column, width, height));
    const float fill = t.columns.back().height / std::max(height, 1.0f);
    t.fill = std::max(t.fill, fill);
    const bool diagram = std::any_of(column.begin(), column.end(), [](const deck::Block* b) {
      return b->kind == deck::BlockKind::kDiagram;
    });
    if (!diagram) t.text_fill = std::max(t.text_fill, fill);
  }
  ctx.diagnostics = nullptr;  // t moves on return
  return t;
}

FitResult finish(Context& ctx, Trial t, bool overflow, int layouts, float height) {
  FitResult r;
  r.scale = t.scale;
  r.overflow = overflow;
  r.layouts = layouts;
  r.overshoot = std::max(0.0f, t.fill * height - height);
  r.columns = std::move(t.columns);
  r.diagnostics = t.diagnostics.finish();
  ctx.scale = r.scale;
  return r;
}

}  // namespace

FitResult fit_columns(Context& ctx, const std::vector<std::vector<const deck::Block*>>& columns,
                      float width, float height, float floor) {
  floor = std::clamp(snap_down(floor + 0.5f * kStep), kStep, 1.0f);
  int layouts = 1;
  Trial hi = lay_out(ctx, columns, width, height, 1.0f);
  const bool fits_whole = hi.fits(height);
  if (fits_whole || floor >= 1.0f) return finish(ctx, std::move(hi), !fits_whole, 1, height);

  // Until something fits: guesses from the misses; the floor when a guess
  // would go below it, and there a miss ends the search.
  Trial lo, previous;
  bool have_lo = false, have_previous = false;
  while (!have_lo) {
    float guess = 1.0f / std::sqrt(hi.fill);  // height goes with the square of the scale
    if (have_previous && previous.fill > hi.fill) {
      const float p = std::log(previous.fill / hi.fill) / std::log(previous.scale / hi.scale);
      if (std::isfinite(p) && p > 0.1f) guess = hi.scale * std::pow(1.0f / hi.fill, 1.0f / p);
    } else {
      guess *= hi.scale;
    }
    guess = std::min(snap_down(guess), hi.scale - kStep);
    const bool last = guess <= floor + 1e-4f || layouts + 1 >= kMaxLayouts;
    Trial t = lay_out(ctx, columns, width, height, last ? floor : guess);
    ++layouts;
    if (t.fits(height)) {
      lo = std::move(t);
      have_lo = true;
    } else if (last) {
      return finish(ctx, std::move(t), true, layouts, height);
    } else {
      previous = std::move(hi);
      have_previous = true;
      hi = std::move(t);
    }
  }

  // Between a fit and a miss, until they are two percent apart, or the fit
  // fills 97% of the height with text (a diagram takes whatever room it is
  // given, so its fill says nothing).
  while (hi.scale - lo.scale > 2 * kStep + 1e-4f && layouts < kMaxLayouts &&
         !(lo.text_fill >= 0.97f)) {
    const float interval = hi.scale - lo.scale;
    float next = lo.scale + interval / 2;
    // The curve only where an end is near the height: far from it, the
    // height jumps (every paragraph wrapping at once), and halving is surer.
    if (hi.fill > lo.fill && (lo.fill >= 0.9f || hi.fill <= 1.12f)) {
      // Where h = a * s^p, through the two ends, meets the height.
      const float p = std::log(hi.fill / lo.fill) / std::log(hi.scale / lo.scale);
      if (std::isfinite(p) && p > 0.1f) next = lo.scale * std::pow(1.0f / lo.fill, 1.0f / p);
    }
    // Guesses near an end barely narrow the search: keep them 15% inside.
    next = std::clamp(next, lo.scale + 0.15f * interval, hi.scale - 0.15f * interval);
    next = std::clamp(snap_down(next), lo.scale + kStep, hi.scale - kStep);
    Trial n = lay_out(ctx, columns, width, height, next);
    ++layouts;
    if (n.fits(height)) {
      lo = std::move(n);
    } else {
      hi = std::move(n);
    }
  }
  return finish(ctx, std::move(lo), false, layouts, height);
}

}  // namespace madang::layout
