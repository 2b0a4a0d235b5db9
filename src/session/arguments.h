// Values every command reads from its command line the same way.
//
// Promise: a bad value is printed as `madang COMMAND: ...` with what was
// expected, and comes back as false; never an exception.
#pragma once

#include <string>

#include "layout/layout.h"

namespace madang::app {

// "1920x1080"; a bad size is reported as `madang COMMAND: ...`.
bool parse_size(const char* command, const std::string& text, layout::Size* size);

}  // namespace madang::app
