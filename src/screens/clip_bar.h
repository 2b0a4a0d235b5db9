// The console's bar for the clip playing on the current slide: play or
// pause, where it is and how long it is, and a scrub track the speaker drags
// to seek. The hall never shows it.
//
// Promise: pure, like the other screens; the track is a rect of its own so
// that the console hit-tests a drag on exactly what it drew.
#pragma once

#include <string>

#include "layout/display_list.h"
#include "layout/layout.h"
#include "text/text.h"

namespace madang::layout {

struct ClipBar {
  std::string label;  // the clip's name ("clip.mp4", or its alt text)
  bool playing = false;
  double position_s = 0, duration_s = 0;
  std::string keys;  // "K ▶/❚❚ · J −10s · L +10s"
};

struct ClipBarLayout {
  DisplayList list;  // transparent but for the bar
  Rect track;        // a press or drag here seeks to its fraction of the clip
  Rect bar;
};

// The bar along the foot of `slide` (the console's picture of the current
// slide), in a console of `size`.
ClipBarLayout layout_clip_bar(text::FontSystem& fonts, const ClipBar& bar, Rect slide, Size size);

// The clip's time at x on the track: 0 .. duration.
double clip_bar_time(const ClipBarLayout& bar, double duration_s, float x);

}  // namespace madang::layout
