#include "modes/slide_view.h"

#include "render/pdf_pages.h"

#include <cmath>

#include "ink/ink_list.h"
#include "layout/layout.h"
#include "render/image.h"
#include "render/render.h"
#include "text/text.h"

namespace madang::app {

namespace {

struct TextureDeleter {
  void operator()(SDL_Texture* t) const {
    if (t) SDL_DestroyTexture(t);
  }
};
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

struct Thumb {
  TexturePtr texture;
  int w = 0, h = 0;
};

layout::Size size_of(const layout::Rect& r) {
  return {static_cast<int>(r.w), static_cast<int>(r.h)};
}

}  // namespace

layout::Rect slide_rect(int window_width, int window_height, const deck::Meta& meta) {
  const layout::Rect r = layout::fit_slide(window_width, window_height, meta);
  // Whole pixels: a glyph atlas drawn at a fractional offset would blur.
  return {std::round(r.x), std::round(r.y), std::floor(r.w), std::floor(r.h)};
}

struct SlideView::Impl {
  SDL_Renderer* renderer = nullptr;
  DeckResources* res = nullptr;
  int generation = -1;  // of the resources the renderer was made for
  std::unique_ptr<render::SdlRenderer> sdl;
  TexturePtr pictures[2];  // a transition's outgoing and incoming slide
  int picture_w[2] = {0, 0}, picture_h[2] = {0, 0};
  std::vector<Thumb> thumbs;
  const render::ClipFrames* clips = nullptr;  // live clips (set_clips)

  // The renderer over the current fonts and images (rebuilt when replaced).
  render::SdlRenderer& translator() {
    if (!sdl || generation != res->generation()) {
      sdl = std::make_unique<render::SdlRenderer>(renderer, res->glyphs(), res->images());
      sdl->set_clips(clips);
      generation = res->generation();
      thumbs.clear();
    }
    return *sdl;
  }
  layout::LayoutCache& layouts() { return res->layouts(); }

  // A target texture of w x h in `slot`, reused when the size matches.
  // `opaque`: a whole slide (its background fills it), without an alpha
  // channel, so that SDL's software renderer composites it as a copy or a
  // constant-alpha blend rather than per-pixel alpha (a 1080p crossfade
  // frame: about 3x less work).
  SDL_Texture* target(TexturePtr& slot, int w, int h, int* have_w, int* have_h,
                      bool opaque = false) {
    if (slot && *have_w == w && *have_h == h) return slot.get();
    slot.reset(SDL_CreateTexture(renderer,
                                 opaque ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888,
                                 SDL_TEXTUREACCESS_TARGET, w, h));
    if (!slot) return nullptr;
    SDL_SetTextureBlendMode(slot.get(), SDL_BLENDMODE_BLEND);
    *have_w = w;
    *have_h = h;
    return slot.get();
  }

  void render_into(SDL_Texture* texture, const layout::DisplayList& list) {
    SDL_Texture* previous = SDL_GetRenderTarget(renderer);
    SDL_SetRenderTarget(renderer, texture);
    translator().draw(list, 0, 0);
    SDL_SetRenderTarget(renderer, previous);
  }
};

SlideView::SlideView(SDL_Renderer* renderer, DeckResources& resources)
    : impl_(std::make_unique<Impl>()) {
  impl_->renderer = renderer;
  impl_->res = &resources;
}

SlideView::~SlideView() = default;

void SlideView::deck_changed() {
  impl_->thumbs.clear();
  impl_->translator();  // a new generation: a renderer without the old textures
}

void SlideView::invalidate() {
  impl_->translator().invalidate();
  impl_->thumbs.clear();
  impl_->pictures[0].reset();
  impl_->pictures[1].reset();
}

const layout::DisplayList* SlideView::laid_out(const deck::Deck& deck, int slide,
                                               const layout::SlideState& state,
                                               const layout::Rect& rect) {
  if (slide < 0 || slide >= static_cast<int>(deck.slides.size()) || rect.w < 1 || rect.h < 1) {
    return nullptr;
  }
  return &impl_->layouts().get(impl_->res->fonts(), deck, slide, state, size_of(rect)).list;
}

void SlideView::draw_list(const layout::DisplayList& list, float x, float y) {
  impl_->translator().draw(list, x, y);
}

void SlideView::draw(const deck::Deck& deck, int slide, const layout::SlideState& state,
                     const layout::Rect& rect) {
  if (const layout::DisplayList* list = laid_out(deck, slide, state, rect)) {
    impl_->translator().draw(*list, rect.x, rect.y);
  }
}

void SlideView::ahead(const deck::Deck& deck, int slide, const layout::SlideState& state,
                      const layout::Rect& rect) {
  if (!deck.pdf.source) return;
  const layout::DisplayList* list = laid_out(deck, slide, state, rect);
  if (!list) return;
  for (const layout::Command& c : list->commands) {
    if (c.kind != layout::CommandKind::kPdfPage || !c.pdf) continue;
    // Pages follow slides and steps in order: Next shows the page after,
    // Prev the page before, whatever the slide.
    const int pages = static_cast<int>(deck.pdf.page_slide.size());
    std::vector<int> near;
    for (int page : {c.page + 1, c.page + 2, c.page - 1})
      if (page >= 0 && page < pages) near.push_back(page);
    const render::PixelRect px = render::pdf_page_pixels(c.rect, rect.x, rect.y);
    impl_->res->images().pdf_pages().ahead(c.pdf, near, px.w, px.h, c.page_part);
    return;
  }
}

bool SlideView::capture(const deck::Deck& deck, int slide, const layout::SlideState& state,
                        const layout::Rect& rect, int which,
                        const std::vector<const ink::Stroke*>& ink) {
  if (slide < 0 || slide >= static_cast<int>(deck.slides.size()) || rect.w < 1 || rect.h < 1) {
    return false;
  }
  const layout::Size size = size_of(rect);
  SDL_Texture* texture = impl_->target(impl_->pictures[which], size.width, size.height,
                                       &impl_->picture_w[which], &impl_->picture_h[which], true);
  if (!texture) return false;
  const layout::DisplayList& list =
      impl_->layouts().get(impl_->res->fonts(), deck, slide, state, size).list;
  if (ink.empty()) {
    impl_->render_into(texture, list);
  } else {
    impl_->render_into(texture, ink::with_ink(list, ink));
  }
  return true;
}

void SlideView::draw_transition(const Transition& t, float p, const layout::Rect& rect) {
  SDL_Texture* out = impl_->pictures[0].get();
  SDL_Texture* in = impl_->pictures[1].get();
  if (!out || !in) return;
  const TransitionFrame f = transition_frame(t, p, rect.w);
  SDL_Renderer* r = impl_->renderer;
  SDL_Rect clip{static_cast<int>(rect.x), static_cast<int>(rect.y), static_cast<int>(rect.w),
                static_cast<int>(rect.h)};
  SDL_Rect old_clip;
  const bool had_clip = SDL_RenderIsClipEnabled(r);
  SDL_RenderGetClipRect(r, &old_clip);
  SDL_RenderSetClipRect(r, &clip);
  auto blit = [&](SDL_Texture* texture, float dx, float alpha) {
    if (alpha <= 0) return;
    const Uint8 a = static_cast<Uint8>(std::lround(alpha * 255));
    // A whole slide at full opacity covers what is under it: a copy.
    SDL_SetTextureBlendMode(texture, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(texture, a);
    SDL_FRect dst{rect.x + std::round(dx), rect.y, rect.w, rect.h};
    SDL_RenderCopyF(r, texture, nullptr, &dst);
  };
  blit(out, f.out_x, f.out_alpha);
  blit(in, f.in_x, f.in_alpha);
  SDL_RenderSetClipRect(r, had_clip ? &old_clip : nullptr);
}

SDL_Texture* SlideView::thumbnail(const deck::Deck& deck, int slide, int w, int h) {
  if (slide < 0 || slide >= static_cast<int>(deck.slides.size()) || w < 1 || h < 1) return nullptr;
  impl_->translator();  // drops thumbnails of older resources
  auto& thumbs = impl_->thumbs;
  if (thumbs.size() != deck.slides.size()) thumbs.resize(deck.slides.size());
  Thumb& thumb = thumbs[static_cast<std::size_t>(slide)];
  if (thumb.texture && thumb.w == w && thumb.h == h) return thumb.texture.get();
  SDL_Texture* texture = impl_->target(thumb.texture, w, h, &thumb.w, &thumb.h);
  if (!texture) return nullptr;
  // Laid out directly, not through the layout cache: it is drawn only once.
  layout::SlideState all;  // step -1: every fragment shown
  const layout::SlideLayout laid =
      layout::layout_slide(impl_->res->fonts(), deck, slide, all, layout::Size{w, h});
  // The overview shows clips' posters, never a playing frame.
  impl_->translator().set_clips(nullptr);
  impl_->render_into(texture, laid.list);
  impl_->translator().set_clips(impl_->clips);
  return texture;
}

void SlideView::set_clips(const render::ClipFrames* clips) {
  impl_->clips = clips;
  impl_->translator().set_clips(clips);
}

int SlideView::texture_count() const {
  int n = impl_->sdl ? impl_->sdl->texture_count() : 0;
  for (const TexturePtr& t : impl_->pictures) n += t ? 1 : 0;
  for (const Thumb& t : impl_->thumbs) n += t.texture ? 1 : 0;
  return n;
}

}  // namespace madang::app
