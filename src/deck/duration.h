// Durations as a speaker writes them: `duration: 20m` in the front matter,
// `--duration 1h30m` on the command line, and the per-slide times of later
// directives.
//
// Promise: pure; accepts "20m", "1h30m", "1h 30m", "90s", "2min", "1:30:00",
// "20:00" (minutes:seconds) and a bare number of minutes ("45"); refuses
// anything else (false), never throws.
#pragma once

#include <string>

namespace madang::deck {

bool parse_duration(const std::string& text, double* seconds);

// A slide's or a kiosk's time (`time: 90s`, `advance: 20s`, `idle: 2m`): as
// parse_duration, but a bare number is refused (read as minutes, `advance:
// 20` would wait 20 minutes).
bool parse_interval(const std::string& text, double* seconds);

// The form the format documents, for messages.
inline constexpr const char* kDurationForms = "like 20m, 1h30m, 90s or 20:00";
inline constexpr const char* kIntervalForms = "with a unit, like 20s, 1m30s or 2m";

}  // namespace madang::deck
