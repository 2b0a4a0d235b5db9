// Text read as one line: runs of white space (space, tab, line ends, form
// feeds) become one space, none at either end. For identities and titles
// taken from text that was laid out by someone else (a deck's blocks, a PDF
// page's text).
#pragma once

#include <string>

namespace madang::base {

std::string fold_spaces(const std::string& text);

}  // namespace madang::base
