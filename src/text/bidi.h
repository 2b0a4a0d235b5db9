// Bidirectional text: the Unicode Bidirectional Algorithm (UAX #9) through
// ICU's ubidi, kept apart from shaping as libraqm keeps it.
//
// Promise: bidi_levels() gives the embedding level of every byte range of a
// paragraph (even: left to right, odd: right to left) and the paragraph's
// base level, taken from its first strong character (a Korean paragraph with
// an Arabic word is left to right; one that starts in Hebrew is right to
// left). Text with no right-to-left character or bidi control skips ICU
// entirely (one level-0 run). visual_order() is rule L2: the display order of
// a line's pieces from their levels. Failures (ICU errors) fall back to left
// to right; nothing throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace madang::text {

struct BidiRun {
  std::size_t begin = 0, end = 0;  // byte range of the paragraph text
  std::uint8_t level = 0;
};

struct BidiLevels {
  std::uint8_t base = 0;      // paragraph level: 0 left to right, 1 right to left
  std::vector<BidiRun> runs;  // logical order, covering the text
  bool any_rtl() const { return base != 0 || runs.size() > 1 || (!runs.empty() && runs[0].level); }
};

BidiLevels bidi_levels(std::string_view utf8);

// Indexes of `levels` in display order, left to right (UAX #9 rule L2).
std::vector<int> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace madang::text
