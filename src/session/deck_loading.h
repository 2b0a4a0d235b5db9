// A deck as every command and mode reads it: parsed, its images checked,
// its diagnostics printed in FILE:LINE:COL form.
//
// The last stage of loading is to read every image the deck shows through
// its decoder, once, so that an image the parser accepted from its header
// but that cannot be decoded (a truncated PNG, a corrupt JPEG) is a located
// warning and a labelled placeholder, never a silent hole on screen.
//
// Promise: each distinct image is read once, on every core, a row at a time
// (render::check_image: no image's pixels are kept, a JPEG is read at an
// eighth of its size); a failure clears the image's `resolved` path and
// pixel size (layout then draws the placeholder with its alt text) and adds
// a warning at the image's line:column. Never throws.
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "deck/parse.h"

namespace madang::app {

void check_images(deck::Deck* deck, Diagnostics* diagnostics);

// deck::load_deck, then check_images: how every command and mode reads a
// deck (a reload too), so that each says the same about the same file.
deck::ParseResult load_deck_checked(const std::string& path, const deck::PdfOptions& pdf = {});

// Each diagnostic on stderr, one FILE:LINE:COL line each.
void print_diagnostics(const Diagnostics& diagnostics);

// A deck that could not be read at all: one error on line 0 and no slides.
bool unreadable(const deck::ParseResult& r);

// What the window modes (and `rehearsals`) do before any window opens (as
// sent does): load_deck_checked, diagnostics printed. false with the exit
// code (1: errors, 2: unreadable) when the deck cannot be shown.
bool load_show_deck(const std::string& path, deck::ParseResult* parsed, int* exit_code,
                    const deck::PdfOptions& pdf = {});

}  // namespace madang::app
