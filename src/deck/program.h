// A forum's program: `forum.yaml` (any deck path ending in .yaml or .yml)
// holding the event's title, date, place and start time and its talks in
// order, each with a deck, and breaks between them. docs/forum.md has the
// format.
//
// It lives in deck/ because it is what deck/ does: a file the user wrote
// becomes plain structs and located diagnostics, read with the same bounded
// YAML loader, the same "did you mean" and the same durations as a deck's
// front matter (yaml_load.h, suggest.h, duration.h, private to deck/).
// Loading the decks it names is the caller's (session/program_loading.h).
//
// Promise: never throws, whatever the bytes. Unknown keys are warnings that
// name the nearest valid key; a missing or unreadable deck, a bad slot or
// break, a duplicate talk and a bad start time are errors; each at its own
// FILE:LINE:COL. The Program holds every talk it could read, in order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deck/diagnostics.h"

namespace madang::deck {

struct ProgramItem {
  bool is_break = false;
  int talk = 0;  // a talk's number in the program, 1-based (breaks: 0)
  std::string title, speaker, affiliation;
  std::string deck;                    // as written, relative to the program's folder
  std::string deck_path;               // resolved: what to open
  double seconds = 0;                  // the talk's slot or the break's length; 0: not given
  int line = 0, column = 0;            // the item in the program file
  int deck_line = 0, deck_column = 0;  // its `deck:` value
};

struct Program {
  std::string file;  // the program file, as named
  std::string title, date, place;
  std::string start;                        // "14:00" as written; empty: none
  int start_minute = -1;                    // minutes after midnight; -1: no start time
  std::vector<int> time_cards = {5, 2, 0};  // minutes left at which a time card shows
  std::vector<ProgramItem> items;           // talks and breaks, in order

  int talk_count() const;
  // The item of talk `number` (1-based), or nullptr.
  const ProgramItem* talk(int number) const;
  // Index in `items` of talk `number`; -1 when there is none.
  int item_of_talk(int number) const;
};

struct ProgramResult {
  Program program;
  Diagnostics diagnostics;
};

// A path `madang` reads as a program rather than a deck: it ends in .yaml
// or .yml.
bool is_program_path(const std::string& path);

struct ProgramOptions {
  // Check that each deck exists and is a readable file. Off for in-memory
  // tests and fuzzing.
  bool check_files = true;
};

// Parses the program's text; file_name names it in diagnostics and decks
// resolve against its folder.
ProgramResult parse_program(std::string_view source, const std::string& file_name,
                            const ProgramOptions& options = {});

// Reads and parses a program file. An unreadable file is one error on line 0.
ProgramResult load_program(const std::string& path, const ProgramOptions& options = {});

// The valid keys, for docs and messages.
inline constexpr const char* kProgramKeys = "title, date, place, start, time_cards, talks";
inline constexpr const char* kTalkKeys = "title, speaker, affiliation, deck, minutes";

}  // namespace madang::deck
