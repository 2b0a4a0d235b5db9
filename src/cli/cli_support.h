// What the batch subcommands share: a deck loaded for an export or a
// layout, slide lists and ids from the command line, fonts.
//
// Promise: every user mistake comes back as a message (or is printed as
// `madang COMMAND: ...`), never an exception.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "deck/diagnostics.h"
#include "deck/parse.h"
#include "layout/layout.h"
#include "session/arguments.h"
#include "session/deck_loading.h"
#include "text/text.h"

namespace madang::app {

// "1,3-5" -> {0, 2, 3, 4} (0-based), checked against the slide count.
bool parse_slide_list(const std::string& text, int count, std::vector<int>* out,
                      std::string* error);

// What an export renders: the deck (parsed, its images checked as
// session/deck_loading.h says) and the slides asked for. Its diagnostics
// stay in `parsed` for the caller to print with the export's own, in the
// file's order (print_in_order). false with the exit code (1: the deck has
// errors, 2: unreadable deck or a bad slide list), the diagnostics and the
// reason printed as `madang COMMAND: ...`.
bool load_for_export(const char* command, const std::string& deck_path,
                     const std::string& slide_list, deck::ParseResult* parsed,
                     std::vector<int>* slides, int* exit_code, const deck::PdfOptions& pdf = {});

// What `layout --json` prints: the deck, read however broken (its
// diagnostics are printed with the output), and the one slide asked for
// (`slide` 1-based; 0: all). false with exit code 2 for an unreadable deck
// or a slide outside the deck.
bool load_for_layout(const std::string& deck_path, int slide, deck::ParseResult* parsed,
                     const deck::PdfOptions& pdf = {});

// Prints `out` (layout --json's output) after the diagnostics; the exit code.
int print_layout_json(const nlohmann::json& out, const Diagnostics& diagnostics);

// Makes `folder` (and its parents) for files an export writes; false, printed
// as "madang COMMAND: cannot create FOLDER: why", when it cannot.
bool make_output_folder(const char* command, const std::string& folder);

// Every stage's diagnostics at once, in the file's order (deck/diagnostics.h
// sort_by_place): what a reader of a long export log expects.
void print_in_order(Diagnostics diagnostics);

// "gov,market" -> {"gov", "market"}.
std::vector<std::string> split_ids(const std::string& text);

// The deck's fonts; font problems (an unknown family in `fonts:`) become
// warnings on the deck when `diagnostics` is given.
std::unique_ptr<text::FontSystem> make_fonts(const deck::Deck& deck, Diagnostics* diagnostics);

// Empty when the fonts can draw text; else the error to stop with, naming
// what to install: without any font every slide would come out blank.
std::string no_usable_font(const text::FontSystem& fonts);

// The no-usable-font error, at the deck's first slide.
Diagnostic font_error(const deck::Deck& deck, std::string message);

}  // namespace madang::app
