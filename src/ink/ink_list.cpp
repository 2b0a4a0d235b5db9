#include "ink/ink_list.h"

#include <algorithm>
#include <cmath>

namespace madang::ink {

layout::Command stroke_command(const Stroke& stroke, const layout::Rect& slide) {
  layout::Command c;
  c.kind = layout::CommandKind::kStroke;
  c.highlight = stroke.highlighter;
  c.color = stroke.highlighter ? (stroke.color & 0xffffff00u) | kHighlighterAlpha : stroke.color;
  c.width = stroke.width * (stroke.highlighter ? kHighlighterScale : 1) * slide.h;
  c.points.reserve(stroke.points.size());
  c.widths.reserve(stroke.points.size());
  for (const InkPoint& p : stroke.points) {
    c.points.push_back({slide.x + p.x * slide.w, slide.y + p.y * slide.h});
    // A highlighter is a broad marker: it ignores the pressure.
    const float pressure =
        stroke.highlighter ? 1 : 0.4f + 0.6f * std::clamp(p.pressure, 0.0f, 1.0f);
    c.widths.push_back(c.width * pressure);
  }
  return c;
}

void append_strokes(const std::vector<const Stroke*>& strokes, const layout::Rect& slide,
                    std::vector<layout::Command>& out) {
  for (const bool highlighter : {true, false})
    for (const Stroke* s : strokes)
      if (s->highlighter == highlighter) out.push_back(stroke_command(*s, slide));
}

layout::DisplayList with_ink(const layout::DisplayList& list,
                             const std::vector<const Stroke*>& strokes) {
  layout::DisplayList out;
  out.width = list.width;
  out.height = list.height;
  out.background = list.background;
  out.hits = list.hits;
  out.texts = list.texts;
  const layout::Rect slide{0, 0, static_cast<float>(list.width), static_cast<float>(list.height)};
  std::vector<layout::Command> under, over;
  for (const Stroke* s : strokes)
    (s->highlighter ? under : over).push_back(stroke_command(*s, slide));
  const auto first_text = std::find_if(
      list.commands.begin(), list.commands.end(),
      [](const layout::Command& c) { return c.kind == layout::CommandKind::kGlyphRun; });
  out.commands.reserve(list.commands.size() + strokes.size());
  out.commands.insert(out.commands.end(), list.commands.begin(), first_text);
  // Clips the slide left open before its first text would cut the
  // highlighter short: it goes under the text at the list's top level.
  int open = 0;
  for (auto it = list.commands.begin(); it != first_text; ++it) {
    if (it->kind == layout::CommandKind::kPushClip) ++open;
    if (it->kind == layout::CommandKind::kPopClip && open > 0) --open;
  }
  if (open == 0) {
    out.commands.insert(out.commands.end(), under.begin(), under.end());
    under.clear();
  }
  out.commands.insert(out.commands.end(), first_text, list.commands.end());
  out.commands.insert(out.commands.end(), under.begin(), under.end());
  out.commands.insert(out.commands.end(), over.begin(), over.end());
  return out;
}

InkPoint to_slide(const layout::Rect& slide, float x, float y, float pressure) {
  return {(x - slide.x) / std::max(1.0f, slide.w), (y - slide.y) / std::max(1.0f, slide.h),
          pressure};
}

}  // namespace madang::ink

namespace madang::ink {

std::vector<layout::Command> laser_commands(const std::vector<TrailMark>& marks,
                                            const layout::Rect& slide) {
  std::vector<layout::Command> out;
  if (marks.empty()) return out;
  const float dot = std::max(5.0f, slide.h / 110);
  auto at = [&](const TrailMark& m) {
    return layout::Point{slide.x + m.x * slide.w, slide.y + m.y * slide.h};
  };
  for (std::size_t i = 0; i + 1 < marks.size(); ++i) {
    const float fade = 1 - std::clamp(marks[i + 1].age, 0.0f, 1.0f);
    if (fade <= 0) continue;
    layout::Command c;
    c.kind = layout::CommandKind::kStroke;
    c.color = 0xff202000u | static_cast<Color>(std::lround(200 * fade));
    c.width = dot * (0.4f + 0.9f * fade);
    c.points = {at(marks[i]), at(marks[i + 1])};
    c.widths = {c.width, c.width};
    out.push_back(std::move(c));
  }
  const TrailMark& last = marks.back();
  if (last.age < 1) {
    layout::Command halo;
    halo.kind = layout::CommandKind::kStroke;
    halo.color = 0xff303050u;
    halo.width = dot * 4;
    halo.points = {at(last)};
    halo.widths = {halo.width};
    out.push_back(halo);
    layout::Command c = halo;
    c.color = 0xff1e1eeeu;
    c.width = dot * 2;
    c.widths = {c.width};
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<layout::Command> spotlight_commands(float x, float y, float radius,
                                                const layout::Rect& slide) {
  std::vector<layout::Command> out;
  const float cx = slide.x + x * slide.w, cy = slide.y + y * slide.h;
  const float r = std::max(4.0f, radius * slide.h);
  // Layers of a light dim, each with a hole a little smaller than the last:
  // the edge of the circle is soft, and outside it the dims add up.
  constexpr int kLayers = 6;
  constexpr int kSides = 64;
  for (int layer = 0; layer < kLayers; ++layer) {
    const float hole = r * (1.0f + 0.25f * static_cast<float>(kLayers - 1 - layer) / kLayers);
    layout::Command c;
    c.kind = layout::CommandKind::kPolygon;
    c.color = 0x0000001eu;  // six of these: about 60% dark
    // A keyhole: the slide's outline, in to the circle, round it the other
    // way, and out again (the cut has no width).
    const float x0 = slide.x, y0 = slide.y, x1 = slide.x + slide.w, y1 = slide.y + slide.h;
    c.points = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, cy}};
    for (int i = 0; i <= kSides; ++i) {
      const double a = M_PI + 2 * M_PI * i / kSides;  // from the left, counter-clockwise
      c.points.push_back({cx + hole * static_cast<float>(std::cos(a)),
                          cy - hole * static_cast<float>(std::sin(a))});
    }
    c.points.push_back({x0, cy});
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace madang::ink
