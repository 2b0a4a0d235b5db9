// A slide's clips (video and sound, deck/background.h MediaOptions) in the
// one order that layout, the players and the kiosk all number them by.
//
// Promise: pure; background clips first (in the order written), then the
// blocks' clips in reading order (into quotes and list items); a clip's
// ordinal is its place in that list, so `slide:ordinal` names one clip of a
// deck for as long as the deck is not edited.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"

namespace madang::deck {

struct SlideClip {
  const Image* image = nullptr;  // points into the slide
  int fragment = 0;              // the step at which it appears
  int ordinal = 0;               // its place in slide_clips()
};

std::vector<SlideClip> slide_clips(const Slide& slide);

// The ordinal of `image` (a pointer into `slide`), -1 when it is no clip of it.
int clip_ordinal(const Slide& slide, const Image* image);

// "3:0": the first clip of slide 3 (1-based slide index), the key the
// display list and the players share.
std::string clip_key(int slide_index, int ordinal);

}  // namespace madang::deck
