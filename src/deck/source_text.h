// The pre-pass over raw bytes, and the map from byte offsets to the
// line:column (in code points) that diagnostics print. Private to deck/.
//
// Promise: clean_source() returns valid UTF-8 with LF line ends, no BOM and no
// NUL; every replacement it made is one error per line, located in the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deck/report.h"

namespace madang::deck {

// Strips a UTF-8 BOM, turns CRLF and CR into LF, replaces invalid UTF-8 and
// NUL bytes with U+FFFD (reporting one error per affected line), and turns
// the common symbol-font bullets pasted from PDFs (U+F0A7 ...) into the
// characters they stand for (one note per affected line; symbol_chars.h).
std::string clean_source(std::string_view raw, Reporter& report);

// Number of code points in a valid UTF-8 string.
int count_code_points(std::string_view text);

// Lines of a cleaned text; line numbers are 1-based file lines.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  int line_count() const { return static_cast<int>(starts_.size()); }
  // Text of a line without its '\n'; empty when out of range.
  std::string_view line(int line) const;
  // Byte offset where a line starts.
  std::size_t line_start(int line) const;
  // 1-based code point column of a 1-based byte column on a line.
  int column(int line, int byte_column) const;
  // Line (1-based) holding a byte offset.
  int line_of_offset(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  // Cache for column(): nodes are visited in order, so scanning on from the
  // last answer keeps long lines linear instead of quadratic.
  mutable int cache_line_ = 0;
  mutable std::size_t cache_byte_ = 0;
  mutable int cache_cp_ = 0;
};

}  // namespace madang::deck
