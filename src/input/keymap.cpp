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

HelpLine help_line(const std::vector<std::string>& names, const char* korean, const char* english,
                   HelpTask task) {
  HelpLine line{"", korean, english, task, names};
  for (const std::string& n : names) line.keys += (line.keys.empty() ? "" : " ") + n;
  return line;
}

// A row of the help: the actions it tells of, its words and its task.
struct HelpRow {
  std::vector<ActionKind> kinds;
  const char* korean;
  const char* english;
  HelpTask task;
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
    case kScanKpPlus:  // the keypad's keys are labelled as the others
      return prefix + "+";
    case kScanKpMinus:
      return prefix + "-";
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

std::string help_task_title(HelpTask task) {
  switch (task) {
    case HelpTask::kMoving:
      return "이동 · Moving";
    case HelpTask::kShowing:
      return "보여 주기 · Showing";
    case HelpTask::kTiming:
      return "시간과 노트 · Timing, notes";
    case HelpTask::kDiagrams:
      return "도식 · Diagrams";
  }
  return "";
}

std::vector<HelpLine> help_lines(const std::vector<Binding>& table,
                                 const std::vector<DiagramBinding>& diagram_table) {
  using K = ActionKind;
  using T = HelpTask;
  static const HelpRow kRows[] = {
      {{K::kNext, K::kEnter}, "다음 조각, 그다음 슬라이드", "Next step, then slide", T::kMoving},
      {{K::kPrev, K::kBackspace}, "이전", "Previous", T::kMoving},
      {{K::kFirst}, "첫 슬라이드", "First slide", T::kMoving},
      {{K::kLast}, "마지막 슬라이드", "Last slide", T::kMoving},
      {{K::kDigit}, "번호, Enter: 그 슬라이드로", "Type a number, Enter: go there", T::kMoving},
      {{K::kOverview}, "슬라이드 목록", "Overview", T::kMoving},
      {{K::kBlack}, "검은 화면", "Black screen", T::kShowing},
      {{K::kWhite}, "흰 화면", "White screen", T::kShowing},
      {{K::kFullscreen}, "전체 화면", "Full screen", T::kShowing},
      {{K::kSwapScreens}, "두 화면 바꾸기", "Swap the screens", T::kShowing},
      {{K::kFreeze}, "청중 화면 고정·풀기", "Freeze the hall", T::kShowing},
      {{K::kHelp}, "도움말", "This help", T::kShowing},
      {{K::kEscape},
       "닫기, 아니면 도식 해제, 아니면 창으로",
       "Close, else clear the diagram, else leave full screen",
       T::kShowing},
      {{K::kQuit}, "끝내기", "Quit", T::kShowing},
      {{K::kTimerToggle}, "타이머 시작·일시정지", "Start, pause the timer", T::kTiming},
      {{K::kTimerReset}, "타이머 초기화", "Reset the timer", T::kTiming},
      {{K::kNotesBigger, K::kNotesSmaller},
       "노트 글자 크게·작게",
       "Larger, smaller notes",
       T::kTiming},
      {{K::kNotesDown, K::kNotesUp}, "노트 넘기기", "Scroll the notes", T::kTiming},
  };
  std::vector<HelpLine> lines;
  for (const HelpRow& row : kRows) {
    std::vector<std::string> names;
    bool digits = false;
    for (const Binding& b : table) {
      if (b.mode == KeyMode::kOverview) continue;
      if (std::find(row.kinds.begin(), row.kinds.end(), b.action.kind) == row.kinds.end()) continue;
      if (b.action.kind == K::kDigit) {
        digits = true;
        continue;
      }
      add_name(&names, b.scancode, b.mods);
    }
    if (digits) names.insert(names.begin(), "0–9");
    if (names.empty()) continue;  // an action the table no longer binds
    lines.push_back(help_line(names, row.korean, row.english, row.task));
  }
  lines.push_back({"Wheel, swipe", "이전·다음", "Previous, next", T::kMoving, {"Wheel", "Swipe"}});
  // Diagram keys (input/diagram_input.h route_key decides when they apply).
  static const struct {
    std::vector<DiagramKey> keys;
    const char* korean;
    const char* english;
  } kDiagramRows[] = {
      {{DiagramKey::kFocusNext, DiagramKey::kFocusPrevious},
       "요소 사이 이동 (도식이 없으면 Tab은 목록)",
       "Move between elements (none: Tab is Overview)"},
      {{DiagramKey::kPressEnter},
       "초점 받은 요소 선택 (없으면 다음)",
       "Select the focused one (none: Next)"},
  };
  for (const auto& row : kDiagramRows) {
    std::vector<std::string> names;
    for (const DiagramBinding& b : diagram_table) {
      if (std::find(row.keys.begin(), row.keys.end(), b.key) == row.keys.end()) continue;
      add_name(&names, b.scancode, b.mods);
    }
    if (names.empty()) continue;
    lines.push_back(help_line(names, row.korean, row.english, T::kDiagrams));
  }
  if (!diagram_table.empty()) {
    lines.push_back({"Click, tap",
                     "요소 선택, 다시 누르면 해제",
                     "Select; again to reset",
                     T::kDiagrams,
                     {"Click", "Tap"}});
  }
  return lines;
}

std::vector<HelpLine> clip_help_lines() {
  return {HelpLine{"K J L",
                   "영상 재생 · 일시정지, 10초 뒤로, 10초 앞으로",
                   "Clip: play or pause, 10 s back, 10 s on",
                   HelpTask::kShowing,
                   {"K", "J", "L"}}};
}

}  // namespace madang::app
