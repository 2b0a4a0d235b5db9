// The window modes' overlays (see overlays.h).
//
// [SECTION] Look: sizes and colours (the console's, screen_text.h)
// [SECTION] Pieces: panels, keycaps
// [SECTION] Help: groups in columns, fitted to the window
// [SECTION] Jump, errors, keypad
// [SECTION] Public API

#include "screens/overlays.h"

#include <algorithm>
#include <cmath>

#include "layout/fragment.h"
#include "screens/screen_text.h"
#include "layout/theme.h"

namespace madang::layout {

namespace {

// ============================================================================
// [SECTION] Look: sizes and colours (the console's, screen_text.h)
// ============================================================================

// Type sizes, in pixels of a 1080p display; nothing under kOverlayMinText.
constexpr float kText28 = kOverlayMinText;
constexpr float kHelpTitle = 40;
constexpr float kGroupTitle = 32;
constexpr float kJumpDigits = 96;
constexpr float kJumpTotal = 44;

constexpr Color kRule = 0x3a424bff;        // the notes' rule colour
constexpr Color kKeycap = 0x2a3139ff;      // the notes' surface, a step lighter
constexpr Color kKeycapEdge = 0x4a5561ff;  // its edge, like a key's
constexpr Color kKeyFace = 0x2b323aff;     // a keypad key
constexpr Color kKeyAction = 0x232930ff;   // 지우기, 취소
constexpr Color kOnAccent = 0x0b1f24ff;    // text on the accent colour
constexpr Color kBehindDim = 0x000000b0;   // the slide behind the keypad (not a panel)
constexpr Color kPlaceholder = 0x3c3c42ff;

constexpr const char* kJumpLabel = "슬라이드로 이동 · Go to slide";
constexpr const char* kErrorHead =
    "덱을 다시 읽지 못했습니다: 마지막으로 성공한 덱을 보여 줍니다 · Reload failed: showing the "
    "last good deck";

const deck::Deck& no_deck() {
  static const deck::Deck deck;
  return deck;
}

Theme overlay_theme() {
  return screen_palette_theme("", kPanel);
}

bool same(const Rect& a, const Rect& b) {
  return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

// ============================================================================
// [SECTION] Pieces: panels, keycaps
// ============================================================================

// An opaque panel, its edge drawn inside it.
void panel(Fragment& out, std::vector<Rect>* panels, Rect r, Color fill, Color edge, float edge_w,
           float radius) {
  out.add(fill_rect(r, fill, radius));
  if (edge_w > 0) {
    const float h = edge_w / 2;
    out.add(stroke_rect(Rect{r.x + h, r.y + h, r.w - edge_w, r.h - edge_w}, edge, edge_w,
                        std::max(0.0f, radius - h)));
  }
  panels->push_back(r);
}

float line_px(const Context& ctx, float value_1080p) {
  return std::max(1.0f, std::round(ctx.px(value_1080p)));
}

// One line of text as wide as its ink (`width` bounds it).
Fragment tight(const Writer& w, const std::vector<text::TextRun>& runs, float width) {
  Fragment f = w.line(runs, width);
  f.width = inked_width(f);
  return f;
}

// Keys as keycaps, left to right, wrapping within `max_w`.
Fragment keycaps(const Writer& w, const std::vector<std::string>& keys, float max_w) {
  const Context& ctx = w.ctx;
  const float pad_x = std::round(ctx.px(10)), pad_y = std::round(ctx.px(3));
  const float gap = std::round(ctx.px(7));
  const float radius = ctx.px(8), edge = line_px(ctx, 2);
  Fragment out;
  float x = 0, y = 0, row_h = 0;
  for (const std::string& key : keys) {
    Fragment t = tight(w, {w.run(key, kText28, kText, true)}, ctx.px(2000));
    const float cw = std::round(t.width + 2 * pad_x), ch = std::round(t.height + 2 * pad_y);
    if (x > 0 && x + cw > max_w) {
      x = 0;
      y += row_h + gap;
      row_h = 0;
    }
    const Rect r{x, y, cw, ch};
    out.add(fill_rect(r, kKeycap, radius));
    out.add(stroke_rect(Rect{r.x + edge / 2, r.y + edge / 2, r.w - edge, r.h - edge}, kKeycapEdge,
                        edge, radius));
    out.append(std::move(t), x + pad_x, y + pad_y);
    out.width = std::max(out.width, x + cw);
    x += cw + gap;
    row_h = std::max(row_h, ch);
  }
  out.height = y + row_h;
  return out;
}

// ============================================================================
// [SECTION] Help: groups in columns, fitted to the window
// ============================================================================

// One key: its keycaps on the left, what it does on the right (Korean, then
// English in the muted colour), their first lines on one baseline.
Fragment help_entry(const Writer& w, const HelpEntry& e, float keys_w, float gutter, float text_w) {
  const float pad_y = std::round(w.ctx.px(3));
  Fragment caps = keycaps(w, e.keys, keys_w);
  Fragment says =
      w.line({w.run(e.korean, kText28, kText), w.run("   " + e.english, kText28, kMuted)}, text_w);
  Fragment f;
  f.height = std::max(caps.height, says.height + pad_y);
  f.width = keys_w + gutter + text_w;
  f.append(std::move(caps), 0, 0);
  f.append(std::move(says), keys_w + gutter, pad_y);
  return f;
}

Fragment help_group(const Writer& w, const HelpGroup& g, float width) {
  const Context& ctx = w.ctx;
  // The keys' column: as wide as the widest row of keycaps in the group,
  // wrapping them beyond 38% of the width.
  float keys_w = 0;
  for (const HelpEntry& e : g.entries) keys_w = std::max(keys_w, keycaps(w, e.keys, 1e6f).width);
  keys_w = std::min(std::ceil(keys_w), std::round(width * 0.38f));
  const float gutter = std::round(ctx.px(24));
  Fragment f;
  Fragment title = w.text(g.title, kGroupTitle, kAccent, width, text::Align::kLeft, true);
  float y = title.height + std::round(ctx.px(6));
  f.append(std::move(title), 0, 0);
  const float rule = line_px(ctx, 2);
  f.add(fill_rect(Rect{0, y, width, rule}, kRule));
  y += rule + std::round(ctx.px(16));
  const float between = std::round(ctx.px(10));
  for (const HelpEntry& e : g.entries) {
    Fragment entry = help_entry(w, e, keys_w, gutter, width - keys_w - gutter);
    const float h = entry.height;
    f.append(std::move(entry), 0, y);
    y += h + between;
  }
  f.height = y - between;
  f.width = width;
  return f;
}

// Which column each group goes to (the first to the first): the assignment
// whose tallest column is shortest, the earlier one of equals.
std::vector<int> balance(const std::vector<float>& heights, int columns, float gap) {
  const std::size_t n = heights.size();
  std::vector<int> best(n, 0), now(n, 0);
  float best_h = 1e30f;
  long count = 1;
  for (std::size_t i = 1; i < n; ++i) count *= columns;
  for (long code = 0; code < count; ++code) {
    long rest = code;
    std::vector<float> column_h(static_cast<std::size_t>(columns), 0);
    for (std::size_t i = 0; i < n; ++i) {
      now[i] = i == 0 ? 0 : static_cast<int>(rest % columns);
      if (i > 0) rest /= columns;
      float& h = column_h[static_cast<std::size_t>(now[i])];
      h += (h > 0 ? gap : 0) + heights[i];
    }
    const float tallest = *std::max_element(column_h.begin(), column_h.end());
    if (tallest < best_h - 0.5f) {
      best_h = tallest;
      best = now;
    }
  }
  return best;
}

struct HelpPanel {
  Fragment f;  // the panel and everything on it, from its top-left corner
  float w = 0, h = 0;
  int columns = 0;
};

// The help at `unit` in `columns` columns, at most `max_w` wide.
HelpPanel help_panel(text::FontSystem& fonts, const HelpSheet& sheet, float unit, int columns,
                     float max_w) {
  ScreenContext sc(fonts, no_deck(), overlay_theme(), unit, nullptr);
  const Context& ctx = sc.ctx;
  const Writer w{ctx};
  const float pad = std::round(ctx.px(36)), col_gap = std::round(ctx.px(64));
  HelpPanel p;
  p.columns = columns;
  p.w = std::floor(std::min(max_w, ctx.px(1824)));
  const float inner = p.w - 2 * pad;
  const float col_w =
      std::floor((inner - static_cast<float>(columns - 1) * col_gap) / static_cast<float>(columns));
  Fragment body;
  // The head: the title on the left, how to close on the right.
  Fragment close_keys = keycaps(w, sheet.close_keys, inner * 0.3f);
  Fragment close_label = tight(w, {w.run(sheet.close_label, kText28, kMuted)}, inner * 0.3f);
  const float close_gap = std::round(ctx.px(14));
  const float close_w = close_keys.width + close_gap + close_label.width;
  Fragment title =
      w.text(sheet.title, kHelpTitle, kText, inner - close_w - close_gap, text::Align::kLeft, true);
  const float head_h = std::max({title.height, close_keys.height, close_label.height});
  const float pad_y = std::round(ctx.px(3));
  body.append(std::move(title), 0, 0);
  const float close_y = (head_h - close_keys.height) / 2;
  const float label_w = close_label.width;
  body.append(std::move(close_keys), inner - close_w, std::round(close_y));
  body.append(std::move(close_label), inner - label_w, std::round(close_y + pad_y));
  float y = head_h + std::round(ctx.px(24));
  // The groups in the columns, in order within each, the first on the left,
  // so that the tallest column is as short as can be.
  std::vector<Fragment> groups;
  std::vector<float> heights;
  for (const HelpGroup& g : sheet.groups) {
    if (g.entries.empty()) continue;
    groups.push_back(help_group(w, g, col_w));
    heights.push_back(groups.back().height);
  }
  const float group_gap = std::round(ctx.px(30));
  const std::vector<int> where = balance(heights, columns, group_gap);
  std::vector<float> column_h(static_cast<std::size_t>(columns), 0);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto c = static_cast<std::size_t>(where[i]);
    body.append(std::move(groups[i]), static_cast<float>(c) * (col_w + col_gap), y + column_h[c]);
    column_h[c] += heights[i] + group_gap;
  }
  const float tallest = *std::max_element(column_h.begin(), column_h.end());
  y += std::max(0.0f, tallest - group_gap);
  p.h = std::ceil(y + 2 * pad);
  std::vector<Rect> ignored;
  panel(p.f, &ignored, Rect{0, 0, p.w, p.h}, kPanel, kRule, line_px(ctx, 2), ctx.px(16));
  p.f.append(std::move(body), pad, pad);
  return p;
}

// The largest help that fits the window: two columns at the display's size
// when they fit, else three; else the largest scale at which either fits
// (a window smaller than its display), found by bisection.
void help(text::FontSystem& fonts, const HelpSheet& sheet, float unit, Size size, Fragment& out,
          OverlayLayout& result) {
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const auto attempt = [&](float scale, HelpPanel* p) {
    const float u = unit * scale;
    const float margin = std::round(20 * u);
    for (int columns : {2, 3}) {
      HelpPanel tried = help_panel(fonts, sheet, u, columns, W - 2 * margin);
      const bool fits = tried.h <= H - 2 * margin;
      if (fits || columns == 3) *p = std::move(tried);
      if (fits) return true;
    }
    return false;
  };
  HelpPanel best;
  float scale = 1;
  if (!attempt(1, &best)) {
    float lo = 0.25f, hi = 1;
    if (attempt(lo, &best)) {
      scale = lo;
      for (int i = 0; i < 7; ++i) {
        const float mid = (lo + hi) / 2;
        HelpPanel p;
        if (attempt(mid, &p)) {
          lo = scale = mid;
          best = std::move(p);
        } else {
          hi = mid;
        }
      }
    } else {
      scale = lo;  // a window too small for any help: the smallest, centred
    }
  }
  const float x = std::floor((W - best.w) / 2), y = std::floor(std::max(0.0f, (H - best.h) / 2));
  result.panels.push_back(Rect{x, y, best.w, best.h});
  result.help_scale = scale;
  result.help_columns = best.columns;
  out.append(std::move(best.f), x, y);
}

// ============================================================================
// [SECTION] Jump, errors, keypad
// ============================================================================

// The typed slide number, at the foot of the window.
void jump(const Context& ctx, const OverlaySheet& sheet, Size size, Fragment& out,
          OverlayLayout& result) {
  const Writer w{ctx};
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float pad = std::round(ctx.px(28));
  Fragment label = tight(w, {w.run(kJumpLabel, kText28, kMuted)}, W);
  Fragment number = tight(w,
                          {w.run(sheet.jump, kJumpDigits, kText, true),
                           w.run("  / " + std::to_string(sheet.slide_count), kJumpTotal, kMuted)},
                          W);
  Fragment enter = keycaps(w, {"Enter ↵"}, W);
  const float gap = std::round(ctx.px(32));
  const float inner_w = std::max(label.width, number.width + gap + enter.width);
  const float box_w = std::min(W, inner_w + 2 * pad);
  const float box_h = pad + label.height + number.height + pad * 0.5f;
  const Rect box{std::floor((W - box_w) / 2), std::floor(H - box_h - ctx.px(64)), box_w, box_h};
  panel(out, &result.panels, box, kPanel, kAccent, line_px(ctx, 3), ctx.px(16));
  const float number_y = box.y + pad + label.height;
  const float number_h = number.height;
  const float enter_y = number_y + (number_h - enter.height) / 2;
  out.append(std::move(label), box.x + pad, box.y + pad);
  out.append(std::move(number), box.x + pad, number_y);
  const float enter_w = enter.width;
  out.append(std::move(enter), box.x + box.w - pad - enter_w, std::round(enter_y));
}

// A refused reload, at the foot of the window: what failed, as many of the
// messages as fit in half the window, and how many more there are.
void errors(const Context& ctx, const OverlaySheet& sheet, Size size, Fragment& out,
            OverlayLayout& result) {
  const Writer w{ctx};
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float margin = std::round(ctx.px(24)), pad = std::round(ctx.px(24));
  const float inner = W - 2 * margin - 2 * pad;
  const float between = std::round(ctx.px(8));
  Fragment body;
  Fragment head = w.text(kErrorHead, kText28, kBehind, inner, text::Align::kLeft, true);
  float y = head.height + between;
  body.append(std::move(head), 0, 0);
  const float room = H * 0.5f - 2 * pad - margin;
  const float more_h = ctx.px(kText28 * 1.2f) + between;
  int shown = 0;
  for (const std::string& e : sheet.errors) {
    Fragment line = w.text(e, kText28, kText, inner);
    if (shown > 0 && y + line.height + more_h > room) break;
    const float h = line.height;
    body.append(std::move(line), 0, y);
    y += h + between;
    ++shown;
  }
  const int more = std::max(sheet.error_count, static_cast<int>(sheet.errors.size())) - shown;
  if (more > 0) {
    const std::string n = std::to_string(more);
    Fragment line = w.text("외 " + n + "개 · " + n + " more", kText28, kMuted, inner);
    const float h = line.height;
    body.append(std::move(line), 0, y);
    y += h + between;
  }
  const float box_w = std::min(W - 2 * margin, std::ceil(inked_width(body)) + 2 * pad);
  const float box_h = std::min(H - 2 * margin, y - between + 2 * pad);
  const Rect box{margin, std::floor(H - margin - box_h), box_w, box_h};
  panel(out, &result.panels, box, kErrorBox, kBehind, line_px(ctx, 3), ctx.px(12));
  out.add(clip_push(box));
  out.append(std::move(body), box.x + pad, box.y + pad);
  out.add(clip_pop());
}

// One line centred in `r`, at `size` pixels unless that is too wide for it.
void centred(const Writer& w, const Rect& r, const std::string& s, float size, Color color,
             bool bold, Fragment& out) {
  Fragment f = tight(w, {w.run(s, size, color, bold)}, 1e6f);
  if (f.width > r.w * 0.94f && f.width > 0) {
    f = tight(w, {w.run(s, size * r.w * 0.94f / f.width, color, bold)}, 1e6f);
  }
  const float fw = f.width, fh = f.height;
  out.append(std::move(f), std::round(r.x + (r.w - fw) / 2), std::round(r.y + (r.h - fh) / 2));
}

// The kiosk's keypad, over the slide dimmed behind it.
void keypad(text::FontSystem& fonts, const KeypadSheet& k, float unit, Size size, Fragment& out,
            OverlayLayout& result) {
  // Absolute pixels: the keypad's rects are the window's already.
  ScreenContext sc(fonts, no_deck(), overlay_theme(), 1, nullptr);
  const Writer w{sc.ctx};
  const float text_px = std::max(k.text_px, std::round(kOverlayMinText * unit));
  out.add(fill_rect(Rect{0, 0, static_cast<float>(size.width), static_cast<float>(size.height)},
                    kBehindDim));
  panel(out, &result.panels, k.panel, kPanel, kRule, std::max(1.0f, std::round(2 * unit)),
        std::round(16 * unit));
  centred(w, k.title, k.title_text, text_px, kText, true, out);
  if (k.show_dots && k.dots.w > 0) {
    const float r = std::round(std::max(5.0f, k.dots.h * 0.16f)), step = std::round(r * 3.4f);
    const int n = std::max(k.typed, k.dots_min);
    float x = k.dots.x + (k.dots.w - step * static_cast<float>(n - 1)) / 2;
    const float y = k.dots.y + k.dots.h / 2;
    const float edge = std::max(1.5f, r * 0.3f);
    for (int i = 0; i < n; ++i, x += step) {
      const Rect dot{std::round(x - r), std::round(y - r), 2 * r, 2 * r};
      if (i < k.typed) {
        out.add(fill_rect(dot, kText, r));
      } else {
        out.add(stroke_rect(Rect{dot.x + edge / 2, dot.y + edge / 2, dot.w - edge, dot.h - edge},
                            kMuted, edge, r - edge / 2));
      }
    }
  }
  if (!k.note_text.empty()) centred(w, k.note, k.note_text, text_px, kBehind, true, out);
  for (const PadKey& key : k.keys) {
    const Rect& r = key.rect;
    const float radius = std::round(std::min(r.w, r.h) * 0.14f);
    switch (key.look) {
      case PadLook::kKey:
        out.add(fill_rect(r, kKeyFace, radius));
        centred(w, r, key.label, std::round(r.h * 0.42f), kText, true, out);
        break;
      case PadLook::kAction:
        out.add(fill_rect(r, kKeyAction, radius));
        out.add(stroke_rect(Rect{r.x + 1, r.y + 1, r.w - 2, r.h - 2}, kRule, 2, radius - 1));
        centred(w, r, key.label, text_px, kText, true, out);
        break;
      case PadLook::kPrimary:
        out.add(fill_rect(r, kAccent, radius));
        centred(w, r, key.label, text_px, kOnAccent, true, out);
        break;
    }
  }
}

}  // namespace

bool KeypadSheet::operator==(const KeypadSheet& o) const {
  return same(panel, o.panel) && same(title, o.title) && same(dots, o.dots) && same(note, o.note) &&
         title_text == o.title_text && note_text == o.note_text && show_dots == o.show_dots &&
         typed == o.typed && dots_min == o.dots_min && text_px == o.text_px && keys == o.keys;
}

// ============================================================================
// [SECTION] Public API
// ============================================================================

OverlayLayout layout_overlays(text::FontSystem& fonts, const OverlaySheet& sheet, Size size) {
  OverlayLayout result;
  const float unit = std::max(0.1f, sheet.unit);
  ScreenContext sc(fonts, no_deck(), overlay_theme(), unit, nullptr);
  Fragment out;
  // Bottom to top: errors, help, the typed number, the keypad.
  if (!sheet.errors.empty()) errors(sc.ctx, sheet, size, out, result);
  if (sheet.help) help(fonts, *sheet.help, unit, size, out, result);
  if (!sheet.jump.empty()) jump(sc.ctx, sheet, size, out, result);
  if (sheet.keypad) keypad(fonts, *sheet.keypad, unit, size, out, result);
  result.list = to_list(std::move(out), size, 0x00000000);
  return result;
}

OverviewLayout layout_overview(text::FontSystem& fonts, const OverviewSheet& sheet, Size size) {
  OverviewLayout result;
  const float unit = std::max(0.1f, sheet.unit);
  ScreenContext sc(fonts, no_deck(), overlay_theme(), unit, nullptr);
  const Context& ctx = sc.ctx;
  const Writer w{ctx};
  Fragment under;
  for (const Rect& r : sheet.thumbs) under.add(fill_rect(r, kPlaceholder));
  result.backdrop = to_list(std::move(under), size, kOverviewBackdrop);

  Fragment over;
  const float label = std::min(kText28 * 1.1f, sheet.label_height * 0.8f / unit);
  const float current_w = line_px(ctx, 2.5f), cursor_w = line_px(ctx, 6);
  for (std::size_t i = 0; i < sheet.thumbs.size(); ++i) {
    const Rect& r = sheet.thumbs[i];
    const int index = static_cast<int>(i);
    if (index == sheet.current) {
      over.add(stroke_rect(
          Rect{r.x + current_w / 2, r.y + current_w / 2, r.w - current_w, r.h - current_w}, kText,
          current_w));
    }
    if (index == sheet.cursor) {
      const float o = cursor_w / 2 + line_px(ctx, 2);
      over.add(stroke_rect(Rect{r.x - o, r.y - o, r.w + 2 * o, r.h + 2 * o}, kAccent, cursor_w,
                           cursor_w));
    }
    Fragment number =
        w.text(std::to_string(index + 1), label, index == sheet.cursor ? kAccent : kMuted, r.w,
               text::Align::kCenter, index == sheet.cursor);
    const float y = r.y + r.h + std::max(0.0f, (sheet.label_height - number.height) / 2);
    over.append(std::move(number), r.x, std::round(y));
  }
  result.marks = to_list(std::move(over), size, 0x00000000);
  return result;
}

}  // namespace madang::layout
