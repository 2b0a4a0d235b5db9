#include "modes/slide_view.h"

#include "render/pdf_pages.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "ink/ink_list.h"
#include "layout/damage.h"
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
  // What pictures[1] shows when draw_kept may draw over it (kept_valid).
  layout::DisplayList kept;
  bool kept_valid = false;
  int kept_generation = -1;
  layout::Rect redrawn;  // draw_kept's last area
  std::vector<Thumb> thumbs;
  const render::ClipFrames* clips = nullptr;  // live clips (set_clips)

  // The renderer over the current fonts and images (rebuilt when replaced).
  render::SdlRenderer& translator() {
    // Whatever the worker decoded ahead goes to the image cache before a draw.
    res->images_ahead().deliver(res->images());
    if (!sdl || generation != res->generation()) {
      sdl = std::make_unique<render::SdlRenderer>(renderer, res->glyphs(), res->images());
      sdl->set_clips(clips);
      generation = res->generation();
      thumbs.clear();
    }
    return *sdl;
  }
  layout::LayoutCache& layouts() { return res->layouts(); }

  // The slide and size the images ahead were last asked for (a redraw of
  // the same slide asks nothing).
  int ahead_generation = -1, ahead_slide = -1;
  layout::Size ahead_size;
  const deck::Deck* ahead_deck = nullptr;

  // The images `list` shows as the SDL sink asks the image cache for them:
  // at their rects' size in the renderer's pixels (render/sdl_renderer.cpp).
  std::vector<render::ImageWant> image_wants(const layout::DisplayList& list) const {
    float sx = 1, sy = 1;
    SDL_RenderGetScale(renderer, &sx, &sy);
    if (!(sx > 0) || !(sy > 0)) sx = sy = 1;
    std::vector<render::ImageWant> wants;
    for (const layout::Command& c : list.commands) {
      const bool image = c.kind == layout::CommandKind::kImage && !c.image_path.empty();
      const bool poster = c.kind == layout::CommandKind::kClip &&
                          c.clip.kind != deck::MediaKind::kAudio && !c.clip.poster_resolved.empty();
      if ((!image && !poster) || c.rect.w <= 0 || c.rect.h <= 0) continue;
      wants.push_back({image ? c.image_path : c.clip.poster_resolved,
                       image ? c.filters : std::vector<deck::ImageFilter>{},
                       static_cast<int>(std::ceil(c.rect.w * sx)),
                       static_cast<int>(std::ceil(c.rect.h * sy))});
    }
    return wants;
  }

  // Before `list` is drawn: what the worker finished goes to the image
  // cache, and an image of the list it has in hand is waited for rather
  // than decoded a second time (render/image_ahead.h).
  void take_ahead(const layout::DisplayList& list) {
    res->images_ahead().deliver(res->images(), image_wants(list));
  }

  // The images of the slides a move from `slide` may show next (the next
  // two, the one before), decoded on the worker at the size they will be
  // drawn in `rect`. Laid out with every fragment shown: each image where
  // it will be, whatever the step.
  void ask_ahead(const deck::Deck& deck, int slide, const layout::Rect& rect) {
    const layout::Size size = size_of(rect);
    if (ahead_generation == res->generation() && ahead_slide == slide && ahead_size == size &&
        ahead_deck == &deck) {
      return;
    }
    ahead_generation = res->generation();
    ahead_slide = slide;
    ahead_size = size;
    ahead_deck = &deck;
    std::vector<render::ImageWant> wants;
    const layout::SlideState all;
    const int count = static_cast<int>(deck.slides.size());
    for (int s : {slide + 1, slide + 2, slide - 1}) {
      if (s < 0 || s >= count || size.width < 1 || size.height < 1) continue;
      for (render::ImageWant& w : image_wants(layouts().get(res->fonts(), deck, s, all, size).list))
        wants.push_back(std::move(w));
    }
    res->images_ahead().ask(res->images(), wants);
  }

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
    clear_to_black(nullptr);
    translator().draw(list, 0, 0);
    SDL_SetRenderTarget(renderer, previous);
  }

  // Opaque black under what is drawn into a reused texture (`area`, or all
  // of it): a translucent background shows over black, as in a window
  // cleared to its letterbox colour, never over the slide drawn there before.
  void clear_to_black(const SDL_Rect* area) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    if (area) {
      SDL_RenderFillRect(renderer, area);
    } else {
      SDL_RenderClear(renderer);
    }
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
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
  impl_->kept_valid = false;
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
    impl_->take_ahead(*list);
    impl_->translator().draw(*list, rect.x, rect.y);
  }
}

void SlideView::draw_kept(const deck::Deck& deck, int slide, const layout::SlideState& state,
                          const layout::Rect& rect) {
  Impl& m = *impl_;
  const layout::DisplayList* list = laid_out(deck, slide, state, rect);
  if (!list) return;
  m.take_ahead(*list);
  const bool keepable = std::none_of(list->commands.begin(), list->commands.end(), [](auto& c) {
    return c.kind == layout::CommandKind::kClip || c.kind == layout::CommandKind::kPdfPage;
  });
  const layout::Size size = size_of(rect);
  SDL_Texture* texture = keepable ? m.target(m.pictures[1], size.width, size.height,
                                             &m.picture_w[1], &m.picture_h[1], true)
                                  : nullptr;
  m.redrawn = {0, 0, rect.w, rect.h};
  if (!texture) {
    m.kept_valid = false;
    m.translator().draw(*list, rect.x, rect.y);
    return;
  }
  std::optional<layout::Rect> area;
  m.translator();  // a new generation of resources: nothing kept is valid
  if (m.kept_valid && m.kept_generation == m.res->generation())
    area = layout::changed_area(m.kept, *list);
  SDL_Texture* previous = SDL_GetRenderTarget(m.renderer);
  SDL_SetRenderTarget(m.renderer, texture);
  if (!area) {
    SDL_RenderSetClipRect(m.renderer, nullptr);
    m.clear_to_black(nullptr);
    m.translator().draw(*list, 0, 0);
  } else if (area->w > 0 && area->h > 0) {
    const SDL_Rect clip{static_cast<int>(area->x), static_cast<int>(area->y),
                        static_cast<int>(area->w), static_cast<int>(area->h)};
    SDL_RenderSetClipRect(m.renderer, &clip);
    m.clear_to_black(&clip);
    m.translator().draw(*list, 0, 0);
    SDL_RenderSetClipRect(m.renderer, nullptr);
    m.redrawn = *area;
  } else {
    m.redrawn = {};
  }
  SDL_SetRenderTarget(m.renderer, previous);
  if (&m.kept != list) m.kept = *list;
  m.kept_valid = true;
  m.kept_generation = m.res->generation();
  SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE);
  SDL_SetTextureAlphaMod(texture, 255);
  const SDL_FRect dst{rect.x, rect.y, rect.w, rect.h};
  SDL_RenderCopyF(m.renderer, texture, nullptr, &dst);
}

layout::Rect SlideView::last_redrawn() const {
  return impl_->redrawn;
}

void SlideView::ahead(const deck::Deck& deck, int slide, const layout::SlideState& state,
                      const layout::Rect& rect) {
  if (!deck.pdf.source) {
    impl_->ask_ahead(deck, slide, rect);  // a Markdown deck: its images
    return;
  }
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
  if (which == 1) impl_->kept_valid = false;  // holds this capture now
  const layout::DisplayList& list =
      impl_->layouts().get(impl_->res->fonts(), deck, slide, state, size).list;
  impl_->take_ahead(list);
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
