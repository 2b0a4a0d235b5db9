// The bytes of one PDF deck as they were read, shared by the deck, its display
// lists and every thread that draws its pages (pdf/document.h opens them).
//
// Promise: plain data, no poppler or cairo types: layout and the display list
// carry a SourcePtr without knowing how a page is drawn. Immutable once made.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace madang::pdf {

inline constexpr std::size_t kMaxFileBytes = 512u << 20;  // a PDF deck's file

// The bytes of one PDF as it was read, with what opens it.
struct Source {
  std::string path;          // as the user named it
  std::string bytes;         // the whole file
  std::string password;      // "" when none was given
  std::uint64_t digest = 0;  // of the bytes (FNV-1a 64): caches key pages by it
};
using SourcePtr = std::shared_ptr<const Source>;

// Which part of a page is shown, in fractions of the page (x, y, w, h; origin
// top left): the whole page, or one half of a Beamer page with notes beside.
struct PagePart {
  double x = 0, y = 0, w = 1, h = 1;
  bool operator==(const PagePart&) const = default;
};

}  // namespace madang::pdf
