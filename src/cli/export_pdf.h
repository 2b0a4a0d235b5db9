// `madang export --pdf FILE`: slides as the pages of one vector PDF.
//
// Promise: the same parse -> layout pipeline as the PNG export and the
// screen, with render/pdf.h as the sink. Pages: one per slide at 960 x 540
// points for 16:9 (a 1920 x 1080 layout at two pixels per point), or one per
// fragment step (`steps`), or A4 handout pages with the notes below the slide
// (`notes`). Bookmarks from the slide titles, page labels from the slide
// numbers ("4", "4.1" for its steps), metadata from the front matter.
// Failures are values; the file is whole or absent.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "ink/ink.h"
#include "render/pdf.h"
#include "text/text.h"

namespace madang::app {

struct PdfExportJob {
  std::string path;
  std::vector<int> slides;          // 0-based, in order
  std::vector<std::string> select;  // diagram ids, as --select
  bool steps = false;
  bool notes = false;
  std::string date;                    // ISO 8601 creation date; empty: now
  const ink::Document* ink = nullptr;  // the speaker's strokes over the slides (vectors)
};

struct PdfExportResult {
  Diagnostics diagnostics;  // from layout (text that does not fit, ...)
  int pages = 0;
  std::string error;  // empty on success; else the reason the file was not written
};

PdfExportResult export_pdf(const deck::Deck& deck, const PdfExportJob& job);

// The pages export_pdf writes for `job.slides` of `deck` (labels, bookmarks,
// handout pages with `job.notes`), for a writer of the caller's: a forum's
// PDF puts every talk's pages in one file (cli/program_commands.h).
std::vector<render::PdfPage> slide_pages(text::FontSystem& fonts, const deck::Deck& deck,
                                         const PdfExportJob& job, Diagnostics* diagnostics);

// The bookmark of a slide: its first heading, else the start of its first
// paragraph, else "Slide N".
std::string slide_title(const deck::Slide& slide);

// SOURCE_DATE_EPOCH (reproducible builds) as ISO 8601 UTC, or "" when unset
// or not a number.
std::string source_date_epoch_iso8601();

}  // namespace madang::app
