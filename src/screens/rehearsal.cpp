// The rehearsal summary and bar (see rehearsal.h).
//
// [SECTION] Look
// [SECTION] Cells: one line of text, cut to fit
// [SECTION] Summary
// [SECTION] Bar

#include "screens/rehearsal.h"

#include <algorithm>
#include <cmath>

#include "screens/screen_text.h"
#include "layout/theme.h"

namespace madang::layout {

namespace {

// ============================================================================
// [SECTION] Look
// ============================================================================

// Sizes in pixels of a 1080p screen.
constexpr float kMargin = 56;
constexpr float kHeading = 44;
constexpr float kWhen = 26;
constexpr float kVerdict = 40;
constexpr float kCaption = 22;
constexpr float kCell = 24;
constexpr float kRow = 31;
constexpr float kFoot = 22;
constexpr float kBarHeight = 64;
constexpr float kBarText = 28;

constexpr text::Color kStripe = 0x171b20ff;
constexpr text::Color kRule = 0x3a424bff;
constexpr text::Color kBarBackground = 0x111418e8;

// The screens' palette as a theme (for the context's text).
Theme screen_theme(const deck::Deck& deck) {
  return screen_palette_theme(deck.meta.theme, kBackground);
}

// ============================================================================
// [SECTION] Cells: one line of text, cut to fit
// ============================================================================

std::string drop_last_character(std::string s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    s.pop_back();
    if ((c & 0xC0) != 0x80) break;  // the first byte of a character
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::size_t line_count(const Fragment& f) {
  std::size_t n = 0;
  for (const TextItem& t : f.texts) n += t.lines.size();
  return n;
}

// `s` on one line of `width`, ended with "…" when it had to be cut.
Fragment one_line(const Writer& w, const std::string& s, float size, text::Color color, float width,
                  text::Align align = text::Align::kLeft, bool bold = false) {
  Fragment f = w.text(s, size, color, width, align, bold);
  if (line_count(f) <= 1) return f;
  std::string head = f.texts.front().lines.front().text;
  for (int tries = 0; tries < 64 && !head.empty(); ++tries) {
    head = drop_last_character(head);
    Fragment cut = w.text(head + "…", size, color, width, align, bold);
    if (line_count(cut) <= 1) return cut;
  }
  return w.text("…", size, color, width, align, bold);
}

// ============================================================================
// [SECTION] Summary
// ============================================================================

struct Columns {
  float number, title, bars, this_run, budget, previous, median, delta;  // left edges
  float number_w, title_w, bars_w, value_w, median_w;
};

Columns columns_for(float left, float width, float u) {
  Columns c;
  c.number_w = 64 * u;
  c.value_w = 150 * u;
  c.median_w = 190 * u;
  const float gap = 28 * u;
  c.number = left;
  c.title = left + c.number_w + gap;
  c.delta = left + width - c.value_w;
  c.median = c.delta - c.median_w;
  c.previous = c.median - c.value_w;
  c.budget = c.previous - c.value_w;
  c.this_run = c.budget - c.value_w;
  const float middle = c.this_run - gap - c.title;
  c.title_w = std::floor(middle * 0.52f);
  c.bars = c.title + c.title_w + gap;
  c.bars_w = std::max(0.0f, c.this_run - gap - c.bars);
  return c;
}

constexpr text::Color kBudgetBar = 0x2b333cff;
constexpr text::Color kRunBar = 0x7d8a97ff;

struct Row {
  const Writer& w;
  const Columns& c;
  double longest = 0;  // seconds at the bars' full width

  // This run as a bar over its budget's pale one, a tick at the budget.
  void bars(Fragment& out, const SummaryRow& r, float y, float h) const {
    if (longest <= 0 || c.bars_w < 1) return;
    const float u = w.ctx.unit;
    const auto length = [&](double s) {
      return static_cast<float>(std::min(1.0, s / longest)) * c.bars_w;
    };
    const float bh = std::round(h * 0.5f), by = y + std::round((h - bh) / 2);
    if (!std::isnan(r.budget_s) && r.budget_s > 0) {
      out.add(fill_rect(Rect{c.bars, by, length(r.budget_s), bh}, kBudgetBar, 3 * u));
    }
    if (!std::isnan(r.this_s) && r.this_s > 0) {
      const float th = std::round(bh * 0.56f);
      out.add(fill_rect(Rect{c.bars, by + (bh - th) / 2, std::max(2 * u, length(r.this_s)), th},
                        mood_color(r.mood, kRunBar), th / 2));
    }
    if (!std::isnan(r.budget_s) && r.budget_s > 0) {
      out.add(
          fill_rect(Rect{c.bars + length(r.budget_s) - u, by - 2 * u, 2 * u, bh + 4 * u}, kText));
    }
  }

  void draw(Fragment& out, const SummaryRow& r, float y, float h, float size, bool bold,
            bool captions = false) const {
    const text::Color base = r.gone ? kMuted : kText;
    const text::Color judged = mood_color(r.mood, base);
    auto cell = [&](const std::string& s, float x, float width, text::Color color,
                    text::Align align, bool strong) {
      Fragment f = one_line(w, s, size, color, width, align, strong);
      const float dy = std::max(0.0f, h - f.height) / 2;
      out.append(std::move(f), x, y + dy);
    };
    const bool strong = bold || !captions;
    cell(r.number, c.number, c.number_w, kMuted, text::Align::kRight, bold);
    cell(r.title, c.title, c.title_w, base, text::Align::kLeft, bold);
    cell(r.this_run, c.this_run, c.value_w, judged, text::Align::kRight, strong);
    cell(r.budget, c.budget, c.value_w, r.gone ? kMuted : kAccent, text::Align::kRight, bold);
    cell(r.previous, c.previous, c.value_w, base, text::Align::kRight, bold);
    cell(r.median, c.median, c.median_w, base, text::Align::kRight, bold);
    cell(r.delta, c.delta, c.value_w, judged, text::Align::kRight, strong);
    if (!captions) bars(out, r, y, h);
  }
};

}  // namespace

SummaryLayout layout_rehearsal_summary(text::FontSystem& fonts, const deck::Deck& deck,
                                       const RehearsalSummary& in, Size size) {
  SummaryLayout result;
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float u = std::min(W / 1920.0f, H / 1080.0f);
  ScreenContext sc(fonts, deck, screen_theme(deck), u, nullptr);
  const Writer w{sc.ctx};
  const float m = std::round(kMargin * u);
  const float width = W - 2 * m;
  Fragment out;

  // Heading: the run, when, and the verdict on the right.
  Fragment verdict = one_line(w, in.verdict, kVerdict, mood_color(in.verdict_mood, kText),
                              width * 0.45f, text::Align::kRight, true);
  const float verdict_w = width * 0.45f;
  Fragment heading = one_line(w, in.heading, kHeading, kText, width - verdict_w, {}, true);
  const float top = std::round(36 * u);
  const float heading_h = heading.height;
  out.append(std::move(heading), m, top);
  const float verdict_y = top + std::max(0.0f, heading_h - verdict.height) / 2;
  out.append(std::move(verdict), m + width - verdict_w, verdict_y);
  Fragment when = one_line(w, in.when, kWhen, kMuted, width);
  const float when_y = top + heading_h + 2 * u;
  const float when_h = when.height;
  out.append(std::move(when), m, when_y);

  // Column captions.
  const Columns c = columns_for(m, width, u);
  const float header_y = when_y + when_h + std::round(18 * u);
  const float caption_h = std::round(kRow * u);
  const SummaryRow captions{"#", "슬라이드", "이번", "예산", "지난번", "이전 중앙값", "예산 대비"};
  Row row{w, c};
  for (const SummaryRow& r : in.rows) {
    for (double v : {r.this_s, r.budget_s}) {
      if (!std::isnan(v)) row.longest = std::max(row.longest, v);
    }
  }
  {
    Fragment caps;
    row.draw(caps, captions, 0, caption_h, kCaption, false, true);
    for (Command& cmd : caps.commands) {
      if (cmd.kind == CommandKind::kGlyphRun) cmd.run.style.color = kMuted;
    }
    out.append(std::move(caps), 0, header_y);
  }
  const float rows_top = header_y + caption_h + std::round(6 * u);
  out.add(fill_rect(Rect{m, rows_top - std::round(4 * u), width, std::max(1.0f, std::round(2 * u))},
                    kRule));

  // The foot: the note and the keys; above it the total.
  Fragment note = one_line(w, in.note, kFoot, kMuted, width * 0.62f);
  const float foot_y = H - m * 0.6f - note.height;
  const float total_h = std::round(kRow * u * 1.25f);
  const float total_y = foot_y - std::round(16 * u) - total_h;
  const float rows_bottom = total_y - std::round(10 * u);
  const int count = static_cast<int>(in.rows.size());
  // Rows as tall as the room allows (a short deck reads from further away),
  // down to kRow; a longer one pages.
  const float room = rows_bottom - rows_top;
  const float row_h = std::round(
      std::clamp(room / static_cast<float>(std::max(1, count)), kRow * u, kRow * u * 1.5f));
  const float cell_size = kCell * row_h / (kRow * u);
  const int capacity = std::max(1, static_cast<int>(room / row_h));
  result.last_first_row = std::max(0, count - capacity);
  result.first_row = std::clamp(in.first_row, 0, result.last_first_row);
  result.rows_shown = std::min(capacity, count - result.first_row);

  for (int i = 0; i < result.rows_shown; ++i) {
    const float y = rows_top + static_cast<float>(i) * row_h;
    if (i % 2 == 1) out.add(fill_rect(Rect{m, y, width, row_h}, kStripe));
    row.draw(out, in.rows[static_cast<std::size_t>(result.first_row + i)], y, row_h, cell_size,
             false);
  }

  out.add(fill_rect(Rect{m, total_y - std::round(6 * u), width, std::max(1.0f, std::round(2 * u))},
                    kRule));
  Row total = row;
  total.longest = 0;  // the total has no bar among the slides'
  total.draw(out, in.total, total_y, total_h, kCell * 1.1f, true);

  std::string keys = in.keys;
  if (result.last_first_row > 0) {
    keys = std::to_string(result.first_row + 1) + "–" +
           std::to_string(result.first_row + result.rows_shown) + " / " + std::to_string(count) +
           (keys.empty() ? "" : "  ·  " + keys);
  }
  Fragment key_text = one_line(w, keys, kFoot, kMuted, width * 0.36f, text::Align::kRight);
  out.append(std::move(note), m, foot_y);
  out.append(std::move(key_text), m + width * 0.64f, foot_y);

  result.list = to_list(std::move(out), size, kBackground);
  return result;
}

// ============================================================================
// [SECTION] Bar
// ============================================================================

Rect rehearsal_bar_rect(Size size) {
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float u = std::min(W / 1920.0f, H / 1080.0f);
  const float h = std::min(H, std::round(kBarHeight * u));
  return Rect{0, H - h, W, h};
}

DisplayList layout_rehearsal_bar(text::FontSystem& fonts, const deck::Deck& deck,
                                 const RehearsalBar& bar, Size size) {
  const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
  const float u = std::min(W / 1920.0f, H / 1080.0f);
  ScreenContext sc(fonts, deck, screen_theme(deck), u, nullptr);
  const Writer w{sc.ctx};
  const float h = rehearsal_bar_rect(size).h;
  const float pad = std::round(28 * u);
  Fragment out;
  out.add(fill_rect(Rect{0, H - h, W, h}, kBarBackground));

  const float small = kBarText * 0.8f;
  std::vector<text::TextRun> runs = {w.run(bar.label + "    ", kBarText, kBehind, true)};
  if (bar.paused) {
    runs.push_back(w.run("일시정지 (T로 계속)  ", small, kWarning, true));
    runs.push_back(w.run(bar.elapsed, kBarText, kWarning, true, true));
  } else {
    runs.push_back(w.run("경과 ", small, kMuted, true));
    runs.push_back(w.run(bar.elapsed, kBarText, kText, true, true));
  }
  runs.push_back(w.run("    이 슬라이드 ", small, kMuted, true));
  runs.push_back(w.run(bar.on_slide, kBarText, kText, false, true));
  if (!bar.budget.empty()) {
    runs.push_back(w.run(" / " + bar.budget, small, kMuted, false, true));
  }
  if (!bar.slide_delta.empty() && bar.slide_mood == Mood::kBehind) {
    runs.push_back(w.run("  " + bar.slide_delta, kBarText, kBehind, true, true));
  }
  if (!bar.talk_delta.empty()) {
    runs.push_back(w.run("    발표 ", small, kMuted, true));
    runs.push_back(w.run(bar.talk_delta, kBarText, mood_color(bar.talk_mood, kText), true, true));
  }
  Fragment left = w.line(runs, W * 0.78f - pad);
  const float left_y = H - h + std::max(0.0f, h - left.height) / 2;
  out.append(std::move(left), pad, left_y);
  Fragment keys =
      one_line(w, "T 일시정지 · Q 끝내기", small, kMuted, W * 0.22f - pad, text::Align::kRight);
  const float keys_y = H - h + std::max(0.0f, h - keys.height) / 2;
  out.append(std::move(keys), W * 0.78f, keys_y);
  return to_list(std::move(out), size, 0x00000000);
}

}  // namespace madang::layout
