// Diagram interaction: what a pointer, a key or the clicker does to the
// diagrams of one slide.
//
// Promise: pure functions from (slide, what was drawn, state, event) to the
// next layout::SlideState; no SDL, no clock, no globals. The app turns its
// events into these calls and lays the slide out with the state that comes
// back; layout draws that state and never changes it.
//
// Rules (docs/format.md, Diagrams > Interaction):
//  - triangle, flow: clicking an element selects it alone (the others dim and
//    its detail shows); clicking it again, the background or Esc resets.
//  - compare: clicking an item adds it to the selection, at most two per
//    diagram (a third click replaces the older one); clicking a selected item
//    drops it. Clicking a row highlights it across the sides; again clears it.
//  - Tab / Shift+Tab move a focus ring through the hit regions in the order
//    layout emitted them (reading order), wrapping; Enter clicks the focused
//    element. A pointer click hides the ring.
//  - A stepped flow highlights the step the clicker just revealed.
//  - Every change of selection or row restarts `diagram_animation` at 0 and
//    remembers where it came from; `tick` runs it to 1 in kAnimationSeconds.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "layout/display_list.h"
#include "layout/layout.h"

namespace madang::diagram {

inline constexpr float kAnimationSeconds = 0.2f;

// The result of an event. `handled` is false when the event is not the
// diagrams' (a click on an empty slide, Enter with no focus, Esc with nothing
// to reset), so that the app may give it its usual meaning.
struct Update {
  layout::SlideState state;
  bool handled = false;
};

bool has_diagrams(const deck::Slide& slide);

// Whether (x, y) is inside the region: its polygon when it has one, else its rect.
bool region_contains(const layout::HitRegion& region, float x, float y);

// The topmost region under (x, y) (the last one drawn), or null.
const layout::HitRegion* hit_test(const layout::DisplayList& list, float x, float y);

// Pointer moved to (x, y), in the list's pixels. Only `hovered` changes.
Update pointer_move(const layout::DisplayList& list, const layout::SlideState& state, float x,
                    float y);

// A click or a tap at (x, y).
Update click(const deck::Slide& slide, const layout::DisplayList& list,
             const layout::SlideState& state, float x, float y);

// The element `id` was clicked (or Enter pressed on it). Unknown ids are not
// handled.
Update activate(const deck::Slide& slide, const layout::SlideState& state, const std::string& id);

// Tab (backward = Shift+Tab) through the list's hit regions.
Update focus_next(const layout::DisplayList& list, const layout::SlideState& state, bool backward);

Update press_enter(const deck::Slide& slide, const layout::SlideState& state);

// Esc: clears selection, row and focus ring.
Update escape(const layout::SlideState& state);

// The clicker moved the slide to fragment `step` (-1: all). Stepped flows
// highlight their newest revealed step; selections of elements no longer
// shown are dropped.
layout::SlideState on_step(const deck::Slide& slide, const layout::SlideState& state, int step);

// The state that clicking `ids` in order leaves, with its animation done:
// what `madang export --select` and `layout --select` draw. Ids the slide does
// not have are ignored (a deck-wide --select names ids of several slides).
layout::SlideState select_ids(const deck::Slide& slide, const layout::SlideState& base,
                              const std::vector<std::string>& ids);

// Runs the selection animation forward by `seconds`; at 1 it forgets where
// it started from.
layout::SlideState tick(const layout::SlideState& state, float seconds);
bool animating(const layout::SlideState& state);

}  // namespace madang::diagram
