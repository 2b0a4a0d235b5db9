#include "platform/loop.h"

#include <malloc.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "platform/sdl_support.h"

namespace madang::app {

double SteadyClock::now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
      .count();
}

bool SteadyClock::wait(SDL_Event* event, double timeout_ms) {
  if (timeout_ms < 0) return SDL_WaitEvent(event) == 1;
  const double capped = std::min(timeout_ms, static_cast<double>(std::numeric_limits<int>::max()));
  return SDL_WaitEventTimeout(event, static_cast<int>(std::ceil(capped))) == 1;
}

double clock_scale_from_env() {
  const char* v = std::getenv("MADANG_CLOCK_SCALE");
  if (!v || !*v) return 1;
  char* end = nullptr;
  const double scale = std::strtod(v, &end);
  return end && *end == '\0' && scale > 0 && std::isfinite(scale) ? scale : 1;
}

void run_loop(Mode& mode, LoopClock& clock) {
  while (!mode.done()) {
    const double sleep_ms = mode.frame(clock.now_ms());
    if (mode.done()) break;
    SDL_Event e;
    if (clock.wait(&e, sleep_ms)) mode.handle(e, clock.now_ms());
    while (!mode.done() && SDL_PollEvent(&e)) mode.handle(e, clock.now_ms());
  }
}

int run_mode(Mode& mode, LoopClock& clock) {
  if (!mode.open()) return 2;
  run_loop(mode, clock);
  return 0;
}

int with_video(const char* command, const std::function<int(LoopClock& clock)>& body) {
#if defined(__GLIBC__)
  // Page rasters and photos are megabytes each, made and dropped as the
  // talk moves (and on the page cache's worker thread): glibc's moving mmap
  // threshold would soon serve them from heap arenas that never shrink. A
  // fixed threshold keeps them in mmap, given back when freed (a 100-page
  // PDF: 370 MB resident after every page with the old cache, 147 MB with
  // a 32 MiB cache, less with this).
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
  if (!start_video(command)) return 2;
  SteadyClock steady;
  ScaledClock clock(steady, clock_scale_from_env());
  const int code = body(clock);
  SDL_Quit();
  return code;
}

}  // namespace madang::app
