// The presenter console's input, read off the show: what screens/console.h
// lays out.
//
// Promise: pure. The wall clock is the caller's text ("14:05"; `--clock` in
// exports); the talk's figures are show::talk_time's at `now_ms` (show.h),
// the one computation the live console, `export --console` and the
// rehearsal bar share.
#pragma once

#include <string>

#include "screens/console.h"
#include "show/show.h"

namespace madang::show {

layout::ConsoleInput console_input(const Show& show, double now_ms, const std::string& wall);

// The clock part alone (a tick that changed only the time).
layout::ConsoleClock console_clock(const Show& show, double now_ms, const std::string& wall);

// The moods the console colours with.
layout::Mood talk_mood(double talk_delta_s);
layout::Mood remaining_mood(double remaining_s, double duration_s);

}  // namespace madang::show
