// A slide's identity across edits of its deck, so that the rehearsal history
// of an older version of a deck lines up with the deck as it is now.
//
// Promise: pure. A slide with `<!-- id: NAME -->` is that name whatever else
// changes. Any other slide is known by its title and its text: unchanged, it
// matches exactly wherever it moved; edited (a new title, a word changed, an
// item added), it matches the recorded slide it most resembles when it
// resembles it enough. Each recorded slide is at most one slide of the deck
// and each slide at most one recorded slide: two slides are never merged,
// and one that matches nothing is left unmatched (shown as such).
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"

namespace madang::history {

struct SlideIdentity {
  std::string key;      // "id:NAME", or "h:" and 16 hex digits of the title and text
  std::string title;    // the first heading, else the start of the first text
  std::string content;  // the rest of the slide's text, spaces folded (at most 4 KiB)
  bool operator==(const SlideIdentity&) const = default;
};

SlideIdentity identify(const deck::Slide& slide);
std::vector<SlideIdentity> identify(const deck::Deck& deck);

// How much two slides resemble each other, 0 (nothing alike) to 1.
double resemblance(const SlideIdentity& a, const SlideIdentity& b);
// Whether that is enough to be the same slide, edited.
bool same_slide(const SlideIdentity& a, const SlideIdentity& b);

// For each of `recorded` (with `recorded_at`, where it last stood, 0-based:
// the tie-breaker between equally good candidates), the index of the slide
// of `current` it is, or -1.
std::vector<int> match(const std::vector<SlideIdentity>& current,
                       const std::vector<SlideIdentity>& recorded,
                       const std::vector<int>& recorded_at);

}  // namespace madang::history
