#include "input/transition.h"

#include <algorithm>

namespace madang::app {

TransitionKind transition_kind(const std::string& name) {
  if (name == "none") return TransitionKind::kNone;
  if (name == "slide") return TransitionKind::kSlide;
  return TransitionKind::kFade;
}

TransitionKind transition_into(const deck::Deck& deck, int to) {
  if (to >= 0 && to < static_cast<int>(deck.slides.size())) {
    const std::string& own = deck.slides[static_cast<std::size_t>(to)].transition;
    if (!own.empty()) return transition_kind(own);
  }
  return transition_kind(deck.meta.transition);
}

float ease_out_cubic(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  const float u = 1 - t;
  return 1 - u * u * u;
}

float transition_progress(const Transition& t, double now_ms) {
  if (t.kind == TransitionKind::kNone || t.duration_ms <= 0) return 1;
  return ease_out_cubic(static_cast<float>((now_ms - t.start_ms) / t.duration_ms));
}

bool transition_running(const Transition& t, double now_ms) {
  return t.kind != TransitionKind::kNone && now_ms < t.start_ms + t.duration_ms;
}

TransitionFrame transition_frame(const Transition& t, float p, float width) {
  TransitionFrame f;
  p = std::clamp(p, 0.0f, 1.0f);
  switch (t.kind) {
    case TransitionKind::kNone:
      f.out_alpha = 0;
      break;
    case TransitionKind::kFade:
      // The outgoing picture stays opaque underneath while the incoming one
      // fades in over it, so the background never shows through mid-way.
      f.in_alpha = p;
      break;
    case TransitionKind::kSlide:
      f.out_x = -static_cast<float>(t.direction) * p * width;
      f.in_x = static_cast<float>(t.direction) * (1 - p) * width;
      break;
  }
  return f;
}

}  // namespace madang::app
