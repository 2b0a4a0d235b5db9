// The display-list walk both sinks drive (render/walk.h): what a visitor is
// told, in order, with the clip and opacity in force. Pure: no renderer.
#include "render/walk.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "render_fixture.h"

namespace madang::test {
namespace {

using render::Paint;

std::string clip_text(const Paint& now) {
  if (!now.clip) return "none";
  std::ostringstream out;
  out << now.clip->x0 << "," << now.clip->y0 << "-" << now.clip->x1 << "," << now.clip->y1;
  return out.str();
}

// Writes one line per call: what was visited, the opacity and the clip.
struct Recorder {
  std::vector<std::string> log;
  void note(const std::string& what, const Paint& now) {
    std::ostringstream out;
    out << what << " " << now.opacity << " " << clip_text(now);
    log.push_back(out.str());
  }
  void background(const layout::DisplayList&, const Paint& now) { note("background", now); }
  void push_clip(const layout::Rect& r, const Paint& now) {
    std::ostringstream out;
    out << "push_clip(" << r.x << "," << r.y << " " << r.w << "x" << r.h << ")";
    note(out.str(), now);
  }
  void pop_clip(const Paint& now) { note("pop_clip", now); }
  void fill_rect(const layout::Command&, const Paint& now) { note("fill_rect", now); }
  void stroke_rect(const layout::Command&, const Paint& now) { note("stroke_rect", now); }
  void line(const layout::Command&, const Paint& now) { note("line", now); }
  void polygon(const layout::Command&, const Paint& now) { note("polygon", now); }
  void glyph_run(const layout::Command&, const Paint& now) { note("glyph_run", now); }
  void image(const layout::Command&, const Paint& now) { note("image", now); }
  void pdf_page(const layout::Command&, const Paint& now) { note("pdf_page", now); }
  void stroke(const layout::Command&, const Paint& now) { note("stroke", now); }
  void clip(const layout::Command&, const Paint& now) { note("clip", now); }
};

std::vector<std::string> walk(const layout::DisplayList& list, layout::Point origin = {},
                              float opacity = 1) {
  render::Walker walker;
  Recorder r;
  walker.walk(list, r, origin, opacity);
  return r.log;
}

using Log = std::vector<std::string>;

TEST(Walk, BackgroundThenEveryKindInListOrder) {
  layout::Command run;
  run.kind = layout::CommandKind::kGlyphRun;
  layout::Command page;
  page.kind = layout::CommandKind::kPdfPage;
  EXPECT_EQ(walk(list_of(100, 100,
                         {image({0, 0, 10, 10}, ""), polygon({{0, 0}, {1, 0}, {0, 1}}, 0xff), run,
                          line({0, 0}, {1, 1}, 0xff, 1), stroke({0, 0, 5, 5}, 0xff, 1),
                          fill({0, 0, 5, 5}, 0xff), page})),
            (Log{"background 1 none", "image 1 none", "polygon 1 none", "glyph_run 1 none",
                 "line 1 none", "stroke_rect 1 none", "fill_rect 1 none", "pdf_page 1 none"}));
}

TEST(Walk, NestedClipsIntersectAndPopsGiveTheParentBack) {
  EXPECT_EQ(walk(list_of(300, 300,
                         {push_clip({10, 10, 100, 100}), push_clip({50, 0, 200, 60}),
                          fill({0, 0, 300, 300}, 0xff), pop_clip(), fill({0, 0, 300, 300}, 0xff),
                          pop_clip(), fill({0, 0, 300, 300}, 0xff)})),
            (Log{"background 1 none", "push_clip(10,10 100x100) 1 10,10-110,110",
                 "push_clip(50,0 200x60) 1 50,10-110,60", "fill_rect 1 50,10-110,60",
                 "pop_clip 1 10,10-110,110", "fill_rect 1 10,10-110,110", "pop_clip 1 none",
                 "fill_rect 1 none"}));
  // Disjoint clips leave an empty one, and the items under it are still
  // visited (each sink decides what an empty clip hides).
  render::Walker walker;
  struct EmptyCheck : Recorder {
    std::vector<bool> empty;
    void fill_rect(const layout::Command&, const Paint& now) { empty.push_back(now.clip->empty()); }
  } check;
  walker.walk(
      list_of(100, 100,
              {push_clip({10, 10, 20, 20}), push_clip({50, 50, 20, 20}),
               fill({0, 0, 100, 100}, 0xff), pop_clip(), fill({0, 0, 100, 100}, 0xff), pop_clip()}),
      check);
  EXPECT_EQ(check.empty, (std::vector<bool>{true, false}));
}

TEST(Walk, OpacitiesMultiplyAndZeroHidesItems) {
  EXPECT_EQ(walk(list_of(100, 100,
                         {push_opacity(0.5f), fill({0, 0, 1, 1}, 0xff), push_opacity(0.5f),
                          fill({0, 0, 1, 1}, 0xff), push_opacity(0), fill({0, 0, 1, 1}, 0xff),
                          pop_opacity(), pop_opacity(), push_opacity(7), fill({0, 0, 1, 1}, 0xff),
                          pop_opacity(), pop_opacity(), fill({0, 0, 1, 1}, 0xff)}),
                 {}, 0.5f),
            (Log{"background 0.5 none", "fill_rect 0.25 none", "fill_rect 0.125 none",
                 "fill_rect 0.25 none", "fill_rect 0.5 none"}));
}

TEST(Walk, OriginMovesTheClipBoxesOnly) {
  EXPECT_EQ(
      walk(list_of(100, 100, {push_clip({10, 20, 30, 40}), pop_clip()}), {100, 50}),
      (Log{"background 1 none", "push_clip(10,20 30x40) 1 110,70-140,110", "pop_clip 1 none"}));
}

TEST(Walk, UnmatchedPopsAreIgnoredAndOpenClipsClosedInnermostFirst) {
  // A sink that saves on push_clip and restores on pop_clip (cairo) stays
  // balanced whatever the list does.
  EXPECT_EQ(walk(list_of(100, 100,
                         {pop_clip(), pop_opacity(), push_opacity(0.5f), push_clip({0, 0, 50, 50}),
                          push_clip({10, 10, 50, 50}), fill({0, 0, 1, 1}, 0xff)})),
            (Log{"background 1 none", "push_clip(0,0 50x50) 0.5 0,0-50,50",
                 "push_clip(10,10 50x50) 0.5 10,10-50,50", "fill_rect 0.5 10,10-50,50",
                 "pop_clip 0.5 0,0-50,50", "pop_clip 0.5 none"}));
  // And a walker used again starts afresh.
  render::Walker walker;
  Recorder first, second;
  walker.walk(list_of(10, 10, {push_clip({0, 0, 5, 5}), push_opacity(0.5f)}), first);
  walker.walk(list_of(10, 10, {fill({0, 0, 1, 1}, 0xff)}), second);
  EXPECT_EQ(second.log, (Log{"background 1 none", "fill_rect 1 none"}));
}

}  // namespace
}  // namespace madang::test
