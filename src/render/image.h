// Decoded images (PNG, JPEG via stb_image) and PNG writing (libdeflate, fast settings).
//
// Promise: no SDL types; decoding failures are values (nullptr + message),
// never exceptions: only regular files of at most io::kMaxImageFileBytes are
// read, an image over io::kMaxImagePixels is refused from its header before
// any decoding, and running out of memory while decoding is a failure too.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace madang::render {

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA8, straight alpha, rows top to bottom
};

// Decodes one image file to RGBA; nullptr and `error` when it cannot: a
// phrase that follows the file's name ("cannot be decoded (bad zlib
// header)", "is a GIF image; ...", "is a FIFO (named pipe), not a file").
std::unique_ptr<RgbaImage> decode_image(const std::string& path, std::string* error);

// Decodes each path once. Not thread-safe: one per thread.
class ImageCache {
 public:
  // nullptr when the file is missing or not a PNG/JPEG; `error` says why
  // (as decode_image).
  const RgbaImage* get(const std::string& path, std::string* error = nullptr);
  void clear() { images_.clear(); }

 private:
  std::map<std::string, std::unique_ptr<RgbaImage>> images_;
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
  // false + message on failure.
  bool write(const RgbaImage& image, const std::string& path, std::string* error);

 private:
  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
};

// One image with a writer of its own (safe to call from several threads).
bool write_png(const RgbaImage& image, const std::string& path, std::string* error);

}  // namespace madang::render
