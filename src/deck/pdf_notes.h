// Speaker notes for a PDF deck, from the files speakers leave beside it: the
// PowerPoint it was exported from (talk.pptx), pdfpc's notes (talk.pdfpc), or
// a Markdown file with one `## N` heading per slide (talk.notes.md).
//
// Promise: each reader takes a path and gives notes as Markdown text (what a
// Madang deck's `<!-- notes: -->` holds: paragraphs, `- ` bullets, kept
// nesting), numbered as the source numbers them, with every problem a located
// diagnostic (FILE:LINE:COL for text files, FILE and the part's name for a
// PPTX); never throws, whatever the bytes. Bounded: files are read through
// io/ with a size cap, a PPTX's parts are inflated to at most
// kMaxNotesPartBytes each and kMaxNotesTotalBytes in all (a zip bomb is a
// diagnostic, not gigabytes), at most kMaxNotesEntries notes are kept.
//
// Plain text (a PPTX's, pdfpc's with Markdown off) becomes Markdown that
// shows it as written: each source paragraph is a line, joined to the next
// by a hard break (`\` at the line's end), an empty paragraph makes the gap
// between Markdown paragraphs, and what Markdown would read as markup is
// escaped (`\*`, `\~` in "3~5분", a leading `\#` or `1\.`). Notes text
// is valid UTF-8 without NUL, as all deck text is.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "deck/diagnostics.h"

namespace madang::deck {

inline constexpr std::size_t kMaxNotesFileBytes = 64u << 20;   // a .pptx, .pdfpc or .md
inline constexpr std::size_t kMaxNotesPartBytes = 4u << 20;    // one XML part of a PPTX, inflated
inline constexpr std::size_t kMaxNotesTotalBytes = 64u << 20;  // all parts read, inflated
inline constexpr int kMaxNotesEntries = 5000;

struct FoundNotes {
  // How the numbers below count: a PPTX's slides and a notes.md's `## N` count
  // slides as the deck shows them (1-based); pdfpc counts PDF pages (its
  // `idx`, stored here 1-based: idx + 1).
  enum class Numbering { kSlides, kPages } numbering = Numbering::kSlides;
  std::map<int, std::string> notes;  // number -> Markdown text (no entry: no notes)
  // pdfpc's JSON only: the page labels it records (page, 1-based -> label),
  // so that overlays are found as pdfpc finds them. (Its overlay numbers are
  // checked, not kept.)
  std::map<int, std::string> labels;
  bool ok = false;  // the file was read (it may still have diagnostics)
  Diagnostics diagnostics;
};

// ppt/presentation.xml's slide list, through ppt/_rels/presentation.xml.rels,
// gives the slides in order; each slide's relationships name its notesSlide;
// the notes are the text of its body placeholder (`p:ph type="body"`), one
// paragraph per `a:p`, bullets (`a:buChar`/`a:buAutoNum`, or a paragraph
// level `lvl`) as Markdown list items (`- `, `1. `) indented by level (two
// spaces under `- `, to the item's text under `1. `), line breaks (`a:br`)
// kept as hard breaks. Slide numbers count every slide, hidden ones too
// (PowerPoint leaves them out of the PDF only when told to; a warning says so
// when the PPTX has hidden slides). The zip is read from the file's bytes:
// relationship targets are names inside it, never paths on the disk, and one
// that climbs out of the package is an error. A file that is not a PowerPoint
// zip is an error with ok false; a broken, missing or oversized part is a
// diagnostic naming it, and the other slides' notes are kept.
FoundNotes read_pptx_notes(const std::string& path);

// pdfpc's JSON (pdfpcFormat 1 and 2): `pages` entries with `idx`, `label`,
// `overlay`, `note`. Unknown keys are ignored; a bad entry is a diagnostic
// at its line and column, the others are kept; a page listed twice keeps
// the later note, as pdfpc does. Notes are Markdown unless the file says
// `"disableMarkdown": true` (or format 1's `"enableMarkdown": false`), then
// plain text. A file that is not JSON is an error at the line and column
// where it stops being JSON, with ok false. pdfpc's older text format
// (`[file]`, `[notes]` with `### N` sections of plain text) is read too; its
// N counts pdfpc's slides (pages grouped by label), so it is kSlides.
FoundNotes read_pdfpc_notes(const std::string& path);

// Markdown with `## N` (N a slide number, 1-based) headings; the text under
// each (to the next such heading) is that slide's notes, as written. Text
// before the first heading is ignored with a warning when it is not blank; a
// heading whose N is not a number, repeats an earlier N, or is 0 is a
// located warning, and the text under it is left out (the first `## N`
// keeps its notes). `## ` lines inside fenced code are text; `###` headings
// belong to the notes.
FoundNotes read_markdown_notes(const std::string& path);

}  // namespace madang::deck
