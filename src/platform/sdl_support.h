// What every window mode (present, kiosk, rehearse) needs from SDL and the
// system besides its windows: starting video only where there is a display,
// modifier bits for the key table, the wall clock, its own memory figures.
//
// Promise: the key table's scancodes are checked against SDL's at compile
// time (sdl_support.cpp); nothing here holds state.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

namespace madang::app {

// SDL video started on a real display. false (after printing "madang
// COMMAND: no display available; ..." to stderr) when there is none: no
// DISPLAY/WAYLAND_DISPLAY, or an X server SDL cannot reach (SDL would fall
// back to its offscreen driver and present to nothing, for ever). A driver
// named in SDL_VIDEODRIVER is taken as asked.
bool start_video(const char* command);

// SDL's modifier state as input/keymap.h's Mod bits (left and right folded).
int key_mods(Uint16 sdl_mod);

// An environment switch ("1", "yes": on; unset, empty or "0": off).
bool env_flag(const char* name);

// "HH:MM" of the local time, and how long until it next changes.
std::string wall_clock(double* ms_to_next_minute);

// The process's peak resident memory (VmHWM), in KiB; -1 when unknown.
long peak_memory_kb();

// "a,b" or "-" for none (trace lines).
std::string ids_or_dash(const std::vector<std::string>& ids);

}  // namespace madang::app
