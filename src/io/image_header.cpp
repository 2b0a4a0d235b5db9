#include "io/image_header.h"

#include <stb_image.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "io/files.h"

namespace madang::io {

namespace {

// The format from the first bytes (magic numbers), whatever the file name says.
std::string sniff(const unsigned char* d, std::size_t n) {
  const auto starts = [&](const char* magic, std::size_t at = 0) {
    const std::size_t len = std::strlen(magic);
    return n >= at + len && std::memcmp(d + at, magic, len) == 0;
  };
  if (starts("\x89PNG\r\n\x1a\n")) return "PNG";
  if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) return "JPEG";
  if (starts("GIF87a") || starts("GIF89a")) return "GIF";
  if (starts("RIFF") && starts("WEBP", 8)) return "WebP";
  if (starts("BM") && n >= 10 && d[6] == 0 && d[7] == 0 && d[8] == 0 && d[9] == 0) return "BMP";
  if (n >= 4 && ((d[0] == 'I' && d[1] == 'I' && d[2] == 42 && d[3] == 0) ||
                 (d[0] == 'M' && d[1] == 'M' && d[2] == 0 && d[3] == 42))) {
    return "TIFF";
  }
  if (starts("ftyp", 4)) return "HEIF/AVIF";
  if (starts("8BPS")) return "Photoshop";
  if (starts("<svg") || starts("<?xml")) return "SVG";
  return "";
}

// A PNG's size straight from its IHDR chunk (bytes 16-23): stb_image's info
// refuses some huge sizes itself ("too large"), and the message should say
// how large.
bool png_size(const unsigned char* d, std::size_t n, int* width, int* height) {
  if (n < 24 || std::memcmp(d + 12, "IHDR", 4) != 0) return false;
  const auto be32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(d[at]) << 24 | static_cast<std::uint32_t>(d[at + 1]) << 16 |
           static_cast<std::uint32_t>(d[at + 2]) << 8 | static_cast<std::uint32_t>(d[at + 3]);
  };
  const std::uint32_t w = be32(16), h = be32(20);
  if (w == 0 || h == 0 || w > 0x7fffffffu || h > 0x7fffffffu) return false;
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
  return true;
}

// The verdict, from the format and what stb_image's info said (`ok`, size);
// `head`: the file's first bytes, for a PNG's own size.
ImageHeader judge(ImageHeader h, const unsigned char* head, std::size_t head_size, int ok,
                  int width, int height) {
  if (h.format.empty()) {
    h.error = "is not a PNG or JPEG file";
    return h;
  }
  if (h.format != "PNG" && h.format != "JPEG") {
    h.error = "is a " + h.format + " image; only PNG and JPEG images are shown";
    return h;
  }
  const char* why = stbi_failure_reason();
  const bool known = (h.format == "PNG" && png_size(head, head_size, &width, &height)) ||
                     (ok && width > 0 && height > 0);
  if (known) {
    h.width = width;
    h.height = height;
    const long long pixels = static_cast<long long>(width) * height;
    if (pixels > kMaxImagePixels) {
      h.error = "is " + std::to_string(width) + "x" + std::to_string(height) + " pixels (" +
                std::to_string(pixels / 1'000'000) + " megapixels); images over " +
                std::to_string(kMaxImagePixels / 1'000'000) + " megapixels are not decoded";
      return h;
    }
  }
  if (!ok || !known) {
    h.error = "is a " + h.format + " file whose header cannot be read" +
              (why ? std::string(" (") + why + ")" : std::string());
    return h;
  }
  h.ok = true;
  return h;
}

}  // namespace

ImageHeader read_image_header(const unsigned char* data, std::size_t size) {
  ImageHeader h;
  h.format = sniff(data, size);
  int w = 0, hgt = 0, comp = 0;
  const int ok = h.format == "PNG" || h.format == "JPEG"
                     ? stbi_info_from_memory(data, static_cast<int>(size), &w, &hgt, &comp)
                     : 0;
  return judge(std::move(h), data, size, ok, w, hgt);
}

ImageHeader read_image_header(const std::string& path) {
  ImageHeader h;
  std::FILE* f = open_regular_file(path, &h.error);
  if (f == nullptr) return h;
  unsigned char magic[32] = {};
  const std::size_t n = std::fread(magic, 1, sizeof magic, f);
  h.format = sniff(magic, n);
  int w = 0, hgt = 0, comp = 0, ok = 0;
  if ((h.format == "PNG" || h.format == "JPEG") && std::fseek(f, 0, SEEK_SET) == 0) {
    // Reads only as far as the size (PNG: IHDR; JPEG: up to the frame header).
    ok = stbi_info_from_file(f, &w, &hgt, &comp);
  }
  std::fclose(f);
  if (n == 0) {
    h.error = "is empty";
    return h;
  }
  return judge(std::move(h), magic, n, ok, w, hgt);
}

}  // namespace madang::io
