// The overlays of the window modes, drawn over the slide or the console: the
// help (generated from the key table, grouped by task), the overview grid of
// thumbnails, the typed jump number, the reload-error box, and the kiosk's
// staff keypad.
//
// Promise: draws only what its input says, holds no presentation state.
// Display lists like everything else (screens/overlays.h lays them out; the
// window's render::SdlRenderer draws them): opaque panels in the console's
// colours, text shaped by the same engine in the same fonts and glyph cache
// as the console, never under 28 px of a 1080p display (times `unit`). The
// keypad is drawn in the very rects input/keypad.h hit-tests. Works in
// renderer pixels, so HiDPI windows get crisp overlay text.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>
#include <vector>

#include "input/keymap.h"
#include "input/keypad.h"
#include "input/overview.h"
#include "screens/overlays.h"
#include "modes/deck_resources.h"

namespace madang::app {

struct OverlayInput {
  int width = 0, height = 0;  // renderer pixels
  // Renderer pixels per pixel of a 1080p display: the display's density
  // (overlay_unit). Sizes the text; a window too small for the help at this
  // size gets it smaller rather than cut.
  float unit = 1;
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

// The overlays' unit for a window on a display `display_h` screen pixels
// high, whose renderer has `pixel_ratio` pixels per screen pixel (HiDPI).
float overlay_unit(int display_h, float pixel_ratio);

// The help as layout draws it: `lines` grouped by task, in kHelpTasks' order.
layout::HelpSheet help_sheet(const std::vector<HelpLine>& lines);

class Overlays {
 public:
  // Draws with `resources`' fonts and glyphs (the show's, shared with its
  // slides and console), through a renderer of its own on `renderer`.
  Overlays(SDL_Renderer* renderer, DeckResources& resources);
  ~Overlays();
  Overlays(const Overlays&) = delete;
  Overlays& operator=(const Overlays&) = delete;

  // True when `input` has anything to draw.
  static bool visible(const OverlayInput& input);

  // Draws the overlays into the current target (call before RenderPresent).
  // Lays out again only when what they say or the window's size changed.
  void draw(const OverlayInput& input);

  // Render targets were lost: rebuild the textures on the next draw.
  void invalidate();

  // Textures it holds now (glyph atlas pages): leak checks.
  int texture_count() const;

  // What the last draw laid out (tests, screenshots): its panels and text.
  const layout::OverlayLayout& last() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::app
