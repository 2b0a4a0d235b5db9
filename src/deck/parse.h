// Parsing a slide description file into a Deck.
//
// Promise: never throws, never aborts, whatever the bytes. Every problem is a
// located diagnostic; the Deck holds everything that could be understood, so
// that a caller may still show it (or, when reloading, keep the last good one).
#pragma once

#include <string>
#include <string_view>

#include "deck/deck.h"
#include "deck/diagnostics.h"

namespace madang::deck {

struct ParseOptions {
  // Look up images on disk (existence, readability, staying inside base_dir).
  // Off for fuzzing and for in-memory tests.
  bool check_files = true;
  // Directory relative image paths resolve against; "" means the folder of
  // the file name given to parse_deck, or the current directory.
  std::string base_dir;
  PdfOptions pdf;  // when the file is a PDF
};

struct ParseResult {
  Deck deck;
  Diagnostics diagnostics;
};

// Parses source text; file_name is used for diagnostics and image paths.
ParseResult parse_deck(std::string_view source, const std::string& file_name,
                       const ParseOptions& options = {});

// Reads and parses a file. An unreadable file is one error diagnostic
// (line 0) and an empty deck. A PDF (by its name or its first bytes) is read
// as deck/pdf_deck.h says.
ParseResult load_deck(const std::string& path, const ParseOptions& options = {});

}  // namespace madang::deck
