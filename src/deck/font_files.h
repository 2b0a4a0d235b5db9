// Font files named in the front matter's `fonts`. Private to deck/.
//
// Promise: an entry that names a file (it has a '/' or a font file's
// extension) is made absolute against the deck's folder, never the working
// folder; with check_files, one that is not a regular file (a FIFO, a
// device, a folder, a loop of links, nothing) is a warning at its place and
// is dropped, so that no later stage opens it. Family names are left alone.
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/report.h"

namespace madang::deck {

void resolve_font_files(const std::string& base_dir, bool check_files, Reporter& report,
                        Meta* meta);

}  // namespace madang::deck
