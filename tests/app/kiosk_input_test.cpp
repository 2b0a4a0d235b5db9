// What a kiosk lets through (only the keys that move through the deck; every
// key that would leave, switch, blank or close it is nothing), the chord
// held 3 s by keys or by two fingers in opposite corners, the PIN gate with
// its lockouts, the keypad's geometry, and touches that are taps, swipes or
// neither.
#include "input/kiosk_input.h"

#include <gtest/gtest.h>

#include "input/keypad.h"
#include "input/touch.h"

namespace madang::app {
namespace {

using K = ActionKind;

Action key(int scancode, int mods = kModNone) {
  return kiosk_action(lookup(default_bindings(), scancode, mods, KeyMode::kSlides));
}

TEST(KioskKeys, EveryWayOutOrAsideMeansNothing) {
  constexpr int kScanF4 = 61;  // SDL_SCANCODE_F4 (not bound anywhere)
  const struct {
    int scancode, mods;
    const char* what;
  } ways_out[] = {
      {kScanEscape, kModNone, "Esc"},
      {kScanQ, kModNone, "Q"},
      {kScanF, kModNone, "F"},
      {kScanF4, kModAlt, "Alt+F4"},
      {kScanW, kModCtrl, "Ctrl+W"},
      {kScanTab, kModAlt, "Alt+Tab"},
      {kScanQ, kModCtrl, "Ctrl+Q"},
      {kScanW, kModNone, "W (white)"},
      {kScanB, kModNone, "B (black)"},
      {kScanPeriod, kModNone, ". (black)"},
      {kScanO, kModNone, "O (overview)"},
      {kScanTab, kModNone, "Tab (overview)"},
      {kScanSlash, kModShift, "? (help)"},
      {kScanT, kModNone, "T (timer)"},
      {kScanZ, kModNone, "Z (freeze)"},
      {kScanS, kModNone, "S (swap)"},
      {kScan1 + 2, kModNone, "3 (jump)"},
      {kScanKp1, kModNone, "keypad 1"},
      {kScanEquals, kModNone, "= (notes)"},
      {kScanR, kModShift, "Shift+R"},
  };
  for (const auto& k : ways_out) {
    EXPECT_EQ(key(k.scancode, k.mods).kind, K::kNone) << k.what;
  }
}

TEST(KioskKeys, TheDecksOwnKeysStillMoveThroughIt) {
  EXPECT_EQ(key(kScanRight).kind, K::kNext);
  EXPECT_EQ(key(kScanSpace).kind, K::kNext);
  EXPECT_EQ(key(kScanPageDown).kind, K::kNext);
  EXPECT_EQ(key(kScanReturn).kind, K::kNext) << "nothing typed: Enter is Next";
  EXPECT_EQ(key(kScanLeft).kind, K::kPrev);
  EXPECT_EQ(key(kScanBackspace).kind, K::kPrev);
  EXPECT_EQ(key(kScanHome).kind, K::kFirst);
  EXPECT_EQ(key(kScanEnd).kind, K::kLast);
}

TEST(KioskChord, KeysNeedAllThreeModifiersAndQ) {
  EXPECT_TRUE(chord_keys(kModCtrl | kModAlt | kModShift, true));
  EXPECT_TRUE(chord_keys(kModCtrl | kModAlt | kModShift | kModGui, true));
  EXPECT_FALSE(chord_keys(kModCtrl | kModAlt | kModShift, false));
  EXPECT_FALSE(chord_keys(kModCtrl | kModAlt, true));
  EXPECT_FALSE(chord_keys(kModCtrl | kModShift, true));
  EXPECT_FALSE(chord_keys(kModNone, true));
}

TEST(KioskChord, TwoFingersInOppositeCorners) {
  EXPECT_TRUE(corner_chord({{1, 0.02f, 0.05f}, {2, 0.97f, 0.95f}}));
  EXPECT_TRUE(corner_chord({{2, 0.97f, 0.95f}, {5, 0.5f, 0.5f}, {1, 0.1f, 0.1f}}));
  EXPECT_FALSE(corner_chord({{1, 0.02f, 0.05f}}));
  EXPECT_FALSE(corner_chord({{1, 0.02f, 0.05f}, {2, 0.97f, 0.05f}})) << "top-right is not it";
  EXPECT_FALSE(corner_chord({{1, 0.3f, 0.3f}, {2, 0.97f, 0.95f}}));
  EXPECT_FALSE(corner_chord({}));
}

TEST(KioskChord, FiresOnceAfterThreeSecondsHeld) {
  ChordHold h;
  h = hold_chord(h, true, 1'000);
  EXPECT_FALSE(chord_due(h, 3'999));
  EXPECT_EQ(chord_wait_ms(h, 2'000), 2'000);
  EXPECT_TRUE(chord_due(h, 4'000));
  h.fired = true;
  h = hold_chord(h, true, 9'000);
  EXPECT_FALSE(chord_due(h, 9'000)) << "held on: once per hold";
  EXPECT_LT(chord_wait_ms(h, 9'000), 0);
  // Let go in between: the time starts again.
  h = hold_chord(h, false, 9'500);
  h = hold_chord(h, true, 10'000);
  EXPECT_FALSE(chord_due(h, 12'000));
  h = hold_chord(h, false, 12'500);
  h = hold_chord(h, true, 12'600);
  EXPECT_FALSE(chord_due(h, 15'000)) << "a release restarts the count";
  EXPECT_TRUE(chord_due(h, 15'600));
}

TEST(KioskGate, PinsAreFourToTwelveDigits) {
  EXPECT_TRUE(valid_pin("2468"));
  EXPECT_TRUE(valid_pin("012345678901"));
  EXPECT_FALSE(valid_pin("123"));
  EXPECT_FALSE(valid_pin("0123456789012"));
  EXPECT_FALSE(valid_pin("12a4"));
  EXPECT_FALSE(valid_pin(""));
}

GatePress press(const Gate& g, GateKey k, int digit = 0, double now = 0) {
  return press_gate(g, k, digit, now);
}

TEST(KioskGate, DigitsEraseOkAndCancel) {
  Gate g = open_gate({}, true, 0);
  EXPECT_EQ(g.mode, GateMode::kPin);
  g = press(g, GateKey::kDigit, 2).gate;
  g = press(g, GateKey::kDigit, 4).gate;
  g = press(g, GateKey::kDigit, 9).gate;
  GatePress p = press(g, GateKey::kErase);
  EXPECT_TRUE(p.changed);
  EXPECT_EQ(p.gate.typed, "24");
  p = press(p.gate, GateKey::kOk);
  EXPECT_TRUE(p.check) << "the caller checks the PIN";
  EXPECT_FALSE(p.leave);
  p = press(g, GateKey::kCancel);
  EXPECT_EQ(p.gate.mode, GateMode::kClosed);
  EXPECT_TRUE(p.gate.typed.empty());
  EXPECT_FALSE(press(open_gate({}, true, 0), GateKey::kOk).check) << "nothing typed";
}

TEST(KioskGate, TypingStopsAtTwelveDigits) {
  Gate g = open_gate({}, true, 0);
  for (int i = 0; i < 20; ++i) g = press(g, GateKey::kDigit, i % 10).gate;
  EXPECT_EQ(g.typed.size(), 12u);
}

TEST(KioskGate, WrongPinsLockTheKeypadLongerAndLonger) {
  EXPECT_EQ(lockout_ms(1), 0);
  EXPECT_EQ(lockout_ms(2), 0);
  EXPECT_EQ(lockout_ms(3), 30'000);
  EXPECT_EQ(lockout_ms(4), 60'000);
  EXPECT_EQ(lockout_ms(5), 120'000);
  EXPECT_EQ(lockout_ms(9), 900'000) << "at most 15 minutes";
  EXPECT_EQ(lockout_ms(1000), 900'000);

  Gate g = open_gate({}, true, 0);
  g = gate_verdict(g, false, 1'000);
  EXPECT_EQ(g.note, GateNote::kWrong);
  EXPECT_EQ(g.mode, GateMode::kPin) << "the keypad stays for another try";
  g = gate_verdict(g, false, 2'000);
  g = gate_verdict(g, false, 3'000);
  EXPECT_EQ(g.failures, 3);
  EXPECT_TRUE(gate_locked(g, 32'999));
  EXPECT_FALSE(gate_locked(g, 33'000));
  EXPECT_EQ(lockout_seconds_left(g, 3'001), 30);
  EXPECT_EQ(lockout_seconds_left(g, 32'500), 1);
  // While locked, digits do nothing (they cannot even be typed).
  const GatePress p = press(g, GateKey::kDigit, 1, 10'000);
  EXPECT_TRUE(p.gate.typed.empty());
  EXPECT_FALSE(p.check);
  EXPECT_FALSE(press(g, GateKey::kOk, 0, 10'000).check);
  // Closing and opening again does not lift it.
  g = press(g, GateKey::kCancel, 0, 11'000).gate;
  g = open_gate(g, true, 12'000);
  EXPECT_EQ(g.note, GateNote::kLocked);
  EXPECT_TRUE(gate_locked(g, 12'000));
  // The countdown wakes the loop once a second, no more.
  EXPECT_LE(gate_wait_ms(g, 12'000), 1'000);
  EXPECT_GE(gate_wait_ms(g, 12'000), 1);
  // After it, a fourth wrong PIN: a minute.
  g = press(g, GateKey::kDigit, 1, 40'000).gate;
  EXPECT_EQ(g.typed, "1");
  g = gate_verdict(g, false, 40'000);
  EXPECT_EQ(g.locked_until_ms, 100'000);
}

TEST(KioskGate, TheRightPinLeaves) {
  Gate g = open_gate({}, true, 0);
  g = gate_verdict(g, false, 1'000);
  g = gate_verdict(g, true, 2'000);
  EXPECT_EQ(g.mode, GateMode::kClosed);
}

TEST(KioskGate, NoPinMeansAConfirm) {
  Gate g = open_gate({}, false, 0);
  EXPECT_EQ(g.mode, GateMode::kConfirm);
  EXPECT_FALSE(press(g, GateKey::kDigit, 1).leave);
  EXPECT_FALSE(press(g, GateKey::kCancel).leave);
  EXPECT_EQ(press(g, GateKey::kCancel).gate.mode, GateMode::kClosed);
  EXPECT_TRUE(press(g, GateKey::kOk).leave);
}

TEST(KioskGate, AnUntouchedKeypadCloses) {
  Gate g = open_gate({}, true, 0);
  g = press(g, GateKey::kDigit, 5, 10'000).gate;
  EXPECT_EQ(close_idle_gate(g, 39'999).mode, GateMode::kPin);
  const Gate closed = close_idle_gate(g, 40'000);
  EXPECT_EQ(closed.mode, GateMode::kClosed);
  EXPECT_TRUE(closed.typed.empty()) << "a half-typed PIN is not kept";
  EXPECT_EQ(gate_wait_ms(g, 15'000), 25'000);
  EXPECT_LT(gate_wait_ms(closed, 50'000), 0);
}

TEST(Keypad, TwelveKeysAndCancelEveryOneFingerSizedAndApart) {
  for (const auto& [w, h] : {std::pair{1920, 1080}, {1280, 800}, {800, 480}, {3840, 2160}}) {
    const KeypadLayout pad = keypad_layout(GateMode::kPin, w, h);
    ASSERT_EQ(pad.buttons.size(), 13u) << w;
    int digits = 0;
    for (std::size_t i = 0; i < pad.buttons.size(); ++i) {
      const PadButton& b = pad.buttons[i];
      digits += b.key == GateKey::kDigit;
      EXPECT_GE(b.rect.h, 40) << w << " " << b.label;
      EXPECT_GE(b.rect.x, pad.panel.x);
      EXPECT_LE(b.rect.x + b.rect.w, pad.panel.x + pad.panel.w + 0.5f);
      EXPECT_LE(b.rect.y + b.rect.h, pad.panel.y + pad.panel.h + 0.5f);
      for (std::size_t j = i + 1; j < pad.buttons.size(); ++j) {
        const layout::Rect& o = pad.buttons[j].rect;
        const bool apart = b.rect.x + b.rect.w <= o.x || o.x + o.w <= b.rect.x ||
                           b.rect.y + b.rect.h <= o.y || o.y + o.h <= b.rect.y;
        EXPECT_TRUE(apart) << b.label << " overlaps " << pad.buttons[j].label;
      }
    }
    EXPECT_EQ(digits, 10);
    EXPECT_GE(pad.panel.x, 0);
    EXPECT_GE(pad.panel.y, 0);
    EXPECT_LE(pad.panel.x + pad.panel.w, static_cast<float>(w));
    EXPECT_LE(pad.panel.y + pad.panel.h, static_cast<float>(h));
  }
}

TEST(Keypad, ATapHitsTheButtonDrawnThere) {
  const KeypadLayout pad = keypad_layout(GateMode::kPin, 1920, 1080);
  for (const PadButton& b : pad.buttons) {
    const PadButton* hit = keypad_hit(pad, b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2);
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->label, b.label);
  }
  EXPECT_EQ(keypad_hit(pad, 5, 5), nullptr);
  // 1 2 3 on the top row, left to right; 0 under 8.
  EXPECT_EQ(pad.buttons[0].digit, 1);
  EXPECT_LT(pad.buttons[0].rect.x, pad.buttons[2].rect.x);
  const PadButton& zero = pad.buttons[10];
  EXPECT_EQ(zero.digit, 0);
  EXPECT_FLOAT_EQ(zero.rect.x, pad.buttons[7].rect.x);
}

TEST(Keypad, TheConfirmHasQuitAndCancel) {
  const KeypadLayout pad = keypad_layout(GateMode::kConfirm, 1920, 1080);
  ASSERT_EQ(pad.buttons.size(), 2u);
  EXPECT_EQ(pad.buttons[0].key, GateKey::kOk);
  EXPECT_EQ(pad.buttons[1].key, GateKey::kCancel);
  EXPECT_TRUE(keypad_layout(GateMode::kClosed, 1920, 1080).buttons.empty());
}

TEST(Keypad, SaysWhatHappened) {
  Gate g = open_gate({}, true, 0);
  EXPECT_EQ(keypad_note(g, 0), "");
  g = gate_verdict(g, false, 0);
  EXPECT_EQ(keypad_note(g, 0), "PIN이 틀렸습니다 · Wrong PIN");
  g = gate_verdict(g, false, 0);
  g = gate_verdict(g, false, 0);
  EXPECT_EQ(keypad_note(g, 100), "30초 뒤에 다시 · Try again in 30 s");
  EXPECT_EQ(keypad_note(g, 30'000), "") << "the lockout is over";
}

TEST(Touch, OneFingerTapsOrSwipes) {
  TouchTracker t;
  t.down(7, 0.5f, 0.5f);
  Gesture g = t.up(7, 0.505f, 0.5f);
  EXPECT_EQ(g.kind, Gesture::Kind::kTap);
  EXPECT_FLOAT_EQ(g.x, 0.505f);
  t.down(8, 0.8f, 0.5f);
  t.move(8, 0.6f, 0.5f);
  g = t.up(8, 0.5f, 0.52f);
  EXPECT_EQ(g.kind, Gesture::Kind::kSwipe);
  EXPECT_EQ(g.swipe.kind, K::kNext) << "right to left pulls the next slide in";
  t.down(9, 0.5f, 0.5f);
  EXPECT_EQ(t.up(9, 0.55f, 0.5f).kind, Gesture::Kind::kNone) << "between tap and swipe";
  EXPECT_TRUE(t.fingers().empty());
}

TEST(Touch, FingersOfAChordClickNothing) {
  TouchTracker t;
  t.down(1, 0.03f, 0.03f);
  t.down(2, 0.97f, 0.97f);
  ASSERT_EQ(t.fingers().size(), 2u);
  EXPECT_TRUE(corner_chord(t.fingers()));
  EXPECT_EQ(t.up(1, 0.03f, 0.03f).kind, Gesture::Kind::kNone);
  EXPECT_EQ(t.up(2, 0.97f, 0.97f).kind, Gesture::Kind::kNone);
  EXPECT_EQ(t.up(3, 0.5f, 0.5f).kind, Gesture::Kind::kNone) << "never went down";
}

}  // namespace
}  // namespace madang::app
