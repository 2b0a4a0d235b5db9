#include "platform/window.h"

#include <algorithm>
#include <filesystem>

#include "layout/layout.h"

namespace madang::app {

namespace {

int clamp_display(int display) {
  return std::clamp(display, 0, display_count() - 1);
}

// A window of 80% of the display's usable area, in the deck's aspect.
SDL_Rect windowed_rect(int display, float aspect) {
  SDL_Rect bounds{0, 0, 1280, 720};
  SDL_GetDisplayUsableBounds(display, &bounds);
  float w = static_cast<float>(bounds.w) * 0.8f, h = w / aspect;
  if (h > static_cast<float>(bounds.h) * 0.8f) {
    h = static_cast<float>(bounds.h) * 0.8f;
    w = h * aspect;
  }
  const int iw = std::max(320, static_cast<int>(w)), ih = std::max(180, static_cast<int>(h));
  return SDL_Rect{bounds.x + (bounds.w - iw) / 2, bounds.y + (bounds.h - ih) / 2, iw, ih};
}

}  // namespace

int display_count() {
  return std::max(1, SDL_GetNumVideoDisplays());
}

std::unique_ptr<Window> Window::open(const std::string& title, const Placement& placement,
                                     std::string* error) {
  std::unique_ptr<Window> w(new Window());
  w->placement_ = placement;
  w->placement_.display = clamp_display(placement.display);
  const int display = w->placement_.display;
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  SDL_Rect r = windowed_rect(display, placement.aspect);
  if (placement.fullscreen) {
    SDL_GetDisplayBounds(display, &r);
    flags |= SDL_WINDOW_BORDERLESS;
  }
  w->window_ = SDL_CreateWindow(title.c_str(), r.x, r.y, r.w, r.h, flags);
  if (!w->window_) {
    *error = std::string("cannot open a window: ") + SDL_GetError();
    return nullptr;
  }
  std::error_code no_dri;
  if (!std::filesystem::exists("/dev/dri", no_dri) && !SDL_GetHint(SDL_HINT_RENDER_DRIVER)) {
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  w->renderer_ = SDL_CreateRenderer(
      w->window_, -1,
      SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE);
  if (!w->renderer_) w->renderer_ = SDL_CreateRenderer(w->window_, -1, SDL_RENDERER_SOFTWARE);
  if (!w->renderer_) {
    *error = std::string("cannot create a renderer: ") + SDL_GetError();
    return nullptr;
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(w->renderer_, &info);
  w->vsync_ = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
  w->renderer_name_ = info.name ? info.name : "?";
  return w;
}

Window::~Window() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
}

WindowScale Window::scale() const {
  WindowScale s;
  SDL_GetWindowSize(window_, &s.window_w, &s.window_h);
  SDL_GetRendererOutputSize(renderer_, &s.pixel_w, &s.pixel_h);
  return s;
}

bool Window::fullscreen_now() const {
  return (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
}

void Window::cover_display(int display) {
  SDL_Rect bounds{0, 0, 1280, 720};
  SDL_GetDisplayBounds(display, &bounds);
  SDL_SetWindowBordered(window_, SDL_FALSE);
  SDL_SetWindowPosition(window_, bounds.x, bounds.y);
  SDL_SetWindowSize(window_, bounds.w, bounds.h);
}

void Window::windowed_on(int display) {
  const SDL_Rect r = windowed_rect(display, placement_.aspect);
  SDL_SetWindowBordered(window_, SDL_TRUE);
  SDL_SetWindowSize(window_, r.w, r.h);
  SDL_SetWindowPosition(window_, r.x, r.y);
}

void Window::place(const Placement& placement) {
  Placement next = placement;
  next.display = clamp_display(placement.display);
  if (next == placement_) return;
  // Out of full screen first: a window manager keeps a full-screen window
  // on its display.
  if (fullscreen_now()) SDL_SetWindowFullscreen(window_, 0);
  placement_ = next;
  if (next.fullscreen) {
    cover_display(next.display);
    confirm_fullscreen();
  } else {
    windowed_on(next.display);
  }
}

void Window::confirm_fullscreen() {
  if (placement_.fullscreen == fullscreen_now()) return;
  if (placement_.fullscreen) {
    cover_display(placement_.display);
    SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
  } else {
    SDL_SetWindowFullscreen(window_, 0);
    windowed_on(placement_.display);
  }
}

bool needs_redraw(Uint8 window_event) {
  switch (window_event) {
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_SIZE_CHANGED:
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_MAXIMIZED:
    case SDL_WINDOWEVENT_DISPLAY_CHANGED:
      return true;
    default:
      return false;
  }
}

}  // namespace madang::app
