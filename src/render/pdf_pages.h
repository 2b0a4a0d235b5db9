// Pages of PDF decks as pixels for the SDL sink: each page rendered by
// poppler (pdf/document.h) at exactly the pixel size it is drawn at, kept in
// a cache bounded by bytes, and rendered ahead of time on a worker thread so
// that a page turn finds its picture ready.
//
// Promise: thread-safe; get() never hands back a missing page that could be
// drawn (on a miss it renders on the calling thread, with a Document of the
// cache's own for callers, or waits for the worker when the worker has that
// very page in hand). The worker is one std::thread with Documents of its own
// (poppler documents are not shared between threads); ahead() replaces what
// it had queued, so it never works on a page nobody asked for last. The
// rasters the cache holds never pass the budget: the least recently used go
// first, a raster someone still holds (the frame being drawn) is never
// evicted, and a raster too big to keep is handed over without being kept.
// Failures are values: nullptr and a reason. The destructor stops the worker
// after the page in its hands (nothing is started after) and joins it;
// clear() never waits for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "pdf/document.h"
#include "pdf/source.h"

namespace madang::render {

// What a raster is: which page of which file, at which pixel size, and which
// part of the page fills it.
struct PdfRasterKey {
  std::uint64_t digest = 0;  // pdf::Source::digest
  int page = 0;              // 0-based
  int width = 0, height = 0;
  pdf::PagePart part;
  bool operator==(const PdfRasterKey&) const = default;
};

struct PdfRasterKeyHash {
  std::size_t operator()(const PdfRasterKey& key) const;
};

// The pixels a sink draws a kPdfPage command at: the command's rect moved by
// the sink's origin and scaled by the target's pixels per unit, each edge
// rounded to a whole pixel (so that the raster is copied 1:1). Zero width or
// height: nothing to draw.
struct PixelRect {
  int x = 0, y = 0, w = 0, h = 0;
};
PixelRect pdf_page_pixels(const layout::Rect& rect, float origin_x = 0, float origin_y = 0,
                          float scale_x = 1, float scale_y = 1);

class PdfPageCache {
 public:
  // Four pages at 1920x1080: what is shown and the pages ahead. A window
  // keeps its own textures of what it draws; rasters past these are only
  // worth their memory as the next page, so the budget stays small (pdfpc,
  // the benchmark's anchor, keeps about 100 MB in all).
  static constexpr std::size_t kDefaultBudget = 32u << 20;
  using Raster = std::shared_ptr<const pdf::PageRaster>;

  explicit PdfPageCache(std::size_t budget_bytes = kDefaultBudget);
  ~PdfPageCache();
  PdfPageCache(const PdfPageCache&) = delete;
  PdfPageCache& operator=(const PdfPageCache&) = delete;

  // Page `page` of `source` at exactly width x height pixels (`part` of the
  // page filling them). nullptr and `error` when it cannot be drawn: the
  // file does not open ("cannot be read as a PDF (...)"), the page is not in
  // it, or the size is 0 or over pdf::render_page's limit.
  Raster get(const pdf::SourcePtr& source, int page, int width, int height, pdf::PagePart part = {},
             std::string* error = nullptr);
  // True when get() would answer at once from the cache.
  bool cached(const PdfRasterKey& key) const;

  // Renders `pages` (in this order) on the worker thread, those not cached
  // yet; what an earlier call queued and the worker has not begun is
  // dropped. Pages beyond what half the budget holds are not queued (they
  // would push out the ones before them).
  void ahead(const pdf::SourcePtr& source, const std::vector<int>& pages, int width, int height,
             pdf::PagePart part = {});
  // The same for every kPdfPage of `list`, at the size the SDL sink draws it
  // with the list's (0, 0) at (x, y): the picture a mode is about to show.
  void ahead(const layout::DisplayList& list, float x = 0, float y = 0);
  // Blocks until the worker has nothing queued or in hand (tests, exports).
  void wait_idle();

  // Drops every raster and queued page, and the Documents the cache holds
  // (the worker lets go of its own before its next page); rasters a caller
  // holds stay valid. Waits for nothing the worker does.
  void clear();

  std::size_t bytes() const;  // pixels held
  std::size_t budget() const;
  // Pages rendered by get() on the calling thread, and by the worker.
  std::uint64_t synchronous_renders() const;
  std::uint64_t ahead_renders() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::render
