// Display list: a laid-out slide as plain drawing commands, in pixels.
//
// Promise: no SDL, cairo or FreeType types (like ImGui's ImDrawList). Layout
// writes it; renderers only read it; hit regions travel with it so that the
// app can hit-test exactly what was drawn. Coordinates: origin top-left, y down,
// in the pixels of the viewport the slide was laid out for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "deck/background.h"
#include "pdf/source.h"
#include "text/text.h"

namespace madang::layout {

using Color = text::Color;  // 0xRRGGBBAA

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct Point {
  float x = 0, y = 0;
};

enum class CommandKind {
  kFillRect,    // rect, color, radius
  kStrokeRect,  // rect, color, radius, width
  kLine,        // points[0..1], color, width; arrow_end draws a head at points[1]
  kPolygon,     // points (convex), color
  kGlyphRun,    // origin (pen at baseline), run
  kImage,       // rect, image_path (empty: draw a labelled placeholder with `label`),
                // filters (CSS filters on the pixels; blur radius in image pixels)
  kPushClip,    // rect
  kPopClip,
  kPushOpacity,  // opacity multiplies everything until the matching pop
  kPopOpacity,
  kPdfPage,  // rect, pdf (the file's bytes), page (0-based), page_part: a page of a PDF deck
             // drawn to fill rect (vector in the PDF sink, at the exact pixel size in a window)
  kStroke,   // points, widths (one per point), color: a freehand stroke with round caps and
             // joins, filled as one shape (a translucent one never darkens where it crosses
             // itself); highlight: a highlighter's, put under the slide's text (ink/ink_list.h)
  kClip,     // rect, image_path (the clip file), clip_key, clip (its options): a video's
             // picture (its poster until it plays: the sink asks render/clip_frames.h) or
             // a sound's player bar (layout writes its label over it); label names it
};

struct Command {
  CommandKind kind = CommandKind::kFillRect;
  Rect rect;
  Color color = 0;
  float radius = 0;
  float width = 0;
  bool arrow_end = false;
  float opacity = 1;
  std::vector<Point> points;
  Point origin;
  text::GlyphRun run;
  std::string image_path;
  std::string label;
  std::vector<deck::ImageFilter> filters;  // kImage
  pdf::SourcePtr pdf;                      // kPdfPage
  int page = 0;                            // kPdfPage: 0-based page of `pdf`
  pdf::PagePart page_part;                 // kPdfPage: the part of the page drawn
  std::vector<float> widths;               // kStroke: the width at each point
  bool highlight = false;                  // kStroke: a highlighter's
  std::string clip_key;                    // kClip: "3:0", deck/clips.h
  deck::MediaOptions clip;                 // kClip: kind, poster, start, end
};

// A clickable element of a diagram, in the same pixels as the commands.
struct HitRegion {
  std::string id;  // "gov", or "gov-market" for an edge; "clip:3:0" for a clip (a click plays it)
  std::string label;
  Rect rect;
  std::vector<Point> polygon;  // finer shape when the rect is too coarse (may be empty)
};

// What a piece of text is on the slide, for reports (`check --stats`) and tests.
enum class TextRole : std::uint8_t {
  kBody,     // everything the slide says: paragraphs, lists, tables, diagrams
  kTitle,    // the slide title (or the title slide's title)
  kFooter,   // the running footer and the page number
  kSource,   // the source line (citation) at the foot
  kCaption,  // the event line of a title slide
};

// Text as it was laid out, kept for `madang layout --json` and for tests.
struct TextItem {
  Rect rect;
  std::vector<text::Line> lines;  // baselines relative to rect.y
  TextRole role = TextRole::kBody;
};

struct DisplayList {
  int width = 0, height = 0;  // viewport in pixels
  Color background = 0xffffffff;
  std::vector<Command> commands;
  std::vector<HitRegion> hits;
  std::vector<TextItem> texts;
};

}  // namespace madang::layout
