// Key bindings: every documented key maps to its action; help lists them.
#include "input/keymap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace madang::app {
namespace {

using K = ActionKind;

Action slides_key(int scancode, int mods = kModNone) {
  return lookup(default_bindings(), scancode, mods, KeyMode::kSlides);
}
Action overview_key(int scancode, int mods = kModNone) {
  return lookup(default_bindings(), scancode, mods, KeyMode::kOverview);
}

TEST(Keymap, EveryDocumentedKey) {
  const std::pair<int, K> expected[] = {
      {kScanRight, K::kNext},
      {kScanDown, K::kNext},
      {kScanSpace, K::kNext},
      {kScanPageDown, K::kNext},
      {kScanReturn, K::kEnter},
      {kScanKpEnter, K::kEnter},
      {kScanN, K::kNext},
      {kScanLeft, K::kPrev},
      {kScanUp, K::kPrev},
      {kScanPageUp, K::kPrev},
      {kScanBackspace, K::kBackspace},
      {kScanP, K::kPrev},
      {kScanHome, K::kFirst},
      {kScanEnd, K::kLast},
      {kScanB, K::kBlack},
      {kScanPeriod, K::kBlack},
      {kScanW, K::kWhite},
      {kScanF, K::kFullscreen},
      {kScanO, K::kOverview},
      {kScanTab, K::kOverview},
      {kScanEscape, K::kEscape},
      {kScanQ, K::kQuit},
  };
  for (const auto& [scan, kind] : expected) {
    EXPECT_EQ(slides_key(scan).kind, kind) << key_name(scan, kModNone);
  }
  EXPECT_EQ(slides_key(kScanSlash, kModShift).kind, K::kHelp);
}

TEST(Keymap, EnterAndBackspaceMeanNextAndPrevWithoutDigits) {
  const show::DeckShape shape{{0, 0, 0}};
  PresentState s = show::apply({}, slides_key(kScanReturn), shape);
  EXPECT_EQ(s.slide, 1);
  s = show::apply(s, slides_key(kScanBackspace), shape);
  EXPECT_EQ(s.slide, 0);
}

TEST(Keymap, DigitsOnBothRowsAndKeypad) {
  for (int d = 1; d <= 9; ++d) {
    EXPECT_EQ(slides_key(kScan1 + d - 1), (Action{K::kDigit, d}));
    EXPECT_EQ(slides_key(kScanKp1 + d - 1), (Action{K::kDigit, d}));
  }
  EXPECT_EQ(slides_key(kScan0), (Action{K::kDigit, 0}));
  EXPECT_EQ(slides_key(kScanKp0), (Action{K::kDigit, 0}));
}

TEST(Keymap, ModifiersMustMatch) {
  EXPECT_EQ(slides_key(kScanSlash).kind, K::kNone);  // plain "/" is not help
  EXPECT_EQ(slides_key(kScanQ, kModCtrl).kind, K::kNone);
  EXPECT_EQ(slides_key(kScanRight, kModAlt).kind, K::kNone);
}

TEST(Keymap, ArrowsMoveTheOverviewCursor) {
  EXPECT_EQ(overview_key(kScanRight).kind, K::kOverviewRight);
  EXPECT_EQ(overview_key(kScanLeft).kind, K::kOverviewLeft);
  EXPECT_EQ(overview_key(kScanUp).kind, K::kOverviewUp);
  EXPECT_EQ(overview_key(kScanDown).kind, K::kOverviewDown);
  EXPECT_EQ(overview_key(kScanReturn).kind, K::kEnter);
  EXPECT_EQ(overview_key(kScanTab).kind, K::kOverview);
  EXPECT_EQ(overview_key(kScanEscape).kind, K::kEscape);
}

TEST(Keymap, UnboundKeysDoNothing) {
  EXPECT_EQ(slides_key(4 /* A */).kind, K::kNone);
  EXPECT_EQ(slides_key(0).kind, K::kNone);
}

TEST(Keymap, WheelAndSwipe) {
  EXPECT_EQ(wheel_action(-1).kind, K::kNext);
  EXPECT_EQ(wheel_action(2).kind, K::kPrev);
  EXPECT_EQ(wheel_action(0).kind, K::kNone);
  EXPECT_EQ(swipe_action(-0.3f, 0.05f).kind, K::kNext);
  EXPECT_EQ(swipe_action(0.3f, -0.05f).kind, K::kPrev);
  EXPECT_EQ(swipe_action(0.05f, 0).kind, K::kNone);    // a tap, not a swipe
  EXPECT_EQ(swipe_action(0.2f, 0.5f).kind, K::kNone);  // mostly vertical
}

TEST(Keymap, KeyNames) {
  EXPECT_EQ(key_name(kScanRight, 0), "→");
  EXPECT_EQ(key_name(kScanSlash, kModShift), "?");
  EXPECT_EQ(key_name(kScanB, 0), "B");
  EXPECT_EQ(key_name(kScanPageDown, 0), "PageDown");
  EXPECT_EQ(key_name(kScan0 - 1, 0), "9");
  EXPECT_EQ(key_name(kScanQ, kModCtrl), "Ctrl+Q");
}

const HelpLine* find_line(const std::vector<HelpLine>& lines, const std::string& english) {
  for (const HelpLine& l : lines) {
    if (l.english.rfind(english, 0) == 0) return &l;
  }
  return nullptr;
}

TEST(Keymap, HelpIsGeneratedFromTheTable) {
  const auto lines = help_lines(default_bindings());
  const HelpLine* next = find_line(lines, "Next");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->keys, "→ ↓ Space PageDown N Enter");
  EXPECT_EQ(next->korean.rfind("다음", 0), 0u);
  const HelpLine* prev = find_line(lines, "Previous");
  ASSERT_NE(prev, nullptr);
  EXPECT_EQ(prev->keys, "← ↑ PageUp Backspace P");
  ASSERT_NE(find_line(lines, "First"), nullptr);
  EXPECT_EQ(find_line(lines, "First")->keys, "Home");
  EXPECT_EQ(find_line(lines, "Last")->keys, "End");
  EXPECT_EQ(find_line(lines, "Type a number")->keys, "0–9");
  EXPECT_EQ(find_line(lines, "Black")->keys, "B .");
  EXPECT_EQ(find_line(lines, "White")->keys, "W");
  EXPECT_EQ(find_line(lines, "Full screen")->keys, "F");
  EXPECT_EQ(find_line(lines, "Overview")->keys, "O Tab");
  EXPECT_EQ(find_line(lines, "This help")->keys, "?");
  EXPECT_EQ(find_line(lines, "Close")->keys, "Esc");
  EXPECT_EQ(find_line(lines, "Quit")->keys, "Q");
}

TEST(Keymap, HelpTellsWhatDiagramsDoWithTabEnterAndEsc) {
  const auto lines = help_lines(default_bindings(), diagram_bindings());
  const HelpLine* focus = find_line(lines, "Move between elements");
  ASSERT_NE(focus, nullptr);
  EXPECT_EQ(focus->keys, "Tab Shift+Tab");
  EXPECT_NE(focus->english.find("Tab is Overview"), std::string::npos);
  EXPECT_NE(focus->korean.find("Tab은 목록"), std::string::npos);
  const HelpLine* enter = find_line(lines, "Select the focused");
  ASSERT_NE(enter, nullptr);
  EXPECT_EQ(enter->keys, "Enter");
  EXPECT_NE(find_line(lines, "Close, else clear the diagram"), nullptr);
  const HelpLine* click = find_line(lines, "Select; again to reset");
  ASSERT_NE(click, nullptr);
  EXPECT_EQ(click->keys, "Click, tap");
  EXPECT_EQ(click->names, (std::vector<std::string>{"Click", "Tap"}));
  // Without the diagram table the diagram lines are not made up.
  EXPECT_EQ(find_line(help_lines(default_bindings()), "Move between elements"), nullptr);
}

// The help's groups: each line in the group of what its keys do, every
// group titled, and each key of a line a keycap of its own.
TEST(Keymap, HelpIsGroupedByTask) {
  const auto lines = help_lines(default_bindings(), diagram_bindings());
  const std::pair<const char*, HelpTask> expected[] = {
      {"Next", HelpTask::kMoving},
      {"Previous", HelpTask::kMoving},
      {"First slide", HelpTask::kMoving},
      {"Type a number", HelpTask::kMoving},
      {"Overview", HelpTask::kMoving},
      {"Previous, next", HelpTask::kMoving},
      {"Black", HelpTask::kShowing},
      {"Full screen", HelpTask::kShowing},
      {"Freeze", HelpTask::kShowing},
      {"Swap", HelpTask::kShowing},
      {"Quit", HelpTask::kShowing},
      {"Start, pause the timer", HelpTask::kTiming},
      {"Reset the timer", HelpTask::kTiming},
      {"Scroll the notes", HelpTask::kTiming},
      {"Larger, smaller notes", HelpTask::kTiming},
      {"Move between elements", HelpTask::kDiagrams},
      {"Select the focused", HelpTask::kDiagrams},
  };
  for (const auto& [english, task] : expected) {
    const HelpLine* line = find_line(lines, english);
    ASSERT_NE(line, nullptr) << english;
    EXPECT_EQ(line->task, task) << english;
  }
  std::set<std::string> titles;
  for (HelpTask task : kHelpTasks) {
    titles.insert(help_task_title(task));
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [task](const HelpLine& l) {
      return l.task == task;
    })) << help_task_title(task);
  }
  EXPECT_EQ(titles, (std::set<std::string>{"이동 · Moving", "보여 주기 · Showing",
                                           "시간과 노트 · Timing, notes", "도식 · Diagrams"}));
  for (const HelpLine& l : lines) {
    if (l.keys.find(',') != std::string::npos) continue;  // "Click, tap": words, not keys
    std::string joined;
    for (const std::string& n : l.names) joined += (joined.empty() ? "" : " ") + n;
    EXPECT_EQ(joined, l.keys) << l.english;
  }
  EXPECT_EQ(find_line(lines, "Next")->names,
            (std::vector<std::string>{"→", "↓", "Space", "PageDown", "N", "Enter"}));
}

TEST(Keymap, HelpFollowsAChangedTable) {
  std::vector<Binding> table = {{kScanQ, kModCtrl, KeyMode::kAny, {K::kQuit}}};
  const auto lines = help_lines(table);
  ASSERT_NE(find_line(lines, "Quit"), nullptr);
  EXPECT_EQ(find_line(lines, "Quit")->keys, "Ctrl+Q");
  EXPECT_EQ(find_line(lines, "Next"), nullptr);  // unbound actions are not listed
}

}  // namespace
}  // namespace madang::app

namespace madang::app {
namespace {

TEST(Keymap, TheSpeakersKeys) {
  auto key = [](int scan, int mods = kModNone) {
    return lookup(default_bindings(), scan, mods, KeyMode::kSlides).kind;
  };
  EXPECT_EQ(key(kScanT), K::kTimerToggle);
  EXPECT_EQ(key(kScanR), K::kNone);  // a reset takes Shift: never by accident
  EXPECT_EQ(key(kScanR, kModShift), K::kTimerReset);
  EXPECT_EQ(key(kScanZ), K::kFreeze);
  EXPECT_EQ(key(kScanS), K::kSwapScreens);
  EXPECT_EQ(key(kScanEquals), K::kNotesBigger);
  EXPECT_EQ(key(kScanEquals, kModShift), K::kNotesBigger);
  EXPECT_EQ(key(kScanKpPlus), K::kNotesBigger);
  EXPECT_EQ(key(kScanMinus), K::kNotesSmaller);
  EXPECT_EQ(key(kScanKpMinus), K::kNotesSmaller);
  EXPECT_EQ(key(kScanDown, kModShift), K::kNotesDown);
  EXPECT_EQ(key(kScanUp, kModShift), K::kNotesUp);
  EXPECT_EQ(key(kScanDown), K::kNext);  // a clicker's arrows still move the talk
}

TEST(Keymap, HelpListsTheSpeakersKeys) {
  std::string all;
  for (const HelpLine& line : help_lines(default_bindings())) {
    all += line.keys + " | " + line.korean + "\n";
  }
  EXPECT_NE(all.find("T | 타이머"), std::string::npos) << all;
  EXPECT_NE(all.find("Shift+R | 타이머 초기화"), std::string::npos) << all;
  EXPECT_NE(all.find("Z | 청중 화면 고정"), std::string::npos) << all;
  EXPECT_NE(all.find("S | 두 화면 바꾸기"), std::string::npos) << all;
  EXPECT_NE(all.find("Shift+↓ Shift+↑ | 노트 넘기기"), std::string::npos) << all;
}

}  // namespace
}  // namespace madang::app
