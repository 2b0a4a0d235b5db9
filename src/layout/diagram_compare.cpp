// Compare diagrams: a table of items (columns) by attributes (rows).

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/diagram_ids.h"
#include "layout/diagram_parts.h"

namespace madang::layout::diagrams {

namespace {

// A comparison is a table: a column of attribute names, one column per item.
// At rest the columns share the width by how much they have to say, so that
// rows come out even; a selected item's column widens and shows its full
// text while the others may shorten theirs (a third column and beyond fold
// to a tab when two are selected). Rows are clickable whenever exactly two
// columns show values (two items, or two selected).
//
// Fitting, at rest and when selected alike: first every value in full, the
// type shrinking down to its floor; only when even that is too tall are the
// unselected columns shortened, to as many lines as the height allows (and
// then at a word's end, with "…").
struct CompareGeometry {
  std::vector<float> weight;   // per item, interpolated over the animation
  std::vector<int> max_lines;  // per item: 0 unlimited, -1 folded (no values)
};

// `rest`: the weights at rest (mean 1); `lines`: the limit for unselected
// columns (0: none).
CompareGeometry compare_geometry(const std::vector<float>& rest, const std::vector<bool>& selected,
                                 int lines) {
  const std::size_t n = rest.size();
  CompareGeometry g;
  int count = 0;
  for (bool s : selected) count += s;
  for (std::size_t i = 0; i < n; ++i) {
    const bool s = selected[i];
    if (n <= 2 || count == 0) {
      g.weight.push_back(rest[i]);
      g.max_lines.push_back(lines);
    } else if (count == 1) {
      g.weight.push_back(s ? static_cast<float>(n) * 0.75f : rest[i]);
      g.max_lines.push_back(s ? 0 : lines);
    } else {
      g.weight.push_back(s ? static_cast<float>(n) * 1.4f : 0.55f);
      g.max_lines.push_back(s ? 0 : -1);
    }
  }
  return g;
}

// `total` pixels shared by `weight`, but no one below its `least`: those
// get what they need, the others share the rest by weight.
std::vector<float> share_width(const std::vector<float>& weight, const std::vector<float>& least,
                               float total) {
  const std::size_t n = weight.size();
  std::vector<bool> pinned(n, false);
  std::vector<float> px(n, 0);
  for (std::size_t round = 0; round <= n; ++round) {
    float free_w = total, free_weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (pinned[i]) {
        free_w -= least[i];
      } else {
        free_weight += std::max(weight[i], 1e-3f);
      }
    }
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      px[i] = pinned[i] ? least[i] : free_w * std::max(weight[i], 1e-3f) / free_weight;
      if (!pinned[i] && px[i] < least[i]) pinned[i] = changed = true;
    }
    if (!changed) break;
  }
  return px;
}

}  // namespace

namespace {

Fragment compare_as_shown(const Context& ctx, const deck::Block& block, const std::string& prefix,
                          float width, float max_height) {
  const deck::Diagram& d = block.diagram;
  const Theme& th = ctx.theme;
  const std::size_t n = d.nodes.size();
  if (n == 0) return {};
  const std::size_t rows = d.attributes.size();

  std::vector<std::string> ids, row_ids;
  for (const auto& item : d.nodes) ids.push_back(node_id(prefix, item.id));
  for (std::size_t r = 0; r < rows; ++r) row_ids.push_back(row_id(prefix, static_cast<int>(r)));
  const Looks looks(ctx, ids);

  std::vector<bool> now(n), before(n);
  int selected_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    now[i] = contains(ctx.state.selected, ids[i]);
    before[i] = looks.animating() ? contains(ctx.state.previous_selected, ids[i]) : now[i];
    selected_count += now[i];
  }
  const float t = looks.t();
  const bool rows_clickable = n == 2 || selected_count == 2;
  const float gap = ctx.px(14);
  const float pad = ctx.px(20);

  // Sizes at k = 1; k shrinks values and names to the text floor, headers
  // a little.
  const float value_full = ctx.body_px(ctx.body * (n > 2 ? 0.8f : 0.9f));
  const float value_floor = ctx.px(kTextFloor);
  auto value_size = [&](float k) { return std::max(value_full * k, value_floor); };
  const float k_floor = std::min(1.0f, value_floor / std::max(value_full, 1.0f));

  // The attribute column (the stub) and the weights at rest, chosen
  // together so that the rows add up to the fewest lines (estimated from
  // natural widths): a row is as tall as its tallest cell. The stub is as
  // wide as its longest name, or only as its longest word (names wrap,
  // after a space or a '·'); the items share the rest evenly, by their
  // longest value, or by all their values. No column goes below what its
  // header needs at the label floor.
  const float name_full = std::max(value_full * 0.92f, value_floor);
  const text::TextStyle name_probe = style_of(name_full, th.muted, true);
  std::vector<float> rest(n, 1.0f);
  float stub = 0;
  if (rows > 0) {
    float whole = 0, word = 0;
    std::vector<float> names(rows);
    for (std::size_t r = 0; r < rows; ++r) {
      names[r] = natural_width(ctx, d.attributes[r], name_probe);
      whole = std::max(whole, names[r]);
      word = std::max(word, widest_word(ctx, d.attributes[r], name_probe));
    }
    if (!d.title.empty()) word = std::max(word, widest_word(ctx, d.title, name_probe));
    const float stub_cap = width * 0.2f;
    const std::vector<float> stubs = {std::min(whole + ctx.px(40), stub_cap),
                                      std::min(word + ctx.px(40), stub_cap)};

    const text::TextStyle probe = style_of(value_full, th.text);
    std::vector<std::vector<float>> natural(n, std::vector<float>(rows, 0));
    std::vector<std::vector<float>> words(n, std::vector<float>(rows, 1));
    std::vector<float> longest(n, 0), sum(n, 0), least(n, 0), mixed(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t r = 0; r < rows && r < d.nodes[i].values.size(); ++r) {
        if (d.nodes[i].values[r].empty()) continue;
        natural[i][r] = natural_width(ctx, d.nodes[i].values[r], probe);
        words[i][r] = 1 + static_cast<float>(std::count(d.nodes[i].values[r].begin(),
                                                        d.nodes[i].values[r].end(), ' '));
        longest[i] = std::max(longest[i], natural[i][r]);
        sum[i] += natural[i][r];
      }
      mixed[i] = std::sqrt(longest[i] * sum[i]);
      // Room for the header at the label floor and for the longest word of
      // any value: no word is broken inside.
      least[i] = natural_width(ctx, d.nodes[i].label, style_of(ctx.px(kLabelFloor), 0, true));
      for (const std::string& v : d.nodes[i].values)
        least[i] = std::max(least[i], widest_word(ctx, v, probe));
      least[i] += 2 * pad;
    }
    float best = 1e9f;
    for (const float s : stubs) {
      const float cols_w = width - s - gap * static_cast<float>(n);
      // Weights with mean 1: shares of the width, no column narrower than
      // it needs (those get what they need, the others share the rest).
      auto normalized = [&](const std::vector<float>& share) {
        std::vector<float> px = share_width(share, least, cols_w);
        for (float& x : px) x *= static_cast<float>(n) / cols_w;
        return px;
      };
      // Lines of a text of natural width `w` in `inner`: each line loses
      // about half a word to wrapping.
      auto wrapped = [&](float natural_w, float count, float inner) {
        if (natural_w <= 0) return 0.0f;
        const float loss = 0.5f * natural_w / std::max(count, 1.0f);
        return std::ceil(natural_w / std::max(inner - loss, 1.0f));
      };
      auto lines = [&](const std::vector<float>& w) {
        float total = 0;
        for (std::size_t r = 0; r < rows; ++r) {
          float row = wrapped(names[r], 1, s - ctx.px(28));
          for (std::size_t i = 0; i < n; ++i) {
            const float inner = w[i] / static_cast<float>(n) * cols_w - 2 * pad;
            row = std::max(row, wrapped(natural[i][r], words[i][r], inner));
          }
          total += row;
        }
        return total;
      };
      for (const auto& candidate : {normalized(std::vector<float>(n, 1.0f)), normalized(longest),
                                    normalized(sum), normalized(mixed)}) {
        const float l = lines(candidate);
        if (l < best - 0.01f) {
          best = l;
          rest = candidate;
          stub = s;
        }
      }
    }
  }

  // What a column needs in any state: its header on one line at the label
  // floor (2% to spare), or, folded to a tab, one syllable.
  std::vector<float> header_least(n);
  for (std::size_t i = 0; i < n; ++i)
    header_least[i] =
        natural_width(ctx, d.nodes[i].label, style_of(ctx.px(kLabelFloor), 0, true)) / 0.98f +
        2 * pad;

  // One attempt at (k, lines): the drawn table, or nothing when it is
  // taller than max_height and `force` is off.
  auto attempt = [&](float k, int lines, bool force) -> std::optional<Fragment> {
    Fragment f;
    const CompareGeometry g_now = compare_geometry(rest, now, lines);
    const CompareGeometry g_before = compare_geometry(rest, before, lines);
    std::vector<float> weight(n);
    for (std::size_t i = 0; i < n; ++i) weight[i] = lerp(g_before.weight[i], g_now.weight[i], t);
    const float values = value_size(k);
    const float head_size = label_px(ctx, ctx.body) * std::max(k, 0.88f);
    const float name_size = std::max(values * 0.92f, value_floor);
    const text::TextStyle name_style = style_of(name_size, th.muted, true);
    const float attr_w = stub;
    const float cols_w = width - attr_w - gap * static_cast<float>(n);
    std::vector<float> need(n);
    for (std::size_t i = 0; i < n; ++i)
      need[i] = g_now.max_lines[i] < 0 ? ctx.px(kLabelFloor * 1.5f + 16) : header_least[i];
    std::vector<float> x(n), w = share_width(weight, need, cols_w);
    float cursor = attr_w + gap;
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = cursor;
      cursor += w[i] + gap;
    }
    // Many rows, or rows of many lines: tighter rows.
    const float pad_y = ctx.px(rows > 4 || k < 0.9f ? 12 : 18) * std::max(k, 0.8f);

    // Header cells. A narrow column's label shrinks to fit on one line (not
    // below the label floor); a folded one stands as a tab, one syllable a
    // line down the whole column, and does not set the header's height.
    float header_h = ctx.px(64), folded_h = 0;
    std::vector<Fragment> heads;
    std::vector<bool> folded(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Look look = looks.of(ids[i]);
      folded[i] = g_now.max_lines[i] < 0;
      const float inner = std::max(w[i] - 2 * pad, ctx.px(20));
      text::ParagraphStyle ps = para_style(ctx, text::Align::kCenter, 1.2f);
      ps.syllable_breaking = folded[i];
      float size = head_size;
      const float natural = natural_width(ctx, d.nodes[i].label, style_of(size, 0, true));
      if (!folded[i] && natural > inner)  // 2% to spare: a label must not wrap
        size = std::max(ctx.px(kLabelFloor), size * inner / natural * 0.98f);
      // A tab's measure holds one syllable (Hangul is square: its advance is
      // the size), never two, so that no word reads as split in two.
      const float tab = std::min(std::max(w[i] - ctx.px(16), ctx.px(20)), size * 1.5f);
      Fragment h = paragraph_fragment(
          ctx,
          {text::TextRun{d.nodes[i].label,
                         style_of(size, mix(th.heading, th.on_accent, look.selected), true)}},
          ps, folded[i] ? tab : inner, d.nodes[i].line);
      if (folded[i]) {
        folded_h = std::max(folded_h, h.height + 2 * pad);
      } else {
        header_h = std::max(header_h, h.height + 2 * pad_y + ctx.px(8));
      }
      heads.push_back(std::move(h));
    }
    // The diagram's title, when it has one, captions the table from the
    // stub's header cell (the corner), where it takes no height of its own.
    Fragment caption;
    if (!d.title.empty() && rows > 0) {
      caption = plain_paragraph(ctx, d.title, style_of(name_size, th.heading, true),
                                text::Align::kLeft, attr_w - ctx.px(24), block.line);
      header_h = std::max(header_h, caption.height + 2 * pad_y);
    }
    // Value cells: full, shortened or folded, per column.
    std::vector<float> row_h(rows, 0);
    std::vector<std::vector<Fragment>> cells(rows);
    std::vector<Fragment> names;
    for (std::size_t r = 0; r < rows; ++r) {
      Fragment name = plain_paragraph(ctx, d.attributes[r], name_style, text::Align::kLeft,
                                      attr_w - ctx.px(28), block.line);
      row_h[r] = name.height + 2 * pad_y;
      names.push_back(std::move(name));
      for (std::size_t i = 0; i < n; ++i) {
        const int limit = g_now.max_lines[i];
        const auto& vals = d.nodes[i].values;
        const std::string value = r < vals.size() ? vals[r] : std::string();
        Fragment cell;
        if (limit >= 0 && w[i] > ctx.px(120) && !value.empty()) {
          cell = clamped_paragraph(ctx, value, style_of(values, th.text), text::Align::kLeft,
                                   w[i] - 2 * pad, d.nodes[i].line, limit, 1.25f);
        }
        row_h[r] = std::max(row_h[r], cell.height + 2 * pad_y);
        cells[r].push_back(std::move(cell));
      }
    }
    float total_h = header_h;
    for (float h : row_h) total_h += h;
    total_h = std::max(total_h, folded_h);
    if (total_h > max_height && !force) return std::nullopt;

    // Draw: column cards, header bands, rows, then hit regions.
    for (std::size_t i = 0; i < n; ++i) {
      const Look look = looks.of(ids[i]);
      const Rect col{x[i], 0, w[i], total_h};
      if (look.focused)
        f.add(focus_ring(ctx, rows_clickable ? Rect{x[i], 0, w[i], header_h} : col, ctx.px(16)));
      f.add(push_opacity(1 - 0.55f * look.dimmed));
      f.add(fill_rect(col, mix(th.surface, th.accent_soft, look.selected), ctx.px(16)));
      text::Color band = mix(with_alpha(th.accent, 0.2f), th.accent, look.selected);
      if (look.hovered) band = mix(band, with_alpha(th.accent, 0.45f), 1 - look.selected);
      f.add(fill_rect(Rect{x[i], 0, w[i], folded[i] ? total_h : header_h}, band, ctx.px(16)));
      if (look.selected > 0)
        f.add(stroke_rect(col, with_alpha(th.accent, look.selected), ctx.px(3), ctx.px(16)));
      else if (look.hovered && !rows_clickable)
        f.add(stroke_rect(col, th.accent, ctx.px(3), ctx.px(16)));
      const float hh = heads[i].height;
      if (folded[i]) {
        const float tab_w = heads[i].width;
        f.append(std::move(heads[i]), x[i] + (w[i] - tab_w) / 2, pad);
      } else {
        f.append(std::move(heads[i]), x[i] + pad, (header_h - hh) / 2);
      }
      f.add(pop_opacity());
    }
    if (caption.height > 0) {
      const float ch = caption.height;
      f.append(std::move(caption), ctx.px(4), std::max(0.0f, header_h - ch - pad_y));
    }
    float y = header_h;
    std::vector<Rect> row_rects;
    for (std::size_t r = 0; r < rows; ++r) {
      const Rect rr{0, y, width, row_h[r]};
      row_rects.push_back(rr);
      const float lit = looks.row(row_ids[r]);
      const bool hovered = ctx.state.hovered == row_ids[r];
      if (r > 0) f.add(fill_rect(Rect{0, y - ctx.px(1), width, ctx.px(2)}, th.rule));
      if (lit > 0 || hovered) {
        const text::Color c =
            lit > 0 ? with_alpha(th.accent, 0.16f + 0.06f * lit) : with_alpha(th.accent, 0.08f);
        f.add(push_opacity(std::max(lit, hovered ? 1.0f : 0.0f)));
        f.add(fill_rect(rr, c, ctx.px(10)));
        f.add(fill_rect(Rect{0, y + ctx.px(8), ctx.px(7), row_h[r] - ctx.px(16)}, th.accent,
                        ctx.px(3)));
        f.add(pop_opacity());
      }
      if (ctx.state.focused == row_ids[r]) f.add(focus_ring(ctx, rr, ctx.px(10)));
      Fragment name = std::move(names[r]);
      if (lit > 0.5f) {
        name = plain_paragraph(ctx, d.attributes[r], style_of(name_style.size, th.accent, true),
                               text::Align::kLeft, attr_w - ctx.px(28), block.line);
      }
      f.append(std::move(name), ctx.px(16), y + pad_y);
      for (std::size_t i = 0; i < n; ++i) {
        const Look look = looks.of(ids[i]);
        const float fade =
            (1 - 0.55f * look.dimmed) * (g_now.max_lines[i] != g_before.max_lines[i] ? t : 1.0f);
        append_faded(f, std::move(cells[r][i]), x[i] + pad, y + pad_y, fade);
      }
      y += row_h[r];
    }
    for (std::size_t i = 0; i < n; ++i) {
      const Rect r = rows_clickable && g_now.max_lines[i] >= 0 ? Rect{x[i], 0, w[i], header_h}
                                                               : Rect{x[i], 0, w[i], total_h};
      f.hits.push_back(hit(ids[i], d.nodes[i].label, r, ctx));
    }
    if (rows_clickable) {
      for (std::size_t r = 0; r < rows; ++r)
        f.hits.push_back(hit(row_ids[r], d.attributes[r], row_rects[r], ctx));
    }
    f.width = width;
    f.height = total_h;
    return f;
  };

  // Every value in full: the largest k that fits, by bisection between the
  // floor and 1 (a few attempts).
  if (auto full = attempt(1.0f, 0, false)) return std::move(*full);
  if (auto at_floor = attempt(k_floor, 0, false)) {
    Fragment best = std::move(*at_floor);
    float lo = k_floor, hi = 1.0f;
    while (hi - lo > 0.04f) {
      const float mid = (lo + hi) / 2;
      if (auto f = attempt(mid, 0, false)) {
        best = std::move(*f);
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return best;
  }
  // Too much to show in full even at the floor: the unselected columns keep
  // as many lines as fit (the most any cell needs, down to one).
  int most = 1;
  {
    const Fragment full = *attempt(k_floor, 0, true);
    for (const TextItem& item : full.texts)
      most = std::max(most, static_cast<int>(item.lines.size()));
  }
  int lo = 1, hi = most;  // hi: known not to fit (it is the full text)
  std::optional<Fragment> best;
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    if (auto f = attempt(k_floor, mid, false)) {
      best = std::move(f);
      lo = mid;
    } else {
      hi = mid;
    }
  }
  if (lo == 1 || !best) {
    if (auto f = attempt(k_floor, lo, false)) return std::move(*f);
    return *attempt(k_floor, 1, true);
  }
  return std::move(*best);
}

}  // namespace

// A selection changes the columns' widths, and so the table's height; it is
// fitted into the height the table has at rest instead (the unselected
// columns shorten), so that a click does not move the table or the blocks
// under it. Only a selected text taller than that makes the table grow.
Fragment compare(const Context& ctx, const deck::Block& block, const std::string& prefix,
                 float width, float max_height) {
  const SlideState& s = ctx.state;
  if (s.selected.empty() && s.previous_selected.empty() && s.row.empty() &&
      s.previous_row.empty()) {
    return compare_as_shown(ctx, block, prefix, width, max_height);
  }
  SlideState rest = s;
  rest.selected.clear();
  rest.previous_selected.clear();
  rest.row.clear();
  rest.previous_row.clear();
  rest.diagram_animation = 1;
  Context at_rest{ctx.fonts, ctx.deck, ctx.slide, ctx.theme, rest};
  at_rest.unit = ctx.unit;
  at_rest.scale = ctx.scale;
  at_rest.body = ctx.body;
  at_rest.quote_slide = ctx.quote_slide;
  const float rest_height = compare_as_shown(at_rest, block, prefix, width, max_height).height;
  Fragment f = compare_as_shown(ctx, block, prefix, width, std::min(max_height, rest_height));
  f.height = std::max(f.height, rest_height);
  return f;
}

}  // namespace madang::layout::diagrams
