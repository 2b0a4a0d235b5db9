#include "show/kiosk.h"

#include <algorithm>

#include "deck/clips.h"

namespace madang::show {

bool advances_after_clip(const deck::Deck& deck, int slide) {
  if (slide < 0 || slide >= static_cast<int>(deck.slides.size())) return false;
  const deck::Slide& shown = deck.slides[static_cast<std::size_t>(slide)];
  if (deck::slide_clips(shown).empty()) return false;
  return shown.advance_after_clip || deck.meta.advance_after_clip || shown.advance_s <= 0;
}

double advance_ms(const deck::Deck& deck, int slide, int step) {
  if (advances_after_clip(deck, slide)) {
    double longest = 0;
    for (const deck::SlideClip& clip :
         deck::slide_clips(deck.slides[static_cast<std::size_t>(slide)])) {
      const deck::MediaOptions& m = clip.image->media;
      const double end = m.end_s > 0 ? m.end_s : m.duration_s;
      if (clip.fragment == step && end > m.start_s) longest = std::max(longest, end - m.start_s);
    }
    if (longest > 0) return (longest + 0.25) * 1000.0;
  }
  double s = kDefaultAdvanceS;
  if (deck.meta.advance_s > 0) s = deck.meta.advance_s;
  if (slide >= 0 && slide < static_cast<int>(deck.slides.size())) {
    const double own = deck.slides[static_cast<std::size_t>(slide)].advance_s;
    if (own > 0) s = own;
  }
  return s * 1000.0;
}

double idle_ms(const deck::Deck& deck) {
  return (deck.meta.idle_s > 0 ? deck.meta.idle_s : kDefaultIdleS) * 1000.0;
}

Kiosk start_kiosk(double now_ms) {
  Kiosk k;
  k.shown_ms = now_ms;
  k.input_ms = now_ms;
  return k;
}

void visitor_input(Kiosk& kiosk, double now_ms) {
  kiosk.phase = KioskPhase::kVisitor;
  kiosk.input_ms = now_ms;
}

void mouse_moved(Kiosk& kiosk, double now_ms) {
  kiosk.mouse_ms = now_ms;
  if (kiosk.phase == KioskPhase::kVisitor) kiosk.input_ms = now_ms;
}

bool cursor_visible(const Kiosk& kiosk, double now_ms) {
  return kiosk.mouse_ms >= 0 && now_ms - kiosk.mouse_ms < kCursorHideMs;
}

KioskNext kiosk_next(const Kiosk& kiosk, const Show& show) {
  if (kiosk.phase == KioskPhase::kVisitor) {
    return {KioskDue::kReturn, kiosk.input_ms + idle_ms(show.deck)};
  }
  const double stands =
      kiosk.stand_ms >= 0 ? kiosk.stand_ms : advance_ms(show.deck, show.at.slide, here(show).step);
  return {KioskDue::kAdvance, kiosk.shown_ms + stands};
}

KioskDue due_now(const Kiosk& kiosk, const Show& show, double now_ms) {
  const KioskNext next = kiosk_next(kiosk, show);
  return now_ms >= next.at_ms ? next.due : KioskDue::kNothing;
}

Change advance(Show& show, Kiosk& kiosk, double now_ms) {
  kiosk.shown_ms = now_ms;
  ++kiosk.advances;
  const NextStep next = next_step(show);
  if (next.end) {
    ++kiosk.loops;
    return restart(show, now_ms);
  }
  return act(show, {ActionKind::kNext}, now_ms);
}

Change return_to_start(Show& show, Kiosk& kiosk, double now_ms) {
  kiosk.phase = KioskPhase::kAuto;
  kiosk.shown_ms = now_ms;
  ++kiosk.returns;
  return restart(show, now_ms);
}

void moved_on(Kiosk& kiosk, double now_ms) {
  kiosk.shown_ms = now_ms;
  ++kiosk.advances;
}

double kiosk_wait_ms(const Kiosk& kiosk, const Show& show, double now_ms) {
  double at = kiosk_next(kiosk, show).at_ms;
  if (cursor_visible(kiosk, now_ms)) at = std::min(at, kiosk.mouse_ms + kCursorHideMs);
  return std::max(0.0, at - now_ms);
}

const char* phase_name(KioskPhase phase) {
  return phase == KioskPhase::kAuto ? "auto" : "visitor";
}

}  // namespace madang::show
