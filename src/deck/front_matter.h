// Reading the deck's YAML front matter into Meta. Private to deck/.
//
// Promise: every key of docs/format.md is read and type-checked; unknown keys
// are warnings and wrong types errors, each at the key's line:column.
#pragma once

#include <string>

#include "deck/deck.h"
#include "deck/report.h"
#include "deck/source_text.h"

namespace madang::deck {

// yaml starts at file line first_line.
void read_front_matter(const std::string& yaml, int first_line, const LineIndex& lines,
                       Reporter& report, Meta* meta);

// Valid values, shared with the slide directives.
bool is_transition(const std::string& name);
inline constexpr const char* kTransitions = "fade, slide, none";

}  // namespace madang::deck
