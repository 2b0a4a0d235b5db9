#include "input/screens.h"

#include <algorithm>

namespace madang::app {

ScreenPlan plan_screens(int displays, const ScreenOptions& o, bool swapped) {
  ScreenPlan p;
  const int n = std::max(1, displays);
  const bool wants_console = !o.no_console && (o.console || n >= 2);
  if (!wants_console) {
    p.audience_display = o.display >= 0 && o.display < n ? o.display : 0;
    p.audience_fullscreen = o.fullscreen;
    return p;
  }
  p.console = true;
  if (n == 1) {
    p.audience_display = p.console_display = 0;
    p.audience_fullscreen = !o.windowed;
    p.console_fullscreen = false;  // a window over the hall: the speaker can still reach it
    return p;
  }
  p.audience_display = o.audience >= 0 && o.audience < n ? o.audience : 1;
  p.console_display = p.audience_display == 0 ? 1 : 0;
  if (swapped) std::swap(p.audience_display, p.console_display);
  p.audience_fullscreen = p.console_fullscreen = !o.windowed;
  return p;
}

}  // namespace madang::app
