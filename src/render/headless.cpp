#include "render/headless.h"

#include <SDL.h>

#include <cstring>
#include <optional>

#include "render/render.h"

namespace madang::render {

// SDL_CreateSoftwareRenderer needs no SDL_Init and no video driver, and every
// object here (surface, renderer, textures) belongs to one HeadlessRenderer, so
// two threads may render at once as long as each brings its own GlyphCache and
// ImageCache. SDL's shared state on this path is its pixel-format list
// (guarded by a spin lock in SDL_AllocFormat) and its thread-local error string.
struct HeadlessRenderer::Impl {
  text::GlyphCache& glyphs;
  ImageCache& images;
  SDL_Surface* surface = nullptr;
  SDL_Renderer* renderer = nullptr;
  std::unique_ptr<SdlRenderer> translator;
  std::optional<int> image_texture_draws;  // unset: SdlRenderer's own

  Impl(text::GlyphCache& g, ImageCache& i) : glyphs(g), images(i) {}
  ~Impl() { release(); }

  void release() {
    translator.reset();  // textures go before the renderer that owns them
    if (renderer) SDL_DestroyRenderer(renderer);
    if (surface) SDL_FreeSurface(surface);
    renderer = nullptr;
    surface = nullptr;
  }

  // A surface of the list's size, reusing the current one when it matches.
  bool prepare(int width, int height) {
    if (surface && surface->w == width && surface->h == height) return true;
    release();
    // RGBA32 is R,G,B,A in memory on any endianness: reading back is a copy.
    surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    if (!surface) return false;
    renderer = SDL_CreateSoftwareRenderer(surface);
    if (!renderer) {
      release();
      return false;
    }
    translator = std::make_unique<SdlRenderer>(renderer, glyphs, images);
    if (image_texture_draws) translator->set_image_texture_draws(*image_texture_draws);
    return true;
  }
};

HeadlessRenderer::HeadlessRenderer(text::GlyphCache& glyphs, ImageCache& images)
    : impl_(std::make_unique<Impl>(glyphs, images)) {}

HeadlessRenderer::~HeadlessRenderer() = default;

void HeadlessRenderer::set_image_texture_draws(int draws) {
  impl_->image_texture_draws = draws;
  if (impl_->translator) impl_->translator->set_image_texture_draws(draws);
}

RgbaView HeadlessRenderer::render_view(const layout::DisplayList& list) {
  if (list.width <= 0 || list.height <= 0 || !impl_->prepare(list.width, list.height)) return {};
  impl_->translator->draw(list);  // fills the list's background first
  SDL_RenderFlush(impl_->renderer);
  return RgbaView{static_cast<const std::uint8_t*>(impl_->surface->pixels), list.width, list.height,
                  static_cast<std::size_t>(impl_->surface->pitch)};
}

RgbaImage HeadlessRenderer::render(const layout::DisplayList& list) {
  RgbaImage out;
  const RgbaView view = render_view(list);
  if (!view.pixels) return out;
  out.width = view.width;
  out.height = view.height;
  const size_t row = static_cast<size_t>(view.width) * 4;
  out.pixels.resize(row * static_cast<size_t>(view.height));
  for (int y = 0; y < view.height; ++y)
    std::memcpy(out.pixels.data() + y * row, view.pixels + static_cast<size_t>(y) * view.stride,
                row);
  return out;
}

RgbaImage render_headless(const layout::DisplayList& list, text::GlyphCache& glyphs,
                          ImageCache& images) {
  return HeadlessRenderer(glyphs, images).render(list);
}

}  // namespace madang::render
