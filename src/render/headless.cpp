#include "render/headless.h"

#include <SDL.h>

#include <cstring>

#include "render/render.h"

namespace madang::render {

// SDL_CreateSoftwareRenderer needs no SDL_Init and no video driver, and every
// object here (surface, renderer, textures) belongs to this call, so two
// threads may render at once as long as each brings its own GlyphCache and
// ImageCache. SDL's shared state on this path is its pixel-format list
// (guarded by a spin lock in SDL_AllocFormat) and its thread-local error string.
RgbaImage render_headless(const layout::DisplayList& list, text::GlyphCache& glyphs,
                          ImageCache& images) {
  RgbaImage out;
  if (list.width <= 0 || list.height <= 0) return out;
  // RGBA32 is R,G,B,A in memory on any endianness: reading back is a copy.
  SDL_Surface* surface =
      SDL_CreateRGBSurfaceWithFormat(0, list.width, list.height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!surface) return out;
  SDL_Renderer* ren = SDL_CreateSoftwareRenderer(surface);
  if (ren) {
    {
      SdlRenderer renderer(ren, glyphs, images);
      renderer.draw(list);
    }  // textures go before the renderer that owns them
    SDL_RenderFlush(ren);
    out.width = list.width;
    out.height = list.height;
    out.pixels.resize(static_cast<size_t>(list.width) * list.height * 4);
    const auto* src = static_cast<const std::uint8_t*>(surface->pixels);
    size_t row = static_cast<size_t>(list.width) * 4;
    for (int y = 0; y < list.height; ++y)
      std::memcpy(out.pixels.data() + y * row, src + static_cast<size_t>(y) * surface->pitch, row);
    SDL_DestroyRenderer(ren);
  }
  SDL_FreeSurface(surface);
  return out;
}

}  // namespace madang::render
