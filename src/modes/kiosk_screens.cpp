#include "modes/kiosk_screens.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace madang::app {

KioskScreens::KioskScreens(DeckResources& resources, const KioskScreenOptions& options)
    : resources_(resources), options_(options) {}

KioskScreens::~KioskScreens() {
  for (auto& s : screens_) {
    s->screen.overlays.reset();
    s->view.reset();
  }
  screens_.clear();
  if (hand_) SDL_FreeCursor(hand_);
  if (arrow_) SDL_FreeCursor(arrow_);
  if (!cursor_shown_) SDL_ShowCursor(SDL_ENABLE);
}

std::vector<int> KioskScreens::wanted_displays() const {
  const int n = display_count();
  if (options_.display >= 0 || options_.windowed) {
    return {std::clamp(options_.display, 0, n - 1)};
  }
  std::vector<int> all;
  for (int i = 0; i < n; ++i) all.push_back(i);
  return all;
}

bool KioskScreens::open_on(const deck::Deck& deck, int display, std::string* error) {
  auto s = std::make_unique<KioskScreen>();
  s->screen.window = Window::open(deck_title(deck) + " — Madang kiosk",
                                  {display, !options_.windowed, deck_aspect(deck)}, error);
  if (!s->screen.window) return false;
  SDL_Window* w = s->screen.window->sdl();
  if (options_.windowed && options_.width > 0 && options_.height > 0) {
    SDL_SetWindowSize(w, options_.width, options_.height);
  }
  if (!options_.windowed) SDL_SetWindowAlwaysOnTop(w, SDL_TRUE);
  s->view = std::make_unique<HallView>(s->screen.window->renderer(), resources_);
  // Overlay text scales with the screen it is on (in pixels: HiDPI).
  SDL_Rect bounds{0, 0, 1280, 720};
  SDL_GetDisplayBounds(s->screen.window->placement().display, &bounds);
  const WindowScale scale = s->screen.window->scale();
  const float ratio =
      static_cast<float>(scale.pixel_h) / static_cast<float>(std::max(1, scale.window_h));
  s->overlay_unit = overlay_unit(bounds.h, ratio);
  screens_.push_back(std::move(s));
  return true;
}

bool KioskScreens::open(const deck::Deck& deck, std::string* error) {
  if (options_.display >= display_count()) {
    std::fprintf(stderr, "madang kiosk: no display %d (there are %d); using the last\n",
                 options_.display, display_count());
  }
  for (int display : wanted_displays()) {
    if (!open_on(deck, display, error)) return false;
  }
  hand_ = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
  arrow_ = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW);
  return !screens_.empty();
}

void KioskScreens::replan(const deck::Deck& deck) {
  const std::vector<int> want = wanted_displays();
  // Windows on displays that went away close (the last one stays, and moves).
  for (std::size_t i = screens_.size(); i-- > 0;) {
    const int d = screens_[i]->screen.window->placement().display;
    const bool wanted = std::find(want.begin(), want.end(), d) != want.end();
    if (!wanted && screens_.size() > 1) screens_.erase(screens_.begin() + static_cast<long>(i));
  }
  for (int d : want) {
    const bool have = std::any_of(screens_.begin(), screens_.end(), [d](const auto& s) {
      return s->screen.window->placement().display == d;
    });
    if (have) continue;
    std::string error;
    if (screens_.size() == 1 &&
        std::find(want.begin(), want.end(), screens_[0]->screen.window->placement().display) ==
            want.end()) {
      // The last window was on a display that went: move it here.
      Placement p = screens_[0]->screen.window->placement();
      p.display = d;
      screens_[0]->screen.window->place(p);
      continue;
    }
    if (!open_on(deck, d, &error)) {
      std::fprintf(stderr, "madang kiosk: no window on display %d: %s\n", d, error.c_str());
    }
  }
  for (auto& s : screens_) {
    s->screen.dirty = true;
    s->view->skip_transition();
  }
}

KioskScreen* KioskScreens::of(Uint32 window_id) {
  for (auto& s : screens_) {
    if (s->screen.window->id() == window_id) return s.get();
  }
  return nullptr;
}

KeypadLayout KioskScreens::keypad_on(KioskScreen& s, GateMode mode) const {
  int w = 0, h = 0;
  s.screen.window->output_size(&w, &h);
  return keypad_layout(mode, w, h);
}

void KioskScreens::draw(KioskScreen& s, const show::Show& show, const Gate& gate, double now_ms) {
  Screen& screen = s.screen;
  SDL_Renderer* r = screen.window->renderer();
  int w = 0, h = 0;
  screen.window->output_size(&w, &h);
  SDL_SetRenderTarget(r, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  show::HallPicture picture = show::hall(show);
  if (cover_) picture.blank = show::Blank::kBlack;  // under the card
  s.view->draw(show.deck, picture, w, h, now_ms, cover_ ? nullptr : marks_);
  if (cover_) {
    const std::string key = std::to_string(cover_revision_) + "|" +
                            std::to_string(resources_.generation()) + "|" + std::to_string(w) +
                            "x" + std::to_string(h);
    if (key != s.cover_key) {
      s.cover = cover_(resources_.fonts(), {w, h});
      s.cover_key = key;
    }
    s.view->slides().draw_list(s.cover, 0, 0);
  }
  if (gate.mode != GateMode::kClosed) {
    if (!screen.overlays) screen.overlays = std::make_unique<Overlays>(r, resources_);
    const KeypadPicture keypad = keypad_picture(gate, w, h, now_ms);
    OverlayInput in;
    in.width = w;
    in.height = h;
    in.unit = s.overlay_unit;
    in.keypad = &keypad;
    screen.overlays->draw(in);
  }
  SDL_RenderPresent(r);
  screen.frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ++screen.frames;
}

void KioskScreens::set_cover(KioskCover cover) {
  cover_ = std::move(cover);
  ++cover_revision_;
  for (auto& s : screens_) {
    if (!cover_) {
      s->cover = {};
      s->cover_key.clear();
    }
    s->view->skip_transition();
    s->screen.dirty = true;
  }
}

void KioskScreens::deck_changed() {
  for (auto& s : screens_) {
    s->view->slides().deck_changed();
    s->view->skip_transition();
    s->screen.dirty = true;
  }
}

void KioskScreens::invalidate() {
  for (auto& s : screens_) {
    s->view->slides().invalidate();
    s->view->skip_transition();
    if (s->screen.overlays) s->screen.overlays->invalidate();
    s->screen.dirty = true;
  }
}

void KioskScreens::mark_dirty() {
  for (auto& s : screens_) s->screen.dirty = true;
}

void KioskScreens::grab_keyboard(KioskScreen& s) {
  if (options_.windowed) return;
  SDL_SetWindowKeyboardGrab(s.screen.window->sdl(), SDL_TRUE);
}

bool KioskScreens::keyboard_grabbed() const {
  return SDL_GetGrabbedWindow() != nullptr &&
         (SDL_GetWindowFlags(SDL_GetGrabbedWindow()) & SDL_WINDOW_KEYBOARD_GRABBED) != 0;
}

bool KioskScreens::has_focus() const {
  SDL_Window* focus = SDL_GetKeyboardFocus();
  return std::any_of(screens_.begin(), screens_.end(),
                     [focus](const auto& s) { return s->screen.window->sdl() == focus; });
}

void KioskScreens::take_focus() {
  if (options_.windowed || screens_.empty()) return;
  SDL_Window* w = screens_.front()->screen.window->sdl();
  SDL_RaiseWindow(w);
  SDL_SetWindowInputFocus(w);
  grab_keyboard(*screens_.front());
}

void KioskScreens::show_cursor(bool visible) {
  if (visible == cursor_shown_) return;
  cursor_shown_ = visible;
  SDL_ShowCursor(visible ? SDL_ENABLE : SDL_DISABLE);
}

void KioskScreens::show_hand(bool hand) {
  if (hand == hand_shown_) return;
  hand_shown_ = hand;
  if (SDL_Cursor* c = hand ? hand_ : arrow_) SDL_SetCursor(c);
}

long KioskScreens::texture_count() const {
  long n = 0;
  for (const auto& s : screens_) {
    n += s->view->slides().texture_count();
    if (s->screen.overlays) n += s->screen.overlays->texture_count();
  }
  return n;
}

}  // namespace madang::app
