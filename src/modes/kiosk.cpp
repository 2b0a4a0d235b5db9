// `madang kiosk DECK` (modes/modes.h run_kiosk): the options checked, the
// PIN found, the deck loaded before any window opens (errors to the log),
// then the kiosk's controller (modes/kiosk_mode.h) on the wall's clock. A
// program (forum.yaml): every talk's deck loaded, then the program over the
// kiosk (modes/kiosk_program.h).

#include <cstdio>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "deck/duration.h"
#include "deck/program.h"
#include "modes/kiosk_mode.h"
#include "modes/kiosk_program.h"
#include "modes/modes.h"
#include "modes/remote_link.h"
#include "platform/log.h"
#include "platform/pin.h"
#include "platform/sdl_support.h"
#include "session/arguments.h"
#include "session/deck_loading.h"
#include "session/program_loading.h"

namespace madang::app {

int run_kiosk(const KioskOptions& options) {
  if (options.deck.empty()) {
    std::fputs("madang kiosk: which deck? madang kiosk DECK (or --hash-pin)\n", stderr);
    return 2;
  }
  const bool program = deck::is_program_path(options.deck);
  if (program && (options.remote.on || options.visitor_ink)) {
    std::fprintf(stderr,
                 "madang kiosk: %s is a program: %s is for a kiosk of one deck (docs/forum.md)\n",
                 options.deck.c_str(), options.remote.on ? "--remote" : "--visitor-ink");
    return 2;
  }
  KioskSetup setup;
  setup.screens.display = options.display;
  setup.screens.windowed = options.windowed;
  if (!options.size.empty()) {
    layout::Size size;
    if (!parse_size("kiosk", options.size, &size)) return 2;
    setup.screens.windowed = true;
    setup.screens.width = size.width;
    setup.screens.height = size.height;
  }
  const PinSource pin = find_pin_hash(options.pin_file);
  if (!pin.ok) {
    log_line(LogLevel::kError, "kiosk", pin.error);
    return 2;
  }
  if (!pin.warning.empty()) log_line(LogLevel::kWarning, "kiosk", pin.warning);
  setup.pin_hash = pin.hash;
  setup.pin_from = pin.from;
  setup.deck_name = options.deck;
  setup.visitor_ink = options.visitor_ink;
  setup.trace = env_flag("MADANG_KIOSK_TRACE");

  // Signals first: every thread started later (SDL's, the watcher's) must
  // inherit the mask.
  std::unique_ptr<SignalEvents> signals = SignalEvents::block_signals();
  setup.signals = signals.get();

  deck::PdfOptions read_as = options.pdf;
  for (const auto& [flag, text, seconds] :
       {std::tuple{"--advance", &options.advance, &read_as.advance_s},
        std::tuple{"--idle", &options.idle, &read_as.idle_s}}) {
    if (!text->empty() && !deck::parse_interval(*text, seconds)) {
      log_line(LogLevel::kError, "kiosk",
               std::string(flag) + " '" + *text + "' is not a time " + deck::kIntervalForms);
      return 2;
    }
  }
  const auto start_signals = [&] {
    if (signals && !signals->start()) {
      log_line(LogLevel::kWarning, "kiosk", "signals are not events: SIGHUP will not reload");
    }
  };
  if (program) {
    // Every talk's deck before any window opens; a missing or broken one is
    // a card (its errors to the log), never a stop.
    LoadedProgram loaded = load_program_decks(options.deck, read_as);
    Diagnostics all = loaded.diagnostics;
    for (const ProgramDeck& d : loaded.decks) {
      all.insert(all.end(), d.parsed.diagnostics.begin(), d.parsed.diagnostics.end());
    }
    for (const Diagnostic& d : all) {
      log_line(d.severity == Severity::kError ? LogLevel::kError : LogLevel::kWarning, "kiosk",
               format_diagnostic(d));
    }
    if (loaded.diagnostics.size() == 1 && loaded.diagnostics[0].where.line == 0) return 2;
    if (loaded.program.talk_count() == 0) {
      log_line(LogLevel::kError, "kiosk", "exit: " + options.deck + " has no talks");
      return 1;
    }
    return with_video("kiosk", [&](LoopClock& clock) {
      start_signals();
      KioskProgram mode(std::move(loaded), setup, clock, {.pdf = read_as});
      return run_mode(mode, clock);
    });
  }
  // The images of slide 1 checked now (undecodable ones: placeholders), the
  // rest while it shows (modes/image_checks.h).
  ImageChecks checks;
  deck::ParseResult parsed = load_deck_starting(options.deck, 1, &checks, read_as);
  for (const Diagnostic& d : parsed.diagnostics) {
    log_line(d.severity == Severity::kError ? LogLevel::kError : LogLevel::kWarning, "kiosk",
             format_diagnostic(d));
  }
  if (has_errors(parsed.diagnostics)) {
    log_line(LogLevel::kError, "kiosk",
             "exit: the deck has errors (madang check " + options.deck + " lists them)");
    return unreadable(parsed) ? 2 : 1;
  }
  return with_video("kiosk", [&](LoopClock& clock) {
    start_signals();
    show::Show show = show::open_show(std::move(parsed.deck), {.slide = 1});
    // --remote: the audience page only, unless the kiosk has a staff PIN:
    // then its staff may drive it from a phone too (the control page's token
    // is printed in the kiosk's log, which only the staff read).
    std::unique_ptr<RemoteLink> remote;
    if (options.remote.on) {
      PresentOptions::Remote served = options.remote;
      served.control = !setup.pin_hash.empty();
      remote = RemoteLink::start("kiosk", served);
      if (!remote) return 2;
      setup.remote = remote.get();
    }
    KioskMode mode(setup, std::move(show), clock);
    mode.check_images(std::move(checks));
    return run_mode(mode, clock);
  });
}

}  // namespace madang::app
