// Marp's background directives: `backgroundColor`, `backgroundImage`
// (`url(…)`), `backgroundSize`, `backgroundPosition` and `color`, local
// (this slide and the ones after it) or spot (`_backgroundColor`: this slide
// only), in comments or the front matter. Private to deck/.
//
// Promise: values are read as Marp reads them (unquoted `#fff` is a colour);
// each setting is checked once, where it was written (a bad value is a
// located warning and is ignored); a backgroundImage is resolved like any
// image (deck/images.h: missing or a URL is a warning, the background is
// left out).
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/report.h"

namespace madang::deck {

class ImageFiles;  // deck/images.h

// True when `name` (with or without `_`) is one of these directives: the
// setting is kept in `out`, and checked by apply_style_settings (where a
// missing value is an error), so its messages come in the order written.
// `backgroundRepeat` is taken too: a warning (one per deck once folded)
// unless it says `no-repeat`, which is what is drawn.
bool take_style_directive(const std::string& name, const std::string& value, bool has_value,
                          int line, int column, Reporter& report, std::vector<StyleSetting>* out);

// Applies the settings of the front matter and of every slide, with their
// scopes, to each slide's SlideBackground.
void apply_style_settings(Deck& deck, ImageFiles& images, Reporter& report);

// A CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba(), or a name
// ("white", "navy", "transparent"...). 0xRRGGBBAA; false when not one.
bool parse_css_color(std::string_view text, std::uint32_t* out);

}  // namespace madang::deck
