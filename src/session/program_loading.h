// A forum's program opened as every command and mode opens it: the program
// file read (deck/program.h), then each talk's deck loaded as a deck alone
// is (load_deck_checked: parsed, images checked), each with its own settings.
//
// Promise: never throws. A talk whose deck cannot be read (missing, broken)
// keeps its place with `loaded` false and the reason; the others load. Each
// deck's diagnostics stay with it, at its own FILE:LINE:COL; the program's
// own are the program's. A talk without `minutes:` takes its deck's
// `duration:` as its slot.
#pragma once

#include <string>
#include <vector>

#include "deck/parse.h"
#include "deck/program.h"
#include "screens/forum.h"

namespace madang::app {

struct ProgramDeck {
  bool loaded = false;       // a deck with slides and no errors
  deck::ParseResult parsed;  // as loaded (its diagnostics too)
  std::string problem;       // why not loaded: the first error, one line
};

struct LoadedProgram {
  deck::Program program;
  Diagnostics diagnostics;         // the program file's own
  std::vector<ProgramDeck> decks;  // per item of program.items (a break: empty)
  std::vector<double> slot_s;      // per item: its slot, or its deck's duration

  // The first talk's item whose deck loaded (the theme and fonts of the
  // program's own pages); -1 when none did.
  int first_loaded() const;
};

// load_program, then each talk's deck (load_deck_checked). `talk` > 0 loads
// only that talk's deck.
LoadedProgram load_program_decks(const std::string& path, const deck::PdfOptions& pdf = {},
                                 int talk = 0);

// Loads (again) item `index`'s deck: when its file appears or changes.
void reload_program_deck(LoadedProgram* program, int index, const deck::PdfOptions& pdf = {});

// The modification time of the regular file `path` (ns), or -1 when there
// is none: whether a talk's deck appeared or changed since it was read.
long long deck_file_stamp(const std::string& path);

// A deck of one empty slide: what the windows show under the cards when no
// talk's deck could be read at all.
deck::Deck blank_program_deck();

// "지역사회 혁신 포럼 · 2026-12-10 · 대전 시민공간".
std::string program_event_line(const deck::Program& program);

// The card before item `index`: a talk's ("다음 발표", or a missing deck's
// with its reason when `console`), or a break's with the next talk and the
// break's length as its countdown. Past the last item: the end card.
layout::ForumCard program_card(const LoadedProgram& program, int index, bool console = false);

// The theme a card of item `index` is set on: its deck's (a break: the next
// talk's), else the house's.
std::string program_card_theme(const LoadedProgram& program, int index);

}  // namespace madang::app
