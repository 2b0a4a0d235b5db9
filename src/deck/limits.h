// Bounds on what the parser accepts, so that any input parses in bounded time
// and memory. Private to deck/.
//
// Why these numbers: cmark-gfm 0.29.0.gfm.6 needs up to ~240 bytes of memory
// per input byte (8 MiB of `>` took 1.9 GB and 9 s), and its table extension
// is quadratic in the number of cells of a row (100k cells: 9 s). Real decks
// are a few hundred kilobytes at most, so we refuse anything far beyond that.
#pragma once

#include <cstddef>

namespace madang::deck::limits {

inline constexpr std::size_t kMaxFileBytes = 8u << 20;   // whole deck file
inline constexpr std::size_t kMaxSlideBytes = 1u << 20;  // one slide's Markdown
inline constexpr std::size_t kMaxYamlBytes = 64u << 10;  // front matter, one diagram
inline constexpr int kMaxYamlEvents = 20000;             // YAML nodes in one document
inline constexpr int kMaxYamlDepth = 32;                 // YAML nesting
// CSS filters on one image: more than a deck needs (one of each kind is ten),
// and each is a pass over the pixels; the rest are left out, with a warning.
inline constexpr std::size_t kMaxImageFilters = 16;
inline constexpr int kMaxNesting = 32;                  // block quotes / lists
inline constexpr int kMaxContainerMarkersPerLine = 64;  // `> - > - ...` on one line
inline constexpr int kMaxTableColumns = 64;
// Blocks, list items and table rows on one slide: a Block is large (it can
// hold any kind), so millions of one-line paragraphs would take gigabytes.
inline constexpr int kMaxBlocksPerSlide = 5000;
// Visible text (spans, code) in the whole deck. Later stages shape and lay
// out every byte, several times when autofit shrinks a slide: `madang check`
// took 8.7 s on 6.9 MB of paragraphs. Real decks hold well under 100 KB.
inline constexpr std::size_t kMaxDeckTextBytes = 1u << 20;
inline constexpr int kMaxPipesPerLine = 2 * kMaxTableColumns;  // more are escaped
// Diagram elements: far past what a slide can show readably (layout warns
// from about 10 flow steps or compare items at full width), low enough that
// laying one out stays cheap.
inline constexpr std::size_t kMaxFlowSteps = 32;
inline constexpr std::size_t kMaxCompareItems = 16;
inline constexpr std::size_t kMaxCompareAttributes = 32;
inline constexpr std::size_t kMaxTriangleEdges = 6;

}  // namespace madang::deck::limits
