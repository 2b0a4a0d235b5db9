#include "session/arguments.h"

#include <cstdio>
#include <sstream>

namespace madang::app {

bool parse_size(const char* command, const std::string& text, layout::Size* size) {
  int w = 0, h = 0;
  char x = 0;
  std::istringstream in(text);
  if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 16 || h < 16 || w > 16384 ||
      h > 16384) {
    std::fprintf(stderr, "madang %s: --size must be WxH, e.g. 1920x1080 (got '%s')\n", command,
                 text.c_str());
    return false;
  }
  *size = layout::Size{w, h};
  return true;
}

}  // namespace madang::app
