// Slide layout: a slide of a Deck at a pixel size -> a DisplayList.
//
// Promise: pure (no SDL, no window, no I/O but reading fonts); the same deck,
// slide, state and size give the same list. Everything a slide's author can
// get wrong (text that does not fit, a glyph no font has, a missing image)
// comes back as a located diagnostic, and the slide is still drawn.
// Interactive state (reveal step, diagram selection) is an input, never a
// side effect of drawing.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/diagnostics.h"
#include "layout/display_list.h"
#include "text/text.h"

namespace madang::layout {

struct Size {
  int width = 1920, height = 1080;
  bool operator==(const Size&) const = default;
};

// What the viewer has done on a slide.
struct SlideState {
  int step = -1;  // fragments revealed so far; -1: all (export, overview)
  // Diagram interaction, keyed by diagram id within the slide ("d0", "d1"...):
  std::vector<std::string> selected;  // element ids, in selection order
  std::string focused;                // keyboard focus ring (element id)
  std::string hovered;                // pointer over (element id)
  float animation = 1;                // 0..1 progress of the last change
  // Diagrams (diagram/interaction.h): the highlighted compare row, and the
  // progress of the last selection change with what it started from, so that
  // layout can interpolate. Kept apart from `animation` so that a click does
  // not replay the fade-in of the last revealed fragment.
  std::string row;
  std::vector<std::string> previous_selected;
  std::string previous_row;
  float diagram_animation = 1;
  bool operator==(const SlideState&) const = default;
};

struct SlideLayout {
  DisplayList list;
  Diagnostics diagnostics;
  float scale = 1;        // autofit scale used for the body (1: no shrink)
  bool overflow = false;  // the body did not fit even at the autofit floor
  Rect content_area;      // where the body may go: under the title, above the footer
  int layouts = 0;        // body layouts autofit tried (for benchmarks and tests)
};

// The largest rect of the deck's aspect that fits a window, centred
// (letterboxing); slides are laid out at that rect's size.
Rect fit_slide(int window_width, int window_height, const deck::Meta& meta);

// Lays out slide `index` (0-based) at `size`.
SlideLayout layout_slide(text::FontSystem& fonts, const deck::Deck& deck, int index,
                         const SlideState& state, Size size);

// Memoizes layout_slide by (slide, state, size) so that a redraw does no
// shaping. Invalidate when the deck changes.
class LayoutCache {
 public:
  const SlideLayout& get(text::FontSystem& fonts, const deck::Deck& deck, int index,
                         const SlideState& state, Size size);
  void clear() { entries_.clear(); }

 private:
  struct Entry {
    int index;
    SlideState state;
    Size size;
    std::unique_ptr<SlideLayout> layout;
  };
  std::vector<Entry> entries_;
};

}  // namespace madang::layout
