// A forum's own screens: the card the hall sees before each talk ("다음 발표",
// title, speaker, affiliation), a break's card with its countdown, the card
// of a talk whose deck is missing, the timekeeper's time cards (large on the
// console, a small bar in the hall) and the console's program panel.
//
// Promise: pure, like layout_console: the same input and size give the same
// list. A card is set on the theme of the talk it announces (its background,
// heading, text and accent colours; the deck's fonts come with `fonts`),
// sized from a 1080-pixel-high screen, every text bounded by the card (a
// long title wraps and shrinks, never leaves it). The time card and the
// panel are in the console's palette (screen_text.h). The inputs are plain
// data (show/forum.h makes them from a program and its clock).
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/display_list.h"
#include "layout/layout.h"
#include "screens/console.h"
#include "text/text.h"

namespace madang::layout {

enum class CardKind { kTalk, kBreak, kMissing, kEnd };

struct ForumCard {
  CardKind kind = CardKind::kTalk;
  std::string event;        // "지역사회 혁신 포럼 · 2026-12-10 · 대전 시민공간"
  int talk = 0, talks = 0;  // "2 / 3"; 0: not shown
  std::string title, speaker, affiliation;
  std::string starts;     // "14:30": when the talk is due; empty: not shown
  std::string countdown;  // a break's time left, "9:41"
  std::string problem;    // a missing deck's reason (the console's copy only)
  bool operator==(const ForumCard&) const = default;
};

// The card at `size`, on `theme` (the announced talk's deck's theme name).
DisplayList layout_forum_card(text::FontSystem& fonts, const std::string& theme,
                              const ForumCard& card, Size size);

// A time card: `minutes_left` of the talk's slot (0: time is up), as a
// forum's timekeeper holds it up. Large and centred, for the console, over
// a transparent background.
DisplayList layout_time_card(text::FontSystem& fonts, int minutes_left, Size size);

// The same, as the hall's small bar: a strip at the foot of the slide's
// right-hand corner, no higher than 4% of the screen.
DisplayList layout_time_bar(text::FontSystem& fonts, int minutes_left, Size size);

// The time card's colour: green for 5 and more, amber under 5, red at 0.
text::Color time_card_color(int minutes_left);

// The console's program panel.
struct ProgramRow {
  enum class State { kDone, kCurrent, kNext, kLater } state = State::kLater;
  bool is_break = false;
  int talk = 0;       // 1-based; 0 for a break
  std::string at;     // planned start on the clock, "14:20"; empty without `start:`
  std::string title;  // a break: "휴식"
  std::string speaker;
  std::string slot;      // "20:00"
  std::string took;      // a finished talk's time, "21:10"
  bool missing = false;  // its deck is not loaded
  bool operator==(const ProgramRow&) const = default;
};

struct ProgramPanel {
  std::string title;  // the program's
  std::vector<ProgramRow> rows;
  std::string countdown;  // the current talk's time left of its slot, "12:05", "-0:40"
  Mood countdown_mood = Mood::kNeutral;
  std::string start;         // "14:00"; empty: no start time
  std::string expected_end;  // "16:05": when the program ends at this pace
  std::string planned_end;   // "16:00": as planned
  std::string drift;         // "+5:00": behind, "-1:30": ahead
  Mood drift_mood = Mood::kNeutral;
  bool operator==(const ProgramPanel&) const = default;
};

// The panel as a list of its own (a column beside the console, or a page).
DisplayList layout_program_panel(text::FontSystem& fonts, const ProgramPanel& panel, Size size);

// The console between talks: the card as the hall sees it (with a missing
// deck's reason) on the left, the program panel in a column on the right.
DisplayList layout_console_card(text::FontSystem& fonts, const std::string& theme,
                                const ForumCard& card, const ProgramPanel& panel, Size size);

// The panel in one line, for the console's top bar while a talk is on:
// "2/3 · 다음 14:45 Marp로 만든 발표 · 예상 종료 15:04 +9:00", set in
// `box` of a transparent list of `size`.
DisplayList layout_program_line(text::FontSystem& fonts, const ProgramPanel& panel, Size size,
                                Rect box);

}  // namespace madang::layout
