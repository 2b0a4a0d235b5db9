// Present mode: `madang present DECK`. The hall's view full screen on the
// projector and the presenter console on the laptop, or one view when there
// is one screen (modes/show_screens.h places and draws the windows).
//
// The show controller (modes/show_controller.h) is the whole mode; this is its
// entry point: the deck parsed before any window opens, the plan made from
// the deck's `time:` directives and the rehearsals in the history
// (session/history_support.h; read only, never created here).

#include <SDL.h>

#include <cstdio>

#include "modes/modes.h"
#include "modes/show_controller.h"
#include "platform/sdl_support.h"
#include "session/deck_loading.h"
#include "session/history_support.h"

namespace madang::app {

int run_present(const PresentOptions& options) {
  // Parse and validate before any window opens (as sent does): a broken deck
  // is reported in the terminal, in FILE:LINE:COL form, and nothing flashes.
  deck::ParseResult parsed;
  int code = 0;
  if (!load_show_deck(options.deck, &parsed, &code, options.pdf)) return code;
  double duration_s = 0;
  ScreenOptions screens;
  if (!window_options("present", options, &duration_s, &screens)) return 2;
  const history::Recorded recorded = read_history("present", options.history, options.deck);
  return with_video("present", [&](LoopClock& clock) {
    ShowController mode(screens,
                        show::open_show(std::move(parsed.deck), {.slide = options.slide,
                                                                 .duration_s = duration_s,
                                                                 .fullscreen = options.fullscreen}),
                        clock);
    mode.planner = [&recorded, &options](show::Show& show) {
      plan_show(show, recorded, options.learn_partial);
    };
    mode.planner(mode.show());
    return run_mode(mode, clock);
  });
}

}  // namespace madang::app
