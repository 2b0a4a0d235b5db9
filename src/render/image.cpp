#include "render/image.h"

#include "render/atomic_file.h"

#include <libdeflate.h>
#include <stb_image.h>

#include <cstdio>
#include <cstring>
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

// ---------------------------------------------------------------- PNG chunks
// A PNG is a signature and chunks (length, type, data, CRC-32 of type and
// data); we write IHDR, one IDAT and IEND. The deflating is libdeflate's.

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 24));
  out.push_back(static_cast<std::uint8_t>(v >> 16));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}

void put_chunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data,
               std::size_t size) {
  put_u32(out, static_cast<std::uint32_t>(size));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data, data + size);
  put_u32(out, libdeflate_crc32(0, out.data() + start, size + 4));
}

}  // namespace

// libdeflate at level 1, rows unfiltered, opaque images (every slide) as RGB:
// measured on the lecture deck, deflating takes a third less CPU than zlib
// level 1 through libpng, for smaller files. The writer keeps its compressor
// and buffers, so a run of slides allocates (and page-faults) them once.
// Nothing depends on time or memory addresses: same pixels, same bytes.
struct PngWriter::Buffers {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(1);
  // Not vectors: resize() would zero every byte, and zeroing the deflate
  // output's worst-case bound makes all of it resident (6 MB at 1080p) when
  // a slide compresses to a few hundred KB. new[] leaves untouched pages
  // unmapped.
  std::unique_ptr<std::uint8_t[]> raw, packed;
  std::size_t raw_size = 0, packed_size = 0;
  ~Buffers() { libdeflate_free_compressor(compressor); }

  static std::uint8_t* reserve(std::unique_ptr<std::uint8_t[]>& buffer, std::size_t& size,
                               std::size_t want) {
    if (want > size) {
      buffer.reset();  // free before allocating: never both at once
      buffer.reset(new std::uint8_t[want]);
      size = want;
    }
    return buffer.get();
  }
};

PngWriter::PngWriter() : buffers_(std::make_unique<Buffers>()) {}
PngWriter::~PngWriter() = default;

bool PngWriter::write(const RgbaImage& image, const std::string& path, std::string* error) {
  if (image.width > 0 && image.height > 0 &&
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * 4) {
    if (error) *error = "write_png: image has no pixels or a wrong size";
    return false;
  }
  return write(RgbaView{image.pixels.data(), image.width, image.height,
                        static_cast<std::size_t>(image.width) * 4},
               path, error);
}

bool PngWriter::write(const RgbaView& image, const std::string& path, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  if (image.width <= 0 || image.height <= 0 || !image.pixels ||
      image.stride < static_cast<std::size_t>(image.width) * 4)
    return fail("write_png: image has no pixels or a wrong size");
  if (!buffers_->compressor) return fail("out of memory");
  const size_t w = static_cast<size_t>(image.width), h = static_cast<size_t>(image.height);
  bool opaque = true;
  for (size_t y = 0; y < h && opaque; ++y) {
    const std::uint8_t* row = image.pixels + y * image.stride;
    for (size_t x = 3; x < w * 4 && opaque; x += 4) opaque = row[x] == 255;
  }
  const size_t channels = opaque ? 3 : 4;

  // Scanlines: filter type 0 (none), then the row's pixels.
  const size_t raw_size = (1 + w * channels) * h;
  std::uint8_t* raw = Buffers::reserve(buffers_->raw, buffers_->raw_size, raw_size);
  std::uint8_t* dst = raw;
  for (size_t y = 0; y < h; ++y) {
    const std::uint8_t* src = image.pixels + y * image.stride;
    *dst++ = 0;
    if (opaque) {
      for (size_t x = 0; x < w; ++x, src += 4, dst += 3) {
        dst[0] = src[0];
        dst[1] = src[1];
        dst[2] = src[2];
      }
    } else {
      std::memcpy(dst, src, w * 4);
      dst += w * 4;
    }
  }
  const size_t bound = libdeflate_zlib_compress_bound(buffers_->compressor, raw_size);
  std::uint8_t* packed = Buffers::reserve(buffers_->packed, buffers_->packed_size, bound);
  const size_t size = libdeflate_zlib_compress(buffers_->compressor, raw, raw_size, packed, bound);
  if (size == 0) return fail("compression failed");

  std::vector<std::uint8_t> head = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  std::vector<std::uint8_t> ihdr;
  put_u32(ihdr, static_cast<std::uint32_t>(w));
  put_u32(ihdr, static_cast<std::uint32_t>(h));
  ihdr.insert(ihdr.end(), {8, static_cast<std::uint8_t>(opaque ? 2 : 6), 0, 0, 0});
  put_chunk(head, "IHDR", ihdr.data(), ihdr.size());
  // IDAT: length and type here, the data straight from `packed`, the CRC after.
  put_u32(head, static_cast<std::uint32_t>(size));
  head.insert(head.end(), {'I', 'D', 'A', 'T'});
  std::vector<std::uint8_t> tail;
  put_u32(tail, libdeflate_crc32(libdeflate_crc32(0, "IDAT", 4), packed, size));
  put_chunk(tail, "IEND", nullptr, 0);

  // Whole or not at all: a full disk leaves no truncated PNG behind.
  AtomicFile file;
  std::string why;
  if (!file.open(path, &why)) return fail(why);
  file.write(head.data(), head.size());
  file.write(packed, size);
  file.write(tail.data(), tail.size());
  if (!file.commit(&why)) return fail(why);
  return true;
}

bool write_png(const RgbaImage& image, const std::string& path, std::string* error) {
  return PngWriter().write(image, path, error);
}

}  // namespace madang::render
