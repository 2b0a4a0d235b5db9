#include "input/ink_keys.h"

#include <algorithm>

#include "input/keymap.h"

namespace madang::app {

namespace {

constexpr int kScanC = 6, kScanD = 7, kScanE = 8, kScanH = 11, kScanL = 15, kScanM = 16,
              kScanX = 27, kScanLeftBracket = 47, kScanRightBracket = 48;

InkBinding tool(int scancode, InkTool t, const char* korean, const char* english) {
  return {scancode, kModNone, false, false, {InkKey::kTool, static_cast<int>(t)}, korean, english};
}

std::vector<InkBinding> make_bindings() {
  std::vector<InkBinding> t = {
      tool(kScanD, InkTool::kPen, "펜", "Pen"),
      tool(kScanH, InkTool::kHighlighter, "형광펜", "Highlighter"),
      tool(kScanE, InkTool::kEraser, "지우개 (획 단위)", "Eraser (whole strokes)"),
      tool(kScanL, InkTool::kLaser, "레이저 포인터", "Laser pointer"),
      tool(kScanX, InkTool::kSpotlight, "스포트라이트", "Spotlight"),
      tool(kScanM, InkTool::kMagnifier, "돋보기", "Magnifier"),
      {kScanZ, kModCtrl, false, false, {InkKey::kUndo}, "잉크 되돌리기", "Undo ink"},
      {kScanZ, kModCtrl | kModShift, false, false, {InkKey::kRedo}, "잉크 다시 하기", "Redo ink"},
      {kScanC,
       kModNone,
       false,
       false,
       {InkKey::kClearSlide},
       "이 슬라이드 잉크 지우기",
       "Clear this slide's ink"},
      {kScanC,
       kModShift,
       false,
       false,
       {InkKey::kClearAll},
       "발표 전체 잉크 지우기 (두 번)",
       "Clear all ink (press twice)"},
      {kScanD,
       kModShift,
       false,
       false,
       {InkKey::kToggleHidden},
       "잉크 숨기기/보이기",
       "Hide or show ink"},
      {kScanEscape,
       kModNone,
       false,
       true,
       {InkKey::kPutDown},
       "도구 내려놓기",
       "Put the tool down"},
      {kScanLeftBracket, kModNone, true, false, {InkKey::kThinner}, "펜 가늘게", "Thinner pen"},
      {kScanRightBracket, kModNone, true, false, {InkKey::kThicker}, "펜 굵게", "Thicker pen"},
  };
  for (int i = 0; i < 6; ++i) {
    t.push_back({kScan1 + i, kModNone, true, false, {InkKey::kColor, i}, "펜 색", "Pen colour"});
  }
  return t;
}

}  // namespace

std::vector<HelpLine> ink_help_lines() {
  static const struct {
    std::vector<InkKey> keys;
    std::vector<InkTool> tools;
    const char* korean;
    const char* english;
  } kRows[] = {
      {{},
       {InkTool::kPen, InkTool::kHighlighter, InkTool::kEraser},
       "펜 · 형광펜 · 지우개 (다시 누르면 내려놓기)",
       "Pen, highlighter, eraser (again: put down)"},
      {{InkKey::kUndo, InkKey::kRedo}, {}, "잉크 되돌리기 · 다시 하기", "Undo, redo ink"},
      {{InkKey::kClearSlide, InkKey::kClearAll},
       {},
       "이 슬라이드 잉크 · 모든 잉크 지우기 (두 번)",
       "Clear this slide's ink, all ink (twice)"},
      {{InkKey::kToggleHidden}, {}, "잉크 숨기기 · 보이기", "Hide, show the ink"},
      {{InkKey::kColor, InkKey::kThinner, InkKey::kThicker},
       {},
       "펜을 든 동안: 색, 굵기",
       "With a pen up: colour, width"},
      {{},
       {InkTool::kLaser, InkTool::kSpotlight, InkTool::kMagnifier},
       "레이저 · 스포트라이트 · 돋보기",
       "Laser, spotlight, magnifier"},
  };
  std::vector<HelpLine> lines;
  for (const auto& row : kRows) {
    HelpLine line{"", row.korean, row.english, HelpTask::kShowing, {}};
    bool digits = false;
    for (const InkBinding& b : ink_bindings()) {
      const bool tool = b.action.key == InkKey::kTool &&
                        std::find(row.tools.begin(), row.tools.end(),
                                  static_cast<InkTool>(b.action.value)) != row.tools.end();
      const bool key = std::find(row.keys.begin(), row.keys.end(), b.action.key) != row.keys.end();
      if (!tool && !key) continue;
      if (b.action.key == InkKey::kColor) {
        if (!digits) line.names.push_back("1–6");
        digits = true;
        continue;
      }
      // keymap.h's names know the show's keys; the brackets are ink's own.
      line.names.push_back(b.scancode == kScanLeftBracket    ? std::string("[")
                           : b.scancode == kScanRightBracket ? std::string("]")
                                                             : key_name(b.scancode, b.mods));
    }
    for (const std::string& n : line.names) line.keys += (line.keys.empty() ? "" : " ") + n;
    lines.push_back(std::move(line));
  }
  return lines;
}

const std::vector<InkBinding>& ink_bindings() {
  static const std::vector<InkBinding> table = make_bindings();
  return table;
}

InkAction ink_lookup(int scancode, int mods, InkTool tool) {
  const bool pen = tool == InkTool::kPen || tool == InkTool::kHighlighter;
  for (const InkBinding& b : ink_bindings()) {
    if (b.scancode != scancode || b.mods != mods) continue;
    if (b.needs_pen && !pen) continue;
    if (b.needs_tool && tool == InkTool::kNone) continue;
    return b.action;
  }
  return {};
}

}  // namespace madang::app
