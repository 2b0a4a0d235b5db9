// The walk of a display list that every sink drives (render.h's SdlRenderer,
// pdf.h's PdfWriter): the background, then each item in list order, with the
// clip and the opacity in force, handed to the sink's visitor.
//
// Promise: clips, opacity and item order mean the same in every sink, because
// only this walk reads kPushClip/kPopClip and kPushOpacity/kPopOpacity. The
// clip in force is the intersection of every open clip rect (a nested clip
// never reaches outside its parent); the opacity in force is the product of
// every open opacity and the walk's own, each clamped to [0, 1]. A pop with
// nothing open is ignored, and clips the list leaves open are closed at its
// end, innermost first, so every push_clip a visitor sees has its pop_clip.
// Items under an opacity of 0 are not visited; items under an empty clip are
// (a sink decides what an empty clip hides on its own grid: the SDL sink
// skips a clip that holds no pixel centre, cairo clips exactly). A template
// over the visitor, and its stacks kept from walk to walk: no virtual call
// per item, and no allocation per frame once warm.
#pragma once

#include <algorithm>
#include <vector>

#include "layout/display_list.h"

namespace madang::render {

// A clip as its edges, in the sink's coordinates (the list's pixels moved by
// the walk's origin), so that a sink can round each edge as it draws.
struct ClipBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return !(x0 < x1 && y0 < y1); }
};

// What is in force for an item or after a clip changes. `clip` points into
// the walk's stack: valid during the call only.
struct Paint {
  float opacity = 1;              // in [0, 1]; 0 never reaches an item
  const ClipBox* clip = nullptr;  // nullptr: no clip open
};

// A sink's visitor: one method per item kind, given the whole command, and
// the clip's structure (push_clip gets the command's own rect and, in
// `now.clip`, the intersection now in force; pop_clip gets what is in force
// again). The background is the first thing visited.
template <class V>
concept DisplayListVisitor = requires(V& v, const layout::DisplayList& list,
                                      const layout::Command& c, const Paint& now) {
  v.background(list, now);
  v.push_clip(c.rect, now);
  v.pop_clip(now);
  v.fill_rect(c, now);
  v.stroke_rect(c, now);
  v.line(c, now);
  v.polygon(c, now);
  v.glyph_run(c, now);
  v.image(c, now);
  v.pdf_page(c, now);
  v.stroke(c, now);
  v.clip(c, now);
};

class Walker {
 public:
  // Visits `list` with its pixel (0, 0) at `origin` in the sink's
  // coordinates (where ClipBoxes are reported; items are passed as they are),
  // everything's opacity multiplied by `opacity`.
  template <DisplayListVisitor V>
  void walk(const layout::DisplayList& list, V& visitor, layout::Point origin = {},
            float opacity = 1);

 private:
  Paint now() const { return {opacities_.back(), clips_.empty() ? nullptr : &clips_.back()}; }

  std::vector<ClipBox> clips_;    // intersected: the back is the clip in force
  std::vector<float> opacities_;  // multiplied: the back is the opacity in force
};

template <DisplayListVisitor V>
void Walker::walk(const layout::DisplayList& list, V& visitor, layout::Point origin,
                  float opacity) {
  using layout::CommandKind;
  clips_.clear();
  opacities_.assign(1, std::clamp(opacity, 0.0f, 1.0f));
  visitor.background(list, now());
  for (const layout::Command& c : list.commands) {
    switch (c.kind) {
      case CommandKind::kPushClip: {
        const float x = c.rect.x + origin.x, y = c.rect.y + origin.y;
        ClipBox box{x, y, x + c.rect.w, y + c.rect.h};
        if (!clips_.empty()) {
          const ClipBox& parent = clips_.back();
          box = {std::max(box.x0, parent.x0), std::max(box.y0, parent.y0),
                 std::min(box.x1, parent.x1), std::min(box.y1, parent.y1)};
        }
        clips_.push_back(box);
        visitor.push_clip(c.rect, now());
        continue;
      }
      case CommandKind::kPopClip:
        if (clips_.empty()) continue;
        clips_.pop_back();
        visitor.pop_clip(now());
        continue;
      case CommandKind::kPushOpacity:
        opacities_.push_back(opacities_.back() * std::clamp(c.opacity, 0.0f, 1.0f));
        continue;
      case CommandKind::kPopOpacity:
        if (opacities_.size() > 1) opacities_.pop_back();
        continue;
      default:
        break;
    }
    const Paint paint = now();
    if (paint.opacity <= 0) continue;
    switch (c.kind) {
      case CommandKind::kFillRect:
        visitor.fill_rect(c, paint);
        break;
      case CommandKind::kStrokeRect:
        visitor.stroke_rect(c, paint);
        break;
      case CommandKind::kLine:
        visitor.line(c, paint);
        break;
      case CommandKind::kPolygon:
        visitor.polygon(c, paint);
        break;
      case CommandKind::kGlyphRun:
        visitor.glyph_run(c, paint);
        break;
      case CommandKind::kImage:
        visitor.image(c, paint);
        break;
      case CommandKind::kPdfPage:
        visitor.pdf_page(c, paint);
        break;
      case CommandKind::kStroke:
        visitor.stroke(c, paint);
        break;
      case CommandKind::kClip:
        visitor.clip(c, paint);
        break;
      default:
        break;
    }
  }
  while (!clips_.empty()) {
    clips_.pop_back();
    visitor.pop_clip(now());
  }
}

}  // namespace madang::render
