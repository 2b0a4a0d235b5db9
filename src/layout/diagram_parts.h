// Private to layout/: the pieces the diagram kinds share (colours, opacity,
// clamped text, hit regions, the look of an element over its animation,
// pills and cards), and the kinds themselves, one file each:
// diagram_layout.cpp (shared pieces, triangle, entry point),
// diagram_compare.cpp, diagram_flow.cpp.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "layout/fragment.h"

namespace madang::layout::diagrams {

constexpr float kLabelFloor = 36;  // px at 1080p: labels stay readable from the back row
constexpr float kTextFloor = 28;   // px at 1080p: detail text (the theme's min_text)

bool contains(const std::vector<std::string>& v, const std::string& s);
text::Color with_alpha(text::Color c, float alpha);
// Per-channel blend from a (t = 0) to b (t = 1).
text::Color mix(text::Color a, text::Color b, float t);
inline float lerp(float a, float b, float t) {
  return a + (b - a) * t;
}
Command push_opacity(float opacity);
Command pop_opacity();
// `inner` drawn at `opacity` (nothing added when fully transparent).
void append_faded(Fragment& f, Fragment inner, float dx, float dy, float opacity);
Command polygon(std::vector<Point> points, text::Color color);

text::ParagraphStyle para_style(const Context& ctx, text::Align align, float line_height = 1.3f);
Fragment plain_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                         text::Align align, float width, int line, float line_height = 1.3f);
float natural_width(const Context& ctx, const std::string& s, const text::TextStyle& style);
// The widest piece of `s` that a line cannot break inside (split at spaces
// and after '-', '/' and '·', where Korean lines may break).
float widest_word(const Context& ctx, const std::string& s, const text::TextStyle& style);
std::size_t line_count(const Fragment& f);
// At most `max_lines` lines, ending in "…" when shortened (0: unlimited).
Fragment clamped_paragraph(const Context& ctx, const std::string& s, const text::TextStyle& style,
                           text::Align align, float width, int line, int max_lines,
                           float line_height = 1.3f);

HitRegion hit(const std::string& id, const std::string& label, Rect r, const Context& ctx);

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
Command focus_ring(const Context& ctx, Rect r, float radius);
float label_px(const Context& ctx, float size_1080p);
float text_px(const Context& ctx, float size_1080p);
// A pill-shaped node with a centred label; its look eases between rest,
// selected and dimmed.
Fragment node_pill(const Context& ctx, const std::string& label, float label_size, float width,
                   float height, const Look& look, int line);
// A detail card: an accent bar on the left, content inset.
void detail_card(const Context& ctx, Fragment& f, Rect r);

// The kinds. `prefix` is the diagram's id prefix (layout/diagram_ids.h).
Fragment triangle(const Context& ctx, const deck::Block& block, const std::string& prefix,
                  float width, float max_height);
Fragment compare(const Context& ctx, const deck::Block& block, const std::string& prefix,
                 float width, float max_height);
Fragment flow(const Context& ctx, const deck::Block& block, const std::string& prefix, float width,
              float max_height);

}  // namespace madang::layout::diagrams
