// A parameterized gtest suite that renders laid-out slides for golden
// comparisons: one font system and glyph cache for the whole suite (opening
// fonts per test would dominate the run), and the software renderer.
#pragma once

#include <gtest/gtest.h>

#include "layout/display_list.h"
#include "render/headless.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::test {

template <typename Param>
class GoldenSuite : public ::testing::TestWithParam<Param> {
 protected:
  static void SetUpTestSuite() {
    fonts_ = text::FontSystem::create({}).release();
    glyphs_ = new text::GlyphCache(*fonts_);
  }
  static void TearDownTestSuite() {
    delete glyphs_;
    delete fonts_;
  }
  static render::RgbaImage render(const layout::DisplayList& list) {
    render::ImageCache images;
    return render::render_headless(list, *glyphs_, images);
  }
  static inline text::FontSystem* fonts_ = nullptr;
  static inline text::GlyphCache* glyphs_ = nullptr;
};

}  // namespace madang::test
