#include "platform/sdl_support.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "base/time_text.h"
#include "input/keymap.h"

namespace madang::app {

namespace {

// Whether there is any display to open a window on, before asking SDL (which
// would otherwise pick a dummy driver and "present" to nothing).
bool display_configured() {
  if (std::getenv("SDL_VIDEODRIVER")) return true;  // the caller chose; SDL_Init decides
  const char* x = std::getenv("DISPLAY");
  const char* wl = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (wl && *wl);
}

// When the X server named by DISPLAY cannot be reached, SDL falls back to its
// offscreen driver and would "present" to nothing, forever. Only a caller
// who asked for such a driver by name gets it.
bool real_display_driver() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver) return false;
  const std::string name = driver;
  if (name != "offscreen" && name != "dummy") return true;
  const char* asked = std::getenv("SDL_VIDEODRIVER");
  return asked && name == asked;
}

}  // namespace

// The key table speaks SDL scancodes without including SDL; hold it to that.
constexpr bool scancodes_match() {
  constexpr int kPairs[][2] = {
      {kScanB, SDL_SCANCODE_B},
      {kScanF, SDL_SCANCODE_F},
      {kScanN, SDL_SCANCODE_N},
      {kScanO, SDL_SCANCODE_O},
      {kScanP, SDL_SCANCODE_P},
      {kScanQ, SDL_SCANCODE_Q},
      {kScanR, SDL_SCANCODE_R},
      {kScanS, SDL_SCANCODE_S},
      {kScanT, SDL_SCANCODE_T},
      {kScanW, SDL_SCANCODE_W},
      {kScanZ, SDL_SCANCODE_Z},
      {kScan1, SDL_SCANCODE_1},
      {kScan0, SDL_SCANCODE_0},
      {kScanKp1, SDL_SCANCODE_KP_1},
      {kScanKp0, SDL_SCANCODE_KP_0},
      {kScanKpEnter, SDL_SCANCODE_KP_ENTER},
      {kScanReturn, SDL_SCANCODE_RETURN},
      {kScanEscape, SDL_SCANCODE_ESCAPE},
      {kScanBackspace, SDL_SCANCODE_BACKSPACE},
      {kScanTab, SDL_SCANCODE_TAB},
      {kScanSpace, SDL_SCANCODE_SPACE},
      {kScanMinus, SDL_SCANCODE_MINUS},
      {kScanEquals, SDL_SCANCODE_EQUALS},
      {kScanPeriod, SDL_SCANCODE_PERIOD},
      {kScanSlash, SDL_SCANCODE_SLASH},
      {kScanHome, SDL_SCANCODE_HOME},
      {kScanEnd, SDL_SCANCODE_END},
      {kScanPageUp, SDL_SCANCODE_PAGEUP},
      {kScanPageDown, SDL_SCANCODE_PAGEDOWN},
      {kScanRight, SDL_SCANCODE_RIGHT},
      {kScanLeft, SDL_SCANCODE_LEFT},
      {kScanDown, SDL_SCANCODE_DOWN},
      {kScanUp, SDL_SCANCODE_UP},
      {kScanKpMinus, SDL_SCANCODE_KP_MINUS},
      {kScanKpPlus, SDL_SCANCODE_KP_PLUS},
  };
  for (const auto& p : kPairs) {
    if (p[0] != p[1]) return false;
  }
  return true;
}
static_assert(scancodes_match(), "input/keymap.h Scan values must equal SDL_Scancode's");

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && std::string(v) != "0";
}

std::string ids_or_dash(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out.empty() ? "-" : out;
}

long peak_memory_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

int key_mods(Uint16 mod) {
  int m = kModNone;
  if (mod & KMOD_SHIFT) m |= kModShift;
  if (mod & KMOD_CTRL) m |= kModCtrl;
  if (mod & KMOD_ALT) m |= kModAlt;
  if (mod & KMOD_GUI) m |= kModGui;
  return m;
}

// The wall clock the console shows, and how long until it next changes.
std::string wall_clock(double* ms_to_next_minute) {
  const double now = base::unix_now();
  // Zones differ from UTC by whole minutes: local minutes turn with UTC's.
  *ms_to_next_minute = std::max(1.0, 60'000.0 - std::fmod(now, 60.0) * 1000.0);
  return base::calendar_text(now, "%H:%M", base::TimeZone::kLocal);
}

bool start_video(const char* command) {
  // With X only, SDL would probe Wayland first, and libwayland prints its own
  // "XDG_RUNTIME_DIR is invalid" before our message when X is not there.
  const char* wl = std::getenv("WAYLAND_DISPLAY");
  if (!std::getenv("SDL_VIDEODRIVER") && !(wl && *wl)) SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11");
  if (display_configured() && SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0) {
    if (real_display_driver()) return true;
    SDL_Quit();
  }
  std::fprintf(stderr, "madang %s: no display available; try: madang export DECK --png DIR\n",
               command);
  return false;
}

}  // namespace madang::app
