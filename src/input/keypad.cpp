#include "input/keypad.h"

#include <algorithm>
#include <cmath>

namespace madang::app {

namespace {

constexpr float kMinButton = 56;  // px: a fingertip (~9 mm at 96 dpi, more on HiDPI)

}  // namespace

KeypadLayout keypad_layout(GateMode mode, int w, int h) {
  KeypadLayout pad;
  pad.mode = mode;
  if (mode == GateMode::kClosed || w <= 0 || h <= 0) return pad;
  const float fw = static_cast<float>(w), fh = static_cast<float>(h);
  // Rows: title, dots, note, then 4 rows of keys and the cancel row (PIN),
  // or one row of two buttons (confirm). `b` is a key's height; a key of the
  // PIN grid is a little wider than high, room for 지우기 in large type.
  const float rows = mode == GateMode::kPin ? 9.2f : 6.5f;
  float b = std::floor(std::min(fh * 0.9f / rows, fw * 0.9f / 4.8f));
  b = std::max(b, std::min(kMinButton, std::floor(fh / rows)));
  const float gap = std::floor(b * 0.14f);
  const float key_w = std::round(b * 1.3f);
  // Text: a third of a key, never under 28 px of a 1080p screen (the
  // overlays' floor) nor over 44.
  const float screen = fh / 1080.0f;
  pad.text_px = std::round(std::clamp(b * 0.34f, std::max(12.0f, 28.0f * screen), 44.0f * screen));
  const float line = std::round(b * 0.62f);
  // The confirm's two buttons hold "끝내기 · Quit" and "취소 · Cancel".
  const float wide_w = std::round(std::max(1.6f * b, pad.text_px * 8));
  const float grid_w = mode == GateMode::kPin ? 3 * key_w + 2 * gap : 2 * wide_w + gap;
  const float pad_in = std::round(b * 0.3f);
  const float panel_w =
      std::min(fw, std::max(grid_w, pad.text_px * (mode == GateMode::kPin ? 14 : 19)) + 2 * pad_in);
  float panel_h = pad_in + line * (mode == GateMode::kPin ? 3 : 2) + gap;
  panel_h += mode == GateMode::kPin ? 4 * b + 3 * gap + gap + b * 0.8f : b;
  panel_h += pad_in;
  const float px0 = std::floor((fw - panel_w) / 2), py0 = std::floor((fh - panel_h) / 2);
  pad.panel = {px0, py0, panel_w, panel_h};
  const float inner_x = px0 + pad_in, inner_w = panel_w - 2 * pad_in;
  float y = py0 + pad_in;
  pad.title = {inner_x, y, inner_w, line};
  y += line;
  if (mode == GateMode::kPin) {
    pad.dots = {inner_x, y, inner_w, line};
    y += line;
  }
  pad.note = {inner_x, y, inner_w, line};
  y += line + gap;
  const float gx = std::floor(px0 + (panel_w - grid_w) / 2);
  if (mode == GateMode::kPin) {
    for (int i = 0; i < 9; ++i) {
      const float x = gx + static_cast<float>(i % 3) * (key_w + gap);
      const float top = y + static_cast<float>(i / 3) * (b + gap);
      pad.buttons.push_back({GateKey::kDigit, i + 1, std::to_string(i + 1), {x, top, key_w, b}});
    }
    const float last = y + 3 * (b + gap);
    pad.buttons.push_back({GateKey::kErase, 0, "지우기", {gx, last, key_w, b}});
    pad.buttons.push_back({GateKey::kDigit, 0, "0", {gx + key_w + gap, last, key_w, b}});
    pad.buttons.push_back({GateKey::kOk, 0, "확인", {gx + 2 * (key_w + gap), last, key_w, b}});
    const float cancel_y = last + b + gap;
    pad.buttons.push_back({GateKey::kCancel, 0, "취소 · Cancel", {gx, cancel_y, grid_w, b * 0.8f}});
  } else {
    pad.buttons.push_back({GateKey::kOk, 0, "끝내기 · Quit", {gx, y, wide_w, b}});
    pad.buttons.push_back(
        {GateKey::kCancel, 0, "취소 · Cancel", {gx + wide_w + gap, y, wide_w, b}});
  }
  return pad;
}

const PadButton* keypad_hit(const KeypadLayout& pad, float x, float y) {
  for (const PadButton& button : pad.buttons) {
    if (button.rect.contains(x, y)) return &button;
  }
  return nullptr;
}

std::string keypad_title(GateMode mode) {
  switch (mode) {
    case GateMode::kPin:
      return "관리자 PIN · Staff PIN";
    case GateMode::kConfirm:
      return "키오스크를 끝낼까요? · Leave the kiosk?";
    case GateMode::kClosed:
      break;
  }
  return "";
}

std::string keypad_note(const Gate& gate, double now_ms) {
  const int left = lockout_seconds_left(gate, now_ms);
  if (left > 0) {
    return std::to_string(left) + "초 뒤에 다시 · Try again in " + std::to_string(left) + " s";
  }
  if (gate.note == GateNote::kWrong) return "PIN이 틀렸습니다 · Wrong PIN";
  return "";
}

KeypadPicture keypad_picture(const Gate& gate, int w, int h, double now_ms) {
  KeypadPicture p;
  p.layout = keypad_layout(gate.mode, w, h);
  p.title = keypad_title(gate.mode);
  p.typed = static_cast<int>(gate.typed.size());
  p.note = keypad_note(gate, now_ms);
  return p;
}

std::vector<std::string> keypad_texts() {
  std::vector<std::string> texts = {keypad_title(GateMode::kPin), keypad_title(GateMode::kConfirm),
                                    "0123456789초 뒤에 다시 · Try again in s",
                                    "PIN이 틀렸습니다 · Wrong PIN"};
  for (GateMode mode : {GateMode::kPin, GateMode::kConfirm}) {
    for (const PadButton& b : keypad_layout(mode, 800, 600).buttons) texts.push_back(b.label);
  }
  return texts;
}

}  // namespace madang::app
