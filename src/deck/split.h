// Splitting a cleaned deck text into its front matter and its slides, by
// lines, before any Markdown parsing. Private to deck/.
//
// Promise: a slide ends at a line that is exactly `---` (trailing blanks
// allowed) outside fenced code and HTML comments; every slide knows the file
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
  bool has_front_matter = false;
  int front_matter_line = 0;  // file line of the first YAML line
  std::string front_matter;
  std::vector<SlideSource> slides;
};

// heading_divider (Marp's headingDivider, a mask of levels: bit L for level
// L) also starts a slide at each ATX heading of those levels, unless the slide
// so far shows nothing. A fence that swallows a `---` is an error that names it.
SplitDeck split_deck(const LineIndex& lines, Reporter& report, unsigned heading_divider = 0);

// The last `headingDivider: VALUE` written in a comment outside fences, as
// text ("" when none).
std::string comment_heading_divider(const LineIndex& lines);

}  // namespace madang::deck
