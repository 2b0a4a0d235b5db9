// Images: the Marp keywords in alt text (deck/image_keywords.h), `![bg](…)`
// backgrounds, and resolving a path against the deck's folder. Private to
// deck/.
//
// Promise: forgiving, as Marp is: a missing image, a URL (no network is
// used) or an unreadable one is a located warning (a labelled placeholder; a
// background is left out), never an error; paths may leave the deck's folder
// or be absolute. Refused (errors) are only paths to things that are not
// regular files (only regular files are opened) and files past
// io::kMaxImageFileBytes; an image whose header says it cannot be shown (not
// PNG or JPEG, more than io::kMaxImagePixels) is decided before any decoding;
// no std::filesystem exception escapes (error_code overloads only).
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/report.h"

namespace madang::deck {

// Splits "w:800 h:450 alt text" into sizes and alt; a malformed keyword is a
// warning at line:column (the image's position).
void read_image_alt(const std::string& alt, int line, int column, Reporter& report, Image* out);

// `![bg …](src)`: adds the image to the slide's background (its keywords:
// fit, split, vertical, filters) and returns true; false, with nothing done,
// when the alt text has no `bg`.
bool read_background_image(const std::string& alt, const std::string& src,
                           const std::string& base_dir, bool check_files, int line, int column,
                           Reporter& report, SlideBackground* out);

// Where an image is shown, which says what happens when it cannot be.
enum class ImagePlace {
  kBlock,       // a labelled placeholder takes its place
  kBackground,  // the background is left out
  kLine,        // a header's or footer's image is left out
};

// Sets out->resolved and the pixel size, reporting problems; true when the
// image can be shown. base_dir must be absolute.
bool resolve_image(const std::string& base_dir, bool check_files, int line, int column,
                   Reporter& report, Image* out, ImagePlace place = ImagePlace::kBlock);

// Background images one slide draws at most (more are warned and left out).
inline constexpr std::size_t kMaxBackgroundImages = 16;

}  // namespace madang::deck
