// Symbol-font characters pasted from PDFs and slides: Word, PowerPoint and
// PDF text extraction carry list bullets and arrows of the Symbol and
// Wingdings fonts as private-use code points (U+F0A7, U+F0B7, U+F0D8 ...)
// that no Unicode font draws. Private to deck/.
//
// Promise: a pure table lookup; 0 for a code point it does not know.
#pragma once

namespace madang::deck {

// The Unicode character a symbol-font private-use code point stands for
// (U+F0A7 -> U+25AA ▪), or 0.
char32_t symbol_font_equivalent(char32_t c);

}  // namespace madang::deck
