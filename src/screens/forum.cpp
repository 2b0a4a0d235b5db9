// A forum's screens: cards, time cards, the program panel.
//
// [SECTION] Pieces
// [SECTION] Cards
// [SECTION] Time cards
// [SECTION] Program panel

#include "screens/forum.h"

#include <algorithm>
#include <cmath>

#include "layout/theme.h"
#include "screens/screen_text.h"

namespace madang::layout {

namespace {

// ============================================================================
// [SECTION] Pieces
// ============================================================================

const deck::Deck& no_deck() {
  static const deck::Deck deck;
  return deck;
}

constexpr const char* kNextLabel = "다음 발표 · Next";
constexpr const char* kBreakLabel = "휴식 · Break";
constexpr const char* kMissingLabel = "발표 자료 준비 중 · Deck not ready";
constexpr const char* kEndLabel = "모든 발표가 끝났습니다 · End of the program";

float unit_of(Size size) {
  return std::max(0.1f, static_cast<float>(size.height) / 1080.0f);
}

// `s` wrapped in `width`, at `size` or smaller until it is at most `room`
// high (never below half the size: a title that long is cut by the clip).
Fragment fitted(const Writer& w, const std::string& s, float size, text::Color color, float width,
                float room, bool bold) {
  Fragment f = w.text(s, size, color, width, text::Align::kLeft, bold);
  for (float k = 0.9f; f.height > room && k >= 0.5f; k -= 0.1f) {
    f = w.text(s, size * k, color, width, text::Align::kLeft, bold);
  }
  return f;
}

std::string joined(const std::vector<std::string>& parts, const char* between) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += between;
    out += p;
  }
  return out;
}

}  // namespace

// ============================================================================
// [SECTION] Cards
// ============================================================================

namespace {

// The card's content on `theme`, clipped to `size` (its background is the caller's).
Fragment card_fragment(text::FontSystem& fonts, const Theme& theme, const ForumCard& card,
                       Size size) {
  ScreenContext sc(fonts, no_deck(), theme, unit_of(size), nullptr);
  const Context& ctx = sc.ctx;
  const Writer w{ctx};
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float mx = std::round(ctx.px(theme.margin_x));
  const float inner = std::max(1.0f, W - 2 * mx);
  Fragment out;
  // The accent band at the left edge, as the theme's title slides have it.
  out.add(fill_rect(Rect{0, 0, std::round(ctx.px(24)), H}, theme.accent));

  const bool on_break = card.kind == CardKind::kBreak;
  const char* label = card.kind == CardKind::kTalk      ? kNextLabel
                      : on_break                        ? kBreakLabel
                      : card.kind == CardKind::kMissing ? kMissingLabel
                                                        : kEndLabel;
  float y = std::round(H * 0.16f);
  std::string head = label;
  if (card.talk > 0 && card.talks > 0 && card.kind != CardKind::kEnd) {
    head += "   " + std::to_string(card.talk) + " / " + std::to_string(card.talks);
  }
  Fragment label_f = w.text(head, 44, theme.accent, inner, text::Align::kLeft, true);
  const float label_h = label_f.height;
  out.append(std::move(label_f), mx, y);
  y += label_h + std::round(ctx.px(28));
  out.add(fill_rect(Rect{mx, y, std::round(ctx.px(160)), std::round(ctx.px(8))}, theme.accent));
  y += std::round(ctx.px(48));

  if (on_break) {
    Fragment count = w.text(card.countdown.empty() ? " " : card.countdown, 220, theme.heading,
                            inner, text::Align::kLeft, true, true);
    const float ch = count.height;
    out.append(std::move(count), mx, y);
    y += ch + std::round(ctx.px(24));
    if (!card.title.empty()) {
      Fragment next =
          fitted(w, "다음 · Next: " + card.title, 48, theme.text, inner, H * 0.2f, false);
      const float nh = next.height;
      out.append(std::move(next), mx, y);
      y += nh;
    }
    if (!card.speaker.empty()) {
      out.append(w.text(joined({card.speaker, card.affiliation}, " · "), 40, theme.muted, inner),
                 mx, y + std::round(ctx.px(12)));
    }
  } else if (!card.title.empty()) {
    Fragment title =
        fitted(w, card.title, theme.title_size * 0.9f, theme.heading, inner, H * 0.34f, true);
    const float th = title.height;
    out.append(std::move(title), mx, y);
    y += th + std::round(ctx.px(40));
    if (!card.speaker.empty()) {
      Fragment speaker = w.text(card.speaker, 64, theme.text, inner, text::Align::kLeft, true);
      const float sh = speaker.height;
      out.append(std::move(speaker), mx, y);
      y += sh + std::round(ctx.px(8));
    }
    if (!card.affiliation.empty()) {
      Fragment aff = w.text(card.affiliation, 48, theme.muted, inner);
      const float ah = aff.height;
      out.append(std::move(aff), mx, y);
      y += ah;
    }
    if (!card.problem.empty()) {
      y += std::round(ctx.px(32));
      out.append(fitted(w, card.problem, 36, 0xc0392bff, inner, H * 0.9f - y, false), mx, y);
    }
  }
  // The foot: the event, and when the talk is due.
  const std::string foot = joined({card.event, card.starts.empty() ? "" : card.starts}, " · ");
  if (!foot.empty()) {
    Fragment f = w.text(foot, 32, theme.muted, inner);
    const float fh = f.height;
    out.append(std::move(f), mx, std::round(H - ctx.px(theme.margin_bottom) - fh - ctx.px(24)));
  }
  Fragment clipped;
  clipped.add(clip_push(Rect{0, 0, W, H}));
  clipped.append(std::move(out), 0, 0);
  clipped.add(clip_pop());
  return clipped;
}

}  // namespace

DisplayList layout_forum_card(text::FontSystem& fonts, const std::string& theme_name,
                              const ForumCard& card, Size size) {
  const Theme theme = theme_named(theme_name, false);
  return to_list(card_fragment(fonts, theme, card, size), size, theme.background);
}

// ============================================================================
// [SECTION] Time cards
// ============================================================================

text::Color time_card_color(int minutes_left) {
  if (minutes_left <= 0) return 0xd63a2fff;
  if (minutes_left < 5) return 0xf2b33dff;
  return 0x2f9e5bff;
}

namespace {

std::string time_card_text(int minutes_left) {
  if (minutes_left <= 0) return "시간 종료 · Time";
  return std::to_string(minutes_left) + "분 · " + std::to_string(minutes_left) + " min";
}

}  // namespace

DisplayList layout_time_card(text::FontSystem& fonts, int minutes_left, Size size) {
  const float unit = unit_of(size);
  ScreenContext sc(fonts, no_deck(), screen_palette_theme("", kPanel), unit, nullptr);
  const Writer w{sc.ctx};
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float box_w = std::round(std::min(W * 0.8f, sc.ctx.px(1200)));
  const float box_h = std::round(std::min(H * 0.6f, sc.ctx.px(520)));
  const Rect box{std::floor((W - box_w) / 2), std::floor((H - box_h) / 2), box_w, box_h};
  const text::Color ink = minutes_left > 0 && minutes_left < 5 ? 0x1a1a1aff : 0xffffffffu;
  Fragment out;
  out.add(fill_rect(box, time_card_color(minutes_left), sc.ctx.px(24)));
  const std::string big = minutes_left <= 0 ? "0" : std::to_string(minutes_left);
  Fragment digits = w.text(big, 280, ink, box.w, text::Align::kCenter, true);
  Fragment words = w.text(time_card_text(minutes_left), 56, ink, box.w, text::Align::kCenter, true);
  const float dh = digits.height, wh = words.height;
  const float top = box.y + std::max(0.0f, (box.h - dh - wh) / 2);
  out.add(clip_push(box));
  out.append(std::move(digits), box.x, std::round(top));
  out.append(std::move(words), box.x, std::round(top + dh));
  out.add(clip_pop());
  return to_list(std::move(out), size, 0x00000000);
}

DisplayList layout_time_bar(text::FontSystem& fonts, int minutes_left, Size size) {
  const float unit = unit_of(size);
  ScreenContext sc(fonts, no_deck(), screen_palette_theme("", kPanel), unit, nullptr);
  const Writer w{sc.ctx};
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float bar_h = std::max(4.0f, std::round(H * 0.04f));
  const text::Color ink = minutes_left > 0 && minutes_left < 5 ? 0x1a1a1aff : 0xffffffffu;
  Fragment t = w.text(time_card_text(minutes_left), bar_h * 0.55f / unit, ink, W);
  t.width = inked_width(t);
  const float pad = std::round(bar_h * 0.5f);
  const float bar_w = std::min(W, std::round(t.width + 2 * pad));
  const Rect bar{W - bar_w, H - bar_h, bar_w, bar_h};
  Fragment out;
  out.add(fill_rect(bar, time_card_color(minutes_left)));
  const float th = t.height;
  out.add(clip_push(bar));
  out.append(std::move(t), bar.x + pad, std::round(bar.y + (bar_h - th) / 2));
  out.add(clip_pop());
  return to_list(std::move(out), size, 0x00000000);
}

// ============================================================================
// [SECTION] Program panel
// ============================================================================

namespace {

Fragment panel_fragment(text::FontSystem& fonts, const ProgramPanel& panel, Size size) {
  const float unit = unit_of(size);
  ScreenContext sc(fonts, no_deck(), screen_palette_theme("", kPanel), unit, nullptr);
  const Context& ctx = sc.ctx;
  const Writer w{ctx};
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float pad = std::round(ctx.px(24));
  const float inner = std::max(1.0f, W - 2 * pad);
  Fragment out;
  float y = pad;
  auto put = [&](Fragment f, float x) {
    const float h = f.height;
    out.append(std::move(f), x, y);
    return h;
  };
  y += put(w.text(panel.title.empty() ? "프로그램 · Program" : panel.title, 32, kText, inner,
                  text::Align::kLeft, true),
           pad);
  y += std::round(ctx.px(12));
  // The current talk's countdown, large.
  if (!panel.countdown.empty()) {
    y += put(w.text(panel.countdown, 72, mood_color(panel.countdown_mood, kText), inner,
                    text::Align::kLeft, true, true),
             pad);
  }
  // The program against the clock.
  std::vector<text::TextRun> clock;
  if (!panel.start.empty()) clock.push_back(w.run("시작 " + panel.start + "   ", 28, kMuted));
  if (!panel.expected_end.empty()) {
    clock.push_back(w.run("예상 종료 " + panel.expected_end, 28, kText, true));
    if (!panel.planned_end.empty())
      clock.push_back(w.run(" (" + panel.planned_end + ")", 28, kMuted));
  }
  if (!clock.empty()) y += put(w.line(clock, inner), pad);
  if (!panel.drift.empty()) {
    y += put(w.text("지연 · Drift " + panel.drift, 28, mood_color(panel.drift_mood, kMuted), inner),
             pad);
  }
  y += std::round(ctx.px(16));
  out.add(fill_rect(Rect{pad, y, inner, std::max(1.0f, std::round(ctx.px(2)))}, kMuted));
  y += std::round(ctx.px(16));
  // The rows: when, what, how long.
  const float at_w = std::round(ctx.px(96)), slot_w = std::round(ctx.px(120));
  const float title_w = std::max(1.0f, inner - at_w - slot_w);
  for (const ProgramRow& row : panel.rows) {
    if (y > H - pad) break;
    const bool current = row.state == ProgramRow::State::kCurrent;
    const text::Color ink = row.state == ProgramRow::State::kDone ? kMuted
                            : current                             ? kText
                            : row.missing                         ? kWarning
                                                                  : kText;
    std::string title = row.is_break ? "휴식 · Break" : std::to_string(row.talk) + ". " + row.title;
    if (row.missing) title += "  (자료 없음)";
    Fragment t = w.text(title, 28, ink, title_w, text::Align::kLeft, current);
    Fragment s = w.text(row.speaker, 24, kMuted, title_w);
    const float row_h = t.height + (row.speaker.empty() ? 0 : s.height);
    if (current) {
      out.add(fill_rect(Rect{pad - std::round(ctx.px(8)), y - std::round(ctx.px(4)),
                             inner + std::round(ctx.px(16)), row_h + std::round(ctx.px(8))},
                        0x2b3a44ff, ctx.px(8)));
      out.add(fill_rect(Rect{pad - std::round(ctx.px(8)), y - std::round(ctx.px(4)),
                             std::round(ctx.px(6)), row_h + std::round(ctx.px(8))},
                        kAccent));
    }
    out.append(w.text(row.at, 28, kMuted, at_w, text::Align::kLeft, false, true), pad, y);
    out.append(std::move(t), pad + at_w, y);
    if (!row.speaker.empty()) out.append(std::move(s), pad + at_w, y + row_h - s.height);
    const std::string right = row.took.empty() ? row.slot : row.took;
    out.append(w.text(right, 28, kMuted, slot_w, text::Align::kRight, false, true),
               pad + at_w + title_w, y);
    y += row_h + std::round(ctx.px(14));
  }
  Fragment clipped;
  clipped.add(clip_push(Rect{0, 0, W, H}));
  clipped.append(std::move(out), 0, 0);
  clipped.add(clip_pop());
  return clipped;
}

}  // namespace

DisplayList layout_program_panel(text::FontSystem& fonts, const ProgramPanel& panel, Size size) {
  return to_list(panel_fragment(fonts, panel, size), size, kPanel);
}

DisplayList layout_console_card(text::FontSystem& fonts, const std::string& theme_name,
                                const ForumCard& card, const ProgramPanel& panel, Size size) {
  const Theme theme = theme_named(theme_name, false);
  const int panel_w = std::max(1, static_cast<int>(std::lround(size.width * 0.32)));
  const int card_w = std::max(1, size.width - panel_w);
  Fragment out;
  out.add(fill_rect(Rect{0, 0, static_cast<float>(card_w), static_cast<float>(size.height)},
                    theme.background));
  out.append(card_fragment(fonts, theme, card, {card_w, size.height}), 0, 0);
  out.add(fill_rect(Rect{static_cast<float>(card_w), 0, static_cast<float>(panel_w),
                         static_cast<float>(size.height)},
                    kPanel));
  out.append(panel_fragment(fonts, panel, {panel_w, size.height}), static_cast<float>(card_w), 0);
  return to_list(std::move(out), size, kPanel);
}

DisplayList layout_program_line(text::FontSystem& fonts, const ProgramPanel& panel, Size size,
                                Rect box) {
  ScreenContext sc(fonts, no_deck(), screen_palette_theme("", kPanel), unit_of(size), nullptr);
  const Writer w{sc.ctx};
  std::vector<text::TextRun> runs;
  int current = 0, talks = 0;
  const ProgramRow* next = nullptr;
  for (const ProgramRow& row : panel.rows) {
    if (!row.is_break) ++talks;
    if (row.state == ProgramRow::State::kCurrent && !row.is_break) current = talks;
    if (row.state == ProgramRow::State::kNext && !next) next = &row;
  }
  if (current > 0) {
    runs.push_back(
        w.run(std::to_string(current) + "/" + std::to_string(talks) + "  ", 28, kText, true));
  }
  if (next) {
    const std::string what = next->is_break ? "휴식" : next->title;
    runs.push_back(
        w.run("다음 " + (next->at.empty() ? "" : next->at + " ") + what + "  ", 28, kMuted));
  }
  if (!panel.expected_end.empty()) {
    runs.push_back(w.run("예상 종료 " + panel.expected_end + " ", 28, kMuted));
  }
  if (!panel.drift.empty()) {
    runs.push_back(w.run(panel.drift, 28, mood_color(panel.drift_mood, kMuted), true));
  }
  Fragment line = w.line(runs, std::max(1.0f, box.w));
  const float lh = line.height;
  Fragment out;
  out.add(clip_push(box));
  out.append(std::move(line), box.x, std::round(box.y + (box.h - lh) / 2));
  out.add(clip_pop());
  return to_list(std::move(out), size, 0x00000000);
}

}  // namespace madang::layout
