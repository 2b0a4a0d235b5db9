// Rehearse mode on a clock of the caller's: what `madang rehearse` runs
// (commands.h run_rehearse) on the wall's clock, and a test runs on a
// simulated LoopClock to replay a rehearsal exactly.
#pragma once

#include "modes/modes.h"
#include "platform/loop.h"

namespace madang::app {

// Runs a rehearsal of `options` on `clock`; the run starts at
// `started_unix` (seconds since 1970). SDL video must be started; returns
// the exit code (SDL is left running).
int rehearse_on(const RehearseOptions& options, LoopClock& clock, double started_unix);

}  // namespace madang::app
