// A PDF file as a deck's pages: what is on each page (size, label, text,
// notes left in annotations, links, the page's own transition and duration,
// fonts it does not embed), and drawing a page into a cairo context, vector
// and sharp at any size. Through poppler-glib (Debian's libpoppler-glib-dev);
// no GLib or poppler type is seen outside pdf/.
//
// Promise: a Source is the file's bytes as read once (a file rewritten in
// place while it is being read is seen whole or not at all by the caller, who
// reads again when it parses), immutable and shared by every thread; each
// thread opens its own Document from it (poppler documents are not safe to
// share between threads). Failures are values with a reason a person can
// act on; nothing throws. Work is bounded: at most kMaxPages pages are read,
// a page's text and annotations are capped, a page larger than kMaxPagePoints
// on a side is refused, and a render never allocates more than the pixels it
// was asked for.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pdf/source.h"

namespace madang::pdf {

inline constexpr int kMaxPages = 2000;           // more: the rest are left out, with a warning
inline constexpr double kMaxPagePoints = 14400;  // 200 inches: PDF's own user-unit limit
inline constexpr std::size_t kMaxPageTextBytes = 64u << 10;  // text kept per page

// A link on a page, its rectangle in the page's fractions (0..1, origin top
// left, y down): an internal one names a page (0-based), a URI one its URI.
struct Link {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int target_page = -1;  // -1: not an internal link
  std::string uri;       // "": not a URI link
};

struct PageInfo {
  double width = 0, height = 0;    // points, as shown (rotation applied)
  std::string label;               // the page label (/PageLabels), "" when none
  std::string text;                // the page's text, reading order, capped
  std::vector<std::string> notes;  // contents of its text annotations (/Text, /FreeText), in order
  std::vector<Link> links;
  double duration_s = 0;   // /Dur: seconds the page stands in a kiosk; 0 none
  std::string transition;  // /Trans as one of Madang's names ("fade", "push", "cover",
                           // "none", ...); "" none written
  std::vector<std::string> fonts_not_embedded;  // names of fonts the page uses but does not carry
};

struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::string creator;  // the program that wrote the PDF ("Madang 0.1.0", "PowerPoint", ...)
  // The pages the outline's top-level entries go to, 0-based, in the
  // outline's order (at most kMaxPages entries).
  std::vector<int> outline_pages;
  std::vector<PageInfo> pages;  // at most kMaxPages
  int pages_in_file = 0;        // what the file holds (may be more than pages.size())
};

enum class Failure {
  kNone,
  kUnreadable,     // not a regular file, too big, cannot be read
  kDamaged,        // poppler cannot parse it (truncated, not a PDF)
  kNeedsPassword,  // encrypted, and no password was given
  kWrongPassword,  // encrypted, and the password given does not open it
  kNoPages,
};

// Reads `path` into a Source (bounded by kMaxFileBytes). On failure, nullptr
// and `error` says why ("is a folder, not a file").
SourcePtr read_source(const std::string& path, const std::string& password, std::string* error);
// A Source from bytes already in memory (tests, fuzzing).
SourcePtr make_source(std::string path, std::string bytes, std::string password = "");

// One poppler document opened from a Source: for one thread.
class Document {
 public:
  // nullptr and `failure` + `error` when it cannot be opened.
  static std::unique_ptr<Document> open(SourcePtr source, Failure* failure, std::string* error);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const SourcePtr& source() const { return source_; }
  int page_count() const;  // min(pages in file, kMaxPages)
  // Size in points of page `index` (0-based); {0, 0} when out of range.
  void page_size(int index, double* width, double* height) const;

  // Everything about every page (bounded as above).
  DocumentInfo info() const;

  // Draws page `index` into `cr`, its top-left at the current origin, scaled
  // so that the page's box of points (or the `part` of it: fractions x, y, w,
  // h of the page, for Beamer's halves) fills `width` x `height` user units.
  // Vector output on a vector surface. false when out of range.
  bool draw(int index, cairo_t* cr, double width, double height, PagePart part = {}) const;

 private:
  struct Impl;
  explicit Document(SourcePtr source, std::unique_ptr<Impl> impl);
  SourcePtr source_;
  std::unique_ptr<Impl> impl_;
};

// Page `index` rendered to premultiplied-free RGBA8 pixels at exactly width x
// height (white where the page is transparent, as a viewer shows it). Empty
// `pixels` when out of range or when the size is 0 or over 16384 on a side.
struct PageRaster {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA8, straight alpha, rows top to bottom
};
PageRaster render_page(const Document& document, int index, int width, int height,
                       PagePart part = {});

}  // namespace madang::pdf
