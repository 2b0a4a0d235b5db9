// Blocks of a slide body, stacked top to bottom.
//
// [SECTION] Fragments and commands
// [SECTION] Rich text
// [SECTION] Paragraphs
// [SECTION] Lists
// [SECTION] Quotes, code, rules, images
// [SECTION] Stacking

#include <algorithm>
#include <cstdio>

#include "base/time_text.h"
#include "deck/clips.h"
#include "layout/background.h"
#include "layout/fragment.h"

namespace madang::layout {

// ============================================================================
// [SECTION] Fragments and commands
// ============================================================================

void Fragment::append(Fragment other, float dx, float dy) {
  for (Command& c : other.commands) {
    c.rect.x += dx;
    c.rect.y += dy;
    c.origin.x += dx;
    c.origin.y += dy;
    for (Point& p : c.points) {
      p.x += dx;
      p.y += dy;
    }
    commands.push_back(std::move(c));
  }
  for (TextItem& t : other.texts) {
    t.rect.x += dx;
    t.rect.y += dy;
    texts.push_back(std::move(t));
  }
  for (HitRegion& h : other.hits) {
    h.rect.x += dx;
    h.rect.y += dy;
    for (Point& p : h.polygon) {
      p.x += dx;
      p.y += dy;
    }
    hits.push_back(std::move(h));
  }
  keep_gaps_of(other, dy);
  width = std::max(width, dx + other.width);
  height = std::max(height, dy + other.height);
  cut = cut || other.cut;
}

void Fragment::keep_gaps_of(const Fragment& hidden, float dy) {
  for (const Gap& g : hidden.gaps) gaps.push_back(Gap{g.y + dy, g.size});
}

void shift_below(Fragment& f, float y, float dy) {
  for (Command& c : f.commands) {
    float top = c.rect.y;
    if (c.kind == CommandKind::kGlyphRun) top = c.origin.y;
    if (c.kind == CommandKind::kLine || c.kind == CommandKind::kPolygon) {
      top = c.points.empty() ? 0 : c.points.front().y;
      for (const Point& p : c.points) top = std::min(top, p.y);
    }
    if (top < y) continue;
    c.rect.y += dy;
    c.origin.y += dy;
    for (Point& p : c.points) p.y += dy;
  }
  for (TextItem& t : f.texts) {
    if (t.rect.y >= y) t.rect.y += dy;
  }
  for (HitRegion& h : f.hits) {
    if (h.rect.y + h.rect.h / 2 < y) continue;
    h.rect.y += dy;
    for (Point& p : h.polygon) p.y += dy;
  }
  for (Gap& g : f.gaps) {
    if (g.y >= y) g.y += dy;
  }
}

float stretch(Fragment& f, float extra, float growth) {
  if (extra <= 0 || f.gaps.empty()) return 0;
  float total = 0;
  for (const Gap& g : f.gaps) total += g.size;
  if (total <= 0) return 0;
  const float share = std::min(extra / total, growth);
  // Bottom up, so that each gap's position is still the one recorded.
  std::vector<Gap> gaps = f.gaps;
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.y > b.y; });
  float gained = 0;
  for (const Gap& g : gaps) {
    const float add = g.size * share;
    shift_below(f, g.y, add);
    gained += add;
  }
  f.height += gained;
  return gained;
}

void Context::warn(int line, int column, std::string message, int count) const {
  if (!diagnostics) return;
  if (line > 0 && column <= 0) column = 1;
  diagnostics->add(Severity::kWarning, SourceLocation{deck.path, line, column}, std::move(message),
                   count);
}

Command fill_rect(Rect rect, text::Color color, float radius) {
  Command c;
  c.kind = CommandKind::kFillRect;
  c.rect = rect;
  c.color = color;
  c.radius = radius;
  return c;
}

Command stroke_rect(Rect rect, text::Color color, float width, float radius) {
  Command c = fill_rect(rect, color, radius);
  c.kind = CommandKind::kStrokeRect;
  c.width = width;
  return c;
}

Command line_command(Point from, Point to, text::Color color, float width, bool arrow) {
  Command c;
  c.kind = CommandKind::kLine;
  c.points = {from, to};
  c.color = color;
  c.width = width;
  c.arrow_end = arrow;
  return c;
}

// ============================================================================
// [SECTION] Rich text
// ============================================================================

text::TextStyle style_of(float size, text::Color color, bool bold) {
  text::TextStyle s;
  s.size = size;
  s.color = color;
  s.bold = bold;
  return s;
}

std::vector<text::TextRun> to_runs(const deck::RichText& rich, const text::TextStyle& base,
                                   const Theme& theme) {
  std::vector<text::TextRun> runs;
  runs.reserve(rich.size());
  for (const deck::Span& span : rich) {
    text::TextRun run{span.text, base};
    if (span.style & deck::kBold) run.style.bold = true;
    if (span.style & deck::kItalic) run.style.italic = true;
    if (span.style & deck::kStrike) run.style.strike = true;
    if (span.style & deck::kCode) {
      run.style.monospace = true;
      run.style.size = base.size * 0.9f;
    }
    if (span.style & deck::kLink) {
      run.style.underline = true;
      run.style.color = theme.accent;
      run.style.link = span.link;
    }
    // Adjacent spans of one style shape better as one run.
    if (!runs.empty() && runs.back().style == run.style) {
      runs.back().text += run.text;
    } else {
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

// ============================================================================
// [SECTION] Paragraphs
// ============================================================================

Fragment paragraph_fragment(const Context& ctx, const std::vector<text::TextRun>& runs,
                            const text::ParagraphStyle& style, float width,
                            const TextOrigin& origin) {
  Fragment f;
  std::vector<text::TextRun> kept;  // text_guard.cpp: only what a slide could show
  const TextCut cut = cut_to_visible(ctx, runs, style, width, &kept);
  text::Paragraph p =
      text::layout_paragraph(ctx.fonts, cut.cut ? kept : runs, style, std::max(width, 1.0f));
  for (const text::Line& l : p.lines) {
    for (const text::GlyphRun& run : l.runs) {
      Command c;
      c.kind = CommandKind::kGlyphRun;
      c.origin = Point{l.x + run.x, l.baseline};
      c.run = run;
      f.commands.push_back(std::move(c));
    }
  }
  if (!p.lines.empty()) {
    for (const text::GlyphRun& run : p.marker) {
      Command c;
      c.kind = CommandKind::kGlyphRun;
      c.origin = Point{run.x, p.lines.front().baseline};
      c.run = run;
      f.commands.push_back(std::move(c));
    }
  }
  report_cut(ctx, runs, cut, origin);
  report_missing(ctx, p.missing, runs, origin);
  f.cut = cut.cut;
  f.texts.push_back(TextItem{Rect{0, 0, width, p.height}, std::move(p.lines)});
  f.width = width;
  f.height = p.height;
  return f;
}

float fitted_heading_size(const Context& ctx, const deck::RichText& text, float size, float width) {
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  const auto one_line_width = [&](float at) {
    const std::vector<text::TextRun> runs =
        to_runs(text, style_of(at, ctx.theme.heading, true), ctx.theme);
    return text::layout_paragraph(ctx.fonts, runs, ps, 1e6f).width;
  };
  const float least = ctx.px(ctx.theme.min_text);
  const float most = ctx.px(1080.0f / 3);
  // Widths grow with the size but not exactly in proportion (hinting,
  // rounded advances): a second measurement corrects the first guess.
  float fitted = size;
  for (int round = 0; round < 2; ++round) {
    const float measured = one_line_width(fitted);
    if (measured <= 0) return size;
    const float next = std::clamp(fitted * width / measured * 0.995f, least, most);
    if (round > 0 && next >= fitted) break;  // already fits: keep the first guess
    fitted = next;
  }
  return fitted;
}

static Fragment rich_paragraph(const Context& ctx, const deck::RichText& rich,
                               const text::TextStyle& base, text::Align align, float width,
                               int line, int column = 0, float line_height = 0) {
  text::ParagraphStyle ps;
  ps.align = align;
  ps.line_height = line_height > 0 ? line_height : ctx.theme.line_height;
  ps.lang = ctx.deck.meta.lang;
  return paragraph_fragment(ctx, to_runs(rich, base, ctx.theme), ps, width,
                            TextOrigin::of(rich, line, column));
}

// Statements (`class: lead`) and centred themes (uncover) centre the body.
static text::Align body_align(const Context& ctx) {
  if (ctx.theme.centred) return text::Align::kCenter;
  for (const std::string& c : ctx.slide.classes) {
    if (c == "lead") return text::Align::kCenter;
  }
  return text::Align::kLeft;
}

static float body_size(const Context& ctx) {
  return ctx.type_px(ctx.body);
}

// A size of the theme's scale, as it applies on this slide (class: small
// and statements move the whole scale with their body size).
static float slide_px(const Context& ctx, float size_1080p) {
  return ctx.type_px(size_1080p * ctx.body / ctx.theme.body_size);
}

// ============================================================================
// [SECTION] Lists
// ============================================================================

static const char* bullet_for(int depth) {
  static const char* kBullets[] = {"•", "–", "·"};
  return kBullets[std::min(depth, 2)];
}

static Fragment list_fragment(const Context& ctx, const deck::Block& list, float width, int depth);

static float item_size(const Context& ctx, int depth) {
  return ctx.type_px(ctx.body * (depth == 0 ? 1.0f : ctx.theme.item2_scale));
}

// The hanging indent of a list: room for its widest marker ("10." is wider
// than "9.") plus a gap, and never less than the theme's indent.
static float list_indent(const Context& ctx, const deck::Block& list, int depth) {
  const float size = item_size(ctx, depth);
  float indent = std::max(ctx.body_px(ctx.theme.list_indent), size * 1.35f);
  if (list.ordered && !list.items.empty()) {
    const std::string widest =
        std::to_string(list.start + static_cast<int>(list.items.size()) - 1) + ".";
    text::ParagraphStyle ps;
    ps.lang = ctx.deck.meta.lang;
    const text::Paragraph p = text::layout_paragraph(
        ctx.fonts, {text::TextRun{widest, style_of(size, ctx.theme.accent, true)}}, ps, 1e6f);
    indent = std::max(indent, p.width + size * 0.5f);
  }
  return indent;
}

static Fragment item_blocks(const Context& ctx, const deck::ListItem& item,
                            const std::string& marker, float indent, float width, int depth) {
  Fragment f;
  const float size = item_size(ctx, depth);
  float y = 0;
  bool marker_drawn = false;
  for (const deck::Block& b : item.blocks) {
    if (b.kind == deck::BlockKind::kList) {
      if (y > 0) {
        y += ctx.body_px(ctx.theme.block_gap) * 0.25f;
        f.gap(y, ctx.body_px(ctx.theme.block_gap) * 0.25f);
      }
      Fragment nested = list_fragment(ctx, b, width - indent, depth + 1);
      f.append(std::move(nested), indent, y);
      y = f.height;
      continue;
    }
    if (y > 0) y += ctx.body_px(ctx.theme.block_gap) * 0.3f;
    text::ParagraphStyle ps;
    ps.align = text::Align::kLeft;
    ps.line_height = ctx.theme.line_height;
    ps.lang = ctx.deck.meta.lang;
    ps.indent = indent;
    if (!marker_drawn) {
      ps.marker = marker;
      ps.marker_style = style_of(size, ctx.theme.accent, true);
      marker_drawn = true;
    }
    const deck::RichText& rich = b.kind == deck::BlockKind::kCode
                                     ? deck::RichText{deck::Span{b.code, deck::kCode, {}}}
                                     : b.text;
    TextOrigin origin = TextOrigin::of(b.text, b.line, b.column);
    if (b.kind == deck::BlockKind::kCode) {
      origin = TextOrigin(b.code_line, 1);
      origin.code = true;
    }
    Fragment p = paragraph_fragment(ctx, to_runs(rich, style_of(size, ctx.theme.text), ctx.theme),
                                    ps, width, origin);
    f.append(std::move(p), 0, y);
    y = f.height;
  }
  if (!marker_drawn) {
    // An item with no text of its own (only a nested list): the marker alone.
    text::ParagraphStyle ps;
    ps.marker = marker;
    ps.marker_style = style_of(size, ctx.theme.accent, true);
    ps.indent = indent;
    Fragment p = paragraph_fragment(ctx, {}, ps, width, item.line);
    f.append(std::move(p), 0, 0);
  }
  f.width = width;
  return f;
}

static Fragment list_fragment(const Context& ctx, const deck::Block& list, float width, int depth) {
  Fragment f;
  float y = 0;
  const float gap = ctx.body_px(ctx.theme.block_gap) * (depth == 0 ? 0.5f : 0.25f);
  const float indent = list_indent(ctx, list, depth);
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const deck::ListItem& item = list.items[i];
    if (y > ctx.visible_height) {  // can never be seen: not laid out
      f.cut = true;
      ctx.warn(item.line, 1,
               "the list items from here on cannot be seen on the slide and are not laid out (" +
                   std::to_string(list.items.size() - i) + " more)");
      break;
    }
    std::string marker = list.ordered ? std::to_string(list.start + static_cast<int>(i)) + "."
                                      : std::string(bullet_for(depth));
    Fragment itemf = item_blocks(ctx, item, marker, indent, width, depth);
    if (i > 0) {
      y += gap;
      f.gap(y, gap);
    }
    const float h = itemf.height;
    if (ctx.revealed(item.fragment)) {
      f.append(std::move(itemf), 0, y);
    } else {
      f.keep_gaps_of(itemf, y);
    }
    y += h;
    f.height = y;
  }
  f.width = width;
  return f;
}

// ============================================================================
// [SECTION] Quotes, code, rules, images
// ============================================================================

static Fragment quote_fragment(const Context& ctx, const deck::Block& quote, float width) {
  Fragment f;
  const float bar = ctx.body_px(8);
  const float pad = ctx.body_px(36);
  std::vector<const deck::Block*> body;
  for (const deck::Block& b : quote.children) body.push_back(&b);
  Fragment inner = stack_blocks(ctx, body, width - pad, 1e9f);
  float y = inner.height;
  f.append(std::move(inner), pad, 0);
  if (!quote.text.empty()) {
    // The attribution beneath, a step down, right-aligned.
    y += ctx.body_px(14);
    Fragment a = rich_paragraph(ctx, quote.text,
                                style_of(ctx.type_px(ctx.body * 0.75f), ctx.theme.muted, false),
                                text::Align::kRight, width - pad, quote.line);
    f.append(std::move(a), pad, y);
    y = f.height;
  }
  f.commands.insert(f.commands.begin(), fill_rect(Rect{0, 0, bar, y}, ctx.theme.accent, bar / 2));
  f.width = width;
  f.height = y;
  return f;
}

// A code block's text as runs: its highlighted pieces in the theme's code
// colours, the rest in `plain`.
static std::vector<text::TextRun> code_runs(const Theme& theme, const std::string& code,
                                            const std::vector<deck::CodeToken>& tokens,
                                            const text::TextStyle& plain) {
  const auto color_of = [&](deck::CodeTokenKind kind) {
    switch (kind) {
      case deck::CodeTokenKind::kKeyword:
        return theme.code.keyword;
      case deck::CodeTokenKind::kType:
        return theme.code.type;
      case deck::CodeTokenKind::kString:
        return theme.code.string;
      case deck::CodeTokenKind::kComment:
        return theme.code.comment;
      case deck::CodeTokenKind::kNumber:
        return theme.code.number;
      case deck::CodeTokenKind::kFunction:
        return theme.code.function;
    }
    return plain.color;
  };
  std::vector<text::TextRun> runs;
  std::size_t at = 0;
  const auto add = [&](std::size_t end, text::Color color) {
    if (end <= at) return;
    text::TextStyle style = plain;
    style.color = color;
    runs.push_back(text::TextRun{code.substr(at, end - at), style});
    at = end;
  };
  for (const deck::CodeToken& t : tokens) {
    if (t.begin < at || t.begin >= code.size()) continue;
    add(t.begin, plain.color);
    add(std::min<std::size_t>(t.end, code.size()), color_of(t.kind));
  }
  add(code.size(), plain.color);
  if (runs.empty()) runs.push_back(text::TextRun{std::string(), plain});
  return runs;
}

static Fragment code_fragment(const Context& ctx, const deck::Block& block, float width) {
  Fragment f;
  const float pad = ctx.body_px(28);
  text::TextStyle s = style_of(slide_px(ctx, ctx.theme.code_size), ctx.theme.text);
  s.monospace = true;
  text::ParagraphStyle ps;
  ps.line_height = ctx.theme.table_line_height;
  ps.lang = ctx.deck.meta.lang;
  std::string code = block.code;
  while (!code.empty() && code.back() == '\n') code.pop_back();
  TextOrigin origin(block.code_line > 0 ? block.code_line : block.line, 1);
  origin.code = true;
  Fragment p = paragraph_fragment(ctx, code_runs(ctx.theme, code, block.code_tokens, s), ps,
                                  width - 2 * pad, origin);
  const float h = p.height + 2 * pad;
  f.add(fill_rect(Rect{0, 0, width, h}, ctx.theme.surface, ctx.px(12)));
  f.append(std::move(p), pad, pad);
  f.width = width;
  f.height = h;
  return f;
}

// An image's box in a column `width` wide: its own size (`w:`/`h:`, in CSS
// pixels), else the column's width; never taller than `max_height` (but
// never squeezed below 120 px either).
struct ImageBox {
  float w = 0, h = 0;
  int pixel_width = 0;
  bool readable = false;
};

static ImageBox measure_image(const Context& ctx, const deck::Image& img, float width,
                              float max_height) {
  ImageBox box;
  if (img.media.kind == deck::MediaKind::kAudio) {
    // A sound is a player bar: a line high, as wide as asked (else 900 px).
    box.readable = !img.resolved.empty();
    box.w = img.width > 0   ? std::min(width, img.width * ctx.css_unit)
            : img.width < 0 ? width * std::min(1.0f, -img.width)
                            : std::min(width, ctx.px(900));
    box.h = box.readable ? ctx.px(88) : ctx.px(160);
    return box;
  }
  int iw = 0, ih = 0;
  box.readable = image_size(img, &iw, &ih);
  box.pixel_width = iw;
  float w = width, h = 0;
  if (img.width > 0) w = std::min(width, img.width * ctx.css_unit);
  if (img.width < 0) w = width * std::min(1.0f, -img.width);
  const float aspect =
      box.readable ? static_cast<float>(ih) / static_cast<float>(iw) : 9.0f / 16.0f;
  h = w * aspect;
  if (img.height > 0) {
    h = img.height * ctx.css_unit;
    if (img.width == 0) w = std::min(width, h / aspect);
  }
  const float limit = std::max(max_height, ctx.px(120));
  if (h > limit) {
    h = limit;
    w = h / aspect;
  }
  box.w = w;
  box.h = h;
  return box;
}

// A clip in its box at (0, 0): one kClip the sinks fill (a video's frame or
// poster; a sound's bar, with its name and length written here over it),
// and a hit region, so that a click or tap plays and pauses it.
static Fragment clip_fragment(const Context& ctx, const deck::Block& block, Command c) {
  Fragment f;
  const deck::Image& img = block.image;
  const int ordinal = deck::clip_ordinal(ctx.slide, &img);
  c.kind = CommandKind::kClip;
  c.image_path = img.resolved;
  const std::string key = deck::clip_key(ctx.slide.index, std::max(0, ordinal));
  c.clip_key = key;
  c.clip = img.media;
  const Rect rect = c.rect;
  f.width = rect.w;
  f.height = rect.h;
  f.add(std::move(c));
  if (img.media.kind == deck::MediaKind::kAudio) {
    // The name after the play button (a square as high as the bar), and the length.
    std::string name = img.alt.empty() ? img.src.substr(img.src.find_last_of('/') + 1) : img.alt;
    if (img.media.duration_s > 0) name += "  " + base::clock_text(img.media.duration_s);
    Fragment label = rich_paragraph(ctx, deck::RichText{deck::Span{name, 0, {}}},
                                    style_of(slide_px(ctx, ctx.theme.small_size), ctx.theme.text),
                                    text::Align::kLeft,
                                    std::max(1.0f, rect.w - rect.h - ctx.px(24)), block.line);
    const float y = std::max(0.0f, (rect.h - ctx.px(10) - label.height) / 2);
    f.append(std::move(label), rect.h, y);
    f.width = rect.w;
    f.height = rect.h;
  }
  f.hits.push_back(HitRegion{"clip:" + key, img.alt.empty() ? img.src : img.alt, rect, {}});
  return f;
}

// The image in its box at (0, 0), or a placeholder that names what is
// missing, so that the audience sees a labelled gap, never a silent hole.
static Fragment draw_image(const Context& ctx, const deck::Block& block, const ImageBox& box) {
  Fragment f;
  const deck::Image& img = block.image;
  Command c;
  c.kind = CommandKind::kImage;
  c.rect = Rect{0, 0, box.w, box.h};
  c.label = img.alt.empty() ? img.src : img.alt;
  f.width = box.w;
  f.height = box.h;
  if (box.readable && img.is_clip()) return clip_fragment(ctx, block, std::move(c));
  if (box.readable) {
    c.image_path = img.resolved;
    c.filters = filters_for(img, box.pixel_width, box.w, ctx.css_unit);
    f.add(std::move(c));
    return f;
  }
  if (!img.resolved.empty()) {
    ctx.warn(block.line, block.column, "cannot read image '" + img.src + "'");
  }
  f.add(std::move(c));
  Fragment label = rich_paragraph(
      ctx, deck::RichText{deck::Span{"▣ " + (img.alt.empty() ? img.src : img.alt), 0, {}}},
      style_of(slide_px(ctx, ctx.theme.small_size), ctx.theme.muted), text::Align::kCenter,
      box.w - ctx.px(40), block.line);
  const float ly = std::max(0.0f, (box.h - label.height) / 2);
  f.append(std::move(label), ctx.px(20), ly);
  f.width = box.w;
  return f;
}

// One image, centred in its column.
static Fragment image_fragment(const Context& ctx, const deck::Block& block, float width,
                               float max_height) {
  const ImageBox box = measure_image(ctx, block.image, width, max_height);
  Fragment f;
  f.append(draw_image(ctx, block, box), (width - box.w) / 2, 0);
  f.width = width;
  f.height = box.h;
  return f;
}

// The images of one paragraph side by side, as Marp sets inline images: each
// at its own size, all shrunk together when the row is wider than the
// column, their feet on one line, the row centred.
static Fragment image_row_fragment(const Context& ctx, const std::vector<const deck::Block*>& row,
                                   float width, float max_height) {
  const float gap = ctx.px(24);
  std::vector<ImageBox> boxes;
  float total = 0;
  for (const deck::Block* b : row) {
    boxes.push_back(measure_image(ctx, b->image, width, max_height));
    total += boxes.back().w;
  }
  const float room = std::max(1.0f, width - gap * static_cast<float>(row.size() - 1));
  const float shrink = total > room ? room / total : 1.0f;
  float height = 0;
  for (ImageBox& box : boxes) {
    box.w *= shrink;
    box.h *= shrink;
    height = std::max(height, box.h);
  }
  Fragment f;
  float x = (width - (total * shrink + gap * static_cast<float>(row.size() - 1))) / 2;
  for (std::size_t i = 0; i < row.size(); ++i) {
    f.append(draw_image(ctx, *row[i], boxes[i]), x, height - boxes[i].h);
    x += boxes[i].w + gap;
  }
  f.width = width;
  f.height = height;
  return f;
}

// ============================================================================
// [SECTION] Stacking
// ============================================================================

// A block narrower than its column, centred in it.
static Fragment centred_in(Fragment f, float width) {
  if (f.width <= 0 || f.width >= width) return f;
  Fragment centred;
  const float x = (width - f.width) / 2;
  centred.append(std::move(f), x, 0);
  centred.width = width;
  return centred;
}

static Fragment block_fragment(const Context& ctx, const deck::Block& b, float width,
                               float max_height, int diagram_index) {
  switch (b.kind) {
    case deck::BlockKind::kHeading: {
      // ## a step above the body; ### the body's size in bold.
      float size = b.level <= 2 ? slide_px(ctx, ctx.theme.subheading_size) : body_size(ctx);
      if (b.fit) size = fitted_heading_size(ctx, b.text, size, width);
      return rich_paragraph(ctx, b.text, style_of(size, ctx.theme.heading, true), body_align(ctx),
                            width, b.line, b.column, ctx.theme.heading_line_height);
    }
    case deck::BlockKind::kParagraph:
      return rich_paragraph(ctx, b.text, style_of(body_size(ctx), ctx.theme.text), body_align(ctx),
                            width, b.line, b.column);
    case deck::BlockKind::kList: {
      Fragment list = list_fragment(ctx, b, width, 0);
      if (body_align(ctx) != text::Align::kCenter) return list;
      // On a centred slide a list keeps its items flush left under their
      // markers, and the block as a whole centres (as a narrow table does).
      float used = 0;
      for (const TextItem& t : list.texts) {
        for (const text::Line& l : t.lines) used = std::max(used, t.rect.x + l.x + l.width);
      }
      list.width = used;
      return centred_in(std::move(list), width);
    }
    case deck::BlockKind::kTable: {
      Fragment table = table_fragment(ctx, b, width);
      if (body_align(ctx) != text::Align::kCenter) return table;
      return centred_in(std::move(table), width);
    }
    case deck::BlockKind::kQuote:
      return quote_fragment(ctx, b, width);
    case deck::BlockKind::kCode:
      return code_fragment(ctx, b, width);
    case deck::BlockKind::kImage:
      return image_fragment(ctx, b, width, max_height);
    case deck::BlockKind::kDiagram:
      return diagram_fragment(ctx, b, "d" + std::to_string(diagram_index), width, max_height);
    case deck::BlockKind::kRule: {
      Fragment f;
      const float h = ctx.body_px(24);
      f.add(fill_rect(Rect{0, h / 2 - ctx.px(1), width, ctx.px(2)}, ctx.theme.rule));
      f.width = width;
      f.height = h;
      return f;
    }
  }
  return {};
}

Fragment stack_blocks(const Context& ctx, const std::vector<const deck::Block*>& blocks,
                      float width, float max_height) {
  Fragment f;
  float y = 0;
  // Blocks that start below what can be seen are not laid out (autofit tries
  // again at a smaller size, with its own cut; its overflow warning says so).
  const float limit = ctx.visible_height;
  const deck::Block* previous = nullptr;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const deck::Block* b = blocks[i];
    // Images of one paragraph make one row.
    std::size_t row_end = i + 1;
    while (b->kind == deck::BlockKind::kImage && row_end < blocks.size() &&
           blocks[row_end]->kind == deck::BlockKind::kImage && blocks[row_end]->beside_previous) {
      ++row_end;
    }
    if (y > limit) {
      f.cut = true;
      break;
    }
    if (y > 0) {
      // A heading keeps with what it heads: a smaller gap, which never grows.
      if (previous && previous->kind == deck::BlockKind::kHeading) {
        y += ctx.body_px(ctx.theme.block_gap) * 0.4f;
      } else {
        y += ctx.body_px(ctx.theme.block_gap);
        f.gap(y, ctx.body_px(ctx.theme.block_gap));
      }
    }
    previous = b;
    // Diagrams are numbered by their place among the slide's blocks so that
    // their ids stay stable when other blocks change.
    int diagram_index = 0;
    for (const deck::Block& other : ctx.slide.blocks) {
      if (&other == b) break;
      if (other.kind == deck::BlockKind::kDiagram) ++diagram_index;
    }
    const float room = std::max(0.0f, max_height - y);
    Fragment piece = row_end > i + 1 ? image_row_fragment(
                                           ctx,
                                           {blocks.begin() + static_cast<std::ptrdiff_t>(i),
                                            blocks.begin() + static_cast<std::ptrdiff_t>(row_end)},
                                           width, room)
                                     : block_fragment(ctx, *b, width, room, diagram_index);
    i = row_end - 1;
    const float h = piece.height;
    if (ctx.revealed(b->fragment)) {
      if (ctx.state.animation < 1 && b->fragment == ctx.state.step && b->fragment > 0) {
        Command push;
        push.kind = CommandKind::kPushOpacity;
        push.opacity = ctx.state.animation;
        f.commands.push_back(push);
        f.append(std::move(piece), 0, y);
        Command pop;
        pop.kind = CommandKind::kPopOpacity;
        f.commands.push_back(pop);
      } else {
        f.append(std::move(piece), 0, y);
      }
    } else {
      f.keep_gaps_of(piece, y);
    }
    y += h;
    f.height = y;
  }
  f.width = width;
  return f;
}

}  // namespace madang::layout
