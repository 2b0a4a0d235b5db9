// Reading the deck's YAML front matter into Meta. Private to deck/.
//
// Promise: every key of docs/format.md is read and type-checked; unknown keys
// are warnings and wrong types errors, each at the key's line:column.
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/directives.h"
#include "deck/report.h"
#include "deck/source_text.h"

namespace madang::deck {

// Marp's local directives the front matter sets: from the first slide on
// (locals) or for the first slide only (`_` spot ones).
struct FrontLocals {
  LocalDirectives locals, first_spots;
};

// yaml starts at file line first_line. Values of known keys get Marp's loose
// reading (`backgroundColor: #fff` is the text "#fff", not a comment).
void read_front_matter(const std::string& yaml, int first_line, const LineIndex& lines,
                       Reporter& report, Meta* meta, FrontLocals* locals);

// Marp's loose YAML: top-level `key: value` lines of known keys whose value
// is not quoted, a block or a flow collection get their value quoted.
std::string loosen_yaml(const std::string& yaml);

// A headingDivider value (1..6, a list of levels, or false) as a level mask;
// false when it is none of these.
bool parse_heading_divider(const std::string& text, unsigned* mask);

// Theme names a deck may give: ours, and Marp's (mapped onto ours).
inline constexpr const char* kThemes = "hall, hall-dark, default, gaia, uncover";
// The Madang theme a name means ("default" is hall); "" when unknown.
std::string theme_for(const std::string& name);

// Valid values, shared with the slide directives.
bool is_transition(const std::string& name);
inline constexpr const char* kTransitions = "fade, slide, none";
// Ours, or Marp's bespoke transitions mapped onto ours ("cover" slides,
// "iris-in" fades, a duration after the name is ignored); "" when unknown.
std::string transition_for(const std::string& name);

}  // namespace madang::deck
