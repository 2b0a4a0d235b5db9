// Itemization: NFC, grapheme clusters, a font per cluster, script runs.
//
// Promise: the text is cut into items that can each be shaped with one
// hb_shape call (same style run, same face, same script, same bidi level). Fonts are chosen
// per grapheme cluster, never per code point: the first face of the style's
// stack that covers every code point of the cluster (default-ignorables and
// controls do not count); a cluster holding conjoining jamo (old Hangul,
// tone marks, fillers) goes to the first face that shapes it without a
// .notdef; emoji sequences try colour faces first. A cluster no face can draw
// keeps the primary face (its .notdef box is the placeholder) and is
// reported as missing. Common and Inherited code points take the script of
// their neighbours.
#pragma once

#include <hb.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/bidi.h"
#include "text/font_system.h"

namespace madang::text {

// Text normalized to NFC (ICU). Invalid UTF-8 comes back with U+FFFD.
std::string to_nfc(std::string_view utf8);

struct StyleSpan {
  std::size_t begin = 0, end = 0;  // byte range in the paragraph text
  TextStyle style;
};

struct Item {
  std::size_t begin = 0, end = 0;
  int span = 0;  // index into the spans
  FaceChoice face;
  hb_script_t script = HB_SCRIPT_COMMON;
  std::uint8_t level = 0;  // bidi embedding level: odd is right to left
};

struct Itemization {
  std::vector<Item> items;
  std::vector<std::size_t> graphemes;  // cluster boundaries, from 0 to text.size()
  std::vector<MissingGlyph> missing;
};

// fallback_script: for text made only of Common/Inherited code points;
// bidi: the text's levels (text/bidi.h), which items never cross.
Itemization itemize(FontSystemImpl& fonts, std::string_view text,
                    const std::vector<StyleSpan>& spans, hb_script_t fallback_script,
                    const BidiLevels& bidi);

bool is_conjoining_jamo(char32_t c);

}  // namespace madang::text
