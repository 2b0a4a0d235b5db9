#include "modes/hall_view.h"

#include <algorithm>
#include <cmath>

namespace madang::app {

namespace {

// The pointer: a red dot with a soft halo, sized to the slide.
void draw_pointer(SDL_Renderer* r, const layout::Rect& slide, float fx, float fy) {
  const float cx = slide.x + fx * slide.w, cy = slide.y + fy * slide.h;
  const float radius = std::max(6.0f, slide.h / 90.0f);
  constexpr int kSegments = 32;
  auto disc = [&](float rad, SDL_Color color) {
    SDL_Vertex v[kSegments + 2];
    v[0] = {{cx, cy}, color, {0, 0}};
    for (int i = 0; i <= kSegments; ++i) {
      const float a = static_cast<float>(i) * 6.2831853f / kSegments;
      v[i + 1] = {{cx + rad * std::cos(a), cy + rad * std::sin(a)}, color, {0, 0}};
    }
    int idx[kSegments * 3];
    for (int i = 0; i < kSegments; ++i) {
      idx[i * 3] = 0;
      idx[i * 3 + 1] = i + 1;
      idx[i * 3 + 2] = i + 2;
    }
    SDL_RenderGeometry(r, nullptr, v, kSegments + 2, idx, kSegments * 3);
  };
  SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
  disc(radius * 2.0f, SDL_Color{230, 40, 40, 70});
  disc(radius, SDL_Color{235, 30, 30, 235});
}

}  // namespace

HallView::HallView(SDL_Renderer* renderer, DeckResources& resources)
    : renderer_(renderer), view_(renderer, resources) {}

layout::Rect HallView::slide_rect_in(int w, int h, const deck::Deck& deck, int band) {
  return slide_rect(w, std::max(1, h - std::max(0, band)), deck.meta);
}

bool HallView::set_band(int pixels) {
  pixels = std::max(0, pixels);
  if (pixels == band_) return false;
  band_ = pixels;
  skip_transition();
  return true;
}

const layout::DisplayList* HallView::laid_out(const deck::Deck& deck,
                                              const show::HallPicture& picture, int w, int h) {
  return view_.laid_out(deck, picture.slide, picture.state, slide_rect_of(w, h, deck));
}

void HallView::begin(const deck::Deck& deck, int from_slide, const layout::SlideState& from_state,
                     const show::HallPicture& picture, int w, int h, double now_ms,
                     const TransitionStyle& style) {
  Transition t;
  if (style.fade_ms > 0) {
    t.kind = TransitionKind::kFade;
    t.duration_ms = style.fade_ms;
  } else if (picture.slide != from_slide) {
    t.kind = transition_into(deck, picture.slide);
    t.duration_ms = kTransitionMs;
    t.direction = picture.slide > from_slide || style.forward ? 1 : -1;
  } else {
    t.kind = TransitionKind::kFade;  // a fragment appears (or hides) softly
    t.duration_ms = kRevealMs;
  }
  t.start_ms = now_ms;
  const layout::Rect rect = slide_rect_of(w, h, deck);
  if (t.kind == TransitionKind::kNone || !view_.capture(deck, from_slide, from_state, rect, 0) ||
      !view_.capture(deck, picture.slide, picture.state, rect, 1)) {
    t = {};
  }
  transition_ = t;
}

void HallView::draw(const deck::Deck& deck, const show::HallPicture& picture, int w, int h,
                    double now_ms) {
  SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);  // the letterbox bars
  SDL_RenderClear(renderer_);
  if (picture.blank != show::Blank::kNone) {
    const Uint8 v = picture.blank == show::Blank::kWhite ? 255 : 0;
    SDL_SetRenderDrawColor(renderer_, v, v, v, 255);
    SDL_RenderClear(renderer_);
    return;
  }
  const layout::Rect rect = slide_rect_of(w, h, deck);
  if (transition_running(transition_, now_ms)) {
    view_.draw_transition(transition_, transition_progress(transition_, now_ms), rect);
  } else {
    view_.draw(deck, picture.slide, picture.state, rect);
    view_.ahead(deck, picture.slide, picture.state, rect);
  }
  if (picture.pointer.visible) draw_pointer(renderer_, rect, picture.pointer.x, picture.pointer.y);
}

}  // namespace madang::app
