// Decoded images (PNG, JPEG via stb_image) and PNG writing (libpng, fast settings).
//
// Promise: no SDL types; decoding failures are values (nullptr + message).
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

// Decodes each path once. Not thread-safe: one per thread.
class ImageCache {
 public:
  // nullptr when the file is missing or not a PNG/JPEG; `error` says why.
  const RgbaImage* get(const std::string& path, std::string* error = nullptr);
  void clear() { images_.clear(); }

 private:
  std::map<std::string, std::unique_ptr<RgbaImage>> images_;
};

// Writes an 8-bit RGBA PNG (deterministic bytes; safe to call from several
// threads at once). false + message on failure.
bool write_png(const RgbaImage& image, const std::string& path, std::string* error);

}  // namespace madang::render
