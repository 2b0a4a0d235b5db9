// The last stage of loading a deck: decode every image it shows, once, so
// that an image the parser accepted from its header but that cannot be
// decoded (a truncated PNG, a corrupt JPEG) is a located warning and a
// labelled placeholder, never a silent hole on screen.
//
// Promise: each distinct image is decoded once and dropped (one image in
// memory at a time, each bounded by io::kMaxImagePixels); a failure clears
// the image's `resolved` path (layout then draws the placeholder with its
// alt text) and adds a warning at the image's line:column. Never throws.
#pragma once

#include "deck/deck.h"
#include "deck/diagnostics.h"

namespace madang::app {

void check_images(deck::Deck* deck, Diagnostics* diagnostics);

}  // namespace madang::app
