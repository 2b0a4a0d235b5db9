// Flow diagrams: numbered steps joined by arrows, each step's detail under it.

#include <algorithm>
#include <cmath>

#include "layout/diagram_ids.h"
#include "layout/diagram_parts.h"

namespace madang::layout::diagrams {

// Steps as numbered cards joined by arrows; under them, at rest, each step's
// detail; with a step selected, one panel with its detail, pointing at it.
// Hidden steps of a stepped flow keep their place, so nothing moves when
// they appear (the newest fades in with the reveal animation).
//
// A flow too long for one row (a card narrower than its longest word, or
// than a readable measure) wraps into rows of equal length, read left to
// right, each row's last card joined to the next row's first by an elbow
// arrow. Wrapped flows keep every detail under its card and show a
// selection by lighting the card (there is no room for a panel).
Fragment flow(const Context& ctx, const deck::Block& block, const std::string& prefix, float width,
              float max_height) {
  const deck::Diagram& d = block.diagram;
  const Theme& th = ctx.theme;
  Fragment f;
  const std::size_t n = d.nodes.size();
  if (n == 0) return f;
  std::vector<std::string> ids;
  for (const auto& s : d.nodes) ids.push_back(node_id(prefix, s.id));
  const Looks looks(ctx, ids);

  const float arrow = ctx.px(80);  // the gap between cards, which the arrow spans
  const float pad = ctx.px(24);
  const float badge = ctx.px(68);
  const float stroke = ctx.px(9);
  auto visible = [&](std::size_t i) {
    return !d.stepped || ctx.revealed(block.fragment + static_cast<int>(i));
  };
  auto reveal_fade = [&](std::size_t i) {
    const int fragment = block.fragment + static_cast<int>(i);
    return d.stepped && fragment > 0 && fragment == ctx.state.step && ctx.state.animation < 1
               ? ctx.state.animation
               : 1.0f;
  };
  std::string selected;
  for (const auto& id : ctx.state.selected) {
    if (contains(ids, id)) selected = id;
  }

  // Steps per row: as many as keep a card wider than its longest word (at
  // the label floor) and than a readable measure; rows of equal length.
  float longest_word = 0;
  for (const auto& s : d.nodes)
    longest_word =
        std::max(longest_word, widest_word(ctx, s.label, style_of(ctx.px(kLabelFloor), 0, true)));
  const float least = std::max(longest_word + 2 * pad, ctx.px(300));
  std::size_t per_row = n;
  auto card_width = [&](std::size_t count, float room) {
    return (room - arrow * static_cast<float>(count - 1)) / static_cast<float>(count);
  };
  while (per_row > 1 && card_width(per_row, width) < least) --per_row;
  const std::size_t rows = (n + per_row - 1) / per_row;
  per_row = (n + rows - 1) / rows;
  const bool wrapped = rows > 1;
  // Wrapped rows leave a gutter on the right for the elbow arrows.
  const float gutter = wrapped ? arrow * 0.6f : 0;
  const float box_w = card_width(per_row, width - gutter);

  for (float k = 1.0f;; k -= 0.08f) {
    const bool last = k < 0.7f;
    const float label_size = label_px(ctx, ctx.body) * std::max(k, 0.85f);
    // Details under the cards are what the step says: near body size when
    // there is room (shrinking with k, not below the text floor).
    const float small = text_px(ctx, ctx.body * 0.9f * k);
    const float panel_title = label_px(ctx, ctx.body) * std::max(k, 0.9f);
    const float panel_text = text_px(ctx, ctx.body * 0.85f * k);

    std::vector<Fragment> labels, details;
    float label_h = 0;
    std::vector<float> detail_h(rows, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const Look look = looks.of(ids[i]);
      // A label shrinks until its longest word fits the card (never below
      // the label floor): no word breaks inside.
      float size = label_size;
      const float word = widest_word(ctx, d.nodes[i].label, style_of(size, 0, true));
      if (word > box_w - 2 * pad)
        size = std::max(ctx.px(kLabelFloor), size * (box_w - 2 * pad) / word * 0.98f);
      labels.push_back(plain_paragraph(
          ctx, d.nodes[i].label, style_of(size, mix(th.heading, th.on_accent, look.selected), true),
          text::Align::kCenter, box_w - 2 * pad, d.nodes[i].line, 1.2f));
      label_h = std::max(label_h, labels.back().height);
      details.push_back(plain_paragraph(ctx, d.nodes[i].detail, style_of(small, th.text),
                                        text::Align::kCenter, box_w - ctx.px(8), d.nodes[i].line));
      detail_h[i / per_row] = std::max(detail_h[i / per_row], details.back().height);
    }
    const float box_top = badge / 2;
    const float box_h = std::max(label_h + 2 * pad + badge / 2, ctx.px(200));
    const float below_gap = ctx.px(30);
    // The panel is as tall as the tallest step's detail, so that choosing
    // another step does not move anything.
    const float panel_w = width;
    float panel_content = 0;
    std::vector<Fragment> panels;
    if (!wrapped) {
      for (std::size_t i = 0; i < n; ++i) {
        Fragment p;
        p.append(
            plain_paragraph(ctx, d.nodes[i].label, style_of(panel_title, th.accent, true),
                            text::Align::kLeft, panel_w - 2 * pad - ctx.px(8), d.nodes[i].line),
            0, 0);
        if (!d.nodes[i].detail.empty()) {
          p.append(
              plain_paragraph(ctx, d.nodes[i].detail, style_of(panel_text, th.text),
                              text::Align::kLeft, panel_w - 2 * pad - ctx.px(8), d.nodes[i].line),
              0, p.height + ctx.px(8));
        }
        panel_content = std::max(panel_content, p.height);
        panels.push_back(std::move(p));
      }
    }
    // Each row: its cards, then the band under them (details, or the panel).
    const float row_gap = ctx.px(56);
    std::vector<float> row_top(rows, 0), band_h(rows, 0);
    float total_h = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      band_h[r] = wrapped ? detail_h[r] : std::max(detail_h[r], panel_content + 2 * pad);
      row_top[r] = total_h;
      total_h += box_top + box_h + (band_h[r] > 0 ? below_gap + band_h[r] : 0);
      if (r + 1 < rows) total_h += row_gap;
    }
    if (total_h > max_height && !last) continue;

    // The panel shows the selected step, or while it fades out, the one
    // that was selected.
    std::size_t selected_index = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (ids[i] == selected) selected_index = i;
    }
    if (selected_index == n && looks.animating()) {
      for (std::size_t i = 0; i < n; ++i) {
        if (contains(ctx.state.previous_selected, ids[i])) selected_index = i;
      }
    }
    const float panel_t = !wrapped && selected_index < n ? looks.any() : 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!visible(i)) continue;
      const std::size_t row = i / per_row, col = i % per_row;
      const Look look = looks.of(ids[i]);
      const float x = static_cast<float>(col) * (box_w + arrow);
      const Rect r{x, row_top[row] + box_top, box_w, box_h};
      Fragment card;
      text::Color fill = mix(th.accent_soft, th.accent, look.selected);
      if (look.hovered) fill = mix(fill, with_alpha(th.accent, 0.4f), 1 - look.selected);
      if (look.focused) card.add(focus_ring(ctx, Rect{0, 0, box_w, box_h}, ctx.px(20)));
      card.add(push_opacity(1 - 0.6f * look.dimmed));
      card.add(fill_rect(Rect{0, 0, box_w, box_h}, fill, ctx.px(20)));
      card.add(stroke_rect(Rect{0, 0, box_w, box_h}, th.accent, ctx.px(look.hovered ? 5 : 3),
                           ctx.px(20)));
      // Number badge riding the top edge.
      const Rect b{box_w / 2 - badge / 2, -badge / 2, badge, badge};
      card.add(fill_rect(b, mix(th.accent, th.heading, look.selected), badge / 2));
      card.add(stroke_rect(b, th.background, ctx.px(5), badge / 2));
      Fragment num =
          plain_paragraph(ctx, std::to_string(i + 1), style_of(ctx.px(38), th.on_accent, true),
                          text::Align::kCenter, badge, d.nodes[i].line, 1.2f);
      const float nh = num.height;
      card.append(std::move(num), b.x, b.y + (badge - nh) / 2);
      const float lh = labels[i].height;
      card.append(std::move(labels[i]), pad, badge / 4 + (box_h - lh) / 2);
      card.add(pop_opacity());
      if (i + 1 < n && visible(i + 1)) {
        if (col + 1 < per_row) {
          const float ay = box_h / 2;
          card.add(line_command(Point{box_w + ctx.px(12), ay},
                                Point{box_w + arrow - ctx.px(10), ay}, th.accent, stroke, true));
        } else {
          // An elbow to the next row's first card: out to the gutter, down
          // through the gap between the rows, back left, down onto it.
          const float right = width - x - ctx.px(gutter > 0 ? 8 : 0);
          const float mid = row_top[row + 1] - row_gap / 2 - r.y;
          const float next_x = -x + box_w / 2 - badge / 2 - ctx.px(14);
          const float into = row_top[row + 1] + box_top - r.y - ctx.px(6);
          const text::Color c = th.accent;
          card.add(line_command(Point{box_w + ctx.px(12), box_h / 2}, Point{right, box_h / 2}, c,
                                stroke));
          card.add(
              line_command(Point{right, box_h / 2 - stroke / 2}, Point{right, mid}, c, stroke));
          card.add(line_command(Point{right + stroke / 2, mid}, Point{next_x, mid}, c, stroke));
          card.add(
              line_command(Point{next_x, mid - stroke / 2}, Point{next_x, into}, c, stroke, true));
        }
      }
      // At rest each step's detail sits under it; it gives way to the panel.
      if (details[i].height > 0 && panel_t < 1) {
        append_faded(card, std::move(details[i]), ctx.px(4), box_h + below_gap,
                     (1 - panel_t) * (1 - 0.6f * look.dimmed));
      }
      append_faded(f, std::move(card), r.x, r.y, reveal_fade(i));
      f.hits.push_back(hit(ids[i], d.nodes[i].label, r, ctx));
    }
    if (!wrapped && selected_index < n && visible(selected_index)) {
      const float py = box_top + box_h + below_gap;
      Fragment p;
      const float ph = band_h[0];
      const Rect pr{0, 0, panel_w, ph};
      p.add(fill_rect(pr, th.surface, ctx.px(18)));
      // A notch pointing up at the selected step.
      const float nx = static_cast<float>(selected_index) * (box_w + arrow) + box_w / 2;
      p.add(polygon({Point{nx - ctx.px(24), 0}, Point{nx, -ctx.px(24)}, Point{nx + ctx.px(24), 0}},
                    th.surface));
      p.add(fill_rect(Rect{0, 0, ctx.px(8), ph}, th.accent, ctx.px(4)));
      p.append(std::move(panels[selected_index]), pad + ctx.px(8), pad);
      append_faded(f, std::move(p), 0, py, panel_t);
    }
    f.width = width;
    f.height = total_h;
    return f;
  }
}

}  // namespace madang::layout::diagrams
