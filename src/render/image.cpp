#include "render/image.h"

#include <jpeglib.h>
#include <libdeflate.h>
#include <png.h>
#include <stb_image.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "io/files.h"
#include "io/image_header.h"
#include "media/frame.h"
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
//
// `reduction` (1, 2, 4, 8) is libjpeg's scale_denom: the IDCT makes the
// smaller picture directly. `out` nullptr: every row is decoded into one row
// buffer and dropped (check_image). `file` set: read from that stream (from
// where it stands) a buffer at a time, not from `data`.
bool decode_jpeg(const unsigned char* data, std::size_t size, RgbaImage* out, std::string* why,
                 int reduction = 1, std::FILE* file = nullptr) {
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
  if (file) {
    jpeg_stdio_src(&cinfo, file);
  } else {
    jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  }
  jpeg_read_header(&cinfo, TRUE);
  if (static_cast<long long>(cinfo.image_width) * cinfo.image_height > io::kMaxImagePixels) {
    std::snprintf(errors.message, sizeof errors.message, "bad size %ux%u", cinfo.image_width,
                  cinfo.image_height);
    std::longjmp(errors.jump, 1);
  }
  const bool four = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  cinfo.out_color_space = four ? JCS_CMYK : JCS_EXT_RGBA;
  cinfo.scale_num = 1;
  cinfo.scale_denom = static_cast<unsigned>(reduction);
  if (!out) cinfo.dct_method = JDCT_IFAST;  // checking: the values are thrown away
  jpeg_start_decompress(&cinfo);
  const std::size_t w = cinfo.output_width, h = cinfo.output_height;
  if (w == 0 || h == 0 || static_cast<long long>(w * h) > io::kMaxImagePixels) {
    std::snprintf(errors.message, sizeof errors.message, "bad size %zux%zu", w, h);
    std::longjmp(errors.jump, 1);
  }
  if (!out) {
    // One row, dropped: the whole stream is read, nothing is kept. A
    // malloc'ed buffer, not a vector: a longjmp would skip its destructor.
    cmyk = static_cast<unsigned char*>(std::malloc(w * 4));
    if (!cmyk) {
      std::snprintf(errors.message, sizeof errors.message, "out of memory");
      std::longjmp(errors.jump, 1);
    }
    while (cinfo.output_scanline < cinfo.output_height) {
      JSAMPROW row = cmyk;
      jpeg_read_scanlines(&cinfo, &row, 1);
    }
    std::free(cmyk);
    cmyk = nullptr;
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
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

// ---------------------------------------------------------------- PNG check
// check_image reads a PNG with libpng a row at a time into one buffer, so a
// 12-megapixel PNG is checked in a few hundred kilobytes. CRC errors are let
// through as stb_image (which draws) lets them through: check says what the
// renderer will do.

// Reads `data`, or the stream `file` when it is set.
struct PngReader {
  const unsigned char* data;
  std::size_t size, at;
  std::jmp_buf jump;
  char message[256];
  std::FILE* file = nullptr;
};

[[noreturn]] void png_fail(png_structp png, png_const_charp message) {
  auto* r = static_cast<PngReader*>(png_get_error_ptr(png));
  std::snprintf(r->message, sizeof r->message, "%s", message ? message : "corrupt data");
  std::longjmp(r->jump, 1);
}

void png_quiet(png_structp, png_const_charp) {}

void png_read_memory(png_structp png, png_bytep out, png_size_t length) {
  auto* r = static_cast<PngReader*>(png_get_io_ptr(png));
  if (r->file) {
    if (std::fread(out, 1, length, r->file) != length)
      png_error(png, "the file ends too early: truncated?");
    return;
  }
  if (length > r->size - r->at) png_error(png, "the file ends too early: truncated?");
  std::memcpy(out, r->data + r->at, length);
  r->at += length;
}

// "" or why not. No object with a destructor across setjmp. `file` set: read
// from that stream, not from `data`.
std::string check_png(const unsigned char* data, std::size_t size, std::FILE* file = nullptr) {
  PngReader reader{data, size, 0, {}, {}, file};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, png_fail, png_quiet);
  if (!png) return "cannot be decoded (out of memory)";
  png_infop info = png_create_info_struct(png);
  png_bytep row = nullptr;
  if (setjmp(reader.jump) != 0) {
    std::free(row);
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    return "cannot be decoded (" + std::string(reader.message) + ")";
  }
  if (!info) png_error(png, "out of memory");
  png_set_read_fn(png, &reader, png_read_memory);
  png_set_crc_action(png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
  png_set_user_limits(png, 1u << 20, 1u << 20);
  png_read_info(png, info);
  const long long pixels =
      static_cast<long long>(png_get_image_width(png, info)) * png_get_image_height(png, info);
  if (pixels <= 0 || pixels > io::kMaxImagePixels) png_error(png, "bad size");
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  row = static_cast<png_bytep>(std::malloc(png_get_rowbytes(png, info)));
  if (!row) png_error(png, "out of memory");
  const png_uint_32 height = png_get_image_height(png, info);
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row, nullptr);
  png_read_end(png, nullptr);
  std::free(row);
  png_destroy_read_struct(&png, &info, nullptr);
  return "";
}

// A non-interlaced PNG decoded reduced by `reduction`, a row at a time: each
// r x r block of the file is averaged (colours weighted by alpha) into one
// pixel as its rows arrive, so only the small image and one block of sums
// are ever in memory (a 12-megapixel PNG shown at 1080p: 12 MB, not 60).
// false with `why` on a damaged file; `*interlaced` when the file is
// interlaced (its rows come in seven passes: the caller decodes it whole).
// `file` set: read from that stream, not from `data`. Reduction 1: the rows
// go straight into `out`.
bool decode_png_reduced(const unsigned char* data, std::size_t size, int reduction, RgbaImage* out,
                        std::string* why, bool* interlaced, std::FILE* file = nullptr) {
  PngReader reader{data, size, 0, {}, {}, file};
  *interlaced = false;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, png_fail, png_quiet);
  if (!png) {
    *why = "cannot be decoded (out of memory)";
    return false;
  }
  png_infop info = png_create_info_struct(png);
  png_bytep row = nullptr;
  std::uint32_t* sums = nullptr;
  if (setjmp(reader.jump) != 0) {
    std::free(row);
    std::free(sums);
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    *why = "cannot be decoded (" + std::string(reader.message) + ")";
    return false;
  }
  if (!info) png_error(png, "out of memory");
  png_set_read_fn(png, &reader, png_read_memory);
  png_set_crc_action(png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
  png_set_user_limits(png, 1u << 20, 1u << 20);
  png_read_info(png, info);
  const png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
  if (static_cast<long long>(w) * h <= 0 || static_cast<long long>(w) * h > io::kMaxImagePixels)
    png_error(png, "bad size");
  if (png_get_interlace_type(png, info) != PNG_INTERLACE_NONE) {
    png_destroy_read_struct(&png, &info, nullptr);
    *interlaced = true;
    return false;
  }
  // Any PNG as 8-bit RGBA.
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_gray_to_rgb(png);
  png_set_filler(png, 0xff, PNG_FILLER_AFTER);
  png_read_update_info(png, info);
  if (png_get_rowbytes(png, info) != static_cast<png_size_t>(w) * 4)
    png_error(png, "unexpected row size");
  const png_uint_32 r = static_cast<png_uint_32>(reduction);
  const png_uint_32 ow = (w + r - 1) / r, oh = (h + r - 1) / r;
  out->width = static_cast<int>(ow);
  out->height = static_cast<int>(oh);
  out->pixels.assign(static_cast<std::size_t>(ow) * oh * 4, 0);
  if (r == 1) {
    for (png_uint_32 y = 0; y < h; ++y)
      png_read_row(png, out->pixels.data() + static_cast<std::size_t>(y) * w * 4, nullptr);
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
  }
  row = static_cast<png_bytep>(std::malloc(static_cast<std::size_t>(w) * 4));
  sums = static_cast<std::uint32_t*>(std::calloc(static_cast<std::size_t>(ow) * 4, sizeof *sums));
  if (!row || !sums) png_error(png, "out of memory");
  for (png_uint_32 y = 0; y < h; ++y) {
    png_read_row(png, row, nullptr);
    for (png_uint_32 x = 0; x < w; ++x) {
      const png_bytep p = row + static_cast<std::size_t>(x) * 4;
      std::uint32_t* s = sums + static_cast<std::size_t>(x / r) * 4;
      s[0] += static_cast<std::uint32_t>(p[0]) * p[3];
      s[1] += static_cast<std::uint32_t>(p[1]) * p[3];
      s[2] += static_cast<std::uint32_t>(p[2]) * p[3];
      s[3] += p[3];
    }
    if ((y + 1) % r != 0 && y + 1 != h) continue;
    const png_uint_32 rows = y % r + 1;
    std::uint8_t* dst = out->pixels.data() + static_cast<std::size_t>(y / r) * ow * 4;
    for (png_uint_32 ox = 0; ox < ow; ++ox) {
      std::uint32_t* s = sums + static_cast<std::size_t>(ox) * 4;
      const std::uint32_t n = (std::min(w, (ox + 1) * r) - ox * r) * rows;
      const std::uint32_t a = s[3];
      dst[ox * 4 + 0] = static_cast<std::uint8_t>(a ? (s[0] + a / 2) / a : 0);
      dst[ox * 4 + 1] = static_cast<std::uint8_t>(a ? (s[1] + a / 2) / a : 0);
      dst[ox * 4 + 2] = static_cast<std::uint8_t>(a ? (s[2] + a / 2) / a : 0);
      dst[ox * 4 + 3] = static_cast<std::uint8_t>((a + n / 2) / n);
      s[0] = s[1] = s[2] = s[3] = 0;
    }
  }
  png_read_end(png, nullptr);
  std::free(row);
  std::free(sums);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

// decode_png_reduced into `image` (or `why`); true only when the file is
// interlaced and so was not read.
bool decode_png_reduced_or_interlaced(const unsigned char* data, std::size_t size, int reduction,
                                      std::unique_ptr<RgbaImage>* image, std::string* why) {
  auto png = std::make_unique<RgbaImage>();
  bool interlaced = false;
  if (decode_png_reduced(data, size, reduction, png.get(), why, &interlaced))
    *image = std::move(png);
  return interlaced;
}

// Each 2x2 block to one pixel, colours weighted by their alpha (a
// transparent pixel's colour does not bleed into its neighbours).
RgbaImage halve(const RgbaImage& in) {
  RgbaImage out;
  out.width = std::max(1, (in.width + 1) / 2);
  out.height = std::max(1, (in.height + 1) / 2);
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      unsigned r = 0, g = 0, b = 0, a = 0, n = 0;
      for (int dy = 0; dy < 2; ++dy) {
        const int sy = std::min(in.height - 1, y * 2 + dy);
        for (int dx = 0; dx < 2; ++dx) {
          const int sx = std::min(in.width - 1, x * 2 + dx);
          const std::uint8_t* p = &in.pixels[(static_cast<std::size_t>(sy) * in.width + sx) * 4];
          r += p[0] * p[3];
          g += p[1] * p[3];
          b += p[2] * p[3];
          a += p[3];
          ++n;
        }
      }
      std::uint8_t* q = &out.pixels[(static_cast<std::size_t>(y) * out.width + x) * 4];
      q[0] = static_cast<std::uint8_t>(a ? (r + a / 2) / a : 0);
      q[1] = static_cast<std::uint8_t>(a ? (g + a / 2) / a : 0);
      q[2] = static_cast<std::uint8_t>(a ? (b + a / 2) / a : 0);
      q[3] = static_cast<std::uint8_t>((a + n / 2) / n);
    }
  }
  return out;
}

// stb_image's reasons are terse ("outofdata"); say the usual ones plainly.
std::string decode_failure(const char* reason) {
  const std::string r = reason ? reason : "";
  if (r.empty()) return "corrupt or incomplete data";
  if (r == "outofdata" || r == "unexpected end") return "the file ends too early: truncated?";
  return r;
}

// The image file at `path`, open at its start, when it is a PNG or JPEG of a
// size we decode: nullptr and `header->error` otherwise, with the phrases of
// read_regular_file and read_image_header(bytes). Only the header is read.
std::FILE* open_image(const std::string& path, io::ImageHeader* header) {
  std::FILE* f = io::open_regular_file(path, &header->error);
  if (!f) return nullptr;
  struct stat st {};
  if (::fstat(::fileno(f), &st) != 0) {
    header->error = std::string("cannot be read: ") + std::strerror(errno);
  } else if (static_cast<std::size_t>(st.st_size) > io::kMaxImageFileBytes) {
    header->error = "is larger than " + io::describe_bytes(io::kMaxImageFileBytes);
  } else if (st.st_size == 0) {
    static const unsigned char nothing = 0;
    *header = io::read_image_header(&nothing, 0);  // as its (no) bytes say
  } else {
    *header = io::read_image_header(path);  // reads only as far as the size
  }
  if (header->ok && std::fseek(f, 0, SEEK_SET) != 0) {
    header->ok = false;
    header->error = std::string("cannot be read: ") + std::strerror(errno);
  }
  if (!header->ok) {
    std::fclose(f);
    return nullptr;
  }
  return f;
}

}  // namespace

std::unique_ptr<RgbaImage> decode_image_bytes(const unsigned char* data, std::size_t size,
                                              std::string* error) {
  return decode_image_bytes(data, size, 1, error);
}

int image_reduction(int full_w, int full_h, int want_w, int want_h) {
  if (want_w <= 0 || want_h <= 0 || full_w <= 0 || full_h <= 0) return 1;
  for (int r : {8, 4, 2})
    if ((full_w + r - 1) / r >= want_w && (full_h + r - 1) / r >= want_h) return r;
  return 1;
}

std::string check_image(const std::string& path) {
  io::ImageHeader header;
  std::FILE* f = open_image(path, &header);
  if (!f) return header.error;
  std::string why;
  if (header.format == "JPEG") {
    std::string reason;
    if (!decode_jpeg(nullptr, 0, nullptr, &reason, 8, f))
      why = "cannot be decoded (" + reason + ")";
  } else {
    why = check_png(nullptr, 0, f);
  }
  std::fclose(f);
  return why;
}

std::unique_ptr<RgbaImage> decode_image_bytes(const unsigned char* data, std::size_t size,
                                              int reduction, std::string* error) {
  reduction = reduction == 2 || reduction == 4 || reduction == 8 ? reduction : 1;
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
    if (decode_jpeg(data, size, jpeg.get(), &reason, reduction)) {
      image = std::move(jpeg);
    } else {
      why = "cannot be decoded (" + reason + ")";
    }
  } else if (header.format == "PNG" && reduction > 1 &&
             !decode_png_reduced_or_interlaced(data, size, reduction, &image, &why)) {
    // Decoded a row at a time, or refused with its reason; an interlaced
    // PNG comes in seven passes and is decoded whole below.
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
      try {
        for (int r = reduction; image && r > 1; r /= 2) *image = halve(*image);
      } catch (const std::bad_alloc&) {
        image.reset();
        why = "cannot be decoded (out of memory)";
      }
    }
  }
  if (!image && error) *error = why;
  return image;
}

std::unique_ptr<RgbaImage> decode_image(const std::string& path, std::string* error) {
  return decode_image_file(path, 1, error);
}

std::unique_ptr<RgbaImage> decode_image_file(const std::string& path, int reduction,
                                             std::string* error) {
  reduction = reduction == 2 || reduction == 4 || reduction == 8 ? reduction : 1;
  io::ImageHeader header;
  std::FILE* f = open_image(path, &header);
  if (!f) {
    if (error) *error = header.error;
    return nullptr;
  }
  std::string why;
  std::unique_ptr<RgbaImage> image;
  if (header.format == "JPEG") {
    auto jpeg = std::make_unique<RgbaImage>();
    std::string reason;
    if (decode_jpeg(nullptr, 0, jpeg.get(), &reason, reduction, f)) {
      image = std::move(jpeg);
    } else {
      why = "cannot be decoded (" + reason + ")";
    }
  } else {
    auto png = std::make_unique<RgbaImage>();
    bool interlaced = false;
    if (decode_png_reduced(nullptr, 0, reduction, png.get(), &why, &interlaced, f)) {
      image = std::move(png);
    } else if (interlaced && std::fseek(f, 0, SEEK_SET) == 0) {
      // Seven passes: stb_image decodes it whole (holding its compressed
      // data), then it is halved as often as asked.
      why.clear();
      int w = 0, h = 0, n = 0;
      unsigned char* px = stbi_load_from_file(f, &w, &h, &n, 4);
      if (!px) {
        why = "cannot be decoded (" + decode_failure(stbi_failure_reason()) + ")";
      } else {
        try {
          image = std::make_unique<RgbaImage>();
          image->width = w;
          image->height = h;
          image->pixels.assign(px, px + static_cast<size_t>(w) * h * 4);
          stbi_image_free(px);
          px = nullptr;
          for (int r = reduction; r > 1; r /= 2) *image = halve(*image);
        } catch (const std::bad_alloc&) {
          image.reset();
          why = "cannot be decoded (out of memory)";
        }
        stbi_image_free(px);
      }
    }
  }
  std::fclose(f);
  if (!image && error) *error = why;
  return image;
}

ImageCache::ImageCache(std::size_t budget_bytes) : budget_(budget_bytes) {}
ImageCache::~ImageCache() = default;
ImageCache::ImageCache(ImageCache&&) noexcept = default;
ImageCache& ImageCache::operator=(ImageCache&&) noexcept = default;

void ImageCache::clear() {
  images_.clear();
  full_sizes_.clear();
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

const RgbaImage* ImageCache::get_for_size(const std::string& path,
                                          const std::vector<deck::ImageFilter>& filters, int want_w,
                                          int want_h, std::string* error) {
  // The full size, from the header, once per path.
  auto size = full_sizes_.find(path);
  if (size == full_sizes_.end()) {
    // The first 64 KB hold any PNG's or JPEG's size (a JPEG's EXIF comes
    // before its frame header, and is at most 64 KB).
    int w = 0, h = 0;
    std::string ignored;
    if (std::FILE* f = io::open_regular_file(path, &ignored)) {
      std::vector<unsigned char> head(64 * 1024 + 1024);
      const std::size_t n = std::fread(head.data(), 1, head.size(), f);
      std::fclose(f);
      const io::ImageHeader header = io::read_image_header(head.data(), n);
      if (header.ok) {
        w = header.width;
        h = header.height;
      }
    }
    size = full_sizes_.emplace(path, std::pair(w, h)).first;
  }
  const int reduction = image_reduction(size->second.first, size->second.second, want_w, want_h);
  if (reduction == 1) return get(path, filters, error);
  std::vector<deck::ImageFilter> scaled = filters;
  for (deck::ImageFilter& f : scaled)
    if (f.kind == deck::FilterKind::kBlur) f.amount /= static_cast<float>(reduction);
  const std::string plain_key = path + "\x1f/" + std::to_string(reduction);
  const std::string key = image_key(plain_key, scaled);
  ++clock_;
  auto it = images_.find(key);
  if (it != images_.end()) {
    it->second.used = clock_;
    if (!it->second.image && error) *error = it->second.error;
    return it->second.image.get();
  }
  // The reduced image (kept under its own key), then its filters.
  const RgbaImage* plain = nullptr;
  std::string why;
  if (auto p = images_.find(plain_key); p != images_.end()) {
    p->second.used = clock_;
    plain = p->second.image.get();
    why = p->second.error;
  } else {
    std::unique_ptr<RgbaImage> image = decode_image_file(path, reduction, &why);
    plain = keep(plain_key, std::move(image), why);
  }
  if (scaled.empty() || !plain) {
    if (!plain && error) *error = why;
    return plain;
  }
  // Filtering makes a copy of the pixels, and a blur a 16-bit one besides
  // (three times the image): should they not fit, the image is drawn as a
  // placeholder rather than the program ending.
  std::unique_ptr<RgbaImage> filtered;
  std::string failure;
  try {
    filtered = std::make_unique<RgbaImage>(apply_filters(*plain, scaled));
  } catch (const std::bad_alloc&) {
    failure = "cannot be filtered (out of memory)";
    if (error) *error = failure;
  }
  return keep(key, std::move(filtered), std::move(failure));
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

const RgbaImage* ImageCache::poster(const std::string& clip, double time_s, int want_w, int want_h,
                                    std::string* error) {
  // Sizes rounded up to 64 px steps: a window being resized does not decode
  // a poster per pixel of its width.
  auto step = [](int v) { return std::clamp((v + 63) / 64 * 64, 64, 8192); };
  const int w = step(want_w), h = step(want_h);
  char time_text[32];
  std::snprintf(time_text, sizeof time_text, "%.3f", time_s);
  const std::string key =
      clip + "\x1f#poster@" + time_text + "/" + std::to_string(w) + "x" + std::to_string(h);
  ++clock_;
  auto it = images_.find(key);
  if (it != images_.end()) {
    it->second.used = clock_;
    if (!it->second.image && error) *error = it->second.error;
    return it->second.image.get();
  }
  media::FrameResult frame = media::decode_frame_at(clip, time_s, w, h);
  std::unique_ptr<RgbaImage> image;
  if (frame.ok()) {
    image = std::make_unique<RgbaImage>();
    image->width = frame.picture.width;
    image->height = frame.picture.height;
    image->pixels = std::move(frame.picture.rgba);
  }
  if (!image && error) *error = frame.problem;
  return keep(key, std::move(image), frame.problem);
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
