// The event loop every mode runs (present, kiosk, rehearse).
//
// Promise: sleeps in the clock's wait until input arrives or the mode's next
// deadline (an animation frame, a tick of the console's clock, a kiosk's
// advance) comes: a still show costs no CPU. Time comes from the clock
// passed in, so a test can run the real loop on simulated hours.
#pragma once

#include <SDL.h>

#include <chrono>

namespace madang::app {

class Mode {
 public:
  virtual ~Mode() = default;
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

// Runs `mode` until it is done.
void run_loop(Mode& mode, LoopClock& clock);

}  // namespace madang::app
