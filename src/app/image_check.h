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
#include "deck/parse.h"

namespace madang::app {

void check_images(deck::Deck* deck, Diagnostics* diagnostics);

// deck::load_deck, then check_images: how every command and mode reads a
// deck (a reload too), so that each says the same about the same file.
deck::ParseResult load_deck_checked(const std::string& path);

}  // namespace madang::app
