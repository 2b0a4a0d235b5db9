// PDF export: display lists -> a vector PDF, through cairo's PDF surface.
//
// Promise: a thin translator beside the SDL one (render.h), fed the same
// display lists, so a page looks like the screen. Text stays text: every glyph
// run goes out with its UTF-8 and clusters (cairo_show_text_glyphs), in fonts
// that cairo embeds as subsets, so the PDF can be searched and copied. Shapes
// are vector paths; each image is embedded once however often it is drawn;
// colour emoji are images; runs that carry a link are live links; a page of
// a PDF deck (kPdfPage) is drawn by poppler as the vectors and text it holds,
// never as a picture of itself. Like
// hb-view, everything is collected first and then rendered: finish() knows
// every glyph of every page, cuts each font down to them with HarfBuzz's
// subsetter (keeping glyph ids), and cairo embeds those small fonts. The file
// is written whole or not at all (atomic_file.h), and every failure is a
// value with the system's reason. No SDL: needs no display. One PdfWriter per
// file, on one thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "render/image.h"
#include "text/text.h"

namespace madang::render {

struct PdfMetadata {
  std::string title, author, subject, keywords;
  std::string creator = "Madang";
  // ISO 8601 ("2024-05-01T09:30:00Z") for the creation and modification
  // dates; empty: now (cairo's default).
  std::string date;
};

// A display list drawn on a page: its pixel (0, 0) at (x, y) in points, each
// pixel `scale` points wide, clipped to the list's own size.
struct PdfPlacement {
  layout::DisplayList list;
  float x = 0, y = 0;
  float scale = 0.5f;
};

struct PdfPage {
  float width = 960, height = 540;       // points
  std::vector<PdfPlacement> placements;  // drawn in order
  std::string label;                     // page label viewers show ("4", "4.2"); empty: none
  std::string bookmark;                  // an outline entry that opens this page; empty: none
  // A top-level outline entry that opens this page, under which this page's
  // bookmark and those of the pages after it nest until the next chapter
  // (a forum's talk -> its slides); empty: the bookmark stays where it was.
  std::string chapter;
};

class PdfWriter {
 public:
  // The caches are the ones a HeadlessRenderer would use (colour emoji come
  // from the glyph cache, images from the image cache).
  PdfWriter(const text::FontSystem& fonts, text::GlyphCache& glyphs, ImageCache& images);
  ~PdfWriter();  // unfinished: the temporary file is removed
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Creates the (temporary) file at once, so that an unwritable path fails
  // before any work: false + the reason (e.g. "Permission denied").
  bool open(const std::string& path, const PdfMetadata& meta, std::string* error);
  // Keeps the page (its lists move in) until finish().
  void add_page(PdfPage page);
  // Subsets the fonts, draws every page, writes fonts, images, outline and
  // trailer, then renames the file into place; false + the reason (e.g. "No
  // space left on device") otherwise.
  bool finish(std::string* error);
  int page_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::render
