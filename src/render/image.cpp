#include "render/image.h"

#include <png.h>
#include <stb_image.h>

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <iterator>

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

namespace {

// libpng reports errors by longjmp; keep the message for the caller.
void on_png_error(png_structp png, png_const_charp message) {
  auto* why = static_cast<std::string*>(png_get_error_ptr(png));
  if (why) *why = message;
  png_longjmp(png, 1);
}
void on_png_warning(png_structp, png_const_charp) {}

}  // namespace

// libpng with zlib level 1 and no row filter: measured on a text-heavy 1080p
// slide (tests/bench/render_bench.cpp) at ~16 ms against ~125 ms for
// stb_image_write at its fastest setting, for a file of about the same size.
// libpng writes no timestamp, so the same pixels give the same bytes.
bool write_png(const RgbaImage& image, const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * 4)
    return fail("write_png: image has no pixels or a wrong size");
  std::vector<png_bytep> rows(static_cast<size_t>(image.height));
  for (int y = 0; y < image.height; ++y)
    rows[y] = const_cast<png_bytep>(image.pixels.data()) + static_cast<size_t>(y) * image.width * 4;
  std::FILE* fp = std::fopen(path.c_str(), "wb");
  if (!fp) return fail("cannot write " + path);
  std::string why;
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, &why, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, nullptr);
    std::fclose(fp);
    return fail("cannot write " + path + ": out of memory");
  }
  // Nothing with a destructor is created between here and the last libpng call.
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(fp);
    return fail("cannot write " + path + ": " + why);
  }
  png_init_io(png, fp);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
               static_cast<png_uint_32>(image.height), 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  if (std::fclose(fp) != 0) return fail("cannot write " + path);
  return true;
}

}  // namespace madang::render
