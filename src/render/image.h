// Decoded images (PNG, JPEG via stb_image) and PNG writing (libdeflate, fast settings).
//
// Promise: no SDL types; decoding failures are values (nullptr + message),
// never exceptions: only regular files of at most io::kMaxImageFileBytes are
// read, an image over io::kMaxImagePixels is refused from its header before
// any decoding, and running out of memory while decoding is a failure too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "deck/background.h"

namespace madang::render {

class PdfPageCache;  // render/pdf_pages.h

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA8, straight alpha, rows top to bottom
};

// Pixels owned elsewhere (a renderer's surface): RGBA8 rows `stride` bytes apart.
struct RgbaView {
  const std::uint8_t* pixels = nullptr;
  int width = 0, height = 0;
  std::size_t stride = 0;
};

// Decodes one image file to RGBA; nullptr and `error` when it cannot: a
// phrase that follows the file's name ("cannot be decoded (bad zlib
// header)", "is a GIF image; ...", "is a FIFO (named pipe), not a file").
// The file is read as it is decoded (decode_image_file).
std::unique_ptr<RgbaImage> decode_image(const std::string& path, std::string* error);
// The same for bytes in memory (a file's content).
std::unique_ptr<RgbaImage> decode_image_bytes(const unsigned char* data, std::size_t size,
                                              std::string* error);

// An image is drawn from a copy reduced by 1, 2, 4 or 8 in each direction:
// the largest reduction that still covers the pixels it is drawn at, so a
// 12-megapixel photo behind a 1920x1080 slide holds a quarter of its pixels
// (JPEG: libjpeg-turbo's scaled IDCT, never the whole picture in memory;
// PNG: decoded, then each 2x2 block averaged). `want_w` or `want_h` 0: no
// reduction. The reduction for an image of full_w x full_h.
int image_reduction(int full_w, int full_h, int want_w, int want_h);
// Decodes reduced by `reduction` (1, 2, 4 or 8).
std::unique_ptr<RgbaImage> decode_image_bytes(const unsigned char* data, std::size_t size,
                                              int reduction, std::string* error);
// The same from a file, read as it is decoded (libjpeg from the stream, libpng
// a row at a time): its bytes are never all in memory (an interlaced PNG's
// compressed data aside). The checks and phrases of decode_image.
std::unique_ptr<RgbaImage> decode_image_file(const std::string& path, int reduction,
                                             std::string* error);

// Whether an image file can be drawn, without keeping its pixels: "" or why
// not (as decode_image says it). Streams the whole file through the decoder a
// row at a time (JPEG at an eighth of its size: every coefficient is still
// read, so a corrupt stream is found), for `check` and for loading a deck.
// Thread-safe: a deck's images are checked on every core.
std::string check_image(const std::string& path);

// What ImageCache::get_for_size keeps for an image drawn at want_w x want_h
// pixels (reduced as image_reduction says, `filters` applied at that size),
// made without a cache: render/image_ahead.h decodes it on a worker thread
// and the cache's own thread adopts it (ImageCache::adopt_for_size).
// Thread-safe. Defined in image_ahead.cpp.
struct SizedImage {
  std::unique_ptr<RgbaImage> image;  // nullptr: cannot be decoded (`error` says why)
  std::string error;
  int full_w = 0, full_h = 0;  // the file's pixels, from its header (0: unread, no reduction)
};
SizedImage decode_for_size(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                           int want_w, int want_h);

// Decodes each path once and keeps it, within a memory budget: past it the
// images used longest ago are dropped (and decoded again if asked for), so
// that a deck of many large photos cannot hold gigabytes. A pointer from
// get() is valid until the next get() or clear(). Not thread-safe: one per
// thread. It also carries the rasters of PDF deck pages (pdf_pages()), so
// that every sink built on an ImageCache can draw them.
class ImageCache {
 public:
  explicit ImageCache(std::size_t budget_bytes = kDefaultBudget);
  ~ImageCache();
  ImageCache(ImageCache&&) noexcept;
  ImageCache& operator=(ImageCache&&) noexcept;
  static constexpr std::size_t kDefaultBudget = 512u << 20;

  // nullptr when the file is missing or not a PNG/JPEG; `error` says why
  // (as decode_image).
  const RgbaImage* get(const std::string& path, std::string* error = nullptr);
  // The image for drawing at want_w x want_h pixels, reduced as
  // image_reduction says, with `filters` applied at that size (a blur's
  // radius, given in the full image's pixels, shrinks with it): a blurred
  // photo background costs what its shown size costs.
  const RgbaImage* get_for_size(const std::string& path,
                                const std::vector<deck::ImageFilter>& filters, int want_w,
                                int want_h, std::string* error = nullptr);
  // Images decoded ahead of need (render/image_ahead.h), defined in
  // image_ahead.cpp. holds_for_size: whether get_for_size with these
  // arguments would answer from what is kept, without decoding (the file's
  // size is read from its header the first time, as get_for_size reads it).
  // adopt_for_size: keeps `decoded` (decode_for_size's, made on another
  // thread) under the very key get_for_size looks up, so that the draw that
  // asks for it does not decode; dropped when that key is kept already, or
  // when the file's size read here before differs (the file changed since).
  bool holds_for_size(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                      int want_w, int want_h);
  void adopt_for_size(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                      int want_w, int want_h, SizedImage decoded);
  // The image with CSS filters applied (render/image_filter.h), computed
  // once per (path, filters) and kept within the same budget.
  const RgbaImage* get(const std::string& path, const std::vector<deck::ImageFilter>& filters,
                       std::string* error = nullptr);
  // A clip's poster (media/frame.h): its frame at `time_s`, decoded at about
  // the size it is shown (want_w x want_h), kept within the same budget;
  // nullptr (remembered) when the clip cannot be decoded.
  const RgbaImage* poster(const std::string& clip, double time_s, int want_w, int want_h,
                          std::string* error = nullptr);
  // Drops every image, and every PDF page raster (without waiting for the
  // page cache's worker: render/pdf_pages.h).
  void clear();
  std::size_t bytes() const { return bytes_; }  // decoded pixels held (PDF pages apart)

  // Pages of PDF decks as pixels (render/pdf_pages.h), made at the first
  // call: thread-safe itself, with a worker thread of its own, and a budget
  // of its own (PdfPageCache::kDefaultBudget).
  PdfPageCache& pdf_pages();

 private:
  struct Entry {
    std::unique_ptr<RgbaImage> image;  // nullptr: cannot be decoded (remembered)
    std::string error;
    std::uint64_t used = 0;  // when last asked for
  };
  const RgbaImage* keep(const std::string& key, std::unique_ptr<RgbaImage> image,
                        std::string error);
  std::map<std::string, Entry> images_;
  std::map<std::string, std::pair<int, int>> full_sizes_;  // path -> its pixels, once read
  std::size_t budget_;
  std::size_t bytes_ = 0;
  std::uint64_t clock_ = 0;
  std::unique_ptr<PdfPageCache> pdf_pages_;  // nullptr until asked for
};

// Writes 8-bit PNGs (RGB when the image is opaque, else RGBA; deterministic
// bytes), keeping its compressor and buffers from one image to the next.
// One per thread.
class PngWriter {
 public:
  PngWriter();
  ~PngWriter();
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;
  // false + the reason on failure (the system's, e.g. "No space left on
  // device"); written whole or not at all (render/atomic_file.h).
  bool write(const RgbaImage& image, const std::string& path, std::string* error);
  bool write(const RgbaView& image, const std::string& path, std::string* error);

 private:
  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
};

// One image with a writer of its own (safe to call from several threads).
bool write_png(const RgbaImage& image, const std::string& path, std::string* error);

}  // namespace madang::render
