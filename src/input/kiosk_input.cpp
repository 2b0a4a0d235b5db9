#include "input/kiosk_input.h"

#include <algorithm>
#include <cmath>

namespace madang::app {

Action kiosk_action(const Action& action) {
  switch (action.kind) {
    case ActionKind::kNext:
    case ActionKind::kPrev:
    case ActionKind::kFirst:
    case ActionKind::kLast:
      return action;
    case ActionKind::kEnter:  // with nothing typed (digits mean nothing here): next
      return {ActionKind::kNext};
    case ActionKind::kBackspace:
      return {ActionKind::kPrev};
    default:
      return {};
  }
}

bool chord_keys(int mods, bool chord_key_down) {
  return chord_key_down && (mods & kChordMods) == kChordMods;
}

bool corner_chord(const std::vector<Finger>& fingers) {
  bool top_left = false, bottom_right = false;
  for (const Finger& f : fingers) {
    top_left = top_left || (f.x <= kCornerSize && f.y <= kCornerSize);
    bottom_right = bottom_right || (f.x >= 1 - kCornerSize && f.y >= 1 - kCornerSize);
  }
  return top_left && bottom_right;
}

ChordHold hold_chord(ChordHold hold, bool held, double now_ms) {
  if (!held) return {};
  if (hold.since_ms < 0) hold.since_ms = now_ms;
  return hold;
}

bool chord_due(const ChordHold& hold, double now_ms) {
  return hold.since_ms >= 0 && !hold.fired && now_ms - hold.since_ms >= kChordHoldMs;
}

double chord_wait_ms(const ChordHold& hold, double now_ms) {
  if (hold.since_ms < 0 || hold.fired) return -1;
  return std::max(0.0, hold.since_ms + kChordHoldMs - now_ms);
}

bool valid_pin(const std::string& pin) {
  if (pin.size() < static_cast<std::size_t>(kPinMinDigits) ||
      pin.size() > static_cast<std::size_t>(kPinMaxDigits)) {
    return false;
  }
  return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double lockout_ms(int failures) {
  if (failures < 3) return 0;
  constexpr double kFirst = 30'000, kMax = 15 * 60'000;
  return std::min(kMax, kFirst * std::pow(2.0, std::min(failures - 3, 10)));
}

Gate open_gate(Gate gate, bool have_pin, double now_ms) {
  gate.mode = have_pin ? GateMode::kPin : GateMode::kConfirm;
  gate.typed.clear();
  gate.note = gate_locked(gate, now_ms) ? GateNote::kLocked : GateNote::kNone;
  gate.touched_ms = now_ms;
  return gate;
}

GatePress press_gate(const Gate& gate, GateKey key, int digit, double now_ms) {
  GatePress out{gate};
  if (gate.mode == GateMode::kClosed) return out;
  Gate& g = out.gate;
  g.touched_ms = now_ms;
  if (key == GateKey::kCancel) {
    g.mode = GateMode::kClosed;
    g.typed.clear();
    g.note = GateNote::kNone;
    out.changed = true;
    return out;
  }
  if (gate.mode == GateMode::kConfirm) {
    out.leave = key == GateKey::kOk;
    return out;
  }
  if (gate_locked(gate, now_ms)) {
    // Locked: keys do nothing but say so.
    out.changed = g.note != GateNote::kLocked;
    g.note = GateNote::kLocked;
    return out;
  }
  const GateNote note_before = g.note;
  switch (key) {
    case GateKey::kDigit:
      if (digit < 0 || digit > 9 || g.typed.size() >= static_cast<std::size_t>(kPinMaxDigits)) {
        return out;
      }
      g.typed.push_back(static_cast<char>('0' + digit));
      g.note = GateNote::kNone;
      out.changed = true;
      return out;
    case GateKey::kErase:
      if (g.typed.empty()) return out;
      g.typed.pop_back();
      g.note = GateNote::kNone;
      out.changed = true;
      return out;
    case GateKey::kOk:
      if (g.typed.empty()) return out;
      out.check = true;
      out.changed = note_before != g.note;
      return out;
    case GateKey::kCancel:
      break;
  }
  return out;
}

Gate gate_verdict(Gate gate, bool right, double now_ms) {
  gate.typed.clear();
  if (right) {
    gate.mode = GateMode::kClosed;
    gate.note = GateNote::kNone;
    return gate;
  }
  ++gate.failures;
  gate.locked_until_ms = now_ms + lockout_ms(gate.failures);
  gate.note = gate_locked(gate, now_ms) ? GateNote::kLocked : GateNote::kWrong;
  gate.touched_ms = now_ms;
  return gate;
}

bool gate_locked(const Gate& gate, double now_ms) {
  return now_ms < gate.locked_until_ms;
}

int lockout_seconds_left(const Gate& gate, double now_ms) {
  if (!gate_locked(gate, now_ms)) return 0;
  return static_cast<int>(std::ceil((gate.locked_until_ms - now_ms) / 1000.0));
}

Gate close_idle_gate(Gate gate, double now_ms) {
  if (gate.mode == GateMode::kClosed || now_ms - gate.touched_ms < kGateIdleMs) return gate;
  gate.mode = GateMode::kClosed;
  gate.typed.clear();
  gate.note = GateNote::kNone;
  return gate;
}

double gate_wait_ms(const Gate& gate, double now_ms) {
  if (gate.mode == GateMode::kClosed) return -1;
  double wait = std::max(0.0, gate.touched_ms + kGateIdleMs - now_ms);
  if (gate_locked(gate, now_ms)) {
    // The countdown shows whole seconds: the next change is at the next one.
    const double left = gate.locked_until_ms - now_ms;
    const double to_next = left - std::floor((left - 1e-6) / 1000.0) * 1000.0;
    wait = std::min(wait, std::max(1.0, to_next));
  }
  return wait;
}

const char* gate_name(GateMode mode) {
  switch (mode) {
    case GateMode::kClosed:
      return "closed";
    case GateMode::kPin:
      return "pin";
    case GateMode::kConfirm:
      return "confirm";
  }
  return "?";
}

}  // namespace madang::app
