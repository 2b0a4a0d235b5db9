// Hostile files for the regression tests of issue #15, generated in the test
// (nothing large is committed): image bombs and broken images, and decks
// whose work grew with the square of their size.
#pragma once

#include <cstdint>
#include <string>

namespace madang::test::hostile {

// A PNG of width x height 1-bit grey pixels, all black, as a real zlib
// stream (fixed Huffman codes, 258-byte runs): 20000x20000 is 48 KB on disk
// and 1.6 GB once decoded as RGBA.
std::string zero_png(std::uint32_t width, std::uint32_t height);
// A small valid 8x8 RGBA PNG (stored deflate blocks).
std::string small_png();
// A width x height RGB gradient (stored deflate blocks: 3 bytes a pixel on
// disk), something for filters to change.
std::string gradient_png(std::uint32_t width, std::uint32_t height);
// The signature and IHDR of a 64x64 PNG, nothing else.
std::string header_only_png();
// A 16x16 GIF.
std::string gif();
// A JPEG whose markers are right up to its scan, then garbage.
std::string corrupt_jpeg();

// Decks.
std::string strike_deck(std::size_t bytes);               // "~~a~~a..." on one line
std::string nested_deck(std::size_t pairs);               // "*[*[..." on one line
std::string table_deck(int columns, int rows);            // one-character cells
std::string code_deck(int lines);                         // a fenced block of "x" lines
std::string flow_deck(int steps);                         // a flow diagram
std::string private_use_deck(int slides, int per_slide);  // "가 " and U+E000s no font has
// Image filters (issue #25): `![bg blur:40px sepia invert hue-rotate:90deg
// ...](image)`, `filters` of them in turn; and every filter kind at 0 and at
// the largest value the parser takes, a slide each behind `image`.
std::string chained_filters_deck(const std::string& image, int filters);
std::string extreme_filters_deck(const std::string& image);

}  // namespace madang::test::hostile
