// The presenter console's layout (see console.h).
//
// [SECTION] Look: colours (screen_text.h) and sizes
// [SECTION] Grid: where the panels go
// [SECTION] Pieces: text, slides in panels
// [SECTION] Panels: top bar, current, next, notes, strip
// [SECTION] Clock: timers and pace
// [SECTION] Public API

#include "screens/console.h"

#include <algorithm>
#include <cmath>

#include "layout/fragment.h"
#include "layout/pdf_slide.h"
#include "layout/theme.h"
#include "screens/screen_text.h"

namespace madang::layout {

namespace {

// ============================================================================
// [SECTION] Look: colours (screen_text.h) and sizes
// ============================================================================

// Type sizes, in pixels of a 1920x1080 console.
constexpr float kLabel = 26;
constexpr float kCounter = 56;
constexpr float kStepText = 34;
constexpr float kTimer = 72;
constexpr float kTimerSmall = 56;
constexpr float kPace = 40;
constexpr float kNotes = 36;
constexpr float kCaption = 30;

// The theme the notes are set in: the slides' block layout with the
// console's colours and the notes' size.
Theme notes_theme(const deck::Deck& deck) {
  Theme t = screen_palette_theme(deck.meta.theme, kPanel);
  t.surface = 0x262c33ff;
  t.surface_alt = 0x20252bff;
  t.rule = 0x3a424bff;
  t.body_size = kNotes;
  t.small_size = kNotes;
  t.subheading_size = kNotes * 1.1f;
  t.heading_size = kNotes * 1.15f;
  t.code_size = kNotes * 0.85f;
  t.line_height = 1.5f;
  t.block_gap = 18;
  t.min_text = 0;  // the speaker zooms the notes at will; the hall's floor is for slides
  return t;
}

// ============================================================================
// [SECTION] Grid: where the panels go
// ============================================================================

struct Grid {
  float unit = 1;  // console pixels per 1080p pixel
  float margin = 0, gap = 0;
  Rect bar;            // top bar: position and the time
  Rect current_label;  // "현재" row
  Rect current;        // the current slide
  Rect pace;           // under the current slide
  Rect next_label, next;
  Rect notes_label, notes;
  Rect strip;
};

Rect fit_aspect(Rect box, float aspect, bool centre_x) {
  float w = box.w, h = box.w / aspect;
  if (h > box.h) {
    h = box.h;
    w = h * aspect;
  }
  w = std::floor(w);
  h = std::floor(h);
  const float x = centre_x ? box.x + std::floor((box.w - w) / 2) : box.x;
  return Rect{std::round(x), std::round(box.y), w, h};
}

Grid grid_for(Size size, float aspect) {
  Grid g;
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  g.unit = std::min(H / 1080.0f, W / 1920.0f);
  const float u = g.unit;
  g.margin = std::round(24 * u);
  g.gap = std::round(24 * u);
  const float m = g.margin;
  g.bar = Rect{m, m, W - 2 * m, std::round(104 * u)};
  const float strip_h = std::round(150 * u);
  g.strip = Rect{m, H - m - strip_h, W - 2 * m, strip_h};
  const float top = g.bar.y + g.bar.h + g.gap;
  const float bottom = g.strip.y - g.gap;
  const float label_h = std::round(44 * u);
  const float left_w = std::floor((W - 2 * m - g.gap) * 0.6f);
  const float right_x = m + left_w + g.gap;
  const float right_w = W - m - right_x;

  const float pace_h = std::round(132 * u);
  g.current_label = Rect{m, top, left_w, label_h};
  g.current =
      fit_aspect(Rect{m, top + label_h, left_w, bottom - top - label_h - pace_h}, aspect, false);
  g.pace = Rect{m, g.current.y + g.current.h, left_w, bottom - (g.current.y + g.current.h)};

  g.next_label = Rect{right_x, top, right_w, label_h};
  g.next = fit_aspect(Rect{right_x, top + label_h, right_w, (bottom - top) * 0.36f}, aspect, false);
  const float notes_top = g.next.y + g.next.h + g.gap;
  g.notes_label = Rect{right_x, notes_top, right_w, label_h};
  g.notes = Rect{right_x, notes_top + label_h, right_w, bottom - notes_top - label_h};
  return g;
}

float deck_aspect(const deck::Deck& deck) {
  return static_cast<float>(std::max(1, deck.meta.aspect_w)) /
         static_cast<float>(std::max(1, deck.meta.aspect_h));
}

// ============================================================================
// [SECTION] Pieces: text, slides in panels
// ============================================================================

// Text too small to read (a thumbnail's) is drawn as a soft bar the length
// of its run, as layout programs "greek" it: the slide keeps its look at a
// glance, and no glyph is rasterized at a size nobody can read.
constexpr float kGreekBelowPx = 7;

Command greeked(const Command& run) {
  float left = 0, right = 0;
  for (const text::Glyph& g : run.run.glyphs) right = std::max(right, g.x + g.advance);
  const float h = std::max(1.0f, run.run.size * 0.45f);
  text::Color color = run.run.style.color;
  color = (color & 0xffffff00u) | ((color & 0xffu) * 2 / 5);  // ink spread thin
  return fill_rect(Rect{run.origin.x + left, run.origin.y - run.run.size * 0.55f, right - left, h},
                   color);
}

// A slide's display list drawn inside `at` (its size), clipped to it. Its
// hit regions come along when `with_hits` (the current slide: the speaker
// clicks the hall's diagrams there); a thumbnail (`greek`) greeks its text.
void place_list(Fragment& out, const DisplayList& list, Rect at, bool with_hits,
                bool greek = false) {
  Fragment piece;
  piece.add(fill_rect(Rect{0, 0, at.w, at.h}, list.background));
  piece.commands.reserve(list.commands.size() + 1);
  for (const Command& c : list.commands) {
    const bool tiny = greek && c.kind == CommandKind::kGlyphRun && c.run.size < kGreekBelowPx;
    piece.commands.push_back(tiny ? greeked(c) : c);
  }
  if (with_hits) piece.hits = list.hits;
  piece.width = at.w;
  piece.height = at.h;
  out.add(clip_push(at));
  out.append(std::move(piece), at.x, at.y);
  out.add(clip_pop());
}

// A frame around `r` that leaves every pixel of `r` to what is inside.
Command frame_around(Rect r, text::Color color, float width) {
  return stroke_rect(Rect{r.x - width / 2, r.y - width / 2, r.w + width, r.h + width}, color,
                     width);
}

Size size_of(Rect r) {
  return Size{std::max(1, static_cast<int>(r.w)), std::max(1, static_cast<int>(r.h))};
}

// ============================================================================
// [SECTION] Panels: top bar, current, next, notes, strip
// ============================================================================

struct Panels {
  text::FontSystem& fonts;
  LayoutCache& slides;
  const deck::Deck& deck;
  const ConsoleInput& in;
  const Grid& g;
  const Context& ctx;
  Writer w{ctx};

  float px(float v) const { return ctx.px(v); }

  void label(Fragment& out, Rect row, const std::string& s, text::Color color = kMuted) const {
    Fragment t = w.text(s, kLabel, color, row.w, text::Align::kLeft, true);
    out.append(std::move(t), row.x, row.y + std::max(0.0f, row.h - t.height) / 2);
  }

  void bar(Fragment& out) const {
    const int count = static_cast<int>(deck.slides.size());
    std::vector<text::TextRun> runs = {
        w.run(std::to_string(in.slide + 1), kCounter, kText, true),
        w.run(" / " + std::to_string(count), kCounter * 0.7f, kMuted, true)};
    if (in.steps > 0) {
      runs.push_back(w.run("   단계 " + std::to_string(in.step) + " / " + std::to_string(in.steps),
                           kStepText, kAccent));
    }
    Fragment f = w.line(runs, g.bar.w * 0.4f);
    const float after = g.bar.x + inked_width(f) + px(32);
    out.append(std::move(f), g.bar.x, g.bar.y + std::max(0.0f, g.bar.h - f.height) / 2);
    if (!in.badge.empty()) {
      // The mode (a rehearsal records): a pill after the position.
      Fragment t = w.text(in.badge, kLabel, kBackground, g.bar.w * 0.2f, text::Align::kLeft, true);
      const float pad = px(14), h = t.height + px(10), y = g.bar.y + (g.bar.h - h) / 2;
      const float tw = inked_width(t);
      out.add(fill_rect(Rect{after, y, tw + 2 * pad, h}, kBehind, h / 2));
      out.append(std::move(t), after + pad, y + px(5));
    }
  }

  void current(Fragment& out) const {
    std::string caption = "현재 · 청중이 보는 화면";
    text::Color color = kMuted;
    if (in.frozen) {
      caption = "청중 화면 고정됨: 슬라이드 " + std::to_string(in.frozen_slide + 1) + " (Z로 풀기)";
      color = kWarning;
    }
    label(out, g.current_label, caption, color);
    const Rect r = g.current;
    if (in.blank != ConsoleBlank::kNone) {
      const bool white = in.blank == ConsoleBlank::kWhite;
      out.add(fill_rect(r, white ? 0xffffffff : 0x000000ff));
      Fragment t =
          w.text(white ? "흰 화면 (W 또는 Esc로 돌아감)" : "검은 화면 (B 또는 Esc로 돌아감)",
                 kCaption, white ? 0x555555ff : 0x8a8a8aff, r.w, text::Align::kCenter);
      out.append(std::move(t), r.x, r.y + (r.h - t.height) / 2);
    } else if (in.slide >= 0 && in.slide < static_cast<int>(deck.slides.size())) {
      const SlideLayout& l = slides.get(fonts, deck, in.slide, in.state, size_of(r));
      place_list(out, l.list, r, true);
    }
    out.add(frame_around(r, in.frozen ? kWarning : 0x3a424bff, px(in.frozen ? 4 : 2)));
  }

  void next(Fragment& out) const {
    std::string caption;
    if (in.next_end) {
      caption = "다음: 없음 (마지막 슬라이드)";
    } else if (in.next_same_slide) {
      caption =
          "다음: 단계 " + std::to_string(in.next_state.step) + " / " + std::to_string(in.steps);
    } else {
      caption = "다음: 슬라이드 " + std::to_string(in.next_slide + 1);
    }
    label(out, g.next_label, caption);
    const Rect r = g.next;
    if (in.next_end) {
      out.add(fill_rect(r, kPanel, px(8)));
      Fragment t = w.text("끝", kCaption * 1.4f, kMuted, r.w, text::Align::kCenter, true);
      out.append(std::move(t), r.x, r.y + (r.h - t.height) / 2);
      return;
    }
    const SlideLayout& l = slides.get(fonts, deck, in.next_slide, in.next_state, size_of(r));
    place_list(out, l.list, r, false);
    out.add(frame_around(r, 0x3a424bff, px(2)));
  }

  // Returns {scroll used, last scroll step}.
  std::pair<int, int> notes(Fragment& out, DiagnosticLog* diagnostics) const {
    const deck::Slide* slide = in.slide >= 0 && in.slide < static_cast<int>(deck.slides.size())
                                   ? &deck.slides[static_cast<std::size_t>(in.slide)]
                                   : nullptr;
    const Rect r = g.notes;
    out.add(fill_rect(r, kPanel, px(8)));
    const float pad = px(24);
    const Rect inner{r.x + pad, r.y + pad * 0.75f, r.w - 2 * pad, r.h - 1.5f * pad};
    const float zoom = 1.0f + 0.1f * static_cast<float>(in.notes_zoom);
    std::string caption = "노트";
    if (in.notes_zoom != 0) {
      caption += "  " + std::to_string(static_cast<int>(std::lround(zoom * 100))) + "%";
    }
    // Beamer's notes on a second screen: the notes half of the page of this
    // step is the notes, a picture drawn as sharp as the slide.
    if (slide && slide->notes_blocks.empty() && !slide->pdf_pages.empty() &&
        deck.pdf.notes_part.w > 0) {
      label(out, g.notes_label, caption + "  · Beamer");
      const int page = pdf_page_at(*slide, in.step);
      double page_w = deck.pdf.page_width, page_h = deck.pdf.page_height;
      if (static_cast<std::size_t>(page) < deck.pdf.page_sizes.size()) {
        page_w = deck.pdf.page_sizes[static_cast<std::size_t>(page)].first * deck.pdf.notes_part.w;
        page_h = deck.pdf.page_sizes[static_cast<std::size_t>(page)].second * deck.pdf.notes_part.h;
      }
      if (page_w > 0 && page_h > 0 && inner.w > 0 && inner.h > 0) {
        const double fit = std::min(inner.w / page_w, inner.h / page_h) * zoom;
        Command picture;
        picture.kind = CommandKind::kPdfPage;
        picture.rect.w = std::round(static_cast<float>(page_w * fit));
        picture.rect.h = std::round(static_cast<float>(page_h * fit));
        picture.rect.x = std::round(inner.x + (inner.w - std::min(inner.w, picture.rect.w)) / 2);
        picture.rect.y = inner.y;
        picture.pdf = deck.pdf.source;
        picture.page = page;
        picture.page_part = deck.pdf.notes_part;
        out.add(clip_push(inner));
        out.add(std::move(picture));
        out.add(clip_pop());
      }
      return {0, 0};
    }
    if (!slide || slide->notes_blocks.empty()) {
      label(out, g.notes_label, caption);
      Fragment t = w.text("노트 없음", kNotes * zoom, kMuted, inner.w);
      out.append(std::move(t), inner.x, inner.y);
      return {0, 0};
    }
    // The notes as blocks, in the slides' engine, on a slide of their own
    // (so that the slide's classes do not change them).
    const Theme theme = notes_theme(deck);
    deck::Slide notes_slide;
    notes_slide.index = slide->index;
    notes_slide.line = slide->notes_line;
    SlideState all;  // every block shown
    Context nctx{fonts, deck, notes_slide, theme, all};
    nctx.unit = ctx.unit;
    nctx.scale = zoom;
    nctx.diagnostics = diagnostics;
    std::vector<const deck::Block*> blocks;
    for (const deck::Block& b : slide->notes_blocks) blocks.push_back(&b);
    Fragment body = stack_blocks(nctx, blocks, inner.w, 1e6f);

    // Scroll by half a panel, whole lines at a time: the first line shown
    // starts at the top and the last one is never cut at the bottom. The
    // last step shows the end of the notes.
    Fragment more = w.text("▼ 더 있음", kLabel, kAccent, inner.w, text::Align::kRight, true);
    const bool long_notes = body.height > inner.h;
    const float view_h = long_notes ? inner.h - more.height - px(6) : inner.h;
    std::vector<float> tops, bottoms;
    for (const TextItem& t : body.texts) {
      for (const text::Line& l : t.lines) {
        tops.push_back(t.rect.y + l.baseline - l.ascent);
        bottoms.push_back(t.rect.y + l.baseline + l.descent);
      }
    }
    std::sort(tops.begin(), tops.end());
    std::sort(bottoms.begin(), bottoms.end());
    const float step = std::max(1.0f, std::floor(view_h * 0.5f));
    const float overflow = std::max(0.0f, body.height - view_h);
    const int max_scroll = static_cast<int>(std::ceil(overflow / step));
    const int scroll = std::clamp(in.notes_scroll, 0, max_scroll);
    float dy = std::min(overflow, static_cast<float>(scroll) * step);
    if (dy < overflow) {
      // Back to the top of the line it would cut.
      const auto it = std::upper_bound(tops.begin(), tops.end(), dy + 0.5f);
      if (it != tops.begin()) dy = std::max(0.0f, *std::prev(it));
    }
    float shown_h = view_h;
    const auto last = std::upper_bound(bottoms.begin(), bottoms.end(), dy + view_h + 0.5f);
    if (long_notes && last != bottoms.begin()) shown_h = *std::prev(last) - dy + px(2);
    if (max_scroll > 0) {
      caption +=
          "  (" + std::to_string(scroll + 1) + "/" + std::to_string(max_scroll + 1) + "  Shift+↑↓)";
    }
    label(out, g.notes_label, caption);
    out.add(clip_push(Rect{inner.x, inner.y, inner.w, std::min(view_h, shown_h)}));
    out.append(std::move(body), inner.x, inner.y - dy);
    out.add(clip_pop());
    if (scroll < max_scroll) {
      out.append(std::move(more), inner.x, r.y + r.h - more.height - px(6));
    }
    return {scroll, max_scroll};
  }

  void strip(Fragment& out, std::vector<ConsoleStripItem>* items) const {
    const int count = static_cast<int>(deck.slides.size());
    if (count == 0) return;
    const Rect s = g.strip;
    const float number_h = px(30);
    const float th = s.h - number_h;
    const float tw = std::floor(th * deck_aspect(deck));
    const float gap = px(14);
    const int fit = std::max(1, static_cast<int>((s.w + gap) / (tw + gap)));
    const int shown = std::min(fit, count);
    const int first = std::clamp(in.slide - shown / 2, 0, count - shown);
    const float used = static_cast<float>(shown) * tw + static_cast<float>(shown - 1) * gap;
    float x = s.x + std::floor((s.w - used) / 2);
    SlideState all;  // thumbnails show every fragment
    for (int i = first; i < first + shown; ++i, x += tw + gap) {
      const Rect r{std::round(x), s.y, tw, th};
      const SlideLayout& l = slides.get(fonts, deck, i, all, size_of(r));
      place_list(out, l.list, r, false, true);
      const bool here = i == in.slide;
      if (here) out.add(frame_around(r, kAccent, px(5)));
      Fragment n = w.text(std::to_string(i + 1), kLabel, here ? kAccent : kMuted, tw,
                          text::Align::kCenter, here);
      out.append(std::move(n), r.x, r.y + th + px(2));
      items->push_back(ConsoleStripItem{i, Rect{r.x, r.y, r.w, s.h}});
    }
  }

  void errors(Fragment& out) const {
    if (in.errors.empty()) return;
    // Over the notes: the speaker must see it; the hall never does.
    const Rect r = g.notes;
    Fragment body;
    Fragment head = w.text("덱을 다시 읽지 못했습니다 (" + std::to_string(in.error_count) +
                               "개 오류). 마지막으로 성공한 덱을 계속 보여 줍니다.",
                           kLabel, kBehind, r.w - px(40), text::Align::kLeft, true);
    body.append(std::move(head), 0, 0);
    for (const std::string& e : in.errors) {
      Fragment line = w.text(e, kLabel * 0.9f, kText, r.w - px(40));
      body.append(std::move(line), 0, body.height + px(8));
    }
    const float h = std::min(r.h, body.height + px(40));
    out.add(fill_rect(Rect{r.x, r.y, r.w, h}, kErrorBox, px(8)));
    out.add(stroke_rect(Rect{r.x, r.y, r.w, h}, kBehind, px(3), px(8)));
    out.add(clip_push(Rect{r.x, r.y, r.w, h}));
    out.append(std::move(body), r.x + px(20), r.y + px(20));
    out.add(clip_pop());
  }
};

// ============================================================================
// [SECTION] Clock: timers and pace
// ============================================================================

void clock_part(const Context& ctx, const Grid& g, const ConsoleClock& c, Fragment& out) {
  const Writer w{ctx};
  // Three blocks from the right of the bar: wall clock, time left, elapsed.
  const float block_w = std::floor(g.bar.w * 0.19f);
  auto block = [&](int from_right, const std::string& caption, text::Color caption_color,
                   const std::string& value, text::Color color, float size) {
    const float x = g.bar.x + g.bar.w - static_cast<float>(from_right + 1) * block_w;
    Fragment cap = w.text(caption, kLabel, caption_color, block_w, text::Align::kRight, true);
    Fragment val = w.text(value, size, color, block_w, text::Align::kRight, true, true);
    const float total = cap.height + val.height;
    const float y = g.bar.y + std::max(0.0f, (g.bar.h - total) / 2);
    const float ch = cap.height;
    out.append(std::move(cap), x, y);
    out.append(std::move(val), x, y + ch);
  };
  block(0, "시각", kMuted, c.wall, kText, kTimerSmall);
  if (c.pace_known) {
    const bool over = c.remaining_mood == Mood::kBehind;
    block(1, over ? "시간 초과" : "남은 시간", mood_color(c.remaining_mood, kMuted), c.remaining,
          mood_color(c.remaining_mood, kText), kTimerSmall);
  } else {
    block(1, "남은 시간", kMuted, "—", kMuted, kTimerSmall);
  }
  std::string caption = "경과";
  text::Color caption_color = kMuted, value_color = kText;
  if (!c.started) {
    caption = "시작 전 (→ 또는 T)";
    value_color = kMuted;
  } else if (c.paused) {
    caption = "일시정지 (T로 계속)";
    caption_color = value_color = kWarning;
  }
  block(2, caption, caption_color, c.elapsed, value_color, kTimer);

  // Pace, under the current slide: this slide, then the whole talk.
  const Rect p = g.pace;
  std::vector<text::TextRun> slide_runs = {w.run("이 슬라이드  ", kPace * 0.8f, kMuted, true),
                                           w.run(c.on_slide, kPace, kText, false, true)};
  if (c.pace_known) {
    slide_runs.push_back(w.run(" / " + c.budget, kPace * 0.8f, kMuted, false, true));
    if (c.slide_mood == Mood::kBehind) {
      slide_runs.push_back(w.run("  " + c.slide_delta + " 초과", kPace, kBehind, true, true));
    }
  }
  Fragment first = w.line(slide_runs, p.w);
  const float first_h = first.height;
  out.append(std::move(first), p.x, p.y + ctx.px(14));
  std::vector<text::TextRun> talk_runs;
  if (c.pace_known && c.talk_delta.empty()) {
    talk_runs = {w.run("발표 전체  ", kPace * 0.8f, kMuted, true),
                 w.run("시작 전", kPace * 0.8f, kMuted, true)};
  } else if (c.pace_known) {
    const char* verdict = c.talk_mood == Mood::kAhead    ? "  앞서는 중"
                          : c.talk_mood == Mood::kBehind ? "  늦는 중"
                                                         : "  계획대로";
    talk_runs = {w.run("발표 전체  ", kPace * 0.8f, kMuted, true),
                 w.run(c.talk_delta, kPace, mood_color(c.talk_mood, kText), true, true),
                 w.run(verdict, kPace * 0.8f, mood_color(c.talk_mood, kText), true)};
  } else {
    talk_runs = {
        w.run("발표 시간 미정: 앞부분에 duration: 20m 또는 --duration 20m", kPace * 0.6f, kMuted)};
  }
  Fragment second = w.line(talk_runs, p.w);
  out.append(std::move(second), p.x, p.y + ctx.px(14) + first_h + ctx.px(6));
}

}  // namespace

// ============================================================================
// [SECTION] Public API
// ============================================================================

ConsoleLayout layout_console(text::FontSystem& fonts, LayoutCache& slides, const deck::Deck& deck,
                             const ConsoleInput& input, Size size) {
  ConsoleLayout result;
  const Grid g = grid_for(size, deck_aspect(deck));
  DiagnosticLog diagnostics;  // repeats fold, the count is capped
  ScreenContext cc(fonts, deck, notes_theme(deck), g.unit, &diagnostics);
  const Panels panels{fonts, slides, deck, input, g, cc.ctx};
  Fragment out;
  panels.bar(out);
  panels.current(out);
  panels.next(out);
  const auto [scroll, max_scroll] = panels.notes(out, &diagnostics);
  panels.strip(out, &result.strip);
  panels.errors(out);
  result.base = to_list(std::move(out), size, kBackground);
  result.clock = layout_console_clock(fonts, deck, input.clock, size);
  result.current = g.current;
  result.next = g.next;
  result.notes = g.notes;
  result.notes_scroll = scroll;
  result.notes_scroll_max = max_scroll;
  result.diagnostics = diagnostics.finish();
  return result;
}

DisplayList layout_console_clock(text::FontSystem& fonts, const deck::Deck& deck,
                                 const ConsoleClock& clock, Size size) {
  const Grid g = grid_for(size, deck_aspect(deck));
  ScreenContext cc(fonts, deck, notes_theme(deck), g.unit, nullptr);
  Fragment out;
  clock_part(cc.ctx, g, clock, out);
  return to_list(std::move(out), size, 0x00000000);
}

DisplayList overlay(DisplayList base, const DisplayList& top) {
  base.commands.insert(base.commands.end(), top.commands.begin(), top.commands.end());
  base.texts.insert(base.texts.end(), top.texts.begin(), top.texts.end());
  base.hits.insert(base.hits.end(), top.hits.begin(), top.hits.end());
  return base;
}

const char* mood_name(Mood mood) {
  switch (mood) {
    case Mood::kAhead:
      return "ahead";
    case Mood::kBehind:
      return "behind";
    case Mood::kWarning:
      return "warning";
    case Mood::kNeutral:
      break;
  }
  return "neutral";
}

}  // namespace madang::layout
