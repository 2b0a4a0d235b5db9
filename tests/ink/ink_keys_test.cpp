// The ink keys: tools, undo and redo, and the keys bound only while a pen is up.
#include "input/ink_keys.h"

#include <gtest/gtest.h>

#include "input/keymap.h"

namespace madang::app {
namespace {

TEST(InkKeys, ToolsUndoAndKeysThatNeedAPen) {
  EXPECT_EQ(ink_lookup(7, kModNone, InkTool::kNone),
            (InkAction{InkKey::kTool, static_cast<int>(InkTool::kPen)}));
  EXPECT_EQ(ink_lookup(kScanZ, kModCtrl, InkTool::kNone).key, InkKey::kUndo);
  EXPECT_EQ(ink_lookup(kScanZ, kModCtrl | kModShift, InkTool::kNone).key, InkKey::kRedo);
  EXPECT_EQ(ink_lookup(kScanZ, kModNone, InkTool::kNone).key, InkKey::kNone);  // Z freezes
  EXPECT_EQ(ink_lookup(7, kModShift, InkTool::kNone).key, InkKey::kToggleHidden);
  // Digits jump to a slide unless a pen is up; then they choose its colour.
  EXPECT_EQ(ink_lookup(kScan1 + 2, kModNone, InkTool::kNone).key, InkKey::kNone);
  EXPECT_EQ(ink_lookup(kScan1 + 2, kModNone, InkTool::kPen), (InkAction{InkKey::kColor, 2}));
  EXPECT_EQ(ink_lookup(kScan1 + 6, kModNone, InkTool::kPen).key, InkKey::kNone);  // 7: no preset
  EXPECT_EQ(ink_lookup(kScanEscape, kModNone, InkTool::kNone).key, InkKey::kNone);
  EXPECT_EQ(ink_lookup(kScanEscape, kModNone, InkTool::kLaser).key, InkKey::kPutDown);
  EXPECT_EQ(ink_lookup(48, kModNone, InkTool::kHighlighter).key, InkKey::kThicker);
}

TEST(InkKeys, NoInkKeyTakesAKeyTheShowBindsWithTheSameModifiers) {
  for (const InkBinding& ink : ink_bindings()) {
    if (ink.needs_pen || ink.needs_tool) continue;  // only while a tool is up
    const Action a = lookup(default_bindings(), ink.scancode, ink.mods, KeyMode::kSlides);
    EXPECT_EQ(a.kind, ActionKind::kNone) << key_name(ink.scancode, ink.mods);
  }
}

TEST(InkKeys, TheHelpNamesEveryInkKey) {
  const std::vector<HelpLine> lines = ink_help_lines();
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0].keys, "D H E");
  EXPECT_EQ(lines[1].keys, "Ctrl+Z Ctrl+Shift+Z");
  EXPECT_EQ(lines[4].keys, "[ ] 1–6");
  EXPECT_EQ(lines[5].keys, "L X M");
  for (const HelpLine& l : lines) EXPECT_EQ(l.task, HelpTask::kShowing);
}

}  // namespace
}  // namespace madang::app
