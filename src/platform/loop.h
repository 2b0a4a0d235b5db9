// The event loop every mode runs (present, kiosk, rehearse).
//
// Promise: sleeps in the clock's wait until input arrives or the mode's next
// deadline (an animation frame, a tick of the console's clock, a kiosk's
// advance) comes: a still show costs no CPU. Time comes from the clock
// passed in, so a test can run the real loop on simulated hours.
#pragma once

#include <SDL.h>

#include <chrono>
#include <functional>

namespace madang::app {

class Mode {
 public:
  virtual ~Mode() = default;
  // Opens the mode's windows (and whatever else must exist before the first
  // frame); false, with the reason printed or logged, when it cannot.
  virtual bool open() = 0;
  virtual void handle(const SDL_Event& event, double now_ms) = 0;
  // Draws whatever changed; returns how long the loop may sleep without
  // input, in ms (< 0: until input comes).
  virtual double frame(double now_ms) = 0;
  virtual bool done() const = 0;
};

class LoopClock {
 public:
  virtual ~LoopClock() = default;
  virtual double now_ms() = 0;
  // Waits up to `timeout_ms` (< 0: for ever) for an event; false on timeout.
  virtual bool wait(SDL_Event* event, double timeout_ms) = 0;
};

// The wall: a steady clock, SDL_WaitEventTimeout.
class SteadyClock final : public LoopClock {
 public:
  SteadyClock() : start_(std::chrono::steady_clock::now()) {}
  explicit SteadyClock(std::chrono::steady_clock::time_point start) : start_(start) {}
  double now_ms() override;
  bool wait(SDL_Event* event, double timeout_ms) override;

 private:
  std::chrono::steady_clock::time_point start_;
};

// `inner` run `scale` times faster: a rehearsal's minutes in seconds (tests,
// demos). Waits shrink to match, so deadlines come at their scaled time.
class ScaledClock final : public LoopClock {
 public:
  ScaledClock(LoopClock& inner, double scale) : inner_(inner), scale_(scale > 0 ? scale : 1) {}
  double now_ms() override { return inner_.now_ms() * scale_; }
  bool wait(SDL_Event* event, double timeout_ms) override {
    return inner_.wait(event, timeout_ms < 0 ? timeout_ms : timeout_ms / scale_);
  }

 private:
  LoopClock& inner_;
  double scale_;
};

// The test hook MADANG_CLOCK_SCALE=N: the modes' clock runs N times faster
// than the wall (1 when unset or not a positive number).
double clock_scale_from_env();

// Runs `mode` until it is done.
void run_loop(Mode& mode, LoopClock& clock);

// A mode's life: opened, then run until done. The exit code: 0, or 2 when
// it could not open.
int run_mode(Mode& mode, LoopClock& clock);

// What every window mode's entry point does around its mode, once its deck
// is loaded: SDL video started on a real display (else 2, printed as
// "madang COMMAND: no display ..."), `body` run on the wall's clock (sped up
// by MADANG_CLOCK_SCALE for tests), SDL shut down; `body`'s exit code.
int with_video(const char* command, const std::function<int(LoopClock& clock)>& body);

}  // namespace madang::app
