// Times as text: the one formatter behind every time Madang prints or
// stores (the console's clock, a run's start in the history, a PDF's date,
// a budget as "1:05").
//
// Promise: pure but for the clock and the time zone it is asked about;
// never throws; a time that cannot be shown comes back as "".
#pragma once

#include <string>

namespace madang::base {

enum class TimeZone { kLocal, kUtc };

// Seconds since 1970, now.
double unix_now();

// `unix_seconds` through strftime's `pattern` ("%H:%M", "%Y-%m-%d %H:%M")
// in `zone`.
std::string calendar_text(double unix_seconds, const char* pattern, TimeZone zone);

// "2026-12-07T05:31:58Z".
std::string iso8601_utc(double unix_seconds);

// A length of time as a clock shows it: "0:41", "12:05", "1:02:03", with a
// leading "-" when negative. Towards zero: 59.9 s reads 0:59, and it says
// 0:00 only at 0.
std::string clock_text(double seconds);

}  // namespace madang::base
