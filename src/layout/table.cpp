// Table layout: column widths from content, wrapped cells, a header row.
//
// Column widths follow the CSS automatic table algorithm in spirit: every
// column gets at least its longest word (min-content); the rest of the width
// is shared in proportion to how much each column would like beyond that
// (max-content - min-content). A table that cannot fit even its words is left
// to the slide's autofit, which shrinks the type. Rows that could never be
// seen on the slide are not measured or laid out (and that is reported).

#include <algorithm>
#include <numeric>

#include "layout/fragment.h"

namespace madang::layout {

namespace {

struct Measure {
  float min = 0, max = 0;
};

text::Align cell_align(const deck::Table& table, std::size_t column) {
  if (column >= table.align.size()) return text::Align::kLeft;
  switch (table.align[column]) {
    case deck::Align::kCenter:
      return text::Align::kCenter;
    case deck::Align::kRight:
      return text::Align::kRight;
    default:
      return text::Align::kLeft;
  }
}

// The widest unbreakable word of a cell, measured by laying it out alone.
float longest_word(const Context& ctx, const deck::RichText& cell, const text::TextStyle& style) {
  const std::string all = deck::plain_text(cell);
  std::string best;
  std::size_t best_len = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= all.size(); ++i) {
    if (i == all.size() || all[i] == ' ' || all[i] == '\n') {
      std::string word = all.substr(start, i - start);
      // Count code points, not bytes: Hangul is three bytes, Latin one.
      std::size_t len = 0;
      for (unsigned char c : word) len += (c & 0xC0) != 0x80;
      if (len > best_len) {
        best_len = len;
        best = std::move(word);
      }
      start = i + 1;
    }
  }
  if (best.empty()) return 0;
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  text::Paragraph p = text::layout_paragraph(ctx.fonts, {text::TextRun{best, style}}, ps, 1e6f);
  return p.width;
}

}  // namespace

Fragment table_fragment(const Context& ctx, const deck::Block& block, float width) {
  const deck::Table& table = block.table;
  Fragment f;
  const std::size_t columns = table.header.size();
  if (columns == 0) return f;

  const float size = ctx.type_px(ctx.body * ctx.theme.table_scale);
  const float pad_x = ctx.body_px(22);
  const float pad_y = ctx.body_px(12);
  const text::TextStyle head_style = style_of(size, ctx.theme.heading, true);
  const text::TextStyle body_style = style_of(size, ctx.theme.text);
  // Rows past the slide's height can never be seen: measure and lay out only
  // as many as could show (each row is at least one line tall), plus one so
  // that the overflow stays visible to autofit.
  const float min_row = 2 * pad_y + 1.35f * size;
  const std::size_t shown = std::min(
      table.rows.size(),
      static_cast<std::size_t>(std::max(1.0f, ctx.visible_height / std::max(min_row, 0.01f))) + 1);

  // -------------------------------------------------------------- measure
  std::vector<Measure> m(columns);
  auto measure_cell = [&](const deck::RichText& cell, std::size_t col, const text::TextStyle& s) {
    text::ParagraphStyle ps;
    ps.lang = ctx.deck.meta.lang;
    text::Paragraph natural =
        text::layout_paragraph(ctx.fonts, to_runs(cell, s, ctx.theme), ps, 1e6f);
    m[col].max = std::max(m[col].max, natural.width + 2 * pad_x);
    m[col].min = std::max(m[col].min, longest_word(ctx, cell, s) + 2 * pad_x);
  };
  for (std::size_t c = 0; c < columns; ++c) measure_cell(table.header[c], c, head_style);
  for (std::size_t r = 0; r < shown; ++r) {
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < columns && c < row.size(); ++c) measure_cell(row[c], c, body_style);
  }

  // -------------------------------------------------------------- widths
  std::vector<float> w(columns);
  const float sum_max = std::accumulate(m.begin(), m.end(), 0.0f,
                                        [](float a, const Measure& x) { return a + x.max; });
  const float sum_min = std::accumulate(m.begin(), m.end(), 0.0f,
                                        [](float a, const Measure& x) { return a + x.min; });
  if (sum_max <= width) {
    // Everything fits on one line per cell: the table is as wide as its
    // content, so that a value stays next to its label. Only a table that
    // nearly spans its column anyway is widened to the full measure.
    const float extra =
        sum_max > width * 0.8f ? (width - sum_max) / static_cast<float>(columns) : 0.0f;
    for (std::size_t c = 0; c < columns; ++c) w[c] = m[c].max + extra;
  } else if (sum_min < width) {
    const float room = width - sum_min;
    const float want = std::max(1.0f, sum_max - sum_min);
    for (std::size_t c = 0; c < columns; ++c) w[c] = m[c].min + room * (m[c].max - m[c].min) / want;
  } else {
    for (std::size_t c = 0; c < columns; ++c) w[c] = m[c].min;
  }

  // -------------------------------------------------------------- rows
  float y = 0;
  auto lay_row = [&](const std::vector<deck::RichText>& row, const text::TextStyle& s, bool header,
                     std::size_t row_index) {
    std::vector<Fragment> cells;
    float row_h = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      const deck::RichText empty;
      const deck::RichText& cell = c < row.size() ? row[c] : empty;
      text::ParagraphStyle ps;
      ps.align = cell_align(table, c);
      ps.line_height = ctx.theme.table_line_height;
      ps.lang = ctx.deck.meta.lang;
      cells.push_back(paragraph_fragment(ctx, to_runs(cell, s, ctx.theme), ps,
                                         std::max(1.0f, w[c] - 2 * pad_x),
                                         TextOrigin::of(cell, block.line, block.column)));
      row_h = std::max(row_h, cells.back().height + 2 * pad_y);
    }
    float total_w = std::accumulate(w.begin(), w.end(), 0.0f);
    if (header) {
      f.add(fill_rect(Rect{0, y, total_w, row_h}, ctx.theme.surface, ctx.px(6)));
    } else if (row_index % 2 == 1) {
      f.add(fill_rect(Rect{0, y, total_w, row_h}, ctx.theme.surface_alt));
    }
    float x = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      f.append(std::move(cells[c]), x + pad_x, y + pad_y);
      x += w[c];
    }
    y += row_h;
    const float rule = header ? ctx.px(3) : ctx.px(1.5f);
    f.add(fill_rect(Rect{0, y - rule / 2, total_w, rule},
                    header ? ctx.theme.accent : ctx.theme.rule));
  };
  lay_row(table.header, head_style, true, 0);
  for (std::size_t r = 0; r < shown; ++r) lay_row(table.rows[r], body_style, false, r);
  if (shown < table.rows.size()) {
    f.cut = true;
    const int line = shown < table.row_lines.size() ? table.row_lines[shown] : block.line;
    ctx.warn(line, 1,
             "table rows from here on cannot be seen on the slide and are not laid out (" +
                 std::to_string(table.rows.size() - shown) + " more rows)");
  }

  f.width = std::accumulate(w.begin(), w.end(), 0.0f);
  f.height = y;
  return f;
}

}  // namespace madang::layout
