// Rendering a DisplayList with SDL2's SDL_Renderer (window or software).
//
// Promise: a thin translator of display lists (like ImGui's SDL_Renderer
// backend): glyphs come from a text::GlyphCache through atlas textures,
// shapes go through SDL_RenderGeometry with antialiased edges, images are
// decoded once. The window and the headless export draw with the same code,
// so a screenshot equals the export. Saves and restores the renderer state it
// touches (draw colour, blend mode, clip, target).
#pragma once

#include <SDL.h>

#include <memory>
#include <string>

#include "layout/display_list.h"
#include "render/clip_frames.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::render {

class SdlRenderer {
 public:
  SdlRenderer(SDL_Renderer* renderer, text::GlyphCache& glyphs, ImageCache& images);
  ~SdlRenderer();
  SdlRenderer(const SdlRenderer&) = delete;
  SdlRenderer& operator=(const SdlRenderer&) = delete;

  // Draws `list` with its top-left at (x, y) in renderer pixels, every
  // colour's alpha multiplied by `opacity`. Fills the list's background first.
  void draw(const layout::DisplayList& list, float x = 0, float y = 0, float opacity = 1);

  // Where playing clips' pictures come from (render/clip_frames.h) for the
  // draws that follow; nullptr (the default): every clip shows its poster and
  // a play mark, as in the next-slide preview, the overview and exports.
  void set_clips(const ClipFrames* clips);

  // How many draw() calls a picture's texture (an image's, a PDF page's)
  // survives without being drawn: 8 unless set (a window draws the hall, the
  // console's panes and overlays as separate calls). 0: it goes at the end of
  // the next draw() that does not draw it; -1: at the end of the draw() that
  // drew it, as an export wants that draws each slide once (a photo's
  // texture is megabytes; the ImageCache still holds a picture to reuse).
  void set_image_texture_draws(int draws);

  // Textures are lost (SDL_RENDER_TARGETS_RESET / DEVICE_RESET): rebuild lazily.
  void invalidate();

  // Textures it holds now (atlas pages, images, PDF pages): leak checks.
  int texture_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::render
