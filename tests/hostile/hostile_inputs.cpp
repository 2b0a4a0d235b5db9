#include "hostile_inputs.h"

#include <algorithm>
#include <vector>

namespace madang::test::hostile {

namespace {

std::uint32_t crc32(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  put32(png, crc32(body));
}

std::string ihdr(std::uint32_t w, std::uint32_t h, int depth, int color) {
  std::string d;
  put32(d, w);
  put32(d, h);
  d += static_cast<char>(depth);
  d += static_cast<char>(color);
  d += std::string(3, '\0');  // deflate, adaptive filters, no interlace
  return d;
}

const std::string kSignature = "\x89PNG\r\n\x1a\n";

// Bits into bytes, least significant first (deflate's order).
struct BitWriter {
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  void put(std::uint32_t value, int n) {  // n bits of value, LSB first
    for (int i = 0; i < n; ++i) bit((value >> i) & 1u);
  }
  void huffman(std::uint32_t code, int n) {  // Huffman codes go MSB first
    for (int i = n - 1; i >= 0; --i) bit((code >> i) & 1u);
  }
  void bit(std::uint32_t b) {
    bits |= b << count;
    if (++count == 8) {
      out += static_cast<char>(bits);
      bits = 0;
      count = 0;
    }
  }
  void flush() {
    if (count > 0) out += static_cast<char>(bits);
    bits = 0;
    count = 0;
  }
};

// zlib stream of `n` zero bytes: one literal, then matches of 258 at
// distance 1 (13 bits each), then literals for the rest.
std::string zlib_zeros(std::uint64_t n) {
  BitWriter w;
  w.out = "\x78\x01";
  w.put(1, 1);  // BFINAL
  w.put(1, 2);  // fixed Huffman codes
  const auto literal_zero = [&] { w.huffman(0x30, 8); };
  std::uint64_t left = n;
  if (left > 0) {
    literal_zero();
    --left;
  }
  for (; left >= 258; left -= 258) {
    w.huffman(0xC5, 8);  // length symbol 285: 258
    w.huffman(0, 5);     // distance code 0: 1
  }
  for (; left > 0; --left) literal_zero();
  w.huffman(0, 7);  // end of block
  w.flush();
  const std::uint32_t a = 1, b = static_cast<std::uint32_t>(n % 65521);  // Adler-32 of zeros
  put32(w.out, (b << 16) | a);
  return w.out;
}

// zlib stream with stored (uncompressed) blocks.
std::string zlib_stored(const std::string& raw) {
  std::string out = "\x78\x01";
  std::size_t at = 0;
  do {
    const std::size_t len = std::min<std::size_t>(raw.size() - at, 65535);
    const bool last = at + len == raw.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(len & 0xFF);
    out += static_cast<char>(len >> 8);
    out += static_cast<char>(~len & 0xFF);
    out += static_cast<char>((~len >> 8) & 0xFF);
    out += raw.substr(at, len);
    at += len;
  } while (at < raw.size());
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  put32(out, (b << 16) | a);
  return out;
}

}  // namespace

std::string zero_png(std::uint32_t width, std::uint32_t height) {
  std::string png = kSignature;
  chunk(png, "IHDR", ihdr(width, height, 1, 0));
  const std::uint64_t row = 1 + (static_cast<std::uint64_t>(width) + 7) / 8;
  chunk(png, "IDAT", zlib_zeros(row * height));
  chunk(png, "IEND", "");
  return png;
}

std::string small_png() {
  std::string raw;
  for (int y = 0; y < 8; ++y) {
    raw += '\0';
    for (int x = 0; x < 8; ++x) raw += std::string("\xC0\x30\x30\xFF", 4);
  }
  std::string png = kSignature;
  chunk(png, "IHDR", ihdr(8, 8, 8, 6));
  chunk(png, "IDAT", zlib_stored(raw));
  chunk(png, "IEND", "");
  return png;
}

std::string gradient_png(std::uint32_t width, std::uint32_t height) {
  std::string raw;
  raw.reserve((1 + static_cast<std::size_t>(width) * 3) * height);
  for (std::uint32_t y = 0; y < height; ++y) {
    raw += '\0';
    for (std::uint32_t x = 0; x < width; ++x) {
      raw += static_cast<char>(x * 255 / std::max(1u, width - 1));
      raw += static_cast<char>(y * 255 / std::max(1u, height - 1));
      raw += static_cast<char>(160);
    }
  }
  std::string png = kSignature;
  chunk(png, "IHDR", ihdr(width, height, 8, 2));
  chunk(png, "IDAT", zlib_stored(raw));
  chunk(png, "IEND", "");
  return png;
}

std::string header_only_png() {
  std::string png = kSignature;
  chunk(png, "IHDR", ihdr(64, 64, 8, 6));
  return png;
}

std::string gif() {
  std::string g = "GIF89a";
  g += std::string("\x10\x00\x10\x00\x80\x00\x00", 7);               // 16x16, 2-colour table
  g += std::string("\x00\x00\x00\xff\xff\xff", 6);                   // black, white
  g += std::string("\x2c\x00\x00\x00\x00\x10\x00\x10\x00\x00", 10);  // image descriptor
  g += std::string("\x02\x02\x44\x01\x00\x3b", 6);                   // LZW data, trailer
  return g;
}

std::string corrupt_jpeg() {
  std::string j("\xFF\xD8", 2);  // SOI
  j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  j += std::string("\xFF\xDB\x00\x43\x00", 5);  // DQT
  for (int i = 0; i < 64; ++i) j += static_cast<char>(i + 1);
  j += std::string("\xFF\xC0\x00\x11\x08\x00\x10\x00\x10\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01",
                   19);                                                              // SOF0 16x16
  j += std::string("\xFF\xDA\x00\x0C\x03\x01\x00\x02\x11\x03\x11\x00\x3F\x00", 14);  // SOS, no DHT
  for (int i = 0; i < 200; ++i) j += static_cast<char>((i * 73 + 11) & 0x7F);
  j += std::string("\xFF\x05\x12\x34", 4);  // not a marker a scan may hold
  j += std::string("\xFF\xD9", 2);
  return j;
}

std::string strike_deck(std::size_t bytes) {
  std::string d = "# 취소선\n\n";
  while (d.size() < bytes) d += "~~a~~a";
  return d + "\n";
}

std::string nested_deck(std::size_t pairs) {
  std::string d = "# 중첩\n\n";
  for (std::size_t i = 0; i < pairs; ++i) d += "*[";
  return d + "\n";
}

std::string table_deck(int columns, int rows) {
  std::string d = "# 표\n\n|", rule = "|", row = "|";
  for (int c = 0; c < columns; ++c) {
    d += "h|";
    rule += "-|";
    row += "a|";
  }
  d += "\n" + rule + "\n";
  for (int r = 0; r < rows; ++r) d += row + "\n";
  return d;
}

std::string code_deck(int lines) {
  std::string d = "# 코드\n\n```\n";
  for (int i = 0; i < lines; ++i) d += "x\n";
  return d + "```\n";
}

std::string flow_deck(int steps) {
  std::string d = "# 흐름\n\n```diagram flow\nsteps:\n";
  for (int i = 0; i < steps; ++i) {
    d += "  - {id: s" + std::to_string(i) + ", label: 단계" + std::to_string(i) + "}\n";
  }
  return d + "```\n";
}

std::string private_use_deck(int slides, int per_slide) {
  std::string d;
  for (int s = 0; s < slides; ++s) {
    if (s > 0) d += "\n---\n\n";
    d += "# " + std::to_string(s + 1) + "\n\n가 ";
    for (int i = 0; i < per_slide; ++i) d += "\xEE\x80\x80";  // U+E000
    d += "\n";
  }
  return d;
}

std::string chained_filters_deck(const std::string& image, int filters) {
  static const char* const kTurns[] = {"blur:40px", "sepia", "invert", "hue-rotate:90deg"};
  std::string d = "![bg";
  for (int i = 0; i < filters; ++i) d += std::string(" ") + kTurns[i % 4];
  return d + "](" + image + ")\n\n# 사슬\n";
}

std::string extreme_filters_deck(const std::string& image) {
  // 16 digits: the longest number the parser reads.
  const std::string most = "9999999999999999";
  const std::vector<std::string> words = {"blur:0.1px",      "blur:100000px",
                                          "brightness:0",    "brightness:" + most,
                                          "contrast:0",      "contrast:" + most,
                                          "grayscale:0",     "grayscale:" + most,
                                          "hue-rotate:0deg", "hue-rotate:" + most + "deg",
                                          "invert:0",        "invert:" + most + "%",
                                          "opacity:0",       "opacity:" + most,
                                          "saturate:0",      "saturate:" + most,
                                          "sepia:0",         "sepia:" + most,
                                          "drop-shadow"};
  std::string d;
  for (const std::string& word : words) {
    if (!d.empty()) d += "\n---\n\n";
    d += "![bg " + word + "](" + image + ")\n\n# " + word + "\n";
  }
  return d;
}

}  // namespace madang::test::hostile
