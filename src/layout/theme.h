// Themes: colours, type sizes and the slide grid, in pixels of a 1080-pixel
// high slide (layout scales them to the real size).
//
// Promise: plain data; `theme_named` knows every theme the format documents
// and falls back to `hall` (reporting through its return flag) for others.
#pragma once

#include <string>
#include <vector>

#include "text/text.h"

namespace madang::layout {

struct Theme {
  std::string name;
  text::Color background, text, muted, heading, accent, accent_soft, rule;
  text::Color surface;      // cards, table header, code background
  text::Color surface_alt;  // zebra rows, hover
  text::Color title_band;   // title slide band
  text::Color on_accent;    // text on accent surfaces

  // Type sizes (px at 1080p).
  float title_size = 76;    // title slide heading
  float heading_size = 56;  // slide title
  float subheading_size = 44;
  float body_size = 38;
  float small_size = 30;
  float footer_size = 22;
  float source_size = 22;
  float code_size = 32;
  float line_height = 1.45f;

  // Grid (px at 1080p).
  float margin_x = 112;
  float margin_top = 80;
  float margin_bottom = 56;
  float title_gap = 44;  // below the slide title
  float block_gap = 26;  // between blocks
  float column_gap = 72;
  float footer_height = 44;
  float list_indent = 52;

  float min_scale = 0.6f;  // autofit floor: type never shrinks below 60%
};

// `name` is the deck's theme; `invert` picks the dark variant of a light theme
// (class: invert). Sets *known to false for an unknown name.
Theme theme_named(const std::string& name, bool invert = false, bool* known = nullptr);

}  // namespace madang::layout
