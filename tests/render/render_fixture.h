// Shared setup for render tests: one FontSystem/GlyphCache/ImageCache per
// test, and small builders for hand-made display lists.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "image_compare.h"
#include "layout/display_list.h"
#include "render/headless.h"
#include "render/render.h"
#include "text/text.h"

namespace madang::test {

inline layout::Command fill(layout::Rect r, layout::Color c, float radius = 0) {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kFillRect;
  cmd.rect = r;
  cmd.color = c;
  cmd.radius = radius;
  return cmd;
}

inline layout::Command stroke(layout::Rect r, layout::Color c, float width, float radius = 0) {
  layout::Command cmd = fill(r, c, radius);
  cmd.kind = layout::CommandKind::kStrokeRect;
  cmd.width = width;
  return cmd;
}

inline layout::Command line(layout::Point a, layout::Point b, layout::Color c, float width,
                            bool arrow = false) {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kLine;
  cmd.points = {a, b};
  cmd.color = c;
  cmd.width = width;
  cmd.arrow_end = arrow;
  return cmd;
}

inline layout::Command polygon(std::vector<layout::Point> pts, layout::Color c) {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kPolygon;
  cmd.points = std::move(pts);
  cmd.color = c;
  return cmd;
}

inline layout::Command push_clip(layout::Rect r) {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kPushClip;
  cmd.rect = r;
  return cmd;
}

inline layout::Command pop_clip() {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kPopClip;
  return cmd;
}

inline layout::Command push_opacity(float o) {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kPushOpacity;
  cmd.opacity = o;
  return cmd;
}

inline layout::Command pop_opacity() {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kPopOpacity;
  return cmd;
}

inline layout::Command image(layout::Rect r, std::string path) {
  layout::Command cmd;
  cmd.kind = layout::CommandKind::kImage;
  cmd.rect = r;
  cmd.image_path = std::move(path);
  return cmd;
}

inline layout::DisplayList list_of(int w, int h, std::vector<layout::Command> cmds,
                                   layout::Color bg = 0xffffffff) {
  layout::DisplayList l;
  l.width = w;
  l.height = h;
  l.background = bg;
  l.commands = std::move(cmds);
  return l;
}

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fonts_ = text::FontSystem::create({});
    ASSERT_TRUE(fonts_);
    glyphs_ = std::make_unique<text::GlyphCache>(*fonts_);
  }
  render::RgbaImage render(const layout::DisplayList& l) {
    return render::render_headless(l, *glyphs_, images_);
  }
  // Glyph-run commands for one paragraph laid out with the text engine, the
  // first baseline at (x, baseline) (as the layout stage emits them).
  std::vector<layout::Command> text_runs(const std::string& s, float size, float x, float baseline,
                                         text::TextStyle style = {}, float max_width = 10000) {
    style.size = size;
    text::Paragraph p =
        text::layout_paragraph(*fonts_, {{s, style}}, text::ParagraphStyle{}, max_width);
    std::vector<layout::Command> out;
    float first = p.lines.empty() ? 0 : p.lines.front().baseline;
    for (const text::Line& l : p.lines)
      for (const text::GlyphRun& run : l.runs) {
        layout::Command c;
        c.kind = layout::CommandKind::kGlyphRun;
        c.origin = {x + l.x + run.x, baseline + l.baseline - first};
        c.run = run;
        out.push_back(c);
      }
    last_paragraph_ = p;
    return out;
  }

  std::unique_ptr<text::FontSystem> fonts_;
  std::unique_ptr<text::GlyphCache> glyphs_;
  render::ImageCache images_;
  text::Paragraph last_paragraph_;
};

}  // namespace madang::test
