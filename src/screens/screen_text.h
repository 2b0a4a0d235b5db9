// Private to layout/: the look and the text of the app's own screens (the
// presenter console, the rehearsal summary, bar and chart), set by the
// slides' own text engine.
//
// Promise: what these screens share and nothing else: one dark palette for
// the speaker's screens, a writer of short texts and lines, and turning a
// fragment into a display list.
#pragma once

#include <string>
#include <vector>

#include "screens/console.h"
#include "layout/fragment.h"
#include "layout/theme.h"

namespace madang::layout {

// Dark, so that the laptop does not light the speaker's face in a dim hall;
// the slides themselves keep their own colours inside the panels.
constexpr text::Color kBackground = 0x111418ff;
constexpr text::Color kPanel = 0x1c2127ff;
constexpr text::Color kText = 0xeef1f4ff;
constexpr text::Color kMuted = 0x98a3aeff;
constexpr text::Color kAccent = 0x4cc3d6ff;
constexpr text::Color kAhead = 0x4fd18bff;
constexpr text::Color kBehind = 0xff6b5bff;
constexpr text::Color kWarning = 0xf2c14eff;
constexpr text::Color kErrorBox = 0x3a1d1dff;

// The deck's theme `theme_name` in this palette: `background` behind it, the
// palette's text, muted, heading and accent colours (the slides' block
// layout set in the screens' colours: the console's notes, the overlays,
// the rehearsal's screens).
Theme screen_palette_theme(const std::string& theme_name, text::Color background);

// A mood's colour; `neutral` for Mood::kNeutral.
text::Color mood_color(Mood mood, text::Color neutral);

// Text of a screen itself (labels, numbers), in sizes of a 1080p screen.
struct Writer {
  const Context& ctx;

  Fragment text(const std::string& s, float size_1080, text::Color color, float width,
                text::Align align = text::Align::kLeft, bool bold = false, bool mono = false) const;
  // Several styled pieces on one line, left to right.
  Fragment line(const std::vector<text::TextRun>& runs, float width,
                text::Align align = text::Align::kLeft) const;
  text::TextRun run(const std::string& s, float size_1080, text::Color color, bool bold = false,
                    bool mono = false) const;
};

Command clip_push(Rect r);
Command clip_pop();

// How far the text of `f` reaches from its left edge.
float inked_width(const Fragment& f);

// A screen's own context: its unit, its theme, a slide of its own for the
// locations of its text.
struct ScreenContext {
  deck::Slide slide;
  Theme theme;
  SlideState state;
  Context ctx;
  ScreenContext(text::FontSystem& fonts, const deck::Deck& deck, Theme look, float unit,
                DiagnosticLog* diagnostics);
};

DisplayList to_list(Fragment f, Size size, Color background);

}  // namespace madang::layout
