// A slide of a PDF deck at a size: the page of its step, fitted with its
// aspect kept and letterboxed on the theme's background, as one kPdfPage
// item; its links as hit regions ("link:N", N the index in the page's links).
#pragma once

#include "deck/deck.h"
#include "layout/display_list.h"

namespace madang::layout {

// The page a PDF slide shows at `step` (-1: all revealed, its last page).
int pdf_page_at(const deck::Slide& slide, int step);

// The list for PDF slide `slide` at `step` in a width x height viewport.
DisplayList layout_pdf_slide(const deck::Deck& deck, const deck::Slide& slide, int step, int width,
                             int height, Color background);

}  // namespace madang::layout
