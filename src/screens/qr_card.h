// The remote's card on the presenter console: the QR codes a phone scans
// (the speaker's remote, the audience's page), each with what it is and the
// address in text, drawn as plain rectangles on white.
//
// Promise: pure, like the other screens; a module is a whole number of
// pixels (at least 3) inside a quiet zone of 4 modules, so that a camera, or
// zbarimg on a screenshot, reads it.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout.h"
#include "text/text.h"

namespace madang::layout {

struct QrCardCode {
  int modules = 0;         // on a side
  std::vector<bool> dark;  // modules * modules, rows top to bottom
  std::string label;       // "휴대폰 리모컨"
  std::string address;     // "http://192.168.0.12:8080/r" (no token)
};

struct QrCard {
  std::vector<QrCardCode> codes;  // side by side, left to right
  std::string hint;               // "R: 숨기기"
};

// The card at the lower right of a `size` console, on a transparent list.
DisplayList layout_qr_card(text::FontSystem& fonts, const QrCard& card, Size size);

}  // namespace madang::layout
