// A PDF file as a Deck: each page (or each run of pages with one label,
// Beamer's and pdfpc's overlays) a slide, the pages its steps, the notes from
// wherever the speaker left them.
//
// Promise: the Deck a Markdown deck would be, so that every command and mode
// takes it as it is: slides with steps, notes parsed as Markdown (notes_blocks),
// titles and text for identity and search, links, the page's own transition
// and duration; Deck::pdf holds the bytes as read (pdf/source.h) that layout
// hands to the sinks, so a file rewritten after loading never changes what is
// shown. Every problem is a diagnostic at FILE (line 0) or FILE:pN; never
// throws. Notes sources, first found wins (Deck::pdf.notes_from names it):
// --notes-from FILE; beside talk.pdf, talk.pptx, talk.pdfpc, talk.notes.md;
// the pages' text annotations; Beamer's notes half (a picture on the console).
#pragma once

#include <string>

#include "deck/parse.h"
#include "pdf/source.h"

namespace madang::deck {

// True when `path` names a PDF deck (".pdf" in any case).
bool is_pdf_path(const std::string& path);

// Reads the PDF at `path` (options.pdf: password, notes, overlays, Beamer).
ParseResult load_pdf_deck(const std::string& path, const ParseOptions& options = {});

// The same from a Source already read (tests, fuzzing, a reload that read the
// file once to see it whole).
ParseResult pdf_deck_from_source(pdf::SourcePtr source, const ParseOptions& options = {});

}  // namespace madang::deck
