// The ink sidecar on disk: where it lives, reading it (a damaged one is set
// aside, never a reason to stop), writing it atomically.
//
// Promise: the deck is never touched. The sidecar is `DECK.ink.json` beside
// the deck (`lecture.md` -> `lecture.ink.json`), or, when the deck's folder
// is not writable, `$XDG_DATA_HOME/madang/ink/` (else
// `~/.local/share/madang/ink/`) under a name made from the deck's full path;
// `--ink FILE` chooses one, `--ink off` none. Writes go through
// render/atomic_file.h: a crash or `kill -9` leaves the old file or the new
// one, whole.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "ink/ink.h"
#include "ink/sidecar.h"

namespace madang::app {

// The sidecar for `deck_path` as `option` (--ink's value: "", "off" or a
// file) says; "" when ink is off.
std::string ink_path(const std::string& deck_path, const std::string& option);
// The same, told whether the deck's folder is writable (tests: root writes
// anywhere).
std::string ink_path(const std::string& deck_path, const std::string& option, bool writable);

// The strokes in `path` (none when it does not exist yet). A file that
// cannot be read as a sidecar is renamed to `PATH.damaged` (or
// `PATH.damaged-N`) and a warning says so; the show starts with no ink.
// `set_aside` false (an export): a damaged file is only warned about.
// With `slides` (slide_tags of the deck now), the ink of a slide the file
// knows (history/identity.h: its id, or its title and text, even edited)
// goes to that slide wherever it is now; other ink keeps its number.
ink::Document load_ink(const std::string& path, std::vector<std::string>* warnings,
                       bool set_aside = true, const std::vector<ink::SlideTag>* slides = nullptr);

// Writes `doc` to `path` (its folder made when missing), each slide with
// its tag from `slides`; false with *error.
bool save_ink(const std::string& path, const ink::Document& doc, const std::string& deck_name,
              std::string* error, const std::vector<ink::SlideTag>& slides = {});

// What each slide of `deck` is, as the sidecar records it.
std::vector<ink::SlideTag> slide_tags(const deck::Deck& deck);

// The deck changed from `before` to `now` (a reload, or the deck edited
// since the ink was written): each slide's ink moves to where its slide is
// now. The undo history is dropped (it speaks of the old places).
void follow_slides(ink::Document& doc, const std::vector<ink::SlideTag>& before,
                   const std::vector<ink::SlideTag>& now);

}  // namespace madang::app
