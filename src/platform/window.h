// A window of a mode on a display: the SDL window, its renderer, and the
// rules for full screen that hold with or without a window manager.
//
// Promise: full screen means the window covers its display's bounds,
// borderless, from the first frame (kiosks and test servers have no window
// manager to honour a request); the request to the window manager is made
// once the first frame is up (SDL waits up to 100 ms for it to confirm).
// Without a GPU (no /dev/dri) the renderer is SDL's software one: Mesa's
// software OpenGL costs ~300 ms and ~90 MB to start and draws no faster.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>

#include "input/diagram_input.h"

namespace madang::app {

struct Placement {
  int display = 0;
  bool fullscreen = false;
  float aspect = 16.0f / 9.0f;  // windowed: 80% of the display in this aspect
  bool operator==(const Placement&) const = default;
};

// Whether a window event (SDL_WindowEvent's `event`) means its picture must
// be drawn again: shown, exposed, resized, restored, moved to another display.
bool needs_redraw(Uint8 window_event);

class Window {
 public:
  // nullptr and a message when SDL cannot make the window or its renderer.
  static std::unique_ptr<Window> open(const std::string& title, const Placement& placement,
                                      std::string* error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  SDL_Window* sdl() const { return window_; }
  SDL_Renderer* renderer() const { return renderer_; }
  Uint32 id() const { return SDL_GetWindowID(window_); }
  bool vsync() const { return vsync_; }
  const std::string& renderer_name() const { return renderer_name_; }

  WindowScale scale() const;
  void output_size(int* w, int* h) const { SDL_GetRendererOutputSize(renderer_, w, h); }
  bool minimized() const { return (SDL_GetWindowFlags(window_) & SDL_WINDOW_MINIMIZED) != 0; }
  const Placement& placement() const { return placement_; }

  // Moves the window to another display and/or in or out of full screen.
  void place(const Placement& placement);
  // Asks the window manager for full screen, after the first frame.
  void confirm_fullscreen();
  // Full screen as the window manager has it now (it may change it).
  bool fullscreen_now() const;
  // The window manager changed full screen behind our back: believe it.
  void adopt_fullscreen(bool fullscreen) { placement_.fullscreen = fullscreen; }

 private:
  Window() = default;
  void cover_display(int display);
  void windowed_on(int display);

  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool vsync_ = false;
  std::string renderer_name_;
  Placement placement_;
};

// SDL's count of displays (at least 1).
int display_count();

}  // namespace madang::app
