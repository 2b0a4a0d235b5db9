// Slide backgrounds (deck/background.h) as display-list commands: where the
// `![bg](…)` images go (the whole slide, or the split side), how each fills
// its cell (CSS background-size and background-position), and what room the
// content keeps.
//
// Promise: pure geometry and commands, no I/O: an image's pixel size is the
// one the deck read from its header when it was loaded; every image is
// clipped to its cell; an image that cannot be read leaves its cell empty
// (the parser warned).
#pragma once

#include <vector>

#include "deck/background.h"
#include "deck/deck.h"
#include "layout/display_list.h"

namespace madang::layout {

struct BackgroundPlan {
  Rect area;                // where the `![bg]` images go: the split side or the slide
  Rect content;             // what is left for the slide's content
  std::vector<Rect> cells;  // one per image, side by side (or stacked when vertical)
};

BackgroundPlan plan_background(const deck::SlideBackground& background, Rect slide);

// The image's rect for a cell, as CSS background-size and -position place it
// (it may spill over the cell: callers clip). `unit` is px per CSS px of the
// deck (css_unit).
Rect background_image_rect(const deck::BackgroundImage& image, int pixel_width, int pixel_height,
                           Rect cell, float unit);

// The commands that draw the slide's background images (directive images
// over the whole slide, then the `![bg]` ones in their cells).
// A moving background (`![bg video loop muted](…)`) is a kClip named by
// `slide_index` (1-based) and its ordinal (deck/clips.h).
std::vector<Command> background_commands(const deck::SlideBackground& background,
                                         const BackgroundPlan& plan, Rect slide, float unit,
                                         int slide_index = 0);

// Pixels per CSS pixel of an image size or blur in `deck`, for a slide drawn
// `unit` px per 1080p px. Marp sizes its slides 1280×720 (960×720 at 4:3), so
// in a Marp deck a CSS pixel is 1.5 of ours: `w:400px` takes the same share
// of the slide as in Marp.
float css_unit(const deck::Deck& deck, float unit);

// An image's pixel size, as the deck read it from the file's header when it
// was loaded (layout never opens an image). false when it cannot be drawn:
// missing, refused, undecodable, or parsed without looking at files.
bool image_size(const deck::Image& image, int* width, int* height);

// An image's filters for a command that draws `pixel_width` image pixels
// `drawn_width` px wide: the blur radius becomes image pixels.
std::vector<deck::ImageFilter> filters_for(const deck::Image& image, int pixel_width,
                                           float drawn_width, float unit);

}  // namespace madang::layout
