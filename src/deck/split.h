// Splitting a cleaned deck text into its front matter and its slides, by
// lines, before any Markdown parsing. Private to deck/.
//
// Promise: a slide ends at a line that is exactly `---` (trailing blanks
// allowed; in a Marp deck any thematic break) outside fenced code and HTML
// comments; every slide knows the file
// line it starts at, so Markdown positions map back to the file. Slide text
// is bounded (limits.h) and pre-guarded against cmark-gfm's worst cases.
#pragma once

#include <string>
#include <vector>

#include "deck/report.h"
#include "deck/source_text.h"

namespace madang::deck {

struct SlideSource {
  int first_line = 1;                   // file line of the slide's first line
  std::string text;                     // the slide's lines, each ending in '\n'
  bool blank = true;                    // only whitespace
  std::vector<int> escaped_pipe_lines;  // slide-relative lines whose extra '|' were escaped
};

struct SplitDeck {
  std::vector<SlideSource> slides;  // after the front matter (find_front_matter)
};

// The front matter: YAML between a first line `---` and the next line `---`
// or `...`. One that is never closed is an error, and the slides start on
// line 2.
struct FrontMatterSource {
  bool present = false;
  int line = 0;       // file line of the first YAML line
  std::string text;   // the YAML
  int body_line = 1;  // file line where the slides start
};
FrontMatterSource find_front_matter(const LineIndex& lines, Reporter& report);

// How a deck's slides break besides `---` lines.
struct SplitRules {
  // Marp's headingDivider, a mask of levels (bit L for level L): a slide also
  // starts at each heading of those levels (ATX, or setext `===` for level
  // 1), unless the slide so far shows nothing.
  unsigned heading_divider = 0;
  // A Marp deck: every thematic break (`***`, `___`, `- - -`, `-----`) is a
  // slide break too, as Marpit splits at every <hr>.
  bool every_rule = false;
};

// A fence that swallows a slide break is an error that names it.
SplitDeck split_deck(const LineIndex& lines, Reporter& report, SplitRules rules = {});

// The last `headingDivider: VALUE` written in a comment outside fences, as
// text ("" when none).
std::string comment_heading_divider(const LineIndex& lines);

}  // namespace madang::deck
