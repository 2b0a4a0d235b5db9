// What the keys do to the speaker's ink and pointers, as a data table (like
// keymap.h's): D pen, H highlighter, E eraser, Ctrl+Z / Ctrl+Shift+Z undo and
// redo, C clears this slide, Shift+C the whole talk (asked twice), Shift+D
// hides and shows every stroke, L laser, X spotlight, M magnifier, Esc puts
// the tool down; while a pen is up, 1-6 choose its colour and [ ] its width.
//
// Promise: no SDL; scancodes as keymap.h's. Looked up before the show's own
// table, so a key bound here only while a tool is up (the digits, Esc, [ ])
// keeps its usual meaning otherwise.
#pragma once

#include <string>
#include <vector>

#include "input/keymap.h"

namespace madang::app {

// What is in the speaker's hand.
enum class InkTool { kNone, kPen, kHighlighter, kEraser, kLaser, kSpotlight, kMagnifier };

enum class InkKey {
  kNone,
  kTool,     // value: an InkTool (pressing the tool in hand puts it down)
  kPutDown,  // Esc
  kUndo,
  kRedo,
  kClearSlide,
  kClearAll,      // asks first: a second press within kClearAllConfirmMs clears
  kToggleHidden,  // Shift+D
  kColor,         // value: preset 0..5
  kThinner,
  kThicker,
};

struct InkAction {
  InkKey key = InkKey::kNone;
  int value = 0;
  bool operator==(const InkAction&) const = default;
};

struct InkBinding {
  int scancode = 0;
  int mods = 0;             // keymap.h's Mod bits, matched exactly
  bool needs_pen = false;   // only while a pen or highlighter is up
  bool needs_tool = false;  // only while any tool is up
  InkAction action;
  const char* korean = "";  // the help's words
  const char* english = "";
};

const std::vector<InkBinding>& ink_bindings();

// The action for a key with `tool` in hand; kNone when the key is not ink's.
InkAction ink_lookup(int scancode, int mods, InkTool tool);

inline constexpr double kClearAllConfirmMs = 3000;

// The ink keys for the `?` help (under "Showing"), a line per group of
// tools, with the keys' names written from the table above.
std::vector<HelpLine> ink_help_lines();

// True for the tools that draw or erase with a drag.
inline bool draws(InkTool t) {
  return t == InkTool::kPen || t == InkTool::kHighlighter || t == InkTool::kEraser;
}

}  // namespace madang::app
