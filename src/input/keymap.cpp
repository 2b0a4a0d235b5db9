#include "input/keymap.h"

#include <algorithm>
#include <cmath>

namespace madang::app {

namespace {

Binding any(int scancode, ActionKind kind, int value = 0, int mods = kModNone) {
  return {scancode, mods, KeyMode::kAny, {kind, value}};
}

Binding overview(int scancode, ActionKind kind) {
  return {scancode, kModNone, KeyMode::kOverview, {kind, 0}};
}

std::vector<Binding> make_default_bindings() {
  using K = ActionKind;
  std::vector<Binding> t = {
      // In the overview the arrows move the cursor; they come first so that
      // they win over the slide bindings of the same keys.
      overview(kScanRight, K::kOverviewRight),
      overview(kScanLeft, K::kOverviewLeft),
      overview(kScanUp, K::kOverviewUp),
      overview(kScanDown, K::kOverviewDown),

      any(kScanRight, K::kNext),
      any(kScanDown, K::kNext),
      any(kScanSpace, K::kNext),
      any(kScanPageDown, K::kNext),
      any(kScanN, K::kNext),
      any(kScanReturn, K::kEnter),
      any(kScanKpEnter, K::kEnter),

      any(kScanLeft, K::kPrev),
      any(kScanUp, K::kPrev),
      any(kScanPageUp, K::kPrev),
      any(kScanBackspace, K::kBackspace),
      any(kScanP, K::kPrev),

      any(kScanHome, K::kFirst),
      any(kScanEnd, K::kLast),

      any(kScanB, K::kBlack),
      any(kScanPeriod, K::kBlack),
      any(kScanW, K::kWhite),
      any(kScanF, K::kFullscreen),
      any(kScanO, K::kOverview),
      any(kScanTab, K::kOverview),
      any(kScanSlash, K::kHelp, 0, kModShift),
      any(kScanEscape, K::kEscape),
      any(kScanQ, K::kQuit),

      // The speaker's: timer, freeze, screens, notes (the console shows them).
      any(kScanT, K::kTimerToggle),
      any(kScanR, K::kTimerReset, 0, kModShift),
      any(kScanZ, K::kFreeze),
      any(kScanS, K::kSwapScreens),
      any(kScanEquals, K::kNotesBigger),
      any(kScanEquals, K::kNotesBigger, 0, kModShift),  // "+" on most layouts
      any(kScanKpPlus, K::kNotesBigger),
      any(kScanMinus, K::kNotesSmaller),
      any(kScanKpMinus, K::kNotesSmaller),
      any(kScanDown, K::kNotesDown, 0, kModShift),
      any(kScanUp, K::kNotesUp, 0, kModShift),
  };
  for (int d = 1; d <= 9; ++d) t.push_back(any(kScan1 + d - 1, K::kDigit, d));
  t.push_back(any(kScan0, K::kDigit, 0));
  for (int d = 1; d <= 9; ++d) t.push_back(any(kScanKp1 + d - 1, K::kDigit, d));
  t.push_back(any(kScanKp0, K::kDigit, 0));
  return t;
}

bool mode_matches(KeyMode binding, KeyMode current) {
  return binding == KeyMode::kAny || binding == current;
}

// Adds a key's printed name once.
void add_name(std::vector<std::string>* names, int scancode, int mods) {
  std::string name = key_name(scancode, mods);
  if (std::find(names->begin(), names->end(), name) == names->end()) names->push_back(name);
}

HelpLine help_line(const std::vector<std::string>& names, const char* korean, const char* english) {
  HelpLine line{"", korean, english};
  for (const std::string& n : names) line.keys += (line.keys.empty() ? "" : " ") + n;
  return line;
}

struct HelpGroup {
  std::vector<ActionKind> kinds;
  const char* korean;
  const char* english;
};

}  // namespace

const std::vector<Binding>& default_bindings() {
  static const std::vector<Binding> table = make_default_bindings();
  return table;
}

const std::vector<DiagramBinding>& diagram_bindings() {
  static const std::vector<DiagramBinding> table = {
      {kScanTab, kModNone, DiagramKey::kFocusNext},
      {kScanTab, kModShift, DiagramKey::kFocusPrevious},
      {kScanReturn, kModNone, DiagramKey::kPressEnter},
      {kScanKpEnter, kModNone, DiagramKey::kPressEnter},
      {kScanEscape, kModNone, DiagramKey::kEscape},
  };
  return table;
}

Action lookup(const std::vector<Binding>& table, int scancode, int mods, KeyMode mode) {
  for (const Binding& b : table) {
    if (b.scancode == scancode && b.mods == mods && mode_matches(b.mode, mode)) return b.action;
  }
  return {};
}

Action wheel_action(int wheel_y) {
  if (wheel_y > 0) return {ActionKind::kPrev};
  if (wheel_y < 0) return {ActionKind::kNext};
  return {};
}

Action swipe_action(float dx, float dy) {
  constexpr float kMin = 0.10f;
  if (std::fabs(dx) < kMin || std::fabs(dx) < std::fabs(dy)) return {};
  // Swiping left pulls the next slide in from the right, as on a phone.
  return {dx < 0 ? ActionKind::kNext : ActionKind::kPrev};
}

std::string key_name(int scancode, int mods) {
  if (scancode == kScanSlash && mods == kModShift) return "?";
  std::string prefix;
  if (mods & kModCtrl) prefix += "Ctrl+";
  if (mods & kModAlt) prefix += "Alt+";
  if (mods & kModGui) prefix += "Super+";
  if (mods & kModShift) prefix += "Shift+";
  if (scancode >= 4 && scancode <= 29) return prefix + static_cast<char>('A' + scancode - 4);
  if (scancode >= kScan1 && scancode < kScan0)
    return prefix + std::to_string(scancode - kScan1 + 1);
  if (scancode >= kScanKp1 && scancode < kScanKp0) {
    return prefix + std::to_string(scancode - kScanKp1 + 1);
  }
  switch (scancode) {
    case kScan0:
    case kScanKp0:
      return prefix + "0";
    case kScanReturn:
    case kScanKpEnter:
      return prefix + "Enter";
    case kScanEscape:
      return prefix + "Esc";
    case kScanBackspace:
      return prefix + "Backspace";
    case kScanTab:
      return prefix + "Tab";
    case kScanSpace:
      return prefix + "Space";
    case kScanPeriod:
      return prefix + ".";
    case kScanMinus:
      return prefix + "-";
    case kScanEquals:
      return prefix + "=";
    case kScanKpPlus:
      return prefix + "Keypad+";
    case kScanKpMinus:
      return prefix + "Keypad-";
    case kScanSlash:
      return prefix + "/";
    case kScanHome:
      return prefix + "Home";
    case kScanEnd:
      return prefix + "End";
    case kScanPageUp:
      return prefix + "PageUp";
    case kScanPageDown:
      return prefix + "PageDown";
    case kScanRight:
      return prefix + "→";
    case kScanLeft:
      return prefix + "←";
    case kScanDown:
      return prefix + "↓";
    case kScanUp:
      return prefix + "↑";
    default:
      return prefix + "#" + std::to_string(scancode);
  }
}

std::vector<HelpLine> help_lines(const std::vector<Binding>& table,
                                 const std::vector<DiagramBinding>& diagram_table) {
  using K = ActionKind;
  static const HelpGroup kGroups[] = {
      {{K::kNext, K::kEnter}, "다음 (조각, 그다음 슬라이드)", "Next (fragment, then slide)"},
      {{K::kPrev, K::kBackspace}, "이전", "Previous"},
      {{K::kFirst}, "첫 슬라이드", "First slide"},
      {{K::kLast}, "마지막 슬라이드", "Last slide"},
      {{K::kDigit}, "번호 입력 후 Enter: 그 슬라이드로", "Type a number, Enter: go to slide"},
      {{K::kBlack}, "검은 화면", "Black screen"},
      {{K::kWhite}, "흰 화면", "White screen"},
      {{K::kFullscreen}, "전체 화면", "Full screen"},
      {{K::kOverview}, "슬라이드 목록 (화살표, Enter, 클릭)", "Overview (arrows, Enter, click)"},
      {{K::kHelp}, "도움말", "This help"},
      {{K::kTimerToggle}, "타이머 시작·일시정지·계속", "Timer: start, pause, resume"},
      {{K::kTimerReset}, "타이머 초기화", "Reset the timer"},
      {{K::kFreeze},
       "청중 화면 고정·풀기 (발표자 화면만 넘어감)",
       "Freeze the hall (the console moves on alone)"},
      {{K::kSwapScreens}, "두 화면 바꾸기", "Swap the two screens"},
      {{K::kNotesBigger, K::kNotesSmaller}, "노트 글자 크게·작게", "Notes: larger, smaller"},
      {{K::kNotesDown, K::kNotesUp}, "노트 넘기기", "Scroll the notes"},
      {{K::kEscape},
       "닫기, 아니면 도식 선택 해제, 아니면 전체 화면 끝내기",
       "Close overlay, else clear the diagram, else leave full screen"},
      {{K::kQuit}, "끝내기", "Quit"},
  };
  std::vector<HelpLine> lines;
  for (const HelpGroup& g : kGroups) {
    std::vector<std::string> names;
    bool digits = false;
    for (const Binding& b : table) {
      if (b.mode == KeyMode::kOverview) continue;
      if (std::find(g.kinds.begin(), g.kinds.end(), b.action.kind) == g.kinds.end()) continue;
      if (b.action.kind == K::kDigit) {
        digits = true;
        continue;
      }
      add_name(&names, b.scancode, b.mods);
    }
    if (digits) names.insert(names.begin(), "0–9");
    if (names.empty()) continue;  // an action the table no longer binds
    lines.push_back(help_line(names, g.korean, g.english));
  }
  // Diagram keys (input/diagram_input.h route_key decides when they apply).
  static const struct {
    std::vector<DiagramKey> keys;
    const char* korean;
    const char* english;
  } kDiagramGroups[] = {
      {{DiagramKey::kFocusNext, DiagramKey::kFocusPrevious},
       "도식이 있는 슬라이드: 요소 사이 이동 (없으면 Tab은 슬라이드 목록)",
       "Slides with diagrams: move between elements (elsewhere Tab opens the overview)"},
      {{DiagramKey::kPressEnter},
       "초점 받은 도식 요소 선택 (초점이 없으면 다음)",
       "Select the focused element (no focus: Next)"},
  };
  for (const auto& g : kDiagramGroups) {
    std::vector<std::string> names;
    for (const DiagramBinding& b : diagram_table) {
      if (std::find(g.keys.begin(), g.keys.end(), b.key) == g.keys.end()) continue;
      add_name(&names, b.scancode, b.mods);
    }
    if (names.empty()) continue;
    lines.push_back(help_line(names, g.korean, g.english));
  }
  if (!diagram_table.empty()) {
    lines.push_back({"Click, tap", "도식 요소 선택, 다시 누르면 해제",
                     "Select a diagram element; again to reset"});
  }
  lines.push_back({"Wheel, swipe", "휠, 밀기: 이전·다음", "Wheel, swipe: previous / next"});
  return lines;
}

}  // namespace madang::app
