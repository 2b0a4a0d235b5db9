// The lecture deck and a console built from a show, shared by the console tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "deck/parse.h"
#include "screens/console.h"
#include "show/console_input.h"
#include "show/show.h"

namespace madang::test {

inline deck::Deck lecture() {
  deck::ParseResult r = deck::load_deck(std::string(MADANG_SLIDES_DIR) + "/lecture.md");
  EXPECT_FALSE(has_errors(r.diagnostics));
  return r.deck;
}

// All the text a display list shows, line by line.
inline std::string all_text(const layout::DisplayList& list) {
  std::string out;
  for (const layout::TextItem& t : list.texts) {
    for (const text::Line& l : t.lines) out += l.text + "\n";
  }
  return out;
}

// The show at `slide` (1-based), `elapsed_s` into a talk of `duration_s`
// that started on the first slide (the speaker just arrived here).
inline show::Show show_at(const deck::Deck& deck, int slide, double elapsed_s = -1,
                          double duration_s = 1200) {
  show::Show s = show::open_show(deck, {.slide = slide, .duration_s = duration_s});
  if (elapsed_s >= 0) {
    s.timer.started_ms = 0;
    s.timer.slide_since = elapsed_s * 1000;
  }
  return s;
}

}  // namespace madang::test
