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

// The offset of a slide laid out `zoom` times larger so that (fx, fy) sits at
// the middle of `rect`, kept so the enlarged slide covers all of `rect`, in
// whole pixels (glyphs stay on the pixel grid: as sharp as a larger layout).
static layout::Point magnified_origin(const layout::Rect& rect, const layout::Rect& big, float fx,
                                      float fy, bool whole = true) {
  const float x = std::clamp(rect.x + rect.w / 2 - fx * big.w, rect.x + rect.w - big.w, rect.x);
  const float y = std::clamp(rect.y + rect.h / 2 - fy * big.h, rect.y + rect.h - big.h, rect.y);
  return whole ? layout::Point{std::round(x), std::round(y)} : layout::Point{x, y};
}

layout::Rect HallMarks::magnified() const {
  const float z = std::max(1.0f, zoom);
  const layout::Rect unit{0, 0, 1, 1}, big{0, 0, z, z};
  const layout::Point o = magnified_origin(unit, big, mag_x, mag_y, false);
  return {-o.x / z, -o.y / z, 1 / z, 1 / z};
}

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
  auto ink_of = [&](int slide, int step) {
    return ink_ ? ink::visible_strokes(*ink_, slide, step) : std::vector<const ink::Stroke*>{};
  };
  if (t.kind == TransitionKind::kNone ||
      !view_.capture(deck, from_slide, from_state, rect, 0, ink_of(from_slide, from_state.step)) ||
      !view_.capture(deck, picture.slide, picture.state, rect, 1,
                     ink_of(picture.slide, picture.state.step))) {
    t = {};
  }
  transition_ = t;
}

void HallView::draw(const deck::Deck& deck, const show::HallPicture& picture, int w, int h,
                    double now_ms, const HallMarks* marks) {
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
  } else if (marks && marks->magnify) {
    // Laid out again at the larger size, not scaled: text and lines stay sharp.
    const float z = std::clamp(marks->zoom, 1.0f, 8.0f);
    const layout::Rect big{0, 0, std::floor(rect.w * z), std::floor(rect.h * z)};
    if (const layout::DisplayList* list = view_.laid_out(deck, picture.slide, picture.state, big)) {
      layout::DisplayList marked = ink::with_ink(*list, marks->strokes);
      for (layout::Command& c : ink::laser_commands(marks->laser, big))
        marked.commands.push_back(std::move(c));
      const layout::Point o = magnified_origin(rect, big, marks->mag_x, marks->mag_y);
      const SDL_Rect clip{static_cast<int>(rect.x), static_cast<int>(rect.y),
                          static_cast<int>(rect.w), static_cast<int>(rect.h)};
      SDL_RenderSetClipRect(renderer_, &clip);
      view_.draw_list(marked, o.x, o.y);
      SDL_RenderSetClipRect(renderer_, nullptr);
    }
  } else if (const layout::DisplayList* list =
                 marks && !marks->empty() ? view_.laid_out(deck, picture.slide, picture.state, rect)
                                          : nullptr) {
    // The slide with the speaker's marks: one list, so that every sink
    // draws the highlighter under the text as here.
    layout::DisplayList marked = ink::with_ink(*list, marks->strokes);
    const layout::Rect local{0, 0, rect.w, rect.h};
    for (layout::Command& c : ink::laser_commands(marks->laser, local))
      marked.commands.push_back(std::move(c));
    if (marks->spotlight) {
      for (layout::Command& c :
           ink::spotlight_commands(marks->spot_x, marks->spot_y, marks->spot_radius, local))
        marked.commands.push_back(std::move(c));
    }
    view_.draw_list(marked, rect.x, rect.y);
    view_.ahead(deck, picture.slide, picture.state, rect);
  } else {
    // Through the kept picture: a diagram animating redraws only its part.
    view_.draw_kept(deck, picture.slide, picture.state, rect);
    view_.ahead(deck, picture.slide, picture.state, rect);
  }
  if (picture.pointer.visible) draw_pointer(renderer_, rect, picture.pointer.x, picture.pointer.y);
}

}  // namespace madang::app
