// The kiosk's way-out keypad laid out in a window: where the panel, the PIN
// dots, the message and every button go, and which button a tap hits.
//
// Promise: pure geometry in renderer pixels, no SDL. The overlays draw
// exactly these rects (modes/overlays.h), and a tap is tested against the same
// ones, so what is seen is what is hit. Buttons are finger-sized: at least
// 9 mm on a 96 dpi screen, whatever the window.
#pragma once

#include <string>
#include <vector>

#include "input/kiosk_input.h"
#include "layout/display_list.h"

namespace madang::app {

struct PadButton {
  GateKey key = GateKey::kDigit;
  int digit = 0;      // kDigit
  std::string label;  // "7", "지우기", "확인"
  layout::Rect rect;  // renderer pixels
};

struct KeypadLayout {
  GateMode mode = GateMode::kClosed;
  layout::Rect panel;  // the dark panel behind it all
  layout::Rect title;  // "관리자 PIN · Staff PIN" or the confirm question
  layout::Rect dots;   // one dot per typed digit
  layout::Rect note;   // "wrong PIN", "try again in 30 s"
  float text_px = 24;  // the text size the rects were made for
  std::vector<PadButton> buttons;
};

// The keypad for `mode` in a window of w x h pixels (an empty layout when
// closed).
KeypadLayout keypad_layout(GateMode mode, int w, int h);

// What the overlays draw: the layout and what it says now.
struct KeypadPicture {
  KeypadLayout layout;
  std::string title;
  int typed = 0;  // dots
  std::string note;
};

KeypadPicture keypad_picture(const Gate& gate, int w, int h, double now_ms);

// Every text the keypad may show (the overlays' font atlas covers them).
std::vector<std::string> keypad_texts();

// The button under (x, y), or nullptr.
const PadButton* keypad_hit(const KeypadLayout& pad, float x, float y);

// What the keypad says (its title, and the note under the dots).
std::string keypad_title(GateMode mode);
std::string keypad_note(const Gate& gate, double now_ms);

}  // namespace madang::app
