// Present mode: `madang present DECK`. The hall's view full screen on the
// projector and the presenter console on the laptop, or one view when there
// is one screen (modes/show_screens.h places and draws the windows).
//
// The show controller (modes/show_controller.h) is the whole mode; this is its
// entry point: the deck parsed before any window opens, the plan made from
// the deck's `time:` directives and the rehearsals in the history
// (session/history_support.h; read only, never created here).

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "deck/program.h"
#include "layout/theme.h"
#include "modes/forum_mode.h"
#include "modes/modes.h"
#include "modes/show_controller.h"
#include "platform/sdl_support.h"
#include "session/deck_loading.h"
#include "session/history_support.h"
#include "session/ink_store.h"

namespace madang::app {

int run_present(const PresentOptions& options) {
  if (deck::is_program_path(options.deck)) {  // forum.yaml: modes/forum_mode.h
    if (options.remote.on) {
      // Not wired to a program's controller yet (docs/remote.md): said, not ignored.
      std::fprintf(stderr, "madang present: --remote works with one deck, not yet a program (%s)\n",
                   options.deck.c_str());
      return 2;
    }
    ForumSettings forum;
    forum.time_cards_in_hall = options.time_cards == "hall";
    forum.fullscreen = options.fullscreen;
    forum.pdf = options.pdf;
    forum.start_talk = std::max(1, options.talk);
    forum.plan = [&options](show::Show& show, const std::string& deck_path) {
      plan_show(show, read_history("present", options.history, deck_path), options.learn_partial);
    };
    return run_present_program(options, forum);
  }
  // Parse and validate before any window opens (as sent does): a broken deck
  // is reported in the terminal, in FILE:LINE:COL form, and nothing flashes.
  // Only the images of the slide it starts on are checked before the first
  // frame; the rest while it shows (modes/image_checks.h).
  deck::ParseResult parsed;
  ImageChecks checks;
  int code = 0;
  if (!load_show_deck_starting(options.deck, options.slide, &parsed, &checks, &code, options.pdf))
    return code;
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
    mode.check_images(std::move(checks));
    mode.planner = [&recorded, &options](show::Show& show) {
      plan_show(show, recorded, options.learn_partial);
    };
    mode.planner(mode.show());
    // The speaker's ink, from its sidecar (a damaged one is set aside).
    const deck::Deck& deck = mode.show().deck;
    const std::string ink_file = ink_path(options.deck, options.ink);
    std::vector<std::string> warnings;
    auto ink = std::make_unique<InkSession>(
        ink_file, std::filesystem::path(options.deck).filename().string(),
        layout::theme_named(deck.meta.theme).accent,
        static_cast<float>(std::max(1, deck.meta.aspect_w)) /
            static_cast<float>(std::max(1, deck.meta.aspect_h)));
    std::vector<ink::SlideTag> slides = slide_tags(deck);
    ink->set_document(load_ink(ink_file, &warnings, true, &slides));
    ink->set_slides(std::move(slides));
    for (const std::string& w : warnings) std::fprintf(stderr, "madang present: %s\n", w.c_str());
    InkSession* session = ink.get();
    mode.enable_ink(std::move(ink));
    mode.trace_extra = [session] {
      return " ink-strokes=" + std::to_string(ink::stroke_count(session->document())) +
             " ink-points=" + std::to_string(ink::point_count(session->document())) +
             " ink-tool=" + std::to_string(static_cast<int>(session->tool()));
    };
    // --remote: the phone's remote and the audience's page (modes/remote_link.h).
    std::unique_ptr<RemoteLink> remote;
    if (options.remote.on) {
      remote = RemoteLink::start("present", options.remote);
      if (!remote) return 2;
      mode.set_remote(remote.get());
    }
    return run_mode(mode, clock);
  });
}

}  // namespace madang::app
