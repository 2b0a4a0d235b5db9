// What an image file says about itself before anything is decoded: its
// format and pixel size, read from the header alone (stb_image's info
// functions), so that an image bomb (a 48 KB PNG that declares 20000x20000
// pixels, 1.6 GB once decoded) is refused for the price of a few bytes.
//
// Promise: regular files only (io/files.h); failures are values with a
// phrase that follows the file's name in a message.
#pragma once

#include <cstddef>
#include <string>

namespace madang::io {

// Images larger than this are not decoded: 40 megapixels holds a 24 MP
// camera photo or an 8K frame; decoded as RGBA it is 160 MB.
inline constexpr long long kMaxImagePixels = 40'000'000;
// Image files larger than this are not read.
inline constexpr std::size_t kMaxImageFileBytes = 64u << 20;

struct ImageHeader {
  bool ok = false;     // a PNG or JPEG of a size we decode
  std::string format;  // "PNG", "JPEG", "GIF", "WebP"... ("" when not recognised)
  int width = 0, height = 0;
  std::string error;  // when !ok: "is a GIF; only PNG and JPEG images are shown", ...
};

ImageHeader read_image_header(const std::string& path);
ImageHeader read_image_header(const unsigned char* data, std::size_t size);

}  // namespace madang::io
