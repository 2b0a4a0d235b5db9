// Headless rendering: SDL's software renderer drawing into a surface, with no
// window and no display. Used by `madang export` and the golden-image tests.
//
// Promise: needs no SDL_Init and no video driver; two threads may render at
// once, each with its own HeadlessRenderer, GlyphCache and ImageCache.
#pragma once

#include <memory>

#include "layout/display_list.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::render {

// Keeps one software renderer (and so its glyph atlas textures) across
// frames, so that rendering a run of slides uploads each glyph once.
class HeadlessRenderer {
 public:
  HeadlessRenderer(text::GlyphCache& glyphs, ImageCache& images);
  ~HeadlessRenderer();
  HeadlessRenderer(const HeadlessRenderer&) = delete;
  HeadlessRenderer& operator=(const HeadlessRenderer&) = delete;

  // How many renders a picture's texture survives without being drawn
  // (SdlRenderer::set_image_texture_draws: the window's 8 unless set). The
  // PNG export passes -1: each slide is rendered once.
  void set_image_texture_draws(int draws);

  // Renders the list at its own size (list.width x list.height).
  RgbaImage render(const layout::DisplayList& list);
  // The same without a copy: a view of the renderer's own surface, valid
  // until the next call (the export writes PNGs straight from it).
  RgbaView render_view(const layout::DisplayList& list);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One frame with a renderer of its own.
RgbaImage render_headless(const layout::DisplayList& list, text::GlyphCache& glyphs,
                          ImageCache& images);

}  // namespace madang::render
