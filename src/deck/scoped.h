// Marp's local and spot directives (`paginate`, `header`, `footer`, `class`,
// `transition`, the backgrounds and `color`): checking a value where it is
// written, and resolving what one slide gets. Private to deck/.
//
// Promise: a local directive holds from its slide on, until another changes
// it; a spot one (`_name`) for its slide only, over the local one; neither
// set, the deck's front matter (Meta) decides. Pure: no cmark, no YAML.
#pragma once

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/directives.h"
#include "deck/report.h"

namespace madang::deck {

// Classes a slide may carry; Gaia's `gaia` class is read as `invert`.
inline constexpr const char* kClassList = "lead, small, invert, gaia";

// Checks a local directive's value, reporting a located problem; false when
// it cannot be used (and is then not recorded).
bool check_scoped(const std::string& name, const std::string& value, int line, int column,
                  Reporter& report);

struct Scoped {
  std::string header, footer;  // Markdown, as written
  int header_line = 0, footer_line = 0;
  bool paginate = true;  // show the number
  bool counted = true;   // count the slide (Marp's hold and skip do not)
  std::vector<std::string> classes;
  std::string transition;  // "" : the deck's
};

Scoped resolve_scoped(const LocalDirectives& carry, const LocalDirectives& spots, const Meta& meta);

}  // namespace madang::deck
