#include "ink/ink.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace madang::ink {

namespace {

std::vector<Stroke>& slide_strokes(Document& doc, int slide) {
  if (static_cast<int>(doc.slides.size()) <= slide) {
    doc.slides.resize(static_cast<std::size_t>(slide) + 1);
  }
  return doc.slides[static_cast<std::size_t>(slide)];
}

// Records an edit of `slides`, whose contents were `before`.
void record(Document& doc, std::vector<int> slides, std::vector<std::vector<Stroke>> before) {
  Edit e;
  e.slides = std::move(slides);
  e.before = std::move(before);
  for (int s : e.slides) e.after.push_back(slide_strokes(doc, s));
  doc.undo.push_back(std::move(e));
  doc.redo.clear();
  ++doc.revision;
}

// Distance from p to the segment a-b, x scaled by `aspect`.
float segment_distance(InkPoint p, InkPoint a, InkPoint b, float aspect) {
  const float px = p.x * aspect, ax = a.x * aspect, bx = b.x * aspect;
  const float dx = bx - ax, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((px - ax) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0f, 1.0f);
  const float cx = ax + t * dx - px, cy = a.y + t * dy - p.y;
  return std::sqrt(cx * cx + cy * cy);
}

void rdp(const std::vector<InkPoint>& in, std::size_t first, std::size_t last, float tolerance,
         float aspect, std::vector<bool>& keep) {
  // An explicit stack: 10,000 points of a straight line must not recurse deep.
  std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    if (b <= a + 1) continue;
    float worst = -1;
    std::size_t at = a;
    for (std::size_t i = a + 1; i < b; ++i) {
      float d = segment_distance(in[i], in[a], in[b], aspect);
      // A change of pressure is a change of shape too.
      const float dp = std::fabs(in[i].pressure - (in[a].pressure + in[b].pressure) / 2);
      if (dp > 0.15f) d = std::max(d, tolerance * 2);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = true;
      stack.push_back({a, at});
      stack.push_back({at, b});
    }
  }
}

}  // namespace

std::vector<const Stroke*> visible_strokes(const Document& doc, int slide, int step) {
  std::vector<const Stroke*> out;
  if (doc.hidden || slide < 0 || slide >= static_cast<int>(doc.slides.size())) return out;
  for (const Stroke& s : doc.slides[static_cast<std::size_t>(slide)]) {
    if (step < 0 || s.step <= step) out.push_back(&s);
  }
  return out;
}

int stroke_count(const Document& doc) {
  int n = 0;
  for (const auto& slide : doc.slides) n += static_cast<int>(slide.size());
  return n;
}

int point_count(const Document& doc) {
  int n = 0;
  for (const auto& slide : doc.slides)
    for (const Stroke& s : slide) n += static_cast<int>(s.points.size());
  return n;
}

bool add_stroke(Document& doc, int slide, Stroke stroke) {
  if (slide < 0 || stroke.points.empty()) return false;
  std::vector<std::vector<Stroke>> before{slide_strokes(doc, slide)};
  slide_strokes(doc, slide).push_back(std::move(stroke));
  record(doc, {slide}, std::move(before));
  return true;
}

bool erase_at(Document& doc, int slide, int step, float x, float y, float radius, float aspect) {
  if (doc.hidden || slide < 0 || slide >= static_cast<int>(doc.slides.size())) return false;
  std::vector<Stroke>& strokes = slide_strokes(doc, slide);
  std::vector<std::vector<Stroke>> before{strokes};
  const InkPoint p{x, y, 1};
  const auto hit = [&](const Stroke& s) {
    if (step >= 0 && s.step > step) return false;
    const float reach = radius + s.width * (s.highlighter ? kHighlighterScale : 1) / 2;
    if (s.points.size() == 1) return segment_distance(p, s.points[0], s.points[0], aspect) <= reach;
    for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
      if (segment_distance(p, s.points[i], s.points[i + 1], aspect) <= reach) return true;
    }
    return false;
  };
  const auto end = std::remove_if(strokes.begin(), strokes.end(), hit);
  if (end == strokes.end()) return false;
  strokes.erase(end, strokes.end());
  record(doc, {slide}, std::move(before));
  return true;
}

bool clear_slide(Document& doc, int slide) {
  if (slide < 0 || slide >= static_cast<int>(doc.slides.size()) ||
      doc.slides[static_cast<std::size_t>(slide)].empty()) {
    return false;
  }
  std::vector<std::vector<Stroke>> before{slide_strokes(doc, slide)};
  slide_strokes(doc, slide).clear();
  record(doc, {slide}, std::move(before));
  return true;
}

bool clear_all(Document& doc) {
  std::vector<int> slides;
  std::vector<std::vector<Stroke>> before;
  for (std::size_t i = 0; i < doc.slides.size(); ++i) {
    if (doc.slides[i].empty()) continue;
    slides.push_back(static_cast<int>(i));
    before.push_back(std::move(doc.slides[i]));
    doc.slides[i].clear();
  }
  if (slides.empty()) return false;
  record(doc, std::move(slides), std::move(before));
  return true;
}

bool undo(Document& doc) {
  if (doc.undo.empty()) return false;
  Edit e = std::move(doc.undo.back());
  doc.undo.pop_back();
  for (std::size_t i = 0; i < e.slides.size(); ++i) slide_strokes(doc, e.slides[i]) = e.before[i];
  doc.redo.push_back(std::move(e));
  ++doc.revision;
  return true;
}

bool redo(Document& doc) {
  if (doc.redo.empty()) return false;
  Edit e = std::move(doc.redo.back());
  doc.redo.pop_back();
  for (std::size_t i = 0; i < e.slides.size(); ++i) slide_strokes(doc, e.slides[i]) = e.after[i];
  doc.undo.push_back(std::move(e));
  ++doc.revision;
  return true;
}

void toggle_hidden(Document& doc) {
  doc.hidden = !doc.hidden;
  ++doc.revision;
}

void StrokeBuilder::begin(const Stroke& style, float x, float y, float pressure) {
  stroke_ = style;
  stroke_.points.assign(1, InkPoint{x, y, std::clamp(pressure, 0.0f, 1.0f)});
  active_ = true;
}

bool StrokeBuilder::add(float x, float y, float pressure) {
  if (!active_) return false;
  const InkPoint& last = stroke_.points.back();
  // Closer than about a third of a pixel of a 1080p slide: nothing to see.
  if (std::fabs(x - last.x) < 0.0002f && std::fabs(y - last.y) < 0.0003f) return false;
  stroke_.points.push_back(InkPoint{x, y, std::clamp(pressure, 0.0f, 1.0f)});
  return true;
}

Stroke StrokeBuilder::finish(float aspect) {
  active_ = false;
  Stroke s = std::move(stroke_);
  stroke_ = {};
  // Tolerance: a quarter of a pixel of a 1080p slide, so the simplified line
  // is the drawn one at any hall size.
  s.points = simplify(smooth(s.points), 0.00025f, aspect);
  return s;
}

std::vector<InkPoint> smooth(const std::vector<InkPoint>& points, int passes) {
  std::vector<InkPoint> a = points, b;
  for (int pass = 0; pass < passes && a.size() > 2; ++pass) {
    b = a;
    for (std::size_t i = 1; i + 1 < a.size(); ++i) {
      b[i].x = (a[i - 1].x + 2 * a[i].x + a[i + 1].x) / 4;
      b[i].y = (a[i - 1].y + 2 * a[i].y + a[i + 1].y) / 4;
      b[i].pressure = (a[i - 1].pressure + 2 * a[i].pressure + a[i + 1].pressure) / 4;
    }
    a.swap(b);
  }
  return a;
}

std::vector<InkPoint> simplify(const std::vector<InkPoint>& points, float tolerance, float aspect) {
  if (points.size() < 3) return points;
  std::vector<bool> keep(points.size(), false);
  keep.front() = keep.back() = true;
  rdp(points, 0, points.size() - 1, tolerance, aspect, keep);
  std::vector<InkPoint> out;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (keep[i]) out.push_back(points[i]);
  return out;
}

Color preset_color(int index, Color accent) {
  // After the theme's accent: red, blue, green, amber, black.
  static constexpr Color kPresets[kPresetCount] = {0,          0xe0302cff, 0x1f6fe0ff,
                                                   0x1f9d55ff, 0xf0a000ff, 0x111111ff};
  index = std::clamp(index, 0, kPresetCount - 1);
  if (index == 0) return (accent & 0xffffff00u) | 0xff;
  return kPresets[index];
}

}  // namespace madang::ink

namespace madang::ink {

void SaveSchedule::changed(std::uint64_t revision, double now_ms) {
  if (revision == seen_) return;
  seen_ = revision;
  if (!pending()) return;
  if (first_ms_ < 0) first_ms_ = now_ms;
  last_ms_ = now_ms;
}

double SaveSchedule::due_ms() const {
  if (!pending() || first_ms_ < 0) return -1;
  return std::min(last_ms_ + 300, first_ms_ + 1000);
}

void SaveSchedule::saved(std::uint64_t revision) {
  saved_ = revision;
  if (!pending()) first_ms_ = last_ms_ = -1;
}

}  // namespace madang::ink
