// `madang kiosk forum.yaml`: a program in the kiosk. The whole program loops
// by itself: each talk's title card (show::kKioskCardMs), then the talk's
// slides at their `advance` as the kiosk runs any deck, then the next talk's
// card; after the last talk, the first card again. A missing deck's card
// says so and the kiosk moves on (the deck is read when its file appears).
// A visitor takes the show as in a deck's kiosk: within a talk they move
// through its slides, Next past its last step brings the next card, a tap
// or Next on a card begins its talk; when they leave, the program starts
// again at the first card.
//
// A small controller over the kiosk (modes/kiosk_mode.h), as the forum's is
// over the show controller: the kiosk keeps the windows, the timing, the
// visitors and the way out; this one holds every talk's show (parked, each
// read before any window opens: session/program_loading.h), trades them
// into the kiosk (KioskMode::swap_show) and puts the cards over it
// (KioskMode::set_cover) through the kiosk's hooks. The order of the stops
// is show/kiosk_program.h's (pure).
//
// Test hooks: as the kiosk's (MADANG_KIOSK_TRACE adds " program-talk=T
// card=0|1 rounds=R" to each idle line).
#pragma once

#include <SDL.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modes/kiosk_mode.h"
#include "screens/forum.h"
#include "session/program_loading.h"
#include "show/kiosk_program.h"

namespace madang::app {

struct KioskProgramSettings {
  double card_ms = show::kKioskCardMs;  // how long a card stands, left alone
  deck::PdfOptions pdf;                 // how a deck that appears later is read
};

class KioskProgram final : public Mode {
 public:
  KioskProgram(LoadedProgram program, const KioskSetup& setup, LoopClock& clock,
               const KioskProgramSettings& settings = {});
  ~KioskProgram() override;
  KioskProgram(const KioskProgram&) = delete;
  KioskProgram& operator=(const KioskProgram&) = delete;

  bool open() override;
  void handle(const SDL_Event& e, double now) override { kiosk_->handle(e, now); }
  double frame(double now) override { return kiosk_->frame(now); }
  bool done() const override { return kiosk_->done(); }

  KioskMode& kiosk() { return *kiosk_; }
  const show::ProgramStop& stop() const { return stop_; }
  long rounds() const { return rounds_; }  // times it went from the last talk to the first card
  int talks() const { return static_cast<int>(talk_items_.size()); }
  // The talk whose show the kiosk holds (-1: none loaded).
  int talk_on() const { return on_; }
  const layout::ForumCard& card() const { return card_; }  // the last card put up

 private:
  bool loaded(int talk) const;
  std::vector<bool> loaded_talks() const;
  bool move_on(int direction, double now);
  void go(const show::ProgramStop& to, bool forward, double now);
  void back_to_start(double now);
  void bring_in(int talk);
  // A missing talk's deck whose file appeared or changed: read again.
  void look_for_deck(int talk);
  void put_card(int talk);

  LoadedProgram program_;
  KioskProgramSettings settings_;
  KioskSetup setup_;
  std::vector<int> talk_items_;                    // per talk: its index in program.items
  std::vector<std::optional<show::Show>> parked_;  // per talk; the one on now is in kiosk_
  std::vector<long long> stamps_;                  // per talk: its deck file's when last read
  std::unique_ptr<KioskMode> kiosk_;
  int on_ = -1;
  show::ProgramStop stop_;
  long rounds_ = 0;
  layout::ForumCard card_;
  std::string card_theme_;
};

}  // namespace madang::app
