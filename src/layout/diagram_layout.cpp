// Diagrams as display-list fragments with hit regions.
//
// [SECTION] Shared pieces
// [SECTION] Triangle
// [SECTION] Compare
// [SECTION] Flow
//
// The look depends on SlideState (selection, focus, hover) only through the
// arguments: drawing never changes state. Hit regions are at least 48 px at
// 1080p so that a finger can hit them.

#include <algorithm>
#include <cmath>

#include "layout/fragment.h"

namespace madang::layout {

// ============================================================================
// [SECTION] Shared pieces
// ============================================================================

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

text::Color with_alpha(text::Color c, float alpha) {
  const auto a =
      static_cast<text::Color>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>(c & 0xff));
  return (c & 0xffffff00u) | a;
}

Fragment plain_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                         text::Align align, float width, int line) {
  text::ParagraphStyle ps;
  ps.align = align;
  ps.line_height = 1.35f;
  ps.lang = ctx.deck.meta.lang;
  return paragraph_fragment(ctx, {text::TextRun{s, style}}, ps, width, line);
}

float natural_width(const Context& ctx, const std::string& s, const text::TextStyle& style) {
  text::ParagraphStyle ps;
  ps.lang = ctx.deck.meta.lang;
  return text::layout_paragraph(ctx.fonts, {text::TextRun{s, style}}, ps, 1e6f).width;
}

HitRegion hit(const std::string& id, const std::string& label, Rect r, const Context& ctx) {
  // Grow small targets to the 48 px minimum around their centre.
  const float min = ctx.px(48);
  if (r.w < min) {
    r.x -= (min - r.w) / 2;
    r.w = min;
  }
  if (r.h < min) {
    r.y -= (min - r.h) / 2;
    r.h = min;
  }
  return HitRegion{id, label, r, {}};
}

struct Look {
  bool selected = false, dimmed = false, focused = false, hovered = false;
};

Look look_of(const Context& ctx, const std::string& id) {
  Look l;
  l.selected = contains(ctx.state.selected, id);
  l.dimmed = !ctx.state.selected.empty() && !l.selected;
  l.focused = ctx.state.focused == id;
  l.hovered = ctx.state.hovered == id;
  return l;
}

// A pill-shaped node with a centred label.
Fragment node_pill(const Context& ctx, const std::string& label, float width, float height,
                   const Look& look, int line) {
  Fragment f;
  const float r = std::min(height / 2, ctx.px(28));
  text::Color fill = look.selected ? ctx.theme.accent : ctx.theme.accent_soft;
  text::Color ink = look.selected ? ctx.theme.on_accent : ctx.theme.heading;
  if (look.dimmed) {
    fill = with_alpha(fill, 0.45f);
    ink = with_alpha(ink, 0.55f);
  }
  if (look.hovered && !look.selected) fill = with_alpha(ctx.theme.accent, 0.35f);
  f.add(fill_rect(Rect{0, 0, width, height}, fill, r));
  f.add(stroke_rect(Rect{0, 0, width, height}, ctx.theme.accent, ctx.px(3), r));
  if (look.focused) {
    const float g = ctx.px(6);
    f.add(stroke_rect(Rect{-g, -g, width + 2 * g, height + 2 * g}, ctx.theme.heading, ctx.px(3),
                      r + g));
  }
  Fragment t = plain_paragraph(ctx, label, style_of(ctx.body_px(ctx.theme.body_size), ink, true),
                               text::Align::kCenter, width - ctx.px(24), line);
  const float ty = std::max(0.0f, (height - t.height) / 2);
  f.append(std::move(t), ctx.px(12), ty);
  f.width = width;
  f.height = height;
  return f;
}

// ============================================================================
// [SECTION] Triangle
// ============================================================================

Fragment triangle(const Context& ctx, const deck::Block& block, const std::string& key, float width,
                  float max_height) {
  (void)key;
  const deck::Diagram& d = block.diagram;
  Fragment f;
  if (d.nodes.size() != 3) return f;

  const float height = std::clamp(max_height, ctx.px(360), ctx.px(640));
  const bool side_panel = width > height * 1.45f;
  const float tri_w = side_panel ? width * 0.56f : width;
  const float tri_h = side_panel ? height : height * 0.66f;

  const text::TextStyle label_style = style_of(ctx.body_px(ctx.theme.body_size), 0, true);
  float pill_w = ctx.px(170);
  for (const auto& n : d.nodes)
    pill_w = std::max(pill_w, natural_width(ctx, n.label, label_style) + ctx.px(64));
  pill_w = std::min(pill_w, tri_w * 0.42f);
  const float pill_h = ctx.body_px(84);

  // Corners: apex on top, base left and right; pills centred on the corners.
  const Point corners[3] = {
      {tri_w / 2, pill_h / 2},
      {pill_w / 2, tri_h - pill_h / 2},
      {tri_w - pill_w / 2, tri_h - pill_h / 2},
  };
  auto index_of = [&](const std::string& id) -> int {
    for (int i = 0; i < 3; ++i) {
      if (d.nodes[static_cast<std::size_t>(i)].id == id) return i;
    }
    return -1;
  };

  // Edges first, under the nodes: every pair, labelled where the deck says.
  for (int a = 0; a < 3; ++a) {
    for (int b = a + 1; b < 3; ++b) {
      f.add(line_command(corners[a], corners[b], ctx.theme.rule, ctx.px(5)));
    }
  }
  for (const deck::DiagramEdge& e : d.edges) {
    const int a = index_of(e.from), b = index_of(e.to);
    if (a < 0 || b < 0 || e.label.empty()) continue;
    const std::string id = e.from + "-" + e.to;
    const Look look = look_of(ctx, id);
    const Point mid{(corners[a].x + corners[b].x) / 2, (corners[a].y + corners[b].y) / 2};
    const text::TextStyle s = style_of(ctx.body_px(ctx.theme.small_size),
                                       look.selected ? ctx.theme.on_accent : ctx.theme.text);
    const float lw = std::min(natural_width(ctx, e.label, s) + ctx.px(28), tri_w * 0.4f);
    Fragment t = plain_paragraph(ctx, e.label, s, text::Align::kCenter, lw - ctx.px(28), e.line);
    const float lh = t.height + ctx.px(12);
    const Rect r{mid.x - lw / 2, mid.y - lh / 2, lw, lh};
    f.add(fill_rect(r, look.selected ? ctx.theme.accent : ctx.theme.background, lh / 2));
    f.add(stroke_rect(r, look.focused ? ctx.theme.heading : ctx.theme.rule, ctx.px(2), lh / 2));
    f.append(std::move(t), r.x + ctx.px(14), r.y + ctx.px(6));
    f.hits.push_back(hit(id, e.label, r, ctx));
  }
  if (!d.center.empty()) {
    const Point c{tri_w / 2, (corners[0].y + corners[1].y + corners[2].y) / 3 + pill_h * 0.15f};
    const float cw = tri_w * 0.36f;
    Fragment t = plain_paragraph(
        ctx, d.center, style_of(ctx.body_px(ctx.theme.small_size), ctx.theme.accent, true),
        text::Align::kCenter, cw, block.line);
    f.append(std::move(t), c.x - cw / 2, c.y - t.height / 2);
  }
  for (int i = 0; i < 3; ++i) {
    const deck::DiagramNode& n = d.nodes[static_cast<std::size_t>(i)];
    const Look look = look_of(ctx, n.id);
    Fragment pill = node_pill(ctx, n.label, pill_w, pill_h, look, n.line);
    const Rect r{corners[i].x - pill_w / 2, corners[i].y - pill_h / 2, pill_w, pill_h};
    f.append(std::move(pill), r.x, r.y);
    f.hits.push_back(hit(n.id, n.label, r, ctx));
  }

  // Detail panel: the selected element's detail, or all details at rest so
  // that a printed handout still says everything.
  const Rect panel = side_panel ? Rect{tri_w + ctx.px(48), 0, width - tri_w - ctx.px(48), height}
                                : Rect{0, tri_h + ctx.px(32), width, height - tri_h - ctx.px(32)};
  Fragment body;
  const float inner_w = panel.w - ctx.px(64);
  auto add_entry = [&](const std::string& title, const std::string& detail, bool strong, int line) {
    const float gap = body.height > 0 ? ctx.body_px(20) : 0;
    const float title_size =
        strong ? ctx.body_px(ctx.theme.subheading_size) : ctx.body_px(ctx.theme.small_size);
    Fragment t = plain_paragraph(ctx, title, style_of(title_size, ctx.theme.accent, true),
                                 text::Align::kLeft, inner_w, line);
    const float y0 = body.height + gap;
    body.append(std::move(t), 0, y0);
    if (!detail.empty()) {
      const float detail_size =
          strong ? ctx.body_px(ctx.theme.body_size) : ctx.body_px(ctx.theme.small_size);
      Fragment dd = plain_paragraph(ctx, detail, style_of(detail_size, ctx.theme.text),
                                    text::Align::kLeft, inner_w, line);
      body.append(std::move(dd), 0, body.height + ctx.body_px(4));
    }
  };
  const std::string selected = ctx.state.selected.empty() ? "" : ctx.state.selected.back();
  bool shown = false;
  for (const auto& n : d.nodes) {
    if (n.id == selected) {
      add_entry(n.label, n.detail, true, n.line);
      shown = true;
    }
  }
  for (const auto& e : d.edges) {
    if (e.from + "-" + e.to == selected) {
      add_entry(e.label, e.detail, true, e.line);
      shown = true;
    }
  }
  if (!shown) {
    for (const auto& n : d.nodes) add_entry(n.label, n.detail, false, n.line);
  }
  f.add(fill_rect(panel, ctx.theme.surface, ctx.px(18)));
  f.add(fill_rect(Rect{panel.x, panel.y, ctx.px(8), panel.h}, ctx.theme.accent, ctx.px(4)));
  f.append(std::move(body), panel.x + ctx.px(36), panel.y + ctx.px(28));
  f.width = width;
  f.height = std::max(height, f.height);
  return f;
}

// ============================================================================
// [SECTION] Compare
// ============================================================================

Fragment compare(const Context& ctx, const deck::Block& block, float width) {
  const deck::Diagram& d = block.diagram;
  Fragment f;
  const std::size_t n = d.nodes.size();
  if (n == 0) return f;
  const bool has_attrs = !d.attributes.empty();
  const float size = ctx.body_px(ctx.theme.body_size) * (n > 2 ? 0.74f : 0.84f);
  const text::TextStyle attr_style = style_of(size, ctx.theme.muted, true);
  float attr_w = 0;
  if (has_attrs) {
    for (const auto& a : d.attributes) attr_w = std::max(attr_w, natural_width(ctx, a, attr_style));
    attr_w = std::min(attr_w + ctx.px(36), width * 0.22f);
  }
  const float gap = ctx.px(18);
  const float col_w = (width - attr_w - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  const float pad = ctx.body_px(18);

  // Header: one pill per item.
  float header_h = 0;
  std::vector<Fragment> heads;
  for (const auto& item : d.nodes) {
    const Look look = look_of(ctx, item.id);
    Fragment t = plain_paragraph(
        ctx, item.label,
        style_of(size * 1.12f, look.selected ? ctx.theme.on_accent : ctx.theme.heading, true),
        text::Align::kCenter, col_w - 2 * pad, item.line);
    header_h = std::max(header_h, t.height + 2 * pad);
    heads.push_back(std::move(t));
  }
  // Rows: attribute name, then one cell per item.
  std::vector<float> row_h(d.attributes.size(), 0);
  std::vector<std::vector<Fragment>> cells(d.attributes.size());
  std::vector<Fragment> names;
  for (std::size_t r = 0; r < d.attributes.size(); ++r) {
    Fragment name = plain_paragraph(ctx, d.attributes[r], attr_style, text::Align::kLeft,
                                    attr_w - ctx.px(24), block.line);
    row_h[r] = name.height + 2 * pad;
    names.push_back(std::move(name));
    for (const auto& item : d.nodes) {
      const std::string value = r < item.values.size() ? item.values[r] : std::string();
      Fragment cell = plain_paragraph(ctx, value, style_of(size, ctx.theme.text),
                                      text::Align::kLeft, col_w - 2 * pad, item.line);
      row_h[r] = std::max(row_h[r], cell.height + 2 * pad);
      cells[r].push_back(std::move(cell));
    }
  }
  float total_h = header_h;
  for (float h : row_h) total_h += h;

  for (std::size_t i = 0; i < n; ++i) {
    const auto& item = d.nodes[i];
    const Look look = look_of(ctx, item.id);
    const float x = attr_w + static_cast<float>(i) * (col_w + gap);
    text::Color card = look.selected ? ctx.theme.accent_soft : ctx.theme.surface;
    if (look.dimmed) card = with_alpha(card, 0.5f);
    f.add(fill_rect(Rect{x, 0, col_w, total_h}, card, ctx.px(16)));
    text::Color head = look.selected ? ctx.theme.accent
                                     : with_alpha(ctx.theme.accent, look.hovered ? 0.45f : 0.22f);
    f.add(fill_rect(Rect{x, 0, col_w, header_h}, head, ctx.px(16)));
    if (look.focused) {
      const float g = ctx.px(5);
      f.add(stroke_rect(Rect{x - g, -g, col_w + 2 * g, total_h + 2 * g}, ctx.theme.heading,
                        ctx.px(3), ctx.px(20)));
    }
    f.append(std::move(heads[i]), x + pad, pad);
    f.hits.push_back(hit(item.id, item.label, Rect{x, 0, col_w, total_h}, ctx));
  }
  float y = header_h;
  for (std::size_t r = 0; r < d.attributes.size(); ++r) {
    if (r > 0) f.add(fill_rect(Rect{0, y, width, ctx.px(1.5f)}, ctx.theme.rule));
    f.append(std::move(names[r]), 0, y + pad);
    for (std::size_t i = 0; i < n; ++i) {
      const float x = attr_w + static_cast<float>(i) * (col_w + gap);
      const Look look = look_of(ctx, d.nodes[i].id);
      if (look.dimmed) {
        Command push;
        push.kind = CommandKind::kPushOpacity;
        push.opacity = 0.5f;
        f.add(push);
      }
      f.append(std::move(cells[r][i]), x + pad, y + pad);
      if (look.dimmed) {
        Command pop;
        pop.kind = CommandKind::kPopOpacity;
        f.add(pop);
      }
    }
    y += row_h[r];
  }
  f.width = width;
  f.height = total_h;
  return f;
}

// ============================================================================
// [SECTION] Flow
// ============================================================================

Fragment flow(const Context& ctx, const deck::Block& block, float width) {
  const deck::Diagram& d = block.diagram;
  Fragment f;
  const std::size_t n = d.nodes.size();
  if (n == 0) return f;
  const float arrow = ctx.px(64);
  const float box_w = (width - arrow * static_cast<float>(n - 1)) / static_cast<float>(n);
  const float pad = ctx.body_px(22);
  const float size = ctx.body_px(ctx.theme.body_size) * (n > 3 ? 0.86f : 1.0f);

  std::vector<Fragment> labels, details;
  float label_h = 0, detail_h = 0;
  for (const auto& step : d.nodes) {
    const Look look = look_of(ctx, step.id);
    labels.push_back(plain_paragraph(
        ctx, step.label,
        style_of(size, look.selected ? ctx.theme.on_accent : ctx.theme.heading, true),
        text::Align::kCenter, box_w - 2 * pad, step.line));
    label_h = std::max(label_h, labels.back().height);
    details.push_back(plain_paragraph(ctx, step.detail,
                                      style_of(ctx.body_px(ctx.theme.small_size), ctx.theme.text),
                                      text::Align::kCenter, box_w, step.line));
    detail_h = std::max(detail_h, details.back().height);
  }
  const float box_h = std::max(label_h + 2 * pad, ctx.px(150));
  for (std::size_t i = 0; i < n; ++i) {
    const auto& step = d.nodes[i];
    const bool visible = !d.stepped || ctx.revealed(block.fragment + static_cast<int>(i));
    if (!visible) continue;
    const Look look = look_of(ctx, step.id);
    const float x = static_cast<float>(i) * (box_w + arrow);
    text::Color fill = look.selected ? ctx.theme.accent : ctx.theme.accent_soft;
    if (look.dimmed) fill = with_alpha(fill, 0.5f);
    if (look.hovered && !look.selected) fill = with_alpha(ctx.theme.accent, 0.35f);
    const Rect r{x, 0, box_w, box_h};
    f.add(fill_rect(r, fill, ctx.px(20)));
    f.add(stroke_rect(r, look.focused ? ctx.theme.heading : ctx.theme.accent,
                      ctx.px(look.focused ? 4 : 2), ctx.px(20)));
    const float lh = labels[i].height;
    f.append(std::move(labels[i]), x + pad, (box_h - lh) / 2);
    if (i + 1 < n) {
      const float ay = box_h / 2;
      f.add(line_command(Point{x + box_w + ctx.px(10), ay},
                         Point{x + box_w + arrow - ctx.px(10), ay}, ctx.theme.accent, ctx.px(6),
                         true));
    }
    if (details[i].height > 0) {
      f.append(std::move(details[i]), x, box_h + ctx.px(20));
    }
    f.hits.push_back(hit(step.id, step.label, r, ctx));
  }
  f.width = width;
  f.height = box_h + (detail_h > 0 ? detail_h + ctx.px(20) : 0);
  return f;
}

}  // namespace

Fragment diagram_fragment(const Context& ctx, const deck::Block& block, const std::string& key,
                          float width, float max_height) {
  Fragment f;
  float y = 0;
  if (!block.diagram.title.empty()) {
    Fragment t =
        plain_paragraph(ctx, block.diagram.title,
                        style_of(ctx.body_px(ctx.theme.body_size), ctx.theme.heading, true),
                        text::Align::kLeft, width, block.line);
    y = t.height + ctx.body_px(16);
    f.append(std::move(t), 0, 0);
  }
  Fragment body;
  switch (block.diagram.kind) {
    case deck::DiagramKind::kTriangle:
      body = triangle(ctx, block, key, width, max_height - y);
      break;
    case deck::DiagramKind::kCompare:
      body = compare(ctx, block, width);
      break;
    case deck::DiagramKind::kFlow:
      body = flow(ctx, block, width);
      break;
  }
  f.append(std::move(body), 0, y);
  f.width = width;
  return f;
}

}  // namespace madang::layout
