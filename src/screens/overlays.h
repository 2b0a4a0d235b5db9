// The window modes' overlays, laid out like the presenter console: the help
// (keys grouped by task, in columns), the typed slide number, the reload-error
// box, the kiosk's staff keypad, and the overview's backdrop and marks.
//
// Promise: pure, like layout_console: the same input and size give the same
// list. Opaque panels in the console's colours (screen_text.h), text set by
// the slides' own engine in the deck's fonts (Noto Sans CJK KR unless the
// deck says), never smaller than kOverlayMinText pixels of a 1080p display
// (times `unit`, the display's density) unless the window is too small to
// hold the help at that size. The input is plain data (modes/overlays.cpp
// makes it from input/'s key table and keypad), and the keypad's rects are
// drawn exactly where they come in: what a tap hits is what is seen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/layout.h"
#include "text/text.h"

namespace madang::layout {

// The smallest overlay text, in pixels of a 1080p display.
inline constexpr float kOverlayMinText = 28;

// The help: groups of keys, each key drawn as a keycap.
struct HelpEntry {
  std::vector<std::string> keys;  // "→", "PageDown", "0–9"
  std::string korean, english;
  bool operator==(const HelpEntry&) const = default;
};

struct HelpGroup {
  std::string title;  // "이동 · Moving"
  std::vector<HelpEntry> entries;
  bool operator==(const HelpGroup&) const = default;
};

struct HelpSheet {
  std::string title;                    // "단축키 · Keys"
  std::vector<HelpGroup> groups;        // laid out in columns, in this order
  std::vector<std::string> close_keys;  // "?", "Esc"
  std::string close_label;              // "닫기 · Close"
  bool operator==(const HelpSheet&) const = default;
};

// The kiosk's keypad, its rects as input/keypad.h made them.
enum class PadLook { kKey, kAction, kPrimary };

struct PadKey {
  Rect rect;
  std::string label;
  PadLook look = PadLook::kKey;
  bool operator==(const PadKey& o) const {
    return rect.x == o.rect.x && rect.y == o.rect.y && rect.w == o.rect.w && rect.h == o.rect.h &&
           label == o.label && look == o.look;
  }
};

struct KeypadSheet {
  Rect panel, title, dots, note;
  std::string title_text, note_text;
  bool show_dots = false;
  int typed = 0;     // filled dots
  int dots_min = 0;  // dots shown before anything is typed
  float text_px = kOverlayMinText;
  std::vector<PadKey> keys;
  bool operator==(const KeypadSheet&) const;
};

struct OverlaySheet {
  float unit = 1;  // pixels per pixel of a 1080p display: the display's density
  std::optional<HelpSheet> help;
  std::string jump;  // typed digits ("" hides)
  int slide_count = 0;
  std::vector<std::string> errors;  // reload errors (none hides)
  int error_count = 0;
  std::optional<KeypadSheet> keypad;
  bool operator==(const OverlaySheet&) const = default;
};

struct OverlayLayout {
  DisplayList list;          // the window's size, transparent but for the overlays
  std::vector<Rect> panels;  // every opaque panel, in drawing order
  float help_scale = 1;      // below 1 when the window cannot hold the help at `unit`
  int help_columns = 0;
};

OverlayLayout layout_overlays(text::FontSystem& fonts, const OverlaySheet& sheet, Size size);

// The overview: a backdrop under the thumbnails (which the window draws
// itself, from its textures), and over them the frames and slide numbers.
inline constexpr Color kOverviewBackdrop = 0x1c1c20ff;

struct OverviewSheet {
  float unit = 1;
  std::vector<Rect> thumbs;
  float label_height = 0;  // under each thumbnail, for its number
  int cursor = 0, current = 0;
};

struct OverviewLayout {
  DisplayList backdrop;  // opaque, the window's size
  DisplayList marks;     // transparent but for frames and numbers
};

OverviewLayout layout_overview(text::FontSystem& fonts, const OverviewSheet& sheet, Size size);

}  // namespace madang::layout
