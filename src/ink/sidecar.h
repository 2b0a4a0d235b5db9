// The ink sidecar's text (`DECK.ink.json`): a document's strokes as JSON and
// back. Where the file lives and how it is written is session/ink_store.h's.
//
// Promise: pure (strings in, strings out). Only the strokes travel (not the
// undo history, not `hidden`). Reading is strict: anything that is not a
// sidecar of this version is an error (the caller sets the file aside),
// never a partial document.
//
//   {"madang-ink": 1, "deck": "lecture.md",
//    "slides": [{"slide": 4, "strokes": [{"tool": "pen", "color": "#e0302cff",
//      "width": 0.0045, "step": 0, "points": [[0.31, 0.42, 1], ...]}]}]}
//
// Slides are 1-based in the file (as everywhere the speaker reads them);
// points are [x, y, pressure] in slide fractions. A slide may carry what it
// was ("key", "title", "text": history/identity.h's), so that its ink finds
// it again after the deck is edited (session/ink_store.h).
#pragma once

#include <string>
#include <vector>

#include "ink/ink.h"

namespace madang::ink {

// What a slide was when its ink was written (empty: not known).
struct SlideTag {
  std::string key, title, text;
};

// `tags[i]`, when there is one, goes with slide i's strokes.
std::string to_json(const Document& doc, const std::string& deck_name,
                    const std::vector<SlideTag>& tags = {});

// Replaces *doc's strokes (clearing its history) on success, and *tags (when
// given) with one tag per slide of *doc; false with *error ("not a Madang
// ink file", "slide 3: a point out of range") otherwise, *doc untouched.
bool from_json(const std::string& text, Document* doc, std::string* error,
               std::vector<SlideTag>* tags = nullptr);

}  // namespace madang::ink
