// Helpers for the deck-content tests: the plain text a reader sees on a slide.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"

namespace madang::slides_test {

// Every word on a slide as plain text, one block per line: headings,
// paragraphs, list items (nested), table header and cells, quotes with their
// attribution, code, image alt text, and diagram titles, labels, details,
// values, centre and edges. Hard line breaks stay "\n".
std::string slide_text(const deck::Slide& slide);
std::string block_text(const deck::Block& block);

// All blocks of a slide, depth first (quote children and list item blocks too).
std::vector<const deck::Block*> all_blocks(const deck::Slide& slide);

// The diagrams on a slide, in order.
std::vector<const deck::Diagram*> diagrams(const deck::Slide& slide);

// True when text holds at least one Hangul syllable (U+AC00..U+D7A3).
bool has_hangul(const std::string& text);

// True when text holds a code point from the extraction damage of the source
// booklet: U+F0A7 (private-use bullet) or U+FFFD (replacement character).
bool has_extraction_artefact(const std::string& text);

// Text with every run of white space (including "\n") folded to one space.
std::string squash_spaces(const std::string& text);

}  // namespace madang::slides_test
