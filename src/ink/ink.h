// Ink: what the speaker draws on slides (pen and highlighter strokes), as plain
// data, and the edits that change it (add, erase, clear, undo, redo).
//
// Promise: pure (no SDL, no clock, no I/O). Coordinates are the slide's
// fractions: x in [0, 1] of its width, y in [0, 1] of its height, so that a
// stroke sits on the same words at any window size, in the console and in the
// hall; a stroke's width is a fraction of the slide's height (at pressure 1).
// A stroke belongs to a slide (0-based) and a step: it shows from that step on
// (step -1, the exported slide with every fragment shown, shows them all).
// Every edit is undoable; the document's `revision` moves on with each one, so
// that views and the sidecar writer know when to redraw and save.
#pragma once

#include <cstdint>
#include <vector>

namespace madang::ink {

using Color = std::uint32_t;  // 0xRRGGBBAA, as layout::Color

struct InkPoint {
  float x = 0, y = 0;  // slide fractions
  float pressure = 1;  // 0..1 (a mouse: 1)
  bool operator==(const InkPoint&) const = default;
};

struct Stroke {
  std::vector<InkPoint> points;  // smoothed and simplified (finish_stroke)
  Color color = 0xd03030ff;
  float width = 0.004f;      // fraction of the slide's height at pressure 1
  bool highlighter = false;  // wide, translucent, drawn under the slide's text
  int step = 0;              // shows from this step of its slide on
  bool operator==(const Stroke&) const = default;
};

// One undoable edit: the slides it touched, as they were and as they became.
struct Edit {
  std::vector<int> slides;
  std::vector<std::vector<Stroke>> before, after;
};

struct Document {
  std::vector<std::vector<Stroke>> slides;  // per slide (grown on demand)
  std::vector<Edit> undo, redo;
  bool hidden = false;         // Shift+D: every stroke hidden (kept)
  std::uint64_t revision = 0;  // moves on with every change of what shows
};

// The strokes of `slide` shown at `step` (-1: all), in drawing order;
// none while the document is hidden.
std::vector<const Stroke*> visible_strokes(const Document& doc, int slide, int step);
int stroke_count(const Document& doc);
int point_count(const Document& doc);

// Edits; false (and nothing recorded) when they change nothing.
bool add_stroke(Document& doc, int slide, Stroke stroke);
// Removes the whole strokes of `slide` visible at `step` that pass within
// `radius` (fractions of the slide's height) of (x, y); `aspect` is the
// slide's width over its height.
bool erase_at(Document& doc, int slide, int step, float x, float y, float radius, float aspect);
bool clear_slide(Document& doc, int slide);
bool clear_all(Document& doc);
bool undo(Document& doc);
bool redo(Document& doc);
void toggle_hidden(Document& doc);

// A stroke as it is drawn: points arrive from the pointer; those closer than
// a fraction of a pixel to the last are dropped.
class StrokeBuilder {
 public:
  void begin(const Stroke& style, float x, float y, float pressure);
  // True when the point was kept (the stroke on screen changed).
  bool add(float x, float y, float pressure);
  bool active() const { return active_; }
  // The stroke so far (raw points: what the hall shows while it is drawn).
  const Stroke& live() const { return stroke_; }
  // Ends the stroke: smoothed, then simplified. `aspect`: width over height.
  Stroke finish(float aspect);
  void cancel() { active_ = false; }

 private:
  Stroke stroke_;
  bool active_ = false;
};

// A three-point moving average (1, 2, 1) run `passes` times; the ends stay.
std::vector<InkPoint> smooth(const std::vector<InkPoint>& points, int passes = 2);
// Ramer-Douglas-Peucker: the fewest points within `tolerance` (fractions of
// the slide's height) of the line; `aspect` scales x to the same units. The
// ends stay; so does a point where the pressure changes by more than 0.15.
std::vector<InkPoint> simplify(const std::vector<InkPoint>& points, float tolerance, float aspect);

// Pen colours: 1-6 choose them; the first is the theme's accent.
inline constexpr int kPresetCount = 6;
Color preset_color(int index, Color accent);
// Widths `[` and `]` step through (fractions of the slide's height).
inline constexpr float kPenWidths[] = {0.002f, 0.003f, 0.0045f, 0.0065f, 0.009f, 0.013f};
inline constexpr int kPenWidthCount = 6;
inline constexpr float kHighlighterScale = 6;  // a highlighter is this much wider
inline constexpr Color kHighlighterAlpha = 0x66;

}  // namespace madang::ink

namespace madang::ink {

// When the sidecar is written: 300 ms after the last change, and never later
// than 1 s after the first unsaved one (a long drawing is saved as it goes),
// so that a crash loses at most the last second. Times are the caller's
// clock (ms).
class SaveSchedule {
 public:
  // The document is now at `revision` (no-op when already known).
  void changed(std::uint64_t revision, double now_ms);
  // The time the next write is due, or < 0 when everything is saved.
  double due_ms() const;
  bool due(double now_ms) const { return due_ms() >= 0 && now_ms >= due_ms(); }
  // `revision` was written.
  void saved(std::uint64_t revision);
  bool pending() const { return saved_ != seen_; }

 private:
  std::uint64_t seen_ = 0, saved_ = 0;
  double first_ms_ = -1, last_ms_ = -1;
};

}  // namespace madang::ink
