#include "render/image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>

namespace madang::render {

namespace {

bool read_file(const std::string& path, std::vector<unsigned char>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool is_png(const std::vector<unsigned char>& d) {
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  return d.size() >= 8 && std::equal(sig, sig + 8, d.begin());
}

bool is_jpeg(const std::vector<unsigned char>& d) {
  return d.size() >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff;
}

}  // namespace

const RgbaImage* ImageCache::get(const std::string& path, std::string* error) {
  auto it = images_.find(path);
  if (it != images_.end()) {
    if (!it->second && error) *error = "cannot load " + path;
    return it->second.get();
  }
  std::unique_ptr<RgbaImage> image;
  std::string why;
  std::vector<unsigned char> data;
  if (!read_file(path, &data)) {
    why = "cannot read " + path;
  } else if (!is_png(data) && !is_jpeg(data)) {
    why = path + " is not a PNG or JPEG file";
  } else {
    int w = 0, h = 0, n = 0;
    // stb_image keeps its failure reason thread-local (v2.27, C++11), so this
    // is safe with one cache per thread.
    unsigned char* px =
        stbi_load_from_memory(data.data(), static_cast<int>(data.size()), &w, &h, &n, 4);
    if (!px) {
      why = "cannot decode " + path + ": " + stbi_failure_reason();
    } else {
      image = std::make_unique<RgbaImage>();
      image->width = w;
      image->height = h;
      image->pixels.assign(px, px + static_cast<size_t>(w) * h * 4);
      stbi_image_free(px);
    }
  }
  if (error && !image) *error = why;
  return images_.emplace(path, std::move(image)).first->second.get();
}

bool write_png(const RgbaImage& image, const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * 4)
    return fail("write_png: image has no pixels or a wrong size");
  // stb_image_write's settings are process globals: set them once, before any
  // thread encodes, and never again, so that concurrent writers only read them.
  static std::once_flag settings;
  std::call_once(settings, [] { stbi_write_png_compression_level = 1; });
  int ok = stbi_write_png(path.c_str(), image.width, image.height, 4, image.pixels.data(),
                          image.width * 4);
  if (!ok) return fail("cannot write " + path);
  return true;
}

}  // namespace madang::render
