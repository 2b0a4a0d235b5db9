// Slide layout: the frame of each layout, autofit, footer and source line.
//
// [SECTION] Helpers
// [SECTION] Autofit
// [SECTION] Frames: content and two-column
// [SECTION] Frames: title and section
// [SECTION] Footer and source line
// [SECTION] Public API

#include "layout/layout.h"

#include <algorithm>
#include <cmath>

#include "layout/fragment.h"
#include "layout/theme.h"

namespace madang::layout {

// ============================================================================
// [SECTION] Helpers
// ============================================================================

namespace {

bool has_class(const deck::Slide& slide, const char* name) {
  return std::find(slide.classes.begin(), slide.classes.end(), name) != slide.classes.end();
}

std::vector<const deck::Block*> pointers(const std::vector<deck::Block>& blocks, std::size_t from) {
  std::vector<const deck::Block*> out;
  for (std::size_t i = from; i < blocks.size(); ++i) out.push_back(&blocks[i]);
  return out;
}

// The slide title is its first block when that is a level 1 or 2 heading.
const deck::Block* title_block(const deck::Slide& slide) {
  if (!slide.blocks.empty() && slide.blocks.front().kind == deck::BlockKind::kHeading &&
      slide.blocks.front().level <= 2) {
    return &slide.blocks.front();
  }
  return nullptr;
}

Fragment heading_fragment(const Context& ctx, const deck::RichText& text, float size,
                          text::Color color, text::Align align, float width, int line) {
  text::ParagraphStyle ps;
  ps.align = align;
  ps.line_height = 1.25f;
  ps.lang = ctx.deck.meta.lang;
  return paragraph_fragment(ctx, to_runs(text, style_of(size, color, true), ctx.theme), ps, width,
                            TextOrigin::of(text, line, 0));
}

struct Region {
  float x, y, w, h;
};

// ============================================================================
// [SECTION] Autofit
// ============================================================================

// Lays out body columns at the largest scale (1, 0.95, 0.90 ... floor) at
// which every column fits its region; reports an overflow at the floor.
struct FitResult {
  std::vector<Fragment> columns;
  float scale = 1;
  bool overflow = false;
};

FitResult fit_columns(Context& ctx, const std::vector<std::vector<const deck::Block*>>& columns,
                      float column_width, float height) {
  FitResult best;
  DiagnosticLog* final_diagnostics = ctx.diagnostics;
  ctx.diagnostics = nullptr;  // trial layouts stay silent
  for (float s = 1.0f;; s -= 0.05f) {
    const bool last = s < ctx.theme.min_scale + 0.001f;
    if (last) s = ctx.theme.min_scale;
    ctx.scale = s;
    bool fits = true;
    for (const auto& col : columns) {
      Fragment trial = stack_blocks(ctx, col, column_width, height);
      if (trial.height > height + 0.5f) {
        fits = false;
        break;
      }
    }
    if (fits || last) {
      best.scale = s;
      best.overflow = !fits;
      break;
    }
  }
  ctx.diagnostics = final_diagnostics;
  ctx.scale = best.scale;
  for (const auto& col : columns)
    best.columns.push_back(stack_blocks(ctx, col, column_width, height));
  return best;
}

void report_overflow(const Context& ctx, const FitResult& fit, float height) {
  if (!fit.overflow) return;
  float worst = 0;
  bool cut = false;  // content past the slide was not laid out: a lower bound
  for (const Fragment& c : fit.columns) {
    worst = std::max(worst, c.height - height);
    cut = cut || c.cut;
  }
  ctx.warn(ctx.slide.line, 1,
           "slide " + std::to_string(ctx.slide.index) + " does not fit: shrunk to " +
               std::to_string(static_cast<int>(std::lround(fit.scale * 100))) + "% and still " +
               (cut ? "more than " : "") +
               std::to_string(static_cast<int>(std::ceil(worst / ctx.unit))) +
               " px too tall at 1080p");
}

// ============================================================================
// [SECTION] Frames: content and two-column
// ============================================================================

// Returns the y where the body starts.
float place_title(const Context& ctx, Fragment& out, const deck::Block& title, Region r,
                  bool centred) {
  Fragment t =
      heading_fragment(ctx, title.text, ctx.px(ctx.theme.heading_size), ctx.theme.heading,
                       centred ? text::Align::kCenter : text::Align::kLeft, r.w, title.line);
  const float h = t.height;
  out.append(std::move(t), r.x, r.y);
  const float bar_w = ctx.px(72);
  const float bar_x = centred ? r.x + (r.w - bar_w) / 2 : r.x;
  out.add(
      fill_rect(Rect{bar_x, r.y + h + ctx.px(14), bar_w, ctx.px(6)}, ctx.theme.accent, ctx.px(3)));
  return r.y + h + ctx.px(14) + ctx.px(6) + ctx.px(ctx.theme.title_gap);
}

void layout_body(Context& ctx, Fragment& out, Region body, bool two_columns, std::size_t first) {
  const deck::Slide& slide = ctx.slide;
  // Lead slides and quote slides sit in the middle of the body; others hang
  // from the title.
  const bool centred = has_class(slide, "lead") || slide.layout == "quote";
  std::vector<std::vector<const deck::Block*>> columns;
  float column_width = body.w;
  if (two_columns) {
    std::vector<const deck::Block*> left, right;
    bool any_right = false;
    for (std::size_t i = first; i < slide.blocks.size(); ++i)
      any_right |= slide.blocks[i].column_index == 1;
    const std::size_t count = slide.blocks.size() - first;
    for (std::size_t i = first; i < slide.blocks.size(); ++i) {
      const bool goes_right =
          any_right ? slide.blocks[i].column_index == 1 : (i - first) >= (count + 1) / 2;
      (goes_right ? right : left).push_back(&slide.blocks[i]);
    }
    columns = {left, right};
    column_width = (body.w - ctx.px(ctx.theme.column_gap)) / 2;
  } else {
    columns = {pointers(slide.blocks, first)};
  }
  FitResult fit = fit_columns(ctx, columns, column_width, body.h);
  report_overflow(ctx, fit, body.h);
  for (std::size_t c = 0; c < fit.columns.size(); ++c) {
    const float x = body.x + static_cast<float>(c) * (column_width + ctx.px(ctx.theme.column_gap));
    const float h = fit.columns[c].height;
    const float y = centred ? body.y + std::max(0.0f, (body.h - h) / 2) : body.y;
    out.append(std::move(fit.columns[c]), x, y);
  }
  if (two_columns && columns.size() == 2 && !columns[0].empty() && !columns[1].empty()) {
    const float x = body.x + column_width + ctx.px(ctx.theme.column_gap) / 2;
    out.add(fill_rect(Rect{x - ctx.px(1), body.y, ctx.px(2), body.h * 0.9f}, ctx.theme.rule));
  }
}

// ============================================================================
// [SECTION] Frames: title and section
// ============================================================================

void layout_title_slide(Context& ctx, Fragment& out, Region full, bool section) {
  const deck::Slide& slide = ctx.slide;
  const Theme& th = ctx.theme;
  const bool centred = has_class(slide, "lead");
  const float x = full.x + ctx.px(th.margin_x + (centred ? 0 : 40));
  const float w = full.w - 2 * ctx.px(th.margin_x) - ctx.px(centred ? 0 : 40);
  const text::Align align = centred ? text::Align::kCenter : text::Align::kLeft;

  Fragment stack;
  const deck::Block* title = title_block(slide);
  std::size_t first = 0;
  if (title) {
    const float size = ctx.px(section ? th.heading_size * 1.2f : th.title_size);
    Fragment t = heading_fragment(ctx, title->text, size, th.heading, align, w, title->line);
    stack.append(std::move(t), 0, 0);
    const float bar_w = ctx.px(120);
    const float bx = centred ? (w - bar_w) / 2 : 0;
    stack.add(
        fill_rect(Rect{bx, stack.height + ctx.px(28), bar_w, ctx.px(8)}, th.accent, ctx.px(4)));
    stack.height += ctx.px(28 + 8 + 40);
    first = 1;
  }
  // The rest: subtitles and speaker lines, sized down one step.
  Context sub = ctx;
  sub.scale = 1;
  for (std::size_t i = first; i < slide.blocks.size(); ++i) {
    const deck::Block& b = slide.blocks[i];
    if (!sub.revealed(b.fragment)) continue;
    Fragment piece;
    if (b.kind == deck::BlockKind::kParagraph || b.kind == deck::BlockKind::kHeading) {
      const bool strong = b.kind == deck::BlockKind::kHeading;
      const float size = ctx.px(strong ? th.subheading_size : th.body_size);
      text::ParagraphStyle ps;
      ps.align = align;
      ps.line_height = 1.4f;
      ps.lang = ctx.deck.meta.lang;
      piece = paragraph_fragment(
          sub, to_runs(b.text, style_of(size, strong ? th.heading : th.text, strong), th), ps, w,
          TextOrigin::of(b.text, b.line, b.column));
    } else {
      piece = stack_blocks(sub, {&b}, w, full.h / 2);
    }
    const float y = stack.height + (stack.height > 0 ? ctx.px(14) : 0);
    stack.append(std::move(piece), 0, y);
  }
  if (!ctx.deck.meta.event.empty() && !section) {
    Fragment ev = heading_fragment(ctx, deck::RichText{deck::Span{ctx.deck.meta.event, 0, {}}},
                                   ctx.px(th.small_size), th.accent, align, w, slide.line);
    // Skip when the slide already says it.
    bool said = false;
    for (const auto& b : slide.blocks) said |= deck::plain_text(b.text) == ctx.deck.meta.event;
    if (!said) stack.append(std::move(ev), 0, stack.height + ctx.px(48));
  }
  const float y = full.y + std::max(ctx.px(th.margin_top), (full.h - stack.height) / 2);
  // A vertical accent band marks title and section slides.
  if (!centred)
    out.add(fill_rect(Rect{full.x + ctx.px(th.margin_x - 8), y, ctx.px(12), stack.height},
                      th.accent, ctx.px(6)));
  out.add(fill_rect(Rect{full.x, full.y + full.h - ctx.px(18), full.w, ctx.px(18)}, th.title_band));
  out.append(std::move(stack), x, y);
}

// ============================================================================
// [SECTION] Footer and source line
// ============================================================================

// Returns the height taken at the bottom of the slide.
float place_footer(const Context& ctx, Fragment& out, Region full, std::size_t slide_count) {
  const Theme& th = ctx.theme;
  const deck::Meta& meta = ctx.deck.meta;
  if (!ctx.slide.show_footer || (meta.footer.empty() && !meta.paginate)) return 0;
  const float y = full.y + full.h - ctx.px(th.margin_bottom);
  const float x = full.x + ctx.px(th.margin_x);
  const float w = full.w - 2 * ctx.px(th.margin_x);
  out.add(fill_rect(Rect{x, y - ctx.px(th.footer_height), w, ctx.px(1.5f)}, th.rule));
  const text::TextStyle s = style_of(ctx.px(th.footer_size), th.muted);
  const float base_y = y - ctx.px(th.footer_height) + ctx.px(12);
  float number_w = 0;
  if (meta.paginate) {
    const std::string number =
        std::to_string(ctx.slide.index) + " / " + std::to_string(slide_count);
    text::ParagraphStyle ps;
    ps.align = text::Align::kRight;
    ps.lang = meta.lang;
    number_w = ctx.px(160);
    Fragment n = paragraph_fragment(ctx, {text::TextRun{number, s}}, ps, number_w, ctx.slide.line);
    out.append(std::move(n), x + w - number_w, base_y);
  }
  if (!meta.footer.empty()) {
    text::ParagraphStyle ps;
    ps.lang = meta.lang;
    Fragment f = paragraph_fragment(ctx, {text::TextRun{meta.footer, s}}, ps,
                                    w - number_w - ctx.px(24), ctx.slide.line);
    out.append(std::move(f), x, base_y);
  }
  return ctx.px(th.margin_bottom + th.footer_height);
}

float place_source(const Context& ctx, Fragment& out, Region full, float footer_h) {
  if (ctx.slide.source.empty()) return 0;
  const Theme& th = ctx.theme;
  const float x = full.x + ctx.px(th.margin_x);
  const float w = full.w - 2 * ctx.px(th.margin_x);
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  ps.align = text::Align::kRight;
  Fragment s = paragraph_fragment(
      ctx, {text::TextRun{ctx.slide.source, style_of(ctx.px(th.source_size), th.muted)}}, ps, w,
      ctx.slide.line);
  const float h = s.height;
  const float bottom = full.y + full.h - (footer_h > 0 ? footer_h : ctx.px(th.margin_bottom));
  out.append(std::move(s), x, bottom - h - ctx.px(10));
  return h + ctx.px(20);
}

}  // namespace

// ============================================================================
// [SECTION] Public API
// ============================================================================

Rect fit_slide(int window_width, int window_height, const deck::Meta& meta) {
  const float aw = static_cast<float>(std::max(1, meta.aspect_w));
  const float ah = static_cast<float>(std::max(1, meta.aspect_h));
  const float ww = static_cast<float>(std::max(1, window_width));
  const float wh = static_cast<float>(std::max(1, window_height));
  float w = ww, h = ww * ah / aw;
  if (h > wh) {
    h = wh;
    w = wh * aw / ah;
  }
  // Whole pixels, so that the slide is laid out on the pixel grid.
  w = std::floor(w);
  h = std::floor(h);
  return Rect{std::floor((ww - w) / 2), std::floor((wh - h) / 2), w, h};
}

SlideLayout layout_slide(text::FontSystem& fonts, const deck::Deck& deck, int index,
                         const SlideState& state, Size size) {
  SlideLayout result;
  DisplayList& list = result.list;
  list.width = size.width;
  list.height = size.height;
  if (index < 0 || index >= static_cast<int>(deck.slides.size())) return result;
  const deck::Slide& slide = deck.slides[static_cast<std::size_t>(index)];

  const Theme theme = theme_named(deck.meta.theme, has_class(slide, "invert"));
  list.background = theme.background;
  Context ctx{fonts, deck, slide, theme, state};
  ctx.unit = static_cast<float>(size.height) / 1080.0f;
  DiagnosticLog diagnostics;  // repeats fold, the count is capped
  ctx.diagnostics = &diagnostics;
  ctx.visible_height = static_cast<float>(size.height);

  Fragment out;
  const Region full{0, 0, static_cast<float>(size.width), static_cast<float>(size.height)};
  const std::string& kind = slide.layout;
  if (kind == "title" || kind == "section") {
    layout_title_slide(ctx, out, full, kind == "section");
    if (kind == "section") place_footer(ctx, out, full, deck.slides.size());
  } else {
    const float footer_h = place_footer(ctx, out, full, deck.slides.size());
    const float source_h = place_source(ctx, out, full, footer_h);
    const Region inner{ctx.px(theme.margin_x), ctx.px(theme.margin_top),
                       full.w - 2 * ctx.px(theme.margin_x), 0};
    float body_top = inner.y;
    std::size_t first = 0;
    const bool centred_title = has_class(slide, "lead") || kind == "quote";
    if (const deck::Block* title = title_block(slide)) {
      body_top = place_title(ctx, out, *title, Region{inner.x, inner.y, inner.w, 0}, centred_title);
      first = 1;
    }
    const float bottom =
        full.h - (footer_h > 0 ? footer_h + ctx.px(24) : ctx.px(theme.margin_bottom)) - source_h;
    Region body{inner.x, body_top, inner.w, std::max(ctx.px(100), bottom - body_top)};
    if (kind == "quote") {
      // A quote slide centres its quote in a narrower measure.
      const float narrow = body.w * 0.14f;
      body.x += narrow;
      body.w -= 2 * narrow;
    }
    layout_body(ctx, out, body, kind == "two-column", first);
    result.scale = ctx.scale;
  }
  list.commands = std::move(out.commands);
  list.texts = std::move(out.texts);
  list.hits = std::move(out.hits);
  result.diagnostics = diagnostics.finish();
  return result;
}

const SlideLayout& LayoutCache::get(text::FontSystem& fonts, const deck::Deck& deck, int index,
                                    const SlideState& state, Size size) {
  for (Entry& e : entries_) {
    if (e.index == index && e.size == size && e.state == state) return *e.layout;
  }
  // A presentation touches a handful of (slide, state, size) triples at a
  // time; keep the most recent few dozen.
  constexpr std::size_t kMaxEntries = 64;
  if (entries_.size() >= kMaxEntries) entries_.erase(entries_.begin());
  entries_.push_back(
      Entry{index, state, size,
            std::make_unique<SlideLayout>(layout_slide(fonts, deck, index, state, size))});
  return *entries_.back().layout;
}

}  // namespace madang::layout
