// Marp's image syntax: the keywords in an image's alt text (`bg`, `cover`,
// `contain`, `fit`, `auto`, `N%`, `left[:N%]`, `right[:N%]`, `vertical`,
// `w:`/`h:`/`width:`/`height:` with CSS lengths, and CSS filters), and what
// is left over as the alt text. Private to deck/.
//
// Promise: pure (no I/O, no diagnostics sink); words are taken out wherever
// they stand, in any order; a word that is not a keyword stays in the alt
// text; background-only words stay in the alt text of an image that is not a
// background; a keyword with a bad value is a problem phrase, never a throw.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deck/background.h"

namespace madang::deck {

struct ImageKeywords {
  bool bg = false;
  BackgroundFit fit = BackgroundFit::kCover;
  float scale = 1;  // fit == kScale: 1.5 for `150%`
  BackgroundSplit split = BackgroundSplit::kNone;
  float split_share = 0.5f;  // `left:30%`: 0.3
  bool vertical = false;
  float width = 0, height = 0;  // as Image::width/height (0: not given or auto)
  std::vector<ImageFilter> filters;
  std::string alt;                    // the words left over, joined by single spaces
  std::vector<std::string> problems;  // "image size 'w:abc' is not ...", in order
};

ImageKeywords parse_image_keywords(std::string_view alt);

// A CSS length as px at 1920x1080 (> 0) or a fraction of the box (< 0, from
// a percentage up to 100%): "800", "800px", "50%", "10cm", "2in", "24pt",
// "3em" (16 px each). 0 and false when it is not one (or is `auto`: true).
bool parse_css_length(std::string_view s, float* out);

// The filter's name as written in Marp (`hue-rotate`).
const char* filter_name(FilterKind kind);
// Filters Madang draws (the others are warned once per deck).
bool filter_drawn(FilterKind kind);

}  // namespace madang::deck
