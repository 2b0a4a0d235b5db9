// Diagrams as display-list fragments with hit regions.
//
// [SECTION] Shared pieces
// [SECTION] Triangle
// [SECTION] Entry point
//
// Compare and flow live in diagram_compare.cpp and diagram_flow.cpp; the
// pieces they share are declared in diagram_parts.h.
//
// The look depends on SlideState (selection, row, focus, hover, animation)
// only through the arguments: drawing never changes state. While
// `diagram_animation` runs, every element's look is interpolated between
// `previous_selected` and `selected`, so a click eases in over ~200 ms.
// Hit regions are at least 48 px at 1080p so that a finger can hit them, and
// they are emitted in reading order (the Tab order of diagram/interaction.h);
// where two overlap, the earlier one wins.
// Element ids follow layout/diagram_ids.h.
// Every diagram keeps within the height it is given, shrinking its own text
// (never below the label floor) or shortening text at rest, so that a click
// never changes the autofit of the rest of the slide.

#include <algorithm>
#include <cmath>

#include "layout/diagram_ids.h"
#include "layout/diagram_parts.h"
#include "layout/fragment.h"

namespace madang::layout {

namespace diagrams {

// ============================================================================
// [SECTION] Shared pieces
// ============================================================================

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

text::Color with_alpha(text::Color c, float alpha) {
  const auto a =
      static_cast<text::Color>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>(c & 0xff));
  return (c & 0xffffff00u) | a;
}

// Per-channel blend from a (t = 0) to b (t = 1).
text::Color mix(text::Color a, text::Color b, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  text::Color out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const float ca = static_cast<float>((a >> shift) & 0xff);
    const float cb = static_cast<float>((b >> shift) & 0xff);
    out |= static_cast<text::Color>(std::lround(ca + (cb - ca) * t)) << shift;
  }
  return out;
}

Command push_opacity(float opacity) {
  Command c;
  c.kind = CommandKind::kPushOpacity;
  c.opacity = std::clamp(opacity, 0.0f, 1.0f);
  return c;
}

Command pop_opacity() {
  Command c;
  c.kind = CommandKind::kPopOpacity;
  return c;
}

// `inner` drawn at `opacity` (nothing added when fully transparent).
void append_faded(Fragment& f, Fragment inner, float dx, float dy, float opacity) {
  if (opacity <= 0.001f) return;
  if (opacity >= 0.999f) {
    f.append(std::move(inner), dx, dy);
    return;
  }
  f.add(push_opacity(opacity));
  f.append(std::move(inner), dx, dy);
  f.add(pop_opacity());
}

Command polygon(std::vector<Point> points, text::Color color) {
  Command c;
  c.kind = CommandKind::kPolygon;
  c.points = std::move(points);
  c.color = color;
  return c;
}

text::ParagraphStyle para_style(const Context& ctx, text::Align align, float line_height) {
  text::ParagraphStyle ps;
  ps.align = align;
  ps.line_height = line_height;
  ps.lang = ctx.deck.meta.lang;
  return ps;
}

Fragment plain_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                         text::Align align, float width, int line, float line_height) {
  return paragraph_fragment(ctx, {text::TextRun{s, style}}, para_style(ctx, align, line_height),
                            width, line);
}

float natural_width(const Context& ctx, const std::string& s, const text::TextStyle& style) {
  return text::layout_paragraph(ctx.fonts, {text::TextRun{s, style}},
                                para_style(ctx, text::Align::kLeft), 1e6f)
      .width;
}

float widest_word(const Context& ctx, const std::string& s, const text::TextStyle& style) {
  float most = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool space = i == s.size() || s[i] == ' ';
    const bool after = i > 0 && (s[i - 1] == '-' || s[i - 1] == '/' ||
                                 (i >= 2 && s.compare(i - 2, 2, "\u00b7") == 0));
    if (!space && !after) continue;
    if (i > start) most = std::max(most, natural_width(ctx, s.substr(start, i - start), style));
    start = space ? i + 1 : i;
  }
  return most;
}

std::size_t line_count(const Fragment& f) {
  return f.texts.empty() ? 0 : f.texts.back().lines.size();
}

// At most `max_lines` lines, ending in "…" when shortened (0: unlimited).
// The cut falls at the end of a word (after a space), where a reader
// expects a pause; only a first word too long for the lines is cut inside.
Fragment clamped_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                           text::Align align, float width, int line, int max_lines,
                           float line_height) {
  Fragment f = plain_paragraph(ctx, s, style, align, width, line, line_height);
  if (max_lines <= 0 || line_count(f) <= static_cast<std::size_t>(max_lines)) return f;
  std::string cut = s.substr(0, std::min(s.size(), f.texts.back().lines[max_lines - 1].end));
  auto trim = [](std::string& t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == ',' || t.back() == '/' || t.back() == '.'))
      t.pop_back();
  };
  for (int tries = 0; tries < 64 && !cut.empty(); ++tries) {
    trim(cut);
    Fragment g = plain_paragraph(ctx, cut + "…", style, align, width, line, line_height);
    if (line_count(g) <= static_cast<std::size_t>(max_lines)) return g;
    const std::size_t space = cut.rfind(' ');
    if (space != std::string::npos && space > 0) {
      cut.erase(space);  // drop the last word
    } else {
      // One word longer than the lines: drop a character.
      do {
        cut.pop_back();
      } while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80);
      if (!cut.empty()) cut.pop_back();
    }
  }
  return plain_paragraph(ctx, "…", style, align, width, line, line_height);
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

// The keyboard focus ring: a heading-coloured outline a few pixels outside.
Command focus_ring(const Context& ctx, Rect r, float radius) {
  const float g = ctx.px(7);
  return stroke_rect(Rect{r.x - g, r.y - g, r.w + 2 * g, r.h + 2 * g}, ctx.theme.heading, ctx.px(4),
                     radius + g);
}

float label_px(const Context& ctx, float size_1080p) {
  return std::max(ctx.body_px(size_1080p), ctx.px(kLabelFloor));
}

float text_px(const Context& ctx, float size_1080p) {
  return std::max(ctx.body_px(size_1080p), ctx.px(kTextFloor));
}

// A pill-shaped node with a centred label; its look eases between rest,
// selected and dimmed.
Fragment node_pill(const Context& ctx, const std::string& label, float label_size, float width,
                   float height, const Look& look, int line) {
  const Theme& th = ctx.theme;
  Fragment f;
  const float r = std::min(height / 2, ctx.px(40));
  text::Color fill = mix(th.background, th.accent, look.selected);
  if (look.hovered) fill = mix(fill, th.accent_soft, 1 - look.selected);
  const text::Color ink = mix(th.heading, th.on_accent, look.selected);
  const float fade = 1 - 0.6f * look.dimmed;
  const Rect box{0, 0, width, height};
  if (look.focused) f.add(focus_ring(ctx, box, r));
  // Opaque underneath, so that a dimmed node still hides the lines it sits on.
  f.add(fill_rect(box, th.background, r));
  f.add(push_opacity(fade));
  // A soft drop shadow lifts the nodes off the lines.
  f.add(fill_rect(Rect{0, ctx.px(5), width, height}, with_alpha(th.heading, 0.12f), r));
  f.add(fill_rect(box, fill, r));
  f.add(stroke_rect(box, th.accent, ctx.px(look.hovered ? 5 : 3), r));
  Fragment t = plain_paragraph(ctx, label, style_of(label_size, ink, true), text::Align::kCenter,
                               width - ctx.px(36), line);
  const float ty = std::max(0.0f, (height - t.height) / 2);
  f.append(std::move(t), ctx.px(18), ty);
  f.add(pop_opacity());
  f.width = width;
  f.height = height;
  return f;
}

// A detail card: an accent bar on the left, content inset.
void detail_card(const Context& ctx, Fragment& f, Rect r) {
  f.add(fill_rect(r, ctx.theme.surface, ctx.px(18)));
  f.add(fill_rect(Rect{r.x, r.y, ctx.px(8), r.h}, ctx.theme.accent, ctx.px(4)));
}

// ============================================================================
// [SECTION] Triangle
// ============================================================================

struct TriangleSizes {
  float label, small, title, detail;
};

// What the detail panel shows: the selected element's title and detail, or
// every corner's (so that a printed handout still says everything).
Fragment triangle_panel_body(const Context& ctx, const deck::Diagram& d, const std::string& prefix,
                             const std::string& selected, const TriangleSizes& s, float width) {
  const Theme& th = ctx.theme;
  Fragment body;
  auto strong = [&](const std::string& title, const std::string& detail, int line) {
    body.append(plain_paragraph(ctx, title, style_of(s.title, th.accent, true), text::Align::kLeft,
                                width, line),
                0, 0);
    if (!detail.empty()) {
      body.append(plain_paragraph(ctx, detail, style_of(s.detail, th.text), text::Align::kLeft,
                                  width, line),
                  0, body.height + ctx.px(10));
    }
  };
  for (const auto& n : d.nodes) {
    if (node_id(prefix, n.id) == selected) {
      strong(n.label, n.detail, n.line);
      return body;
    }
  }
  for (const auto& e : d.edges) {
    if (edge_id(prefix, e.from, e.to) == selected) {
      strong(e.label, e.detail, e.line);
      return body;
    }
  }
  for (const auto& n : d.nodes) {
    const float y = body.height > 0 ? body.height + ctx.px(12) : 0;
    std::vector<text::TextRun> runs{{n.label, style_of(s.small, th.accent, true)}};
    if (!n.detail.empty()) runs.push_back({"   " + n.detail, style_of(s.small, th.text)});
    body.append(paragraph_fragment(ctx, runs, para_style(ctx, text::Align::kLeft), width, n.line),
                0, y);
  }
  return body;
}

Fragment triangle(const Context& ctx, const deck::Block& block, const std::string& prefix,
                  float width, float max_height) {
  const deck::Diagram& d = block.diagram;
  const Theme& th = ctx.theme;
  Fragment f;
  if (d.nodes.size() != 3) return f;

  std::vector<std::string> ids;
  for (const auto& n : d.nodes) ids.push_back(node_id(prefix, n.id));
  for (const auto& e : d.edges) ids.push_back(edge_id(prefix, e.from, e.to));
  const Looks looks(ctx, ids);

  const float height = std::clamp(max_height, ctx.px(420), ctx.px(760));
  const bool side_panel = width > height * 1.5f;
  const float pad = ctx.px(28);

  // Panel: as tall (or wide) as its largest content, so that the triangle
  // stays put while the selection changes; its text shrinks until it fits.
  TriangleSizes sizes{};
  Rect panel;
  float panel_content_h = 0;
  for (float k = 1.0f;; k -= 0.1f) {
    sizes = {label_px(ctx, ctx.body), text_px(ctx, th.small_size * k),
             label_px(ctx, ctx.body) * std::max(k, 0.85f), text_px(ctx, (th.small_size + 2) * k)};
    const float inner_w = side_panel ? width * 0.4f - 2 * pad : width - 2 * pad - ctx.px(8);
    panel_content_h = 0;
    std::vector<std::string> shown{""};
    for (const auto& id : ids) shown.push_back(id);
    for (const auto& id : shown) {
      panel_content_h =
          std::max(panel_content_h, triangle_panel_body(ctx, d, prefix, id, sizes, inner_w).height);
    }
    const float limit = side_panel ? height : height * 0.42f;
    if (panel_content_h + 2 * pad <= limit || k < 0.75f) break;
  }
  const float panel_h = panel_content_h + 2 * pad;
  if (side_panel) {
    const float pw = width * 0.4f;
    panel = Rect{width - pw, std::max(0.0f, (height - panel_h) / 2), pw, panel_h};
  } else {
    panel = Rect{0, height - panel_h, width, panel_h};
  }
  const Rect area = side_panel ? Rect{0, 0, width - panel.w - ctx.px(56), height}
                               : Rect{0, 0, width, panel.y - ctx.px(36)};

  // Nodes: pills sized to the longest label, and the triangle as large as
  // the area allows: its base spans the width left beside the pills, its
  // height the height left above them, kept between 1 and 2.4 times as wide
  // as tall. Labels shrink (to the label floor) until the pills hold them in
  // two lines and sit apart at the corners.
  float label_size = sizes.label;
  float pill_w = 0, pill_h = 0, base = 0, tri_h = 0;
  for (int attempt = 0;; ++attempt) {
    const text::TextStyle style = style_of(label_size, 0, true);
    pill_w = ctx.px(190);
    for (const auto& n : d.nodes)
      pill_w = std::max(pill_w, natural_width(ctx, n.label, style) + ctx.px(72));
    pill_w = std::min(pill_w, area.w * 0.34f);  // long labels wrap rather than collide
    pill_h = ctx.px(84);
    std::size_t lines = 1;
    for (const auto& n : d.nodes) {
      Fragment t =
          plain_paragraph(ctx, n.label, style, text::Align::kCenter, pill_w - ctx.px(36), n.line);
      pill_h = std::max(pill_h, t.height + ctx.px(36));
      lines = std::max(lines, line_count(t));
    }
    tri_h = std::max(area.h - pill_h, ctx.px(60));
    base = std::max(area.w - pill_w, ctx.px(60));
    base = std::min(base, tri_h * 2.4f);
    tri_h = std::min(tri_h, base);
    const bool apart = base >= pill_w * 1.12f && tri_h >= pill_h * 1.1f;
    if ((apart && lines <= 2) || label_size <= ctx.px(kLabelFloor) + 0.01f || attempt > 12) break;
    label_size = std::max(ctx.px(kLabelFloor), label_size * 0.92f);
  }
  sizes.label = label_size;
  const float cx = area.x + area.w / 2;
  const float top = area.y + std::max(0.0f, (area.h - pill_h - tri_h) / 2);
  const Point corners[3] = {
      {cx, top + pill_h / 2},
      {cx - base / 2, top + pill_h / 2 + tri_h},
      {cx + base / 2, top + pill_h / 2 + tri_h},
  };
  auto index_of = [&](const std::string& id) -> int {
    for (int i = 0; i < 3; ++i) {
      if (d.nodes[static_cast<std::size_t>(i)].id == id) return i;
    }
    return -1;
  };

  // The field between the three actors, then the sides.
  f.add(polygon({corners[0], corners[1], corners[2]}, with_alpha(th.accent_soft, 0.55f)));
  for (int a = 0; a < 3; ++a) {
    for (int b = a + 1; b < 3; ++b) {
      f.add(line_command(corners[a], corners[b], th.rule, ctx.px(5)));
    }
  }
  if (!d.center.empty()) {
    const Point c{cx, (corners[0].y + corners[1].y + corners[2].y) / 3 + pill_h * 0.1f};
    const float cw = std::max(base * 0.42f, ctx.px(160));
    Fragment t = plain_paragraph(ctx, d.center, style_of(sizes.label * 0.9f, th.accent, true),
                                 text::Align::kCenter, cw, block.line);
    const float alpha = 1 - 0.5f * looks.any();
    append_faded(f, std::move(t), c.x - cw / 2, c.y - t.height / 2, alpha);
  }

  // Labelled edges: the side turns accent when its label is selected.
  std::vector<HitRegion> edge_hits;
  for (const deck::DiagramEdge& e : d.edges) {
    const int a = index_of(e.from), b = index_of(e.to);
    if (a < 0 || b < 0) continue;
    const std::string id = edge_id(prefix, e.from, e.to);
    const Look look = looks.of(id);
    if (look.selected > 0) {
      f.add(line_command(corners[a], corners[b], with_alpha(th.accent, look.selected), ctx.px(9)));
    }
    if (e.label.empty()) continue;
    const Point mid{(corners[a].x + corners[b].x) / 2, (corners[a].y + corners[b].y) / 2};
    const text::Color ink = mix(th.text, th.on_accent, look.selected);
    const text::TextStyle s = style_of(sizes.label * 0.9f, ink, true);
    const float lw = std::min(natural_width(ctx, e.label, s) + ctx.px(44), base * 0.6f);
    Fragment t = plain_paragraph(ctx, e.label, s, text::Align::kCenter, lw - ctx.px(44), e.line);
    const float lh = std::max(t.height + ctx.px(20), ctx.px(56));
    const Rect r{mid.x - lw / 2, mid.y - lh / 2, lw, lh};
    if (look.focused) f.add(focus_ring(ctx, r, lh / 2));
    f.add(fill_rect(r, th.background, lh / 2));
    f.add(push_opacity(1 - 0.6f * look.dimmed));
    text::Color fill = mix(th.background, th.accent, look.selected);
    if (look.hovered) fill = mix(fill, th.accent_soft, 1 - look.selected);
    f.add(fill_rect(r, fill, lh / 2));
    f.add(stroke_rect(r, th.accent, ctx.px(look.hovered ? 4 : 2), lh / 2));
    f.append(std::move(t), r.x + ctx.px(22), r.y + (lh - t.height) / 2);
    f.add(pop_opacity());
    edge_hits.push_back(hit(id, e.label, r, ctx));
  }

  // Nodes on top, hit regions in reading order: corners, then edges.
  for (int i = 0; i < 3; ++i) {
    const deck::DiagramNode& n = d.nodes[static_cast<std::size_t>(i)];
    const std::string id = node_id(prefix, n.id);
    Fragment pill = node_pill(ctx, n.label, sizes.label, pill_w, pill_h, looks.of(id), n.line);
    const Rect r{corners[i].x - pill_w / 2, corners[i].y - pill_h / 2, pill_w, pill_h};
    f.append(std::move(pill), r.x, r.y);
    f.hits.push_back(hit(id, n.label, r, ctx));
  }
  for (HitRegion& h : edge_hits) f.hits.push_back(std::move(h));

  // Detail panel: the selection's detail fades in over the animation.
  detail_card(ctx, f, panel);
  const float inner_w = panel.w - 2 * pad - ctx.px(8);
  std::string selected;
  for (const auto& id : ctx.state.selected) {
    if (contains(ids, id)) selected = id;
  }
  Fragment body = triangle_panel_body(ctx, d, prefix, selected, sizes, inner_w);
  const float by = side_panel ? panel.y + pad : panel.y + pad;
  append_faded(f, std::move(body), panel.x + pad + ctx.px(8), by,
               looks.animating() ? looks.t() : 1);
  f.width = width;
  f.height = std::max(height, f.height);
  return f;
}

}  // namespace diagrams

// ============================================================================
// [SECTION] Entry point
// ============================================================================

namespace {

// A flow or compare with more elements than its room can show readably (a
// flow of 30 steps is a wall of small cards) is drawn anyway, with a located
// warning saying how many would fit. The measures are those the layouts use.
void warn_if_crowded(const Context& ctx, const deck::Block& block, float width, float max_height) {
  const deck::Diagram& d = block.diagram;
  const int n = static_cast<int>(d.nodes.size());
  if (n < 2) return;
  const bool flow = d.kind == deck::DiagramKind::kFlow;
  if (!flow && d.kind != deck::DiagramKind::kCompare) return;
  int fit = 1;
  if (flow) {
    // diagram_flow.cpp: cards at least 300 px wide with 80 px arrows between
    // them, in rows of cards at least 200 px tall under a half badge (34 px),
    // 56 px apart.
    const float arrow = ctx.px(80), card = ctx.px(300), row = ctx.px(234), gap = ctx.px(56);
    const int per_row = std::max(1, static_cast<int>((width + arrow) / (card + arrow)));
    const int rows = std::max(1, static_cast<int>((max_height + gap) / (row + gap)));
    fit = per_row * rows;
  } else {
    // diagram_compare.cpp: a column holds three syllables of its header at
    // the label floor inside 20 px padding, 14 px from the next; the row
    // labels take about a fifth of the width.
    const float column = 3 * ctx.px(diagrams::kLabelFloor) + 2 * ctx.px(20) + ctx.px(14);
    fit = std::max(1, static_cast<int>(width * 0.8f / column));
  }
  if (n <= fit) return;
  ctx.warn(block.line, block.column,
           std::string("this ") + (flow ? "flow" : "comparison") + " has " + std::to_string(n) +
               (flow ? " steps" : " items") + ", too many to read at this size (about " +
               std::to_string(fit) + " fit); split it over several slides");
}

}  // namespace

Fragment diagram_fragment(const Context& ctx, const deck::Block& block, const std::string& key,
                          float width, float max_height) {
  using diagrams::label_px;
  using diagrams::plain_paragraph;
  warn_if_crowded(ctx, block, width, max_height);
  // key is "d<N>", the diagram's place on the slide (layout/blocks.cpp).
  const int index = key.size() > 1 ? std::atoi(key.c_str() + 1) : 0;
  const std::string prefix = id_prefix(index);
  Fragment f;
  float y = 0;
  // A comparison with attribute rows captions itself in its corner cell.
  const bool captioned =
      block.diagram.kind == deck::DiagramKind::kCompare && !block.diagram.attributes.empty();
  if (!block.diagram.title.empty() && !captioned) {
    Fragment t = plain_paragraph(ctx, block.diagram.title,
                                 style_of(label_px(ctx, ctx.body), ctx.theme.heading, true),
                                 text::Align::kLeft, width, block.line);
    y = t.height + ctx.px(20);
    f.append(std::move(t), 0, 0);
  }
  // The flow's number badges ride above its cards.
  const float room = std::max(ctx.px(200), max_height - y);
  Fragment body;
  switch (block.diagram.kind) {
    case deck::DiagramKind::kTriangle:
      body = diagrams::triangle(ctx, block, prefix, width, room);
      break;
    case deck::DiagramKind::kCompare:
      body = diagrams::compare(ctx, block, prefix, width, room);
      break;
    case deck::DiagramKind::kFlow:
      body = diagrams::flow(ctx, block, prefix, width, room);
      break;
  }
  f.append(std::move(body), 0, y);
  f.width = width;
  return f;
}

}  // namespace madang::layout
