#include "deck/source_text.h"

#include <algorithm>
#include <cstdio>

#include <unicode/utf8.h>

#include "deck/symbol_chars.h"

namespace madang::deck {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
// A rejected lead byte or a truncated sequence is replaced as a whole maximal
// subpart, the way WHATWG and ICU do, by advancing one byte at a time past it.
std::size_t valid_sequence(std::string_view text, std::size_t i, std::size_t* bad_len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  *bad_len = 1;
  if (c < 0x80) return 1;
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= text.size()) return 0;
    const unsigned char t = b(i + k);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (t < l || t > h) return 0;
    *bad_len = k + 1;
  }
  return need + 1;
}

std::string encode_utf8(char32_t c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace

std::string clean_source(std::string_view raw, Reporter& report) {
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  std::string out;
  out.reserve(raw.size());
  int line = 1, column = 1;
  bool line_reported = false;
  bool noted_line = false;  // one note per line for symbol-font characters
  const auto complain = [&](const char* what) {
    if (line_reported) return;
    line_reported = true;
    report.error(line, column, what);
  };
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == '\r' || c == '\n') {
      out += '\n';
      i += (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
      line_reported = false;
      noted_line = false;
      continue;
    }
    if (c == '\0') {
      complain("NUL byte in the file (replaced with U+FFFD)");
      out += kReplacement;
      ++i;
      ++column;
      continue;
    }
    std::size_t bad = 1;
    const std::size_t n = valid_sequence(raw, i, &bad);
    if (n == 0) {
      complain("invalid UTF-8 byte sequence (replaced with U+FFFD)");
      out += kReplacement;
      i += bad;
    } else if (n == 3 && static_cast<unsigned char>(raw[i]) == 0xEF &&
               (static_cast<unsigned char>(raw[i + 1]) & 0xFC) == 0x80) {
      // U+F000..U+F0FF: a symbol-font character pasted from a PDF or a
      // slide, which no font draws; the common ones become what they stand for.
      const char32_t code = 0xF000 + ((static_cast<unsigned char>(raw[i + 1]) & 0x03) << 6) +
                            (static_cast<unsigned char>(raw[i + 2]) & 0x3F);
      const char32_t to = symbol_font_equivalent(code);
      if (to == 0) {
        out.append(raw.substr(i, n));
      } else {
        const std::string utf8 = encode_utf8(to);
        out += utf8;
        if (!noted_line) {
          noted_line = true;
          char message[160];
          std::snprintf(message, sizeof message,
                        "U+%04X is a symbol-font character (a bullet or arrow pasted from a "
                        "PDF or slide); shown as %s U+%04X",
                        static_cast<unsigned>(code), utf8.c_str(), static_cast<unsigned>(to));
          report.add(Severity::kNote, line, column, message);
        }
      }
      i += n;
    } else {
      out.append(raw.substr(i, n));
      i += n;
    }
    ++column;
  }
  return out;
}

int count_code_points(std::string_view text) {
  int n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) starts_.push_back(i + 1);
  }
}

std::string_view LineIndex::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const std::size_t start = starts_[line - 1];
  // The next line's start, not a search for '\n': column() asks for the same
  // long line once per inline node, and a search would make that quadratic.
  std::size_t end = line < line_count() ? starts_[line] - 1 : text_.size();
  if (line == line_count() && end > start && text_[end - 1] == '\n') --end;
  return text_.substr(start, end - start);
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  return starts_[line - 1];
}

int LineIndex::column(int line, int byte_column) const {
  if (byte_column < 1) return byte_column;
  const std::string_view text = this->line(line);
  const std::size_t target = std::min<std::size_t>(byte_column - 1, text.size());
  if (line != cache_line_ || target < cache_byte_) {
    cache_line_ = line;
    cache_byte_ = 0;
    cache_cp_ = 0;
  }
  cache_cp_ += count_code_points(text.substr(cache_byte_, target - cache_byte_));
  cache_byte_ = target;
  // Past the end of the line (a column cmark gives for an end position) counts
  // the missing bytes as one column each.
  const int beyond = static_cast<int>(byte_column - 1 - static_cast<int>(target));
  return cache_cp_ + 1 + std::max(beyond, 0);
}

int LineIndex::line_of_offset(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

}  // namespace madang::deck
