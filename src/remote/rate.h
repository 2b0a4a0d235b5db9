// A token bucket: at most `burst` at once, refilled at `per_second`.
//
// Promise: pure; time is passed in (ms on any steady clock), so tests drive it.
#pragma once

#include <algorithm>

namespace madang::remote {

class RateLimit {
 public:
  RateLimit(double per_second, double burst)
      : per_ms_(per_second / 1000.0), burst_(burst), level_(burst) {}
  // True (and one taken) when the bucket has one now.
  bool take(double now_ms) {
    if (last_ms_ >= 0 && now_ms > last_ms_) {
      level_ = std::min(burst_, level_ + (now_ms - last_ms_) * per_ms_);
    }
    if (last_ms_ < 0 || now_ms > last_ms_) last_ms_ = now_ms;
    if (level_ < 1) return false;
    level_ -= 1;
    return true;
  }

 private:
  double per_ms_, burst_, level_;
  double last_ms_ = -1;
};

}  // namespace madang::remote
