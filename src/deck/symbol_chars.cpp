#include "deck/symbol_chars.h"

namespace madang::deck {

namespace {

// Code points U+F000 + b, where b is the character's byte in the symbol
// font, as PDF extraction and Office copy them. Wingdings unless noted; the
// equivalents are the Unicode characters of the same shape (Unicode 7.0
// encodes the whole of Wingdings), limited to those the default font stack
// draws (DejaVu Sans covers the dingbats).
struct Entry {
  char32_t from, to;
};
constexpr Entry kTable[] = {
    {0xF06C, 0x25CF},  // ● black circle
    {0xF06E, 0x25A0},  // ■ black square
    {0xF06F, 0x25A1},  // □ white square
    {0xF070, 0x25A1},  // □ (bold white square)
    {0xF071, 0x2751},  // ❑ lower right shadowed white square
    {0xF072, 0x2752},  // ❒ upper right shadowed white square
    {0xF073, 0x29EB},  // ⧫ black lozenge (for the medium lozenge)
    {0xF074, 0x29EB},  // ⧫ black lozenge
    {0xF075, 0x25C6},  // ◆ black diamond
    {0xF076, 0x2756},  // ❖ black diamond minus white X
    {0xF077, 0x25C6},  // ◆ (black medium diamond)
    {0xF09F, 0x2022},  // • bullet
    {0xF0A0, 0x25AA},  // ▪ black small square
    {0xF0A1, 0x25CB},  // ○ white circle
    {0xF0A4, 0x25C9},  // ◉ fisheye
    {0xF0A5, 0x25CE},  // ◎ bullseye
    {0xF0A7, 0x25AA},  // ▪ black small square (Word's third-level bullet)
    {0xF0A8, 0x25FB},  // ◻ white medium square
    {0xF0AA, 0x2726},  // ✦ black four-pointed star
    {0xF0AB, 0x2605},  // ★ black star
    {0xF0B7, 0x2022},  // • bullet (Symbol: Word's first-level bullet)
    {0xF0D8, 0x27A2},  // ➢ three-D top-lighted rightwards arrowhead
    {0xF0DC, 0x27B2},  // ➲ circled heavy white rightwards arrow
    {0xF0E0, 0x2192},  // → (wide-headed rightwards arrow)
    {0xF0E8, 0x2794},  // ➔ heavy wide-headed rightwards arrow
    {0xF0F0, 0x21E8},  // ⇨ rightwards white arrow
    {0xF0FB, 0x2717},  // ✗ ballot X
    {0xF0FC, 0x2713},  // ✓ check mark
    {0xF0FD, 0x2612},  // ☒ ballot box with X
    {0xF0FE, 0x2611},  // ☑ ballot box with check
};

}  // namespace

char32_t symbol_font_equivalent(char32_t c) {
  if (c < 0xF000 || c > 0xF0FF) return 0;
  for (const Entry& e : kTable) {
    if (e.from == c) return e.to;
  }
  return 0;
}

}  // namespace madang::deck
