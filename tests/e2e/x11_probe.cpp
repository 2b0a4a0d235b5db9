#include "x11_probe.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>

#include <functional>

namespace madang::e2e::x11 {

namespace {

// Calls `visit` for every window under `w`.
void each_window(Display* d, ::Window w, const std::function<void(::Window)>& visit) {
  visit(w);
  ::Window root = 0, parent = 0;
  ::Window* children = nullptr;
  unsigned int n = 0;
  if (!XQueryTree(d, w, &root, &parent, &children, &n)) return;
  for (unsigned int i = 0; i < n; ++i) each_window(d, children[i], visit);
  if (children) XFree(children);
}

}  // namespace

int request_close(const std::string& display, const std::string& title_part) {
  Display* d = XOpenDisplay(display.c_str());
  if (!d) return -1;
  const Atom protocols = XInternAtom(d, "WM_PROTOCOLS", False);
  const Atom del = XInternAtom(d, "WM_DELETE_WINDOW", False);
  int sent = 0;
  each_window(d, DefaultRootWindow(d), [&](::Window w) {
    char* name = nullptr;  // WM_NAME (SDL sets _NET_WM_NAME only for some managers)
    if (!XFetchName(d, w, &name) || !name) return;
    const std::string title(name);
    XFree(name);
    if (title.find(title_part) == std::string::npos) return;
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.window = w;
    e.xclient.message_type = protocols;
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(del);
    e.xclient.data.l[1] = CurrentTime;
    XSendEvent(d, w, False, NoEventMask, &e);
    ++sent;
  });
  XSync(d, False);
  XCloseDisplay(d);
  return sent;
}

int keyboard_taken(const std::string& display) {
  Display* d = XOpenDisplay(display.c_str());
  if (!d) return -1;
  const int r =
      XGrabKeyboard(d, DefaultRootWindow(d), False, GrabModeAsync, GrabModeAsync, CurrentTime);
  int out = -1;
  if (r == GrabSuccess) {
    XUngrabKeyboard(d, CurrentTime);
    out = 0;
  } else if (r == AlreadyGrabbed || r == GrabFrozen) {
    out = 1;
  }
  XCloseDisplay(d);
  return out;
}

int screen_saver_state(const std::string& display) {
  Display* d = XOpenDisplay(display.c_str());
  if (!d) return -1;
  int event = 0, error = 0, out = -1;
  if (XScreenSaverQueryExtension(d, &event, &error)) {
    XScreenSaverInfo* info = XScreenSaverAllocInfo();
    if (info && XScreenSaverQueryInfo(d, DefaultRootWindow(d), info)) {
      out = info->state == ScreenSaverOn ? 1 : info->state == ScreenSaverOff ? 0 : 2;
    }
    if (info) XFree(info);
  }
  XCloseDisplay(d);
  return out;
}

}  // namespace madang::e2e::x11
