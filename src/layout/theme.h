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

// Colours of highlighted code (deck::CodeTokenKind); plain code is `text`.
struct CodeColors {
  text::Color keyword, type, string, comment, number, function;
};

struct Theme {
  std::string name;
  text::Color background, text, muted, heading, accent, accent_soft, rule;
  text::Color surface;      // cards, table header, code background
  text::Color surface_alt;  // zebra rows, hover
  text::Color title_band;   // title slide band
  text::Color on_accent;    // text on accent surfaces
  bool centred = false;     // every slide sets its title and body centred (Marp's uncover)
  CodeColors code{};        // on `surface`

  // The type scale (px of a 1080-pixel high slide), set for a hall: read
  // from 20 m, the smallest text is 24 pt on a 13.33-inch slide (48 px), so
  // body text sits above that and titles well above (PowerPoint: 28/44 pt,
  // that is 56/88 px). docs/format.md ("Type scale") lists it.
  float title_size = 108;      // the title slide's title
  float heading_size = 76;     // slide titles
  float subheading_size = 60;  // ## inside a slide
  float quote_size = 68;       // the quote of a quote slide
  float lead_size = 62;        // statements (class: lead)
  float body_size = 54;        // paragraphs and list items
  float small_body_size = 44;  // body text of class: small
  float small_size = 36;       // captions: event line, attributions, diagram details
  float code_size = 44;        // code blocks (monospace runs wide)
  float footer_size = 24;      // the running footer and page number
  float source_size = 24;      // the source line (citation)
  // Relative steps (multiples of the body size).
  float item2_scale = 0.88f;  // second-level list items
  float table_scale = 0.85f;  // table cells
  // Leading: Hangul is dense and square, so it needs more than Latin.
  float line_height = 1.5f;          // body text
  float heading_line_height = 1.2f;  // titles and headings
  float table_line_height = 1.35f;   // table cells and code

  // Grid (px at 1080p).
  float margin_x = 112;
  float margin_top = 64;
  float margin_bottom = 40;
  float title_gap = 36;  // below the slide title's accent bar
  float block_gap = 30;  // between blocks
  float column_gap = 72;
  float footer_height = 48;
  float list_indent = 60;

  // Autofit: a dense slide's type shrinks until it fits, but no text (the
  // footer and source lines aside) goes below `min_text`; the scale floor is
  // where the body reaches it.
  float min_text = 28;
  float min_scale = 28.0f / 54.0f;
};

// `name` is the deck's theme (hall, hall-dark, gaia, uncover; Marp's default
// is hall); `invert` picks the dark variant of a light theme
// (class: invert). Sets *known to false for an unknown name.
Theme theme_named(const std::string& name, bool invert = false, bool* known = nullptr);

}  // namespace madang::layout
