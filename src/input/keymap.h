// Key bindings of present mode, as a data table (like sent's shortcuts[]).
//
// Promise: no SDL. Keys are physical scancodes (their values equal
// SDL_Scancode's, which present.cpp checks at compile time), so that the
// bindings work whatever the keyboard layout and with a Korean IME on. The
// help overlay's text is generated from the same table, so it cannot drift.
// A plain left click is deliberately unbound: clicks belong to diagrams.
#pragma once

#include <string>
#include <vector>

#include "show/navigation.h"

namespace madang::app {

// The modes speak the show's actions.
using show::Action;
using show::ActionKind;
using show::Blank;
using show::PresentState;

// The scancodes we bind, with SDL_Scancode's values (USB HID usage ids).
enum Scan : int {
  kScanB = 5,
  kScanF = 9,
  kScanN = 17,
  kScanO = 18,
  kScanP = 19,
  kScanQ = 20,
  kScanR = 21,
  kScanS = 22,
  kScanT = 23,
  kScanW = 26,
  kScanZ = 29,
  kScan1 = 30,  // 1..9 are consecutive, then 0
  kScan0 = 39,
  kScanReturn = 40,
  kScanEscape = 41,
  kScanBackspace = 42,
  kScanTab = 43,
  kScanSpace = 44,
  kScanMinus = 45,
  kScanEquals = 46,
  kScanPeriod = 55,
  kScanSlash = 56,
  kScanHome = 74,
  kScanPageUp = 75,
  kScanEnd = 77,
  kScanPageDown = 78,
  kScanRight = 79,
  kScanLeft = 80,
  kScanDown = 81,
  kScanUp = 82,
  kScanKpMinus = 86,
  kScanKpPlus = 87,
  kScanKpEnter = 88,
  kScanKp1 = 89,  // keypad 1..9 are consecutive, then keypad 0
  kScanKp0 = 98,
};

// Modifier bits (present.cpp folds SDL's left/right variants into these).
enum Mod : int { kModNone = 0, kModShift = 1, kModCtrl = 2, kModAlt = 4, kModGui = 8 };

// Where a binding applies.
enum class KeyMode { kAny, kSlides, kOverview };

struct Binding {
  int scancode = 0;
  int mods = kModNone;  // must match exactly (Caps Lock and Num Lock are ignored)
  KeyMode mode = KeyMode::kAny;
  Action action;
};

// The default bindings.
const std::vector<Binding>& default_bindings();

// The action for a key press; kNone when unbound. Bindings of the exact mode
// win over kAny ones that come later in the table: the first match wins.
Action lookup(const std::vector<Binding>& table, int scancode, int mods, KeyMode mode);

// Keys the diagrams of a slide take before the table above (when is decided
// by input/diagram_input.h route_key); listed in the help with the others.
enum class DiagramKey { kFocusNext, kFocusPrevious, kPressEnter, kEscape };

struct DiagramBinding {
  int scancode = 0;
  int mods = kModNone;
  DiagramKey key = DiagramKey::kFocusNext;
};

const std::vector<DiagramBinding>& diagram_bindings();

// Mouse wheel: `wheel_y` > 0 is a scroll up (towards the previous slide).
Action wheel_action(int wheel_y);

// A finished touch swipe, in fractions of the window (SDL finger units):
// a horizontal swipe of at least 10% of the width moves a slide.
Action swipe_action(float dx, float dy);

// A key as printed in the help overlay: "→", "PageDown", "?", "B".
std::string key_name(int scancode, int mods);

// What a key is for: the help's groups, in the order it shows them.
enum class HelpTask { kMoving, kShowing, kTiming, kDiagrams };
inline constexpr HelpTask kHelpTasks[] = {HelpTask::kMoving, HelpTask::kShowing, HelpTask::kTiming,
                                          HelpTask::kDiagrams};

// A group's title: "이동 · Moving".
std::string help_task_title(HelpTask task);

struct HelpLine {
  std::string keys;     // "→ ↓ Space PageDown N Enter"
  std::string korean;   // "다음"
  std::string english;  // "Next"
  HelpTask task = HelpTask::kMoving;
  std::vector<std::string> names;  // each key of `keys` alone ("→", "PageDown"), one keycap each
};

// The help overlay, generated from `table` and `diagram_table`: one line per
// row of the help's own table (keymap.cpp), which gives each action its words
// and its task, so a binding shows in the group of what it does.
std::vector<HelpLine> help_lines(const std::vector<Binding>& table,
                                 const std::vector<DiagramBinding>& diagram_table = {});

// The keys of a slide's clips (modes/clip_session.h), which take K, J and L
// while the slide has a clip.
std::vector<HelpLine> clip_help_lines();

}  // namespace madang::app
