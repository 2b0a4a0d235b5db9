// Diagrams as display-list fragments with hit regions.
//
// [SECTION] Shared pieces
// [SECTION] Triangle
// [SECTION] Compare
// [SECTION] Flow
// [SECTION] Entry point
//
// The look depends on SlideState (selection, row, focus, hover, animation)
// only through the arguments: drawing never changes state. While
// `diagram_animation` runs, every element's look is interpolated between
// `previous_selected` and `selected`, so a click eases in over ~200 ms.
// Hit regions are at least 48 px at 1080p so that a finger can hit them, and
// they are emitted in reading order (the Tab order of diagram/interaction.h);
// where two overlap, the earlier one wins.
// Element ids follow diagram/ids.h (header-only; no link dependency).
// Every diagram keeps within the height it is given, shrinking its own text
// (never below the label floor) or shortening text at rest, so that a click
// never changes the autofit of the rest of the slide.

#include <algorithm>
#include <cmath>

#include "diagram/ids.h"
#include "layout/fragment.h"

namespace madang::layout {

// ============================================================================
// [SECTION] Shared pieces
// ============================================================================

namespace {

constexpr float kLabelFloor = 32;  // px at 1080p: labels stay readable from the back row
constexpr float kTextFloor = 26;   // px at 1080p: detail text

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

float lerp(float a, float b, float t) {
  return a + (b - a) * t;
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

text::ParagraphStyle para_style(const Context& ctx, text::Align align, float line_height = 1.3f) {
  text::ParagraphStyle ps;
  ps.align = align;
  ps.line_height = line_height;
  ps.lang = ctx.deck.meta.lang;
  return ps;
}

Fragment plain_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                         text::Align align, float width, int line) {
  return paragraph_fragment(ctx, {text::TextRun{s, style}}, para_style(ctx, align), width, line);
}

float natural_width(const Context& ctx, const std::string& s, const text::TextStyle& style) {
  return text::layout_paragraph(ctx.fonts, {text::TextRun{s, style}},
                                para_style(ctx, text::Align::kLeft), 1e6f)
      .width;
}

std::size_t line_count(const Fragment& f) {
  return f.texts.empty() ? 0 : f.texts.back().lines.size();
}

// At most `max_lines` lines, ending in "…" when shortened (0: unlimited).
Fragment clamped_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                           text::Align align, float width, int line, int max_lines) {
  Fragment f = plain_paragraph(ctx, s, style, align, width, line);
  if (max_lines <= 0 || line_count(f) <= static_cast<std::size_t>(max_lines)) return f;
  std::string cut = s.substr(0, std::min(s.size(), f.texts.back().lines[max_lines - 1].end));
  for (int tries = 0; tries < 24 && !cut.empty(); ++tries) {
    while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == '.'))
      cut.pop_back();
    Fragment g = plain_paragraph(ctx, cut + "…", style, align, width, line);
    if (line_count(g) <= static_cast<std::size_t>(max_lines)) return g;
    // Drop one UTF-8 character and try again.
    do {
      cut.pop_back();
    } while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xc0) == 0x80);
    if (!cut.empty()) cut.pop_back();
  }
  return plain_paragraph(ctx, "…", style, align, width, line);
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

// How one element looks, with the selection interpolated over the animation.
struct Look {
  float selected = 0;  // 0..1
  float dimmed = 0;    // 0..1
  bool focused = false, hovered = false;
};

class Looks {
 public:
  // `ids`: every element id of this diagram (selection elsewhere on the slide
  // does not dim it).
  Looks(const Context& ctx, std::vector<std::string> ids) : ctx_(ctx), ids_(std::move(ids)) {
    for (const auto& id : ids_) {
      any_now_ |= contains(ctx.state.selected, id);
      any_before_ |= contains(ctx.state.previous_selected, id);
    }
  }
  float t() const { return animating() ? std::clamp(ctx_.state.diagram_animation, 0.0f, 1.0f) : 1; }
  bool animating() const { return ctx_.state.diagram_animation < 1; }
  bool any_selected() const { return any_now_; }
  bool any_selected_before() const { return animating() && any_before_; }
  // 0..1: how much "something in this diagram is selected", interpolated.
  float any() const {
    return lerp(animating() ? (any_before_ ? 1.0f : 0.0f) : (any_now_ ? 1.0f : 0.0f),
                any_now_ ? 1.0f : 0.0f, t());
  }

  Look of(const std::string& id) const {
    const bool now = contains(ctx_.state.selected, id);
    const bool before = animating() ? contains(ctx_.state.previous_selected, id) : now;
    const bool dim_now = any_now_ && !now;
    const bool dim_before = animating() ? any_before_ && !before : dim_now;
    Look l;
    l.selected = lerp(before ? 1.0f : 0.0f, now ? 1.0f : 0.0f, t());
    l.dimmed = lerp(dim_before ? 1.0f : 0.0f, dim_now ? 1.0f : 0.0f, t());
    l.focused = ctx_.state.focused == id;
    l.hovered = ctx_.state.hovered == id;
    return l;
  }
  // 0..1: how highlighted row `id` is.
  float row(const std::string& id) const {
    const float now = ctx_.state.row == id ? 1.0f : 0.0f;
    const float before = animating() ? (ctx_.state.previous_row == id ? 1.0f : 0.0f) : now;
    return lerp(before, now, t());
  }

 private:
  const Context& ctx_;
  std::vector<std::string> ids_;
  bool any_now_ = false, any_before_ = false;
};

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
    if (diagram::node_id(prefix, n.id) == selected) {
      strong(n.label, n.detail, n.line);
      return body;
    }
  }
  for (const auto& e : d.edges) {
    if (diagram::edge_id(prefix, e.from, e.to) == selected) {
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
  for (const auto& n : d.nodes) ids.push_back(diagram::node_id(prefix, n.id));
  for (const auto& e : d.edges) ids.push_back(diagram::edge_id(prefix, e.from, e.to));
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
    sizes = {label_px(ctx, th.body_size),
             std::max(ctx.body_px(th.small_size), ctx.px(kTextFloor)) * k,
             label_px(ctx, th.body_size) * std::max(k, 0.85f),
             std::max(ctx.body_px(th.small_size + 2) * k, ctx.px(kTextFloor))};
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

  // Nodes: pills sized to the longest label.
  const text::TextStyle label_style = style_of(sizes.label, 0, true);
  float pill_w = ctx.px(190);
  for (const auto& n : d.nodes)
    pill_w = std::max(pill_w, natural_width(ctx, n.label, label_style) + ctx.px(72));
  pill_w = std::min(pill_w, area.w * 0.34f);  // long labels wrap rather than collide
  float pill_h = ctx.px(84);
  for (const auto& n : d.nodes) {
    Fragment t = plain_paragraph(ctx, n.label, label_style, text::Align::kCenter,
                                 pill_w - ctx.px(36), n.line);
    pill_h = std::max(pill_h, t.height + ctx.px(36));
  }

  // Corners: apex on top, base left and right, as close to equilateral as
  // the area allows, centred in it.
  const float rise = std::max(area.h - pill_h, ctx.px(120));
  // A little flatter than equilateral reads better beside text.
  const float base = std::min(rise * 2 / std::sqrt(3.0f) * 1.3f, area.w - pill_w);
  const float cx = area.x + area.w / 2;
  const float tri_h = std::min(rise, base * std::sqrt(3.0f) / 2);
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
    const std::string id = diagram::edge_id(prefix, e.from, e.to);
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
    const std::string id = diagram::node_id(prefix, n.id);
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

// ============================================================================
// [SECTION] Compare
// ============================================================================

// A comparison is a table: a column of attribute names, one column per item.
// Columns share the width by weight; a selected item's column widens and
// shows its full text while the others shorten theirs (a third column and
// beyond fold to their header when two are selected). Rows are clickable
// whenever exactly two columns show values (two items, or two selected).
struct CompareGeometry {
  std::vector<float> weight;   // per item, interpolated over the animation
  std::vector<int> max_lines;  // per item: 0 unlimited, -1 folded (no values)
};

// `shorten`: unselected columns show at most a few lines. Off when the whole
// text fits the height anyway (a handout then says everything).
CompareGeometry compare_geometry(std::size_t n, const std::vector<bool>& selected_now,
                                 bool shorten) {
  CompareGeometry g;
  int count = 0;
  for (bool s : selected_now) count += s;
  for (std::size_t i = 0; i < n; ++i) {
    const bool s = selected_now[i];
    if (n <= 2 || count == 0) {
      g.weight.push_back(1);
      g.max_lines.push_back(n <= 2 || !shorten ? 0 : 4);
    } else if (count == 1) {
      g.weight.push_back(s ? static_cast<float>(n) * 0.75f : 1.0f);
      g.max_lines.push_back(s || !shorten ? 0 : 3);
    } else {
      g.weight.push_back(s ? static_cast<float>(n) * 1.4f : 0.55f);
      g.max_lines.push_back(s ? 0 : -1);
    }
  }
  return g;
}

Fragment compare(const Context& ctx, const deck::Block& block, const std::string& prefix,
                 float width, float max_height) {
  const deck::Diagram& d = block.diagram;
  const Theme& th = ctx.theme;
  Fragment f;
  const std::size_t n = d.nodes.size();
  if (n == 0) return f;
  const std::size_t rows = d.attributes.size();

  std::vector<std::string> ids, row_ids;
  for (const auto& item : d.nodes) ids.push_back(diagram::node_id(prefix, item.id));
  for (std::size_t r = 0; r < rows; ++r)
    row_ids.push_back(diagram::row_id(prefix, static_cast<int>(r)));
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
  float total_weight = 0;
  std::vector<float> weight(n);
  for (std::size_t i = 0; i < n; ++i) {
    weight[i] = lerp(compare_geometry(n, before, true).weight[i],
                     compare_geometry(n, now, true).weight[i], t);
    total_weight += weight[i];
  }

  // Sizes: shrink the text (not the labels below their floor) until the
  // table fits its height.
  // First pass: every value in full, type shrinking a little at most; second
  // pass: unselected columns shortened, type shrinking down to its floor.
  for (int pass = 0;; pass = 1) {
    const bool shorten = pass == 1;
    const CompareGeometry g_now = compare_geometry(n, now, shorten);
    const CompareGeometry g_before = compare_geometry(n, before, shorten);
    for (float k = 1.0f;; k -= 0.07f) {
      if (!shorten && k < 0.85f) break;
      const bool last = shorten && k < 0.65f;
      const float value_size =
          std::max(ctx.body_px(th.body_size) * (n > 2 ? 0.8f : 0.86f) * k, ctx.px(kTextFloor - 2));
      const float head_size = label_px(ctx, th.body_size) * std::max(k, 0.88f);
      const float name_size = std::max(value_size * 0.92f, ctx.px(kTextFloor - 2));
      const text::TextStyle name_style = style_of(name_size, th.muted, true);
      float attr_w = 0;
      if (rows > 0) {
        for (const auto& a : d.attributes)
          attr_w = std::max(attr_w, natural_width(ctx, a, name_style));
        attr_w = std::min(attr_w + ctx.px(40), width * 0.2f);
      }
      const float cols_w = width - attr_w - gap * static_cast<float>(n);
      std::vector<float> x(n), w(n);
      float cursor = attr_w + gap;
      for (std::size_t i = 0; i < n; ++i) {
        w[i] = cols_w * weight[i] / total_weight;
        x[i] = cursor;
        cursor += w[i] + gap;
      }
      const float pad = ctx.px(20);
      // Many rows: tighter rows, so that the table leaves room for the
      // blocks after it.
      const float pad_y = ctx.px(rows > 4 ? 11 : 18) * std::max(k, 0.8f);

      // Header cells. A narrow column's label shrinks to fit on one line (not
      // below the label floor); a folded one stacks its syllables down the
      // whole column, like a tab, and does not set the header's height.
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
        if (!folded[i] && natural > inner)
          size = std::max(ctx.px(kLabelFloor), size * inner / natural);
        Fragment h = paragraph_fragment(
            ctx,
            {text::TextRun{d.nodes[i].label,
                           style_of(size, mix(th.heading, th.on_accent, look.selected), true)}},
            ps, folded[i] ? std::max(w[i] - ctx.px(16), ctx.px(20)) : inner, d.nodes[i].line);
        if (folded[i]) {
          folded_h = std::max(folded_h, h.height + 2 * pad);
        } else {
          header_h = std::max(header_h, h.height + 2 * pad_y + ctx.px(8));
        }
        heads.push_back(std::move(h));
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
          const int lines = g_now.max_lines[i];
          const auto& values = d.nodes[i].values;
          const std::string value = r < values.size() ? values[r] : std::string();
          Fragment cell;
          if (lines >= 0 && w[i] > ctx.px(120) && !value.empty()) {
            cell = clamped_paragraph(ctx, value, style_of(value_size, th.text), text::Align::kLeft,
                                     w[i] - 2 * pad, d.nodes[i].line, lines);
          }
          row_h[r] = std::max(row_h[r], cell.height + 2 * pad_y);
          cells[r].push_back(std::move(cell));
        }
      }
      float total_h = header_h;
      for (float h : row_h) total_h += h;
      total_h = std::max(total_h, folded_h);
      if (total_h > max_height && !last) continue;

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
          f.append(std::move(heads[i]), x[i] + ctx.px(8), pad);
        } else {
          f.append(std::move(heads[i]), x[i] + pad, (header_h - hh) / 2);
        }
        f.add(pop_opacity());
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
    }
  }
}

// ============================================================================
// [SECTION] Flow
// ============================================================================

// Steps as numbered cards joined by arrows; under them, at rest, each step's
// detail; with a step selected, one panel with its detail, pointing at it.
// Hidden steps of a stepped flow keep their place, so nothing moves when
// they appear (the newest fades in with the reveal animation).
Fragment flow(const Context& ctx, const deck::Block& block, const std::string& prefix, float width,
              float max_height) {
  const deck::Diagram& d = block.diagram;
  const Theme& th = ctx.theme;
  Fragment f;
  const std::size_t n = d.nodes.size();
  if (n == 0) return f;
  std::vector<std::string> ids;
  for (const auto& s : d.nodes) ids.push_back(diagram::node_id(prefix, s.id));
  const Looks looks(ctx, ids);

  const float arrow = ctx.px(n > 4 ? 48 : 64);
  const float box_w = (width - arrow * static_cast<float>(n - 1)) / static_cast<float>(n);
  const float pad = ctx.px(22);
  const float badge = ctx.px(52);
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

  for (float k = 1.0f;; k -= 0.08f) {
    const bool last = k < 0.7f;
    const float label_size =
        label_px(ctx, th.body_size * (n > 3 ? 0.9f : 1.0f)) * std::max(k, 0.9f);
    const float small = text_px(ctx, th.small_size * k);
    const float panel_title = label_px(ctx, th.body_size) * std::max(k, 0.9f);
    const float panel_text = text_px(ctx, (th.body_size - 2) * k);

    std::vector<Fragment> labels, details;
    float label_h = 0, detail_h = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Look look = looks.of(ids[i]);
      labels.push_back(
          plain_paragraph(ctx, d.nodes[i].label,
                          style_of(label_size, mix(th.heading, th.on_accent, look.selected), true),
                          text::Align::kCenter, box_w - 2 * pad, d.nodes[i].line));
      label_h = std::max(label_h, labels.back().height);
      details.push_back(plain_paragraph(ctx, d.nodes[i].detail, style_of(small, th.text),
                                        text::Align::kCenter, box_w - ctx.px(8), d.nodes[i].line));
      detail_h = std::max(detail_h, details.back().height);
    }
    const float box_top = badge / 2;
    const float box_h = std::max(label_h + 2 * pad + badge / 2, ctx.px(190));
    // The panel is as tall as the tallest step's detail, so that choosing
    // another step does not move anything.
    const float panel_w = width;
    float panel_content = 0;
    std::vector<Fragment> panels;
    for (std::size_t i = 0; i < n; ++i) {
      Fragment p;
      p.append(plain_paragraph(ctx, d.nodes[i].label, style_of(panel_title, th.accent, true),
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
    const float below_gap = ctx.px(34);
    const float below_h = std::max(detail_h, panel_content + 2 * pad);
    const float total_h = box_top + box_h + below_gap + below_h;
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
    const float panel_t = selected_index < n ? looks.any() : 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!visible(i)) continue;
      const Look look = looks.of(ids[i]);
      const float x = static_cast<float>(i) * (box_w + arrow);
      const Rect r{x, box_top, box_w, box_h};
      Fragment card;
      text::Color fill = mix(th.accent_soft, th.accent, look.selected);
      if (look.hovered) fill = mix(fill, with_alpha(th.accent, 0.4f), 1 - look.selected);
      if (look.focused) card.add(focus_ring(ctx, Rect{0, 0, box_w, box_h}, ctx.px(20)));
      card.add(push_opacity(1 - 0.6f * look.dimmed));
      card.add(fill_rect(Rect{0, 0, box_w, box_h}, fill, ctx.px(20)));
      card.add(stroke_rect(Rect{0, 0, box_w, box_h}, th.accent, ctx.px(look.hovered ? 5 : 2),
                           ctx.px(20)));
      // Number badge riding the top edge.
      const Rect b{box_w / 2 - badge / 2, -badge / 2, badge, badge};
      card.add(fill_rect(b, mix(th.accent, th.heading, look.selected), badge / 2));
      card.add(stroke_rect(b, th.background, ctx.px(4), badge / 2));
      Fragment num =
          plain_paragraph(ctx, std::to_string(i + 1), style_of(ctx.px(28), th.on_accent, true),
                          text::Align::kCenter, badge, d.nodes[i].line);
      const float nh = num.height;
      card.append(std::move(num), b.x, b.y + (badge - nh) / 2);
      const float lh = labels[i].height;
      card.append(std::move(labels[i]), pad, badge / 4 + (box_h - lh) / 2);
      card.add(pop_opacity());
      if (i + 1 < n && visible(i + 1)) {
        const float ay = box_h / 2;
        card.add(line_command(Point{box_w + ctx.px(10), ay}, Point{box_w + arrow - ctx.px(10), ay},
                              th.accent, ctx.px(6), true));
      }
      // At rest each step's detail sits under it; it gives way to the panel.
      if (details[i].height > 0 && panel_t < 1) {
        append_faded(card, std::move(details[i]), ctx.px(4), box_h + below_gap, 1 - panel_t);
      }
      append_faded(f, std::move(card), r.x, r.y, reveal_fade(i));
      f.hits.push_back(hit(ids[i], d.nodes[i].label, r, ctx));
    }
    if (selected_index < n && visible(selected_index)) {
      const float py = box_top + box_h + below_gap;
      Fragment p;
      const Rect pr{0, 0, panel_w, below_h};
      p.add(fill_rect(pr, th.surface, ctx.px(18)));
      // A notch pointing up at the selected step.
      const float nx = static_cast<float>(selected_index) * (box_w + arrow) + box_w / 2;
      p.add(polygon({Point{nx - ctx.px(22), 0}, Point{nx, -ctx.px(22)}, Point{nx + ctx.px(22), 0}},
                    th.surface));
      p.add(fill_rect(Rect{0, 0, ctx.px(8), below_h}, th.accent, ctx.px(4)));
      p.append(std::move(panels[selected_index]), pad + ctx.px(8), pad);
      append_faded(f, std::move(p), 0, py, panel_t);
    }
    f.width = width;
    f.height = total_h;
    return f;
  }
}

}  // namespace

// ============================================================================
// [SECTION] Entry point
// ============================================================================

namespace {

// A flow or compare with more elements than its width can show readably (a
// flow of 500 steps was a mass of 1-pixel bars) is drawn anyway, with a
// located warning saying how many would fit.
void warn_if_crowded(const Context& ctx, const deck::Block& block, float width) {
  const deck::Diagram& d = block.diagram;
  const std::size_t n = d.nodes.size();
  if (n < 2) return;
  const bool flow = d.kind == deck::DiagramKind::kFlow;
  if (!flow && d.kind != deck::DiagramKind::kCompare) return;
  // Flow: a card must hold three syllables of its label at the label floor
  // (flow() spaces cards by 48 px arrows and pads them by 22 px); compare: a
  // column narrower than 120 px shows no values (compare()).
  const float arrow = ctx.px(48), min_card = 3 * ctx.px(kLabelFloor) + 2 * ctx.px(22);
  const float min_column = ctx.px(120) + ctx.px(14);
  const float each = flow ? (width + arrow) / static_cast<float>(n) - arrow
                          : width * 0.8f / static_cast<float>(n) - ctx.px(14);
  const float need = flow ? min_card : min_column - ctx.px(14);
  if (each >= need) return;
  const int fit = std::max(1, static_cast<int>((flow ? (width + arrow) / (min_card + arrow)
                                                     : width * 0.8f / min_column)));
  ctx.warn(block.line, block.column,
           std::string("this ") + (flow ? "flow" : "comparison") + " has " + std::to_string(n) +
               (flow ? " steps" : " items") + ", too many to read at this size (about " +
               std::to_string(fit) + " fit); split it over several slides");
}

}  // namespace

Fragment diagram_fragment(const Context& ctx, const deck::Block& block, const std::string& key,
                          float width, float max_height) {
  warn_if_crowded(ctx, block, width);
  // key is "d<N>", the diagram's place on the slide (layout/blocks.cpp).
  const int index = key.size() > 1 ? std::atoi(key.c_str() + 1) : 0;
  const std::string prefix = diagram::id_prefix(index);
  Fragment f;
  float y = 0;
  if (!block.diagram.title.empty()) {
    Fragment t =
        plain_paragraph(ctx, block.diagram.title,
                        style_of(label_px(ctx, ctx.theme.body_size), ctx.theme.heading, true),
                        text::Align::kLeft, width, block.line);
    y = t.height + ctx.px(24);
    f.append(std::move(t), 0, 0);
  }
  // The flow's number badges ride above its cards.
  const float room = std::max(ctx.px(200), max_height - y);
  Fragment body;
  switch (block.diagram.kind) {
    case deck::DiagramKind::kTriangle:
      body = triangle(ctx, block, prefix, width, room);
      break;
    case deck::DiagramKind::kCompare:
      body = compare(ctx, block, prefix, width, room);
      break;
    case deck::DiagramKind::kFlow:
      body = flow(ctx, block, prefix, width, room);
      break;
  }
  f.append(std::move(body), 0, y);
  f.width = width;
  return f;
}

}  // namespace madang::layout
