// Images: the Marp-style size keywords in alt text, and resolving a path
// against the deck's folder. Private to deck/.
//
// Promise: only paths inside the deck's folder are resolved; URLs, absolute
// paths and paths leaving the folder are errors; only regular files are
// opened; an image whose header says it cannot be shown (not PNG or JPEG,
// more than io::kMaxImagePixels) is a warning and stays unresolved (a
// labelled placeholder), decided before any decoding; no std::filesystem
// exception escapes (error_code overloads only).
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/report.h"

namespace madang::deck {

// Splits "w:800 h:450 alt text" into sizes and alt; a malformed keyword is a
// warning at line:column (the image's position).
void read_image_alt(const std::string& alt, int line, int column, Reporter& report, Image* out);

// Sets out->resolved and the pixel size, reporting problems. base_dir must be
// absolute.
void resolve_image(const std::string& base_dir, bool check_files, int line, int column,
                   Reporter& report, Image* out);

}  // namespace madang::deck
