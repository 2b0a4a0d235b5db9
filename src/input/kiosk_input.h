// What a kiosk lets a visitor do, and the one way out for the staff.
//
// Promise: pure, no SDL, no clock (times come in as `now_ms`). The kiosk
// keeps only the keys that move through the deck and work the diagrams;
// everything that would leave, switch, blank or close it means nothing here.
// The way out is a chord held for kChordHoldMs, then a PIN on an on-screen
// keypad (or, with no PIN configured, a confirm), with wrong PINs locked out
// for longer and longer.
//
// The chord (docs/kiosk.md): Ctrl+Alt+Shift+Q held down, or on a touch
// screen one finger held in the top-left corner and one in the bottom-right.
#pragma once

#include <string>
#include <vector>

#include "input/keymap.h"
#include "input/touch.h"

namespace madang::app {

// --------------------------------------------------------------------- keys

// A key's action in the kiosk: the navigation ones (next, previous, first,
// last) pass; everything else (quit, full screen, blank screens, overview,
// help, typed jumps, the speaker's keys) becomes kNone.
Action kiosk_action(const Action& action);

// ------------------------------------------------------------------- chords

inline constexpr double kChordHoldMs = 3000;
inline constexpr int kChordScancode = kScanQ;
inline constexpr int kChordMods = kModCtrl | kModAlt | kModShift;
inline constexpr float kCornerSize = 0.12f;  // of the window's width and height

// The keyboard chord is down: Ctrl, Alt and Shift (either side) held with Q.
bool chord_keys(int mods, bool chord_key_down);

// The touch chord: a finger in the top-left corner and one in the bottom-right.
bool corner_chord(const std::vector<Finger>& fingers);

// A chord being held.
struct ChordHold {
  double since_ms = -1;  // when it went down; -1: not held
  bool fired = false;    // fired during this hold (it must be let go first)
};
ChordHold hold_chord(ChordHold hold, bool held, double now_ms);
// True once per hold, kChordHoldMs after it went down.
bool chord_due(const ChordHold& hold, double now_ms);
// Ms until it is due (< 0: not held, or already fired).
double chord_wait_ms(const ChordHold& hold, double now_ms);

// --------------------------------------------------------------- the gate

inline constexpr int kPinMinDigits = 4;
inline constexpr int kPinMaxDigits = 12;
inline constexpr double kGateIdleMs = 30000;  // an untouched keypad closes

// Whether `pin` can be a PIN: kPinMinDigits to kPinMaxDigits digits 0-9.
bool valid_pin(const std::string& pin);

enum class GateMode {
  kClosed,
  kPin,      // the keypad
  kConfirm,  // no PIN configured: "leave the kiosk?" yes / no
};

enum class GateNote { kNone, kWrong, kLocked };

struct Gate {
  GateMode mode = GateMode::kClosed;
  std::string typed;  // digits so far
  int failures = 0;   // wrong PINs since the kiosk started
  double locked_until_ms = 0;
  double touched_ms = 0;  // last input (the keypad closes kGateIdleMs after)
  GateNote note = GateNote::kNone;
  bool operator==(const Gate&) const = default;
};

// How long wrong PIN number `failures` (1, 2, ...) locks the keypad: the first
// two nothing, then 30 s, doubling up to 15 minutes.
double lockout_ms(int failures);

// The chord fired: the keypad (a PIN is configured) or the confirm.
Gate open_gate(Gate gate, bool have_pin, double now_ms);

enum class GateKey { kDigit, kErase, kOk, kCancel };

struct GatePress {
  Gate gate;
  bool changed = false;  // what the keypad shows changed
  bool check = false;    // OK with a PIN typed: verify gate.typed, then gate_verdict
  bool leave = false;    // the confirm said yes (no PIN configured)
};
// A key of the keypad (a tap or a typed key); `digit` for kDigit.
GatePress press_gate(const Gate& gate, GateKey key, int digit, double now_ms);

// The typed PIN was right (leave) or wrong (locked out for lockout_ms).
Gate gate_verdict(Gate gate, bool right, double now_ms);

bool gate_locked(const Gate& gate, double now_ms);
// Whole seconds of lockout left (what the keypad shows), 0 when open.
int lockout_seconds_left(const Gate& gate, double now_ms);
// The keypad closes when untouched for kGateIdleMs.
Gate close_idle_gate(Gate gate, double now_ms);
// Ms until what the gate shows next changes by itself (the lockout's
// seconds, the keypad closing); < 0: never.
double gate_wait_ms(const Gate& gate, double now_ms);

const char* gate_name(GateMode mode);

}  // namespace madang::app
