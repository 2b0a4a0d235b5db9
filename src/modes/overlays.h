// The overlays of the window modes, drawn with Dear ImGui over the slide: the
// help (generated from the key table), the overview grid of thumbnails, the
// typed jump number, the reload-error box, and the kiosk's staff keypad.
//
// Promise: draws only what its input says, holds no presentation state. Korean
// renders with Noto Sans CJK KR, but only the glyphs the overlays use are
// rasterized (a full Hangul atlas would cost the first frame ~1 s); text that
// brings new characters (an error message quoting the deck) extends the atlas.
// Works in renderer pixels, so HiDPI windows get crisp overlay text.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>
#include <vector>

#include "input/keymap.h"
#include "input/keypad.h"
#include "input/overview.h"

namespace madang::app {

struct OverlayInput {
  int width = 0, height = 0;                    // renderer pixels
  const std::vector<HelpLine>* help = nullptr;  // shown when not null
  std::string jump;                             // typed digits ("" hides)
  int slide_count = 0;
  std::vector<std::string> errors;  // reload errors ("" hides)
  int error_count = 0;
  // Overview: shown when `grid` is not null; one texture per slide (may be null).
  const OverviewGrid* grid = nullptr;
  std::vector<SDL_Texture*> thumbs;
  int cursor = 0;
  int current = 0;
  // The kiosk's way-out keypad (input/keypad.h): shown when not null.
  const KeypadPicture* keypad = nullptr;
};

class Overlays {
 public:
  // `font_px`: overlay text size in pixels. Never fails: without the CJK font
  // it falls back to ImGui's built-in one (Latin only) and says so in `warning`.
  Overlays(SDL_Renderer* renderer, float font_px, std::string* warning);
  ~Overlays();
  Overlays(const Overlays&) = delete;
  Overlays& operator=(const Overlays&) = delete;

  // True when `input` has anything to draw.
  static bool visible(const OverlayInput& input);

  // Draws the overlays into the current target (call before RenderPresent).
  void draw(const OverlayInput& input);

  // Font texture lost with the render targets: rebuild it on the next draw.
  void invalidate();

  float font_px() const;

  // Whether the atlas has every character of `text` (tests, diagnostics).
  bool has_glyphs(const std::string& text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::app
