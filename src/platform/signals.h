// Signals as events of a mode's loop: SIGHUP (reload), SIGTERM and SIGINT
// (end) arrive as SDL events, so that the mode handles them between frames
// like any input, never inside a signal handler.
//
// Promise: construct it before SDL and before any other thread starts (it
// blocks the three signals for the whole process, so that every thread
// inherits the mask and only its own thread, reading a signalfd, sees them);
// tell SDL to install no handlers of its own (SDL_HINT_NO_SIGNAL_HANDLERS,
// done by block_signals). A signal that arrives before SDL's event queue is
// up is kept and delivered once it is. The thread sleeps in poll(): no CPU.
#pragma once

#include <SDL.h>

#include <memory>

namespace madang::app {

class SignalEvents {
 public:
  // Blocks SIGHUP, SIGTERM and SIGINT; nullptr when signalfd is unavailable
  // (the signals then keep their default action).
  static std::unique_ptr<SignalEvents> block_signals();
  ~SignalEvents();  // stops the thread (the signals stay blocked)
  SignalEvents(const SignalEvents&) = delete;
  SignalEvents& operator=(const SignalEvents&) = delete;

  // Starts delivering, as events of a type registered with SDL (call after
  // SDL_Init). Signals already pending are delivered then.
  bool start();

  // The signal number `e` carries, or 0 when `e` is not one of ours.
  int signal_of(const SDL_Event& e) const;

 private:
  struct Impl;
  explicit SignalEvents(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace madang::app
