#include "render/image.h"

#include <jpeglib.h>
#include <libdeflate.h>
#include <stb_image.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "io/files.h"
#include "io/image_header.h"
#include "render/atomic_file.h"
#include "render/image_filter.h"
#include "render/pdf_pages.h"

namespace madang::render {

namespace {

// ---------------------------------------------------------------- JPEG
// JPEG goes through libjpeg-turbo, not stb_image: stb reads Huffman tables a
// corrupt file never defined (valgrind: uninitialised reads) and then dies on
// an assert() inside the library. libjpeg reports every error through
// error_exit, which jumps back here; a progress monitor stops files with
// absurd numbers of progressive scans, which cost time for nothing.

struct JpegErrors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
  auto* e = reinterpret_cast<JpegErrors*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, e->message);
  std::longjmp(e->jump, 1);
}

void jpeg_quiet(j_common_ptr, int) {}  // corrupt-data warnings: decode what is there

constexpr int kMaxJpegScans = 500;

void jpeg_scan_limit(j_common_ptr cinfo) {
  const auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number > kMaxJpegScans) {
    auto* e = reinterpret_cast<JpegErrors*>(cinfo->err);
    std::snprintf(e->message, sizeof e->message, "more than %d progressive scans", kMaxJpegScans);
    std::longjmp(e->jump, 1);
  }
}

// Decodes into `out` (RGBA); false and `why` on any error. No object with a
// destructor lives in this frame across setjmp: a longjmp skips destructors.
bool decode_jpeg(const unsigned char* data, std::size_t size, RgbaImage* out, std::string* why) {
  jpeg_decompress_struct cinfo{};
  JpegErrors errors{};
  jpeg_progress_mgr progress{};
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = jpeg_fail;
  errors.mgr.emit_message = jpeg_quiet;
  unsigned char* cmyk = nullptr;
  if (setjmp(errors.jump) != 0) {
    std::free(cmyk);
    jpeg_destroy_decompress(&cinfo);
    *why = errors.message;
    return false;
  }
  jpeg_create_decompress(&cinfo);
  progress.progress_monitor = jpeg_scan_limit;
  cinfo.progress = &progress;
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  const bool four = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  cinfo.out_color_space = four ? JCS_CMYK : JCS_EXT_RGBA;
  jpeg_start_decompress(&cinfo);
  const std::size_t w = cinfo.output_width, h = cinfo.output_height;
  if (w == 0 || h == 0 || static_cast<long long>(w * h) > io::kMaxImagePixels) {
    std::snprintf(errors.message, sizeof errors.message, "bad size %zux%zu", w, h);
    std::longjmp(errors.jump, 1);
  }
  try {
    out->pixels.resize(w * h * 4);
  } catch (const std::bad_alloc&) {
    std::snprintf(errors.message, sizeof errors.message, "out of memory");
    std::longjmp(errors.jump, 1);
  }
  out->width = static_cast<int>(w);
  out->height = static_cast<int>(h);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out->pixels.data() + static_cast<std::size_t>(cinfo.output_scanline) * w * 4;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  if (four) {
    // Adobe's CMYK JPEGs store inverted ink: R = C * K / 255, and so on.
    for (std::size_t i = 0; i < w * h * 4; i += 4) {
      std::uint8_t* p = out->pixels.data() + i;
      const unsigned k = p[3];
      p[0] = static_cast<std::uint8_t>((p[0] * k + 127) / 255);
      p[1] = static_cast<std::uint8_t>((p[1] * k + 127) / 255);
      p[2] = static_cast<std::uint8_t>((p[2] * k + 127) / 255);
      p[3] = 255;
    }
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return true;
}

// stb_image's reasons are terse ("outofdata"); say the usual ones plainly.
std::string decode_failure(const char* reason) {
  const std::string r = reason ? reason : "";
  if (r.empty()) return "corrupt or incomplete data";
  if (r == "outofdata" || r == "unexpected end") return "the file ends too early: truncated?";
  return r;
}

}  // namespace

std::unique_ptr<RgbaImage> decode_image_bytes(const unsigned char* data, std::size_t size,
                                              std::string* error) {
  std::string why;
  std::unique_ptr<RgbaImage> image;
  // The header decides before any pixel is decoded (a 48 KB PNG can declare
  // 20000x20000 pixels: 1.6 GB as RGBA).
  const io::ImageHeader header = io::read_image_header(data, size);
  if (!header.ok) {
    why = header.error;
  } else if (header.format == "JPEG") {
    auto jpeg = std::make_unique<RgbaImage>();
    std::string reason;
    if (decode_jpeg(data, size, jpeg.get(), &reason)) {
      image = std::move(jpeg);
    } else {
      why = "cannot be decoded (" + reason + ")";
    }
  } else {
    int w = 0, h = 0, n = 0;
    // stb_image keeps its failure reason thread-local (v2.27, C++11), so this
    // is safe with one cache per thread; it returns nullptr when out of memory.
    unsigned char* px = stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &n, 4);
    if (!px) {
      why = "cannot be decoded (" + decode_failure(stbi_failure_reason()) + ")";
    } else {
      try {
        image = std::make_unique<RgbaImage>();
        image->width = w;
        image->height = h;
        image->pixels.assign(px, px + static_cast<size_t>(w) * h * 4);
      } catch (const std::bad_alloc&) {
        image.reset();
        why = "cannot be decoded (out of memory)";
      }
      stbi_image_free(px);
    }
  }
  if (!image && error) *error = why;
  return image;
}

std::unique_ptr<RgbaImage> decode_image(const std::string& path, std::string* error) {
  const io::ReadResult file = io::read_regular_file(path, io::kMaxImageFileBytes);
  if (!file.ok) {
    if (error) *error = file.error;
    return nullptr;
  }
  return decode_image_bytes(reinterpret_cast<const unsigned char*>(file.bytes.data()),
                            file.bytes.size(), error);
}

ImageCache::ImageCache(std::size_t budget_bytes) : budget_(budget_bytes) {}
ImageCache::~ImageCache() = default;
ImageCache::ImageCache(ImageCache&&) noexcept = default;
ImageCache& ImageCache::operator=(ImageCache&&) noexcept = default;

void ImageCache::clear() {
  images_.clear();
  bytes_ = 0;
  if (pdf_pages_) pdf_pages_->clear();
}

PdfPageCache& ImageCache::pdf_pages() {
  if (!pdf_pages_) pdf_pages_ = std::make_unique<PdfPageCache>();
  return *pdf_pages_;
}

const RgbaImage* ImageCache::get(const std::string& path,
                                 const std::vector<deck::ImageFilter>& filters,
                                 std::string* error) {
  if (filters.empty()) return get(path, error);
  const std::string key = image_key(path, filters);
  auto it = images_.find(key);
  if (it != images_.end()) {
    it->second.used = ++clock_;
    if (!it->second.image && error) *error = it->second.error;
    return it->second.image.get();
  }
  std::unique_ptr<RgbaImage> filtered;
  if (const RgbaImage* plain = get(path, error)) {
    filtered = std::make_unique<RgbaImage>(apply_filters(*plain, filters));
  }
  return keep(key, std::move(filtered), error ? *error : std::string());
}

const RgbaImage* ImageCache::get(const std::string& path, std::string* error) {
  ++clock_;
  auto it = images_.find(path);
  if (it != images_.end()) {
    it->second.used = clock_;
    if (!it->second.image && error) *error = it->second.error;
    return it->second.image.get();
  }
  std::string why;
  std::unique_ptr<RgbaImage> image = decode_image(path, &why);
  if (!image && error) *error = why;
  return keep(path, std::move(image), why);
}

const RgbaImage* ImageCache::keep(const std::string& key, std::unique_ptr<RgbaImage> image,
                                  std::string error) {
  Entry entry;
  entry.image = std::move(image);
  entry.error = std::move(error);
  entry.used = ++clock_;
  const std::size_t size = entry.image ? entry.image->pixels.size() : 0;
  auto it = images_.emplace(key, std::move(entry)).first;
  bytes_ += size;
  // Over budget: drop the images used longest ago (never the one just made).
  while (bytes_ > budget_) {
    auto oldest = images_.end();
    for (auto e = images_.begin(); e != images_.end(); ++e) {
      if (e != it && e->second.image &&
          (oldest == images_.end() || e->second.used < oldest->second.used)) {
        oldest = e;
      }
    }
    if (oldest == images_.end()) break;
    bytes_ -= oldest->second.image->pixels.size();
    images_.erase(oldest);
  }
  return it->second.image.get();
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
