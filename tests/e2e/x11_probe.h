// What the kiosk tests ask the X server directly (Xlib; xdotool cannot):
// send a window the close request a window manager's close button sends,
// try to take the keyboard, read the screen saver's state.
//
// Promise: each call opens its own connection to `display` and closes it.
#pragma once

#include <string>

namespace madang::e2e::x11 {

// Sends WM_DELETE_WINDOW (as a window manager's close button does) to every
// top-level window whose title contains `title_part`; how many got it.
int request_close(const std::string& display, const std::string& title_part);

// Whether another client holds the keyboard: 1 taken (XGrabKeyboard says
// AlreadyGrabbed), 0 free (the probe's grab succeeded and was let go), -1
// no answer.
int keyboard_taken(const std::string& display);

// The screen saver now: 0 off, 1 on (saving), 2 disabled; -1 no answer.
int screen_saver_state(const std::string& display);

}  // namespace madang::e2e::x11
