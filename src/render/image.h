// Decoded images (PNG, JPEG via stb_image) and PNG writing (libdeflate, fast settings).
//
// Promise: no SDL types; decoding failures are values (nullptr + message).
#pragma once

#include <cstddef>
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

// Pixels owned elsewhere (a renderer's surface): RGBA8 rows `stride` bytes apart.
struct RgbaView {
  const std::uint8_t* pixels = nullptr;
  int width = 0, height = 0;
  std::size_t stride = 0;
};

// Decodes each path once. Not thread-safe: one per thread.
class ImageCache {
 public:
  // nullptr when the file is missing or not a PNG/JPEG; `error` says why.
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
