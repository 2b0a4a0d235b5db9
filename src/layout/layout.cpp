// Slide layout: the frame of each layout, autofit, footer and source line.
//
// [SECTION] Helpers
// [SECTION] The slide title
// [SECTION] Body: columns, autofit, balance
// [SECTION] Frames: title and section
// [SECTION] Footer and source line
// [SECTION] Public API

#include "layout/layout.h"
#include "layout/pdf_slide.h"

#include <algorithm>
#include <cmath>

#include "layout/background.h"
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
  ps.line_height = ctx.theme.heading_line_height;
  ps.lang = ctx.deck.meta.lang;
  return paragraph_fragment(ctx, to_runs(text, style_of(size, color, true), ctx.theme), ps, width,
                            TextOrigin::of(text, line, 0));
}

struct Region {
  float x, y, w, h;
};

Fragment with_role(Fragment f, TextRole role) {
  for (TextItem& t : f.texts) t.role = role;
  return f;
}

// ============================================================================
// [SECTION] The slide title
// ============================================================================

// The title and its accent bar, `width` wide; its height ends under both.
// A left-aligned title has the bar under its first letters; a centred one
// has it above (under the middle of a centred title a short bar reads as
// the underline of one word).
Fragment title_fragment(const Context& ctx, const deck::Block& title, float width, bool centred) {
  Fragment f;
  float size = ctx.px(ctx.theme.heading_size);
  if (title.fit) size = fitted_heading_size(ctx, title.text, size, width);
  Fragment t = with_role(
      heading_fragment(ctx, title.text, size, ctx.theme.heading,
                       centred ? text::Align::kCenter : text::Align::kLeft, width, title.line),
      TextRole::kTitle);
  const float h = t.height;
  const float bar_w = ctx.px(80);
  const float bar_h = ctx.px(7);
  const float gap = ctx.px(16);
  if (centred) {
    f.add(fill_rect(Rect{(width - bar_w) / 2, 0, bar_w, bar_h}, ctx.theme.accent, ctx.px(3.5f)));
    f.append(std::move(t), 0, bar_h + gap);
  } else {
    f.append(std::move(t), 0, 0);
    f.add(fill_rect(Rect{0, h + gap, bar_w, bar_h}, ctx.theme.accent, ctx.px(3.5f)));
  }
  f.width = width;
  f.height = h + gap + bar_h;
  return f;
}

// ============================================================================
// [SECTION] Body: columns, autofit, balance
// ============================================================================

using Columns = std::vector<std::vector<const deck::Block*>>;

// The body's blocks in one or two columns. Without a `column` directive the
// split balances the columns' heights (measured once, at full size).
Columns split_columns(Context& ctx, bool two_columns, std::size_t first, float column_width,
                      float height) {
  const deck::Slide& slide = ctx.slide;
  if (!two_columns) return {pointers(slide.blocks, first)};
  std::vector<const deck::Block*> blocks = pointers(slide.blocks, first);
  bool any_right = false;
  for (const deck::Block* b : blocks) any_right |= b->column_index == 1;
  std::size_t split = (blocks.size() + 1) / 2;
  if (any_right) {
    split = 0;
    while (split < blocks.size() && blocks[split]->column_index == 0) ++split;
  } else if (blocks.size() > 2) {
    std::vector<float> h;
    DiagnosticLog quiet;
    ctx.diagnostics = &quiet;
    ctx.scale = 1;
    for (const deck::Block* b : blocks)
      h.push_back(stack_blocks(ctx, {b}, column_width, height).height);
    ctx.diagnostics = nullptr;
    const float gap = ctx.px(ctx.theme.block_gap);
    float best = 1e9f;
    for (std::size_t k = 1; k < blocks.size(); ++k) {
      float left = 0, right = 0;
      for (std::size_t i = 0; i < blocks.size(); ++i) (i < k ? left : right) += h[i] + gap;
      if (std::abs(left - right) < best) {
        best = std::abs(left - right);
        split = k;
      }
    }
  }
  Columns out(2);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const bool right = any_right ? blocks[i]->column_index == 1 : i >= split;
    out[right ? 1 : 0].push_back(blocks[i]);
  }
  return out;
}

void report_overflow(const Context& ctx, const FitResult& fit) {
  if (!fit.overflow) return;
  bool cut = false;  // content past the slide was not laid out: a lower bound
  for (const Fragment& c : fit.columns) cut = cut || c.cut;
  ctx.warn(ctx.slide.line, 1,
           "slide " + std::to_string(ctx.slide.index) + " does not fit: shrunk to " +
               std::to_string(static_cast<int>(std::lround(fit.scale * 100))) + "% and still " +
               (cut ? "more than " : "") +
               std::to_string(static_cast<int>(std::ceil(fit.overshoot / ctx.unit))) +
               " px too tall at 1080p");
}

// How a body uses room it does not fill.
enum class Balance {
  kSpread,  // gaps between blocks and items grow (up to 1.5 times more), the
            // rest is shared above and below, a little more below (the
            // optical centre sits above the middle)
  kCentre,  // quotes: each column centred, as set
  kTop,     // as set, from the top (the caller frames it)
};

// The fitted columns placed in `body`.
void place_columns(Context& ctx, Fragment& out, const Region& body, std::vector<Fragment> columns,
                   float column_width, Balance balance) {
  constexpr float kGrowth = 1.5f;
  constexpr float kAbove = 0.42f;  // of the room left: above the content
  float tallest = 0;
  bool all_drawn = true;
  for (Fragment& c : columns) {
    if (balance == Balance::kSpread) stretch(c, body.h - c.height, kGrowth);
    tallest = std::max(tallest, c.height);
    all_drawn &= c.height > 0;
  }
  // Columns share a top edge, so that their first lines align.
  const float room = std::max(0.0f, body.h - tallest);
  const float top = body.y + (balance == Balance::kSpread ? room * kAbove : 0.0f);
  const float gap = ctx.px(ctx.theme.column_gap);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const float x = body.x + static_cast<float>(c) * (column_width + gap);
    float y = top;
    if (balance == Balance::kCentre) y = body.y + std::max(0.0f, body.h - columns[c].height) / 2;
    out.append(std::move(columns[c]), x, y);
  }
  if (columns.size() == 2 && all_drawn) {
    const float x = body.x + column_width + gap / 2;
    out.add(fill_rect(Rect{x - ctx.px(1), top, ctx.px(2), tallest}, ctx.theme.rule));
  }
}

// Fits the slide's body into `body` and places it. `first` skips the title.
FitResult layout_body(Context& ctx, Fragment& out, Region body, bool two_columns, std::size_t first,
                      Balance balance) {
  const float gap = ctx.px(ctx.theme.column_gap);
  const float column_width = two_columns ? (body.w - gap) / 2 : body.w;
  DiagnosticLog* diagnostics = ctx.diagnostics;
  const Columns columns = split_columns(ctx, two_columns, first, column_width, body.h);
  FitResult fit = fit_columns(ctx, columns, column_width, body.h, ctx.theme.min_text / ctx.body);
  ctx.diagnostics = diagnostics;
  if (diagnostics) {
    diagnostics->add_all(std::move(fit.diagnostics));
  }
  report_overflow(ctx, fit);
  place_columns(ctx, out, body, std::move(fit.columns), column_width, balance);
  fit.columns.clear();
  return fit;
}

// A content slide: the title at the top, the body under it. Statements
// (class: lead) centre the title and body together in the slide instead.
FitResult layout_content(Context& ctx, Fragment& out, Region frame, SlideLayout& result) {
  const deck::Slide& slide = ctx.slide;
  const Theme& th = ctx.theme;
  const std::string& kind = slide.layout;
  const bool lead = has_class(slide, "lead") || th.centred;
  const bool statement = lead && kind != "two-column" && kind != "quote";
  Fragment title;
  std::size_t first = 0;
  if (const deck::Block* t = title_block(slide)) {
    title = title_fragment(ctx, *t, frame.w, lead || kind == "quote");
    first = 1;
  }
  const float title_h = first > 0 ? title.height + ctx.px(th.title_gap) : 0;
  Region body{frame.x, frame.y + title_h, frame.w, std::max(ctx.px(100), frame.h - title_h)};
  result.content_area = Rect{body.x, body.y, body.w, body.h};
  if (kind == "quote") {
    // A quote slide centres its quote in a narrower measure.
    const float narrow = body.w * 0.1f;
    body.x += narrow;
    body.w -= 2 * narrow;
  }
  if (!statement) {
    out.append(std::move(title), frame.x, frame.y);
    return layout_body(ctx, out, body, kind == "two-column", first,
                       kind == "quote" ? Balance::kCentre : Balance::kSpread);
  }
  Fragment said;
  FitResult fit =
      layout_body(ctx, said, Region{body.x, 0, body.w, body.h}, false, first, Balance::kTop);
  const float group = title.height + (said.height > 0 ? ctx.px(th.title_gap) + said.height : 0);
  const float top = frame.y + std::max(0.0f, frame.h - group) / 2;
  const float title_height = title.height;
  out.append(std::move(title), frame.x, top);
  out.append(std::move(said), 0, top + title_height + ctx.px(th.title_gap));
  return fit;
}

// ============================================================================
// [SECTION] Frames: title and section
// ============================================================================

void layout_title_slide(Context& ctx, Fragment& out, Region full, bool section) {
  const deck::Slide& slide = ctx.slide;
  const Theme& th = ctx.theme;
  const bool centred = has_class(slide, "lead") || th.centred;
  const float x = full.x + ctx.px(th.margin_x + (centred ? 0 : 40));
  const float w = full.w - 2 * ctx.px(th.margin_x) - ctx.px(centred ? 0 : 40);
  const text::Align align = centred ? text::Align::kCenter : text::Align::kLeft;

  Fragment stack;
  const deck::Block* title = title_block(slide);
  std::size_t first = 0;
  if (title) {
    float size = ctx.px(section ? th.heading_size * 1.2f : th.title_size);
    if (title->fit) size = fitted_heading_size(ctx, title->text, size, w);
    Fragment t =
        with_role(heading_fragment(ctx, title->text, size, th.heading, align, w, title->line),
                  TextRole::kTitle);
    // The bar under a left-aligned title, above a centred one (title_fragment).
    const float bar_w = ctx.px(120);
    const float bar_h = ctx.px(8);
    if (centred) {
      stack.add(fill_rect(Rect{(w - bar_w) / 2, 0, bar_w, bar_h}, th.accent, ctx.px(4)));
      stack.append(std::move(t), 0, bar_h + ctx.px(28));
      stack.height += ctx.px(40);
    } else {
      stack.append(std::move(t), 0, 0);
      stack.add(fill_rect(Rect{0, stack.height + ctx.px(28), bar_w, bar_h}, th.accent, ctx.px(4)));
      stack.height += ctx.px(28) + bar_h + ctx.px(40);
    }
    first = 1;
  }
  // The rest: subtitles and speaker lines, sized down one step.
  Context sub = ctx;
  sub.scale = 1;
  for (std::size_t i = first; i < slide.blocks.size(); ++i) {
    const deck::Block& b = slide.blocks[i];
    if (!sub.revealed(b.fragment)) continue;
    Fragment piece;
    const bool event =
        !ctx.deck.meta.event.empty() && deck::plain_text(b.text) == ctx.deck.meta.event;
    if (event) {
      // The slide says the event itself: set it as the event line, a caption.
      piece = with_role(
          heading_fragment(ctx, b.text, ctx.px(th.small_size * 1.15f), th.accent, align, w, b.line),
          TextRole::kCaption);
      stack.append(std::move(piece), 0, stack.height + ctx.px(40));
      continue;
    }
    if (b.kind == deck::BlockKind::kParagraph || b.kind == deck::BlockKind::kHeading) {
      const bool strong = b.kind == deck::BlockKind::kHeading;
      float size = ctx.px(strong ? th.subheading_size : th.body_size);
      if (strong && b.fit) size = fitted_heading_size(ctx, b.text, size, w);
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
    Fragment ev =
        with_role(heading_fragment(ctx, deck::RichText{deck::Span{ctx.deck.meta.event, 0, {}}},
                                   ctx.px(th.small_size * 1.15f), th.accent, align, w, slide.line),
                  TextRole::kCaption);
    // Skip when the slide already says it.
    bool said = false;
    for (const auto& b : slide.blocks) said |= deck::plain_text(b.text) == ctx.deck.meta.event;
    if (!said) stack.append(std::move(ev), 0, stack.height + ctx.px(40));
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

// The images of a header or footer line (Marp: a logo) in a row from x,
// centred on a text line `line_h` tall whose top is `top`: each as tall as
// the line unless sized (`h:40`, CSS pixels; at most 160 px at 1080p). One
// that cannot be read is left out (the parser said so where the directive
// is). Returns the width they take, with a gap after them.
float place_line_images(const Context& ctx, Fragment& out, const std::vector<deck::Image>& images,
                        float x, float top, float line_h) {
  float used = 0;
  for (const deck::Image& img : images) {
    int iw = 0, ih = 0;
    if (!image_size(img, &iw, &ih)) continue;
    const float aspect = static_cast<float>(ih) / static_cast<float>(iw);
    float h = img.height > 0 ? img.height * ctx.css_unit : line_h;
    float w = h / aspect;
    if (img.width > 0) {
      w = img.width * ctx.css_unit;
      if (img.height <= 0) h = w * aspect;
    }
    // A logo stays in the margin's band, whatever size it asks for.
    const float most = ctx.px(160);
    if (h > most) {
      w *= most / h;
      h = most;
    }
    Command c;
    c.kind = CommandKind::kImage;
    c.rect = Rect{x + used, top + (line_h - h) / 2, w, h};
    c.label = img.alt.empty() ? img.src : img.alt;
    c.image_path = img.resolved;
    c.filters = filters_for(img, iw, w, ctx.css_unit);
    out.add(std::move(c));
    used += w + ctx.px(16);
  }
  return used;
}

// Returns the height taken at the bottom of the slide.
float place_footer(const Context& ctx, Fragment& out, Region full, std::size_t slide_count) {
  const Theme& th = ctx.theme;
  const deck::Meta& meta = ctx.deck.meta;
  const deck::Slide& slide = ctx.slide;
  // A deck the parser made has each slide's footer resolved (and its pages
  // counted); one built by hand has neither, and takes the deck's footer.
  const bool parsed = ctx.deck.pages > 0;
  const deck::RichText footer = parsed || !slide.footer.empty() || meta.footer.empty()
                                    ? slide.footer
                                    : deck::RichText{deck::Span{meta.footer, deck::kPlain, {}}};
  if (!slide.show_footer || (footer.empty() && slide.footer_images.empty() && !slide.paginate)) {
    return 0;
  }
  const float y = full.y + full.h - ctx.px(th.margin_bottom);
  const float x = full.x + ctx.px(th.margin_x);
  const float w = full.w - 2 * ctx.px(th.margin_x);
  out.add(fill_rect(Rect{x, y - ctx.px(th.footer_height), w, ctx.px(1.5f)}, th.rule));
  const text::TextStyle s = style_of(ctx.px(th.footer_size), th.muted);
  const float base_y = y - ctx.px(th.footer_height) + ctx.px(12);
  float number_w = 0;
  if (slide.paginate) {
    // The deck counts its pages (Marp's hold and skip are not counted); a
    // deck built by hand has none counted and numbers every slide.
    const std::string number =
        std::to_string(parsed ? slide.page : slide.index) + " / " +
        std::to_string(parsed ? static_cast<std::size_t>(ctx.deck.pages) : slide_count);
    text::ParagraphStyle ps;
    ps.align = text::Align::kRight;
    ps.lang = meta.lang;
    number_w = ctx.px(160);
    Fragment n =
        with_role(paragraph_fragment(ctx, {text::TextRun{number, s}}, ps, number_w, ctx.slide.line),
                  TextRole::kFooter);
    out.append(std::move(n), x + w - number_w, base_y);
  }
  const float logos =
      place_line_images(ctx, out, slide.footer_images, x, base_y, s.size * th.line_height);
  if (!footer.empty()) {
    text::ParagraphStyle ps;
    ps.lang = meta.lang;
    Fragment f = with_role(paragraph_fragment(ctx, to_runs(footer, s, th), ps,
                                              w - number_w - logos - ctx.px(24), ctx.slide.line),
                           TextRole::kFooter);
    out.append(std::move(f), x + logos, base_y);
  }
  return ctx.px(th.margin_bottom + th.footer_height);
}

// Marp's header: a line of small muted text in the top margin.
void place_header(const Context& ctx, Fragment& out, Region full) {
  const deck::Slide& slide = ctx.slide;
  if (slide.header.empty() && slide.header_images.empty()) return;
  const Theme& th = ctx.theme;
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  ps.align = th.centred && slide.header_images.empty() ? text::Align::kCenter : text::Align::kLeft;
  const float x = full.x + ctx.px(th.margin_x);
  const float w = full.w - 2 * ctx.px(th.margin_x);
  const float top = full.y + ctx.px(16);
  const text::TextStyle s = style_of(ctx.px(th.footer_size), th.muted);
  const float logos =
      place_line_images(ctx, out, slide.header_images, x, top, s.size * th.line_height);
  if (slide.header.empty()) return;
  Fragment f =
      with_role(paragraph_fragment(ctx, to_runs(slide.header, s, th), ps, w - logos, slide.line),
                TextRole::kFooter);
  out.append(std::move(f), x + logos, top);
}

float place_source(const Context& ctx, Fragment& out, Region full, float footer_h) {
  if (ctx.slide.source.empty()) return 0;
  const Theme& th = ctx.theme;
  const float x = full.x + ctx.px(th.margin_x);
  const float w = full.w - 2 * ctx.px(th.margin_x);
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  ps.align = text::Align::kRight;
  Fragment s = with_role(
      paragraph_fragment(
          ctx, {text::TextRun{ctx.slide.source, style_of(ctx.px(th.source_size), th.muted)}}, ps, w,
          ctx.slide.line),
      TextRole::kSource);
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

  Theme theme = theme_named(deck.meta.theme, has_class(slide, "invert"));
  list.background = theme.background;
  if (!slide.pdf_pages.empty()) {
    result.list =
        layout_pdf_slide(deck, slide, state.step, size.width, size.height, theme.background);
    result.content_area = {0, 0, static_cast<float>(size.width), static_cast<float>(size.height)};
    return result;
  }
  // Marp's backgroundColor and color directives (deck/background.h).
  const deck::SlideBackground& bg = slide.background;
  if (bg.has_color) list.background = bg.color;
  if (bg.has_text_color) theme.text = theme.heading = bg.text_color;
  Context ctx{fonts, deck, slide, theme, state};
  ctx.unit = static_cast<float>(size.height) / 1080.0f;
  ctx.css_unit = css_unit(deck, ctx.unit);
  DiagnosticLog diagnostics;  // repeats fold, the count is capped
  ctx.diagnostics = &diagnostics;
  // Autofit reads how far a body overshoots to guess its scale, so text is
  // measured past the slide's foot; but at the floor (28 of 54 px, a quarter
  // of the area) nothing past four slide heights could ever be seen.
  ctx.visible_height = 4.0f * static_cast<float>(size.height);
  // The body size this slide sets its text in: statements and quotes larger,
  // class: small smaller.
  ctx.body = theme.body_size;
  if (has_class(slide, "lead") && slide.layout != "two-column") ctx.body = theme.lead_size;
  if (slide.layout == "quote") ctx.body = theme.quote_size;
  if (has_class(slide, "small")) ctx.body = theme.small_body_size;

  Fragment out;
  // `![bg](…)` images first; a split background leaves the content the other side.
  const Rect slide_rect{0, 0, static_cast<float>(size.width), static_cast<float>(size.height)};
  const BackgroundPlan plan = plan_background(bg, slide_rect);
  out.commands = background_commands(bg, plan, slide_rect, ctx.css_unit, slide.index);
  const Region full{plan.content.x, plan.content.y, plan.content.w, plan.content.h};
  const std::string& kind = slide.layout;
  place_header(ctx, out, full);
  if (kind == "title" || kind == "section") {
    layout_title_slide(ctx, out, full, kind == "section");
    const float footer_h = kind == "section" ? place_footer(ctx, out, full, deck.slides.size()) : 0;
    const float bottom = footer_h > 0 ? footer_h + ctx.px(20) : ctx.px(theme.margin_bottom);
    result.content_area =
        Rect{full.x + ctx.px(theme.margin_x), ctx.px(theme.margin_top),
             full.w - 2 * ctx.px(theme.margin_x), full.h - ctx.px(theme.margin_top) - bottom};
  } else {
    const float footer_h = place_footer(ctx, out, full, deck.slides.size());
    const float source_h = place_source(ctx, out, full, footer_h);
    const float top = ctx.px(theme.margin_top);
    const float bottom =
        full.h - (footer_h > 0 ? footer_h + ctx.px(20) : ctx.px(theme.margin_bottom)) - source_h;
    const Region frame{full.x + ctx.px(theme.margin_x), top, full.w - 2 * ctx.px(theme.margin_x),
                       bottom - top};
    const FitResult fit = layout_content(ctx, out, frame, result);
    result.scale = fit.scale;
    result.overflow = fit.overflow;
    result.layouts = fit.layouts;
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
